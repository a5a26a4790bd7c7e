import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../engine/types';
import type { RiskAssessment } from './risk';
import type { RiskBand } from './states';

/** The client answered a request for information (also ends a suspension). */
export const kycClientRespondedUpdate = defineUpdate<void, [{ actor: Actor; note: string }]>('kycClientResponded');
/** A person sets the risk band by hand, with a reason; answers with the assessment now in force. */
export const overrideRiskUpdate = defineUpdate<RiskAssessment, [{ actor: Actor; band: RiskBand; reason: string }]>('overrideRisk');

/** A review's decision, told to the workflows watching it (a client-development case waits for it). */
export interface KycDecision {
  caseId: string;
  decision: 'approved' | 'rejected';
  at: number;
}
/** Sent by a review to each watcher when it decides. */
export const kycDecidedSignal = defineSignal<[KycDecision]>('kycDecided');
/** Asks a running review to tell `workflowId` its decision (a review started by someone else is adopted). */
export const watchKycSignal = defineSignal<[{ workflowId: string }]>('watchKycReview');
