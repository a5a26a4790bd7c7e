// Update and query definitions every case type answers. The API sends these; the workflow validates them.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, TaskOutcome, TaskProjection } from './types';

export interface TaskActionArgs {
  taskId: string;
  actor: Actor;
}
export interface ReassignArgs extends TaskActionArgs {
  assignee: Actor;
}
export interface CompleteArgs extends TaskActionArgs {
  outcome: TaskOutcome;
}

export const claimTaskUpdate = defineUpdate<TaskProjection, [TaskActionArgs]>('claimTask');
export const releaseTaskUpdate = defineUpdate<TaskProjection, [TaskActionArgs]>('releaseTask');
export const reassignTaskUpdate = defineUpdate<TaskProjection, [ReassignArgs]>('reassignTask');
export const completeTaskUpdate = defineUpdate<TaskProjection, [CompleteArgs]>('completeTask');
/** Sent with the workflow's start: returns once the case projection exists, so the API can answer 201. */
export const registerCaseUpdate = defineUpdate<{ caseId: string }, []>('registerCase');

/** `retry`: write again as is; `sanitize`: write again with text PostgreSQL cannot store replaced. */
export type RepairMode = 'retry' | 'sanitize';
/** An administrator's repair of a case whose projection could not be written. */
export const repairCaseUpdate = defineUpdate<{ stuck: boolean }, [{ actor: Actor; mode: RepairMode }]>('repairCase');

export interface CaseStateView {
  caseId: string;
  state: string;
  status: string;
  tasks: TaskProjection[];
  dueAt: number | null;
  /** set while the case waits for a repair of its projection */
  stuck?: { code: string; message: string } | null;
}
export const getCaseStateQuery = defineQuery<CaseStateView>('getCaseState');
