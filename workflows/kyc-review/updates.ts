import { defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../engine/types';
import type { RiskAssessment } from './risk';
import type { RiskBand } from './states';

/** The client answered a request for information (also ends a suspension). */
export const kycClientRespondedUpdate = defineUpdate<void, [{ actor: Actor; note: string }]>('kycClientResponded');
/** A person sets the risk band by hand, with a reason; answers with the assessment now in force. */
export const overrideRiskUpdate = defineUpdate<RiskAssessment, [{ actor: Actor; band: RiskBand; reason: string }]>('overrideRisk');
