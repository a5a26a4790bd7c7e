import { defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../engine/types';

export const clientRespondedUpdate = defineUpdate<void, [{ actor: Actor; note: string }]>('clientResponded');
export const reopenCaseUpdate = defineUpdate<void, [{ actor: Actor; reason: string }]>('reopenCase');
