import { defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../engine/types';

/** The requester answers the receiving team's question; the request goes back to the team. */
export const answerRequestUpdate = defineUpdate<void, [{ actor: Actor; answer: string }]>('answerRequest');
