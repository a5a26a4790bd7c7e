import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateStage,
  type Client,
  type WorkflowUpdateHandle,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { AppError, conflict, forbidden } from '../http/errors';

/**
 * How long a request waits for an accepted Update to finish. An Update's handler writes the projection;
 * a case whose write can never succeed holds (see workflows/engine/projection-writer.ts) until an
 * administrator repairs it, and the request must not wait for that.
 */
export const UPDATE_WAIT_MS = 20_000;

export const caseStuck = () =>
  new AppError(503, 'CASE_STUCK', 'Accepted, but the case has not finished the change: it applies it once it can be saved (a case that cannot be saved waits for an administrator’s repair)');

/**
 * Sends an Update to a case workflow. The workflow's validators are the rules: their refusals
 * become 409 (state does not allow it) or 403 (this person may not), with the workflow's reason.
 * An accepted Update that does not finish within `UPDATE_WAIT_MS` is 503 CASE_STUCK.
 */
export function sendUpdate<Ret, Args extends [unknown, ...unknown[]]>(
  temporal: Client,
  workflowId: string,
  def: UpdateDefinition<Ret, Args>,
  ...args: Args
): Promise<Ret> {
  return sendUpdateWithin(UPDATE_WAIT_MS, temporal, workflowId, def, ...args);
}

/** sendUpdate with another bound on the wait (tests). */
export async function sendUpdateWithin<Ret, Args extends [unknown, ...unknown[]]>(
  waitMs: number,
  temporal: Client,
  workflowId: string,
  def: UpdateDefinition<Ret, Args>,
  ...args: Args
): Promise<Ret> {
  let handle: WorkflowUpdateHandle<Ret>;
  try {
    handle = await temporal.workflow.getHandle(workflowId).startUpdate(def, { args, waitForStage: WorkflowUpdateStage.ACCEPTED });
  } catch (err) {
    throw mapUpdateError(err);
  }
  return boundedResult(temporal, handle, waitMs);
}

/**
 * The accepted Update's result, or CASE_STUCK after `waitMs`. The abort also ends the SDK's polling,
 * which would otherwise go on for as long as the case holds.
 */
export async function boundedResult<Ret>(temporal: Client, handle: WorkflowUpdateHandle<Ret>, waitMs = UPDATE_WAIT_MS): Promise<Ret> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), waitMs);
  try {
    return await temporal.withAbortSignal(abort.signal, () => handle.result());
  } catch (err) {
    if (abort.signal.aborted) throw caseStuck();
    throw mapUpdateError(err);
  } finally {
    clearTimeout(timer);
  }
}

export function mapUpdateError(err: unknown): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const reason = String(err.cause.details?.[0] ?? err.cause.type ?? 'REJECTED');
    if (err.cause.type === 'FORBIDDEN') return forbidden(err.cause.message, reason);
    if (err.cause.type === 'CONFLICT') return conflict(reason, err.cause.message);
  }
  if (err instanceof WorkflowNotFoundError) return conflict('CASE_FINISHED', 'This case no longer accepts changes');
  return err;
}
