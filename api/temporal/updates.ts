import {
  isGrpcServiceError,
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
  new AppError(
    503,
    'CASE_STUCK',
    'Accepted, but the case has not finished the change: it applies it once it can be saved (a case that cannot be saved waits for an administrator’s repair)',
  );

/** Temporal, or the case's worker, did not take the change in time (restarting, or unreachable). */
export const engineUnavailable = () =>
  new AppError(
    503,
    'ENGINE_UNAVAILABLE',
    'The case engine did not take the change in time (it may be restarting): look at the case again, and try again if it has not changed',
  );

// gRPC codes for "the server could not be reached, or did not answer in time"
const UNREACHABLE = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

/** Whether Temporal could not be reached (the client's own retries included): an outage, not a fault in the request. */
export function isEngineUnreachable(err: unknown): boolean {
  for (let e = err; e instanceof Error; e = (e as { cause?: unknown }).cause) {
    if (isGrpcServiceError(e) && UNREACHABLE.has(e.code)) return true;
  }
  return false;
}

/**
 * Runs a Temporal call that is abandoned at `deadline` (ms since the epoch), with `late()` as the
 * answer. The abort also ends the SDK's polling; its retries of an unreachable server do not look at
 * the abort while they back off, so the answer does not wait for them.
 */
export async function withDeadline<T>(temporal: Client, deadline: number, call: () => Promise<T>, late: () => AppError): Promise<T> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const abandoned = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        abort.abort();
        reject(late());
      },
      Math.max(0, deadline - Date.now()),
    );
  });
  const work = temporal.withAbortSignal(abort.signal, call);
  work.catch(() => undefined); // it may settle after the answer
  try {
    return await Promise.race([work, abandoned]);
  } catch (err) {
    if (abort.signal.aborted) throw late();
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

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
  const deadline = Date.now() + waitMs;
  let handle: WorkflowUpdateHandle<Ret>;
  try {
    const start = () => temporal.workflow.getHandle(workflowId).startUpdate(def, { args, waitForStage: WorkflowUpdateStage.ACCEPTED });
    handle = await withDeadline(temporal, deadline, start, engineUnavailable);
  } catch (err) {
    throw mapUpdateError(err);
  }
  return boundedResult(temporal, handle, Math.max(1, deadline - Date.now()));
}

/**
 * The accepted Update's result, or CASE_STUCK after `waitMs`, or when Temporal cannot be reached to ask
 * for it: accepted, the change is applied when the case can.
 */
export async function boundedResult<Ret>(temporal: Client, handle: WorkflowUpdateHandle<Ret>, waitMs = UPDATE_WAIT_MS): Promise<Ret> {
  try {
    return await withDeadline(temporal, Date.now() + waitMs, () => handle.result(), caseStuck);
  } catch (err) {
    throw isEngineUnreachable(err) ? caseStuck() : mapUpdateError(err);
  }
}

export function mapUpdateError(err: unknown): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const reason = String(err.cause.details?.[0] ?? err.cause.type ?? 'REJECTED');
    if (err.cause.type === 'FORBIDDEN') return forbidden(err.cause.message, reason);
    if (err.cause.type === 'CONFLICT') return conflict(reason, err.cause.message);
  }
  if (err instanceof WorkflowNotFoundError) return conflict('CASE_FINISHED', 'This case no longer accepts changes');
  if (isEngineUnreachable(err)) return engineUnavailable();
  return err;
}
