import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { conflict, forbidden } from '../http/errors';

/**
 * Sends an Update to a case workflow. The workflow's validators are the rules: their refusals
 * become 409 (state does not allow it) or 403 (this person may not), with the workflow's reason.
 */
export async function sendUpdate<Ret, Args extends [unknown, ...unknown[]]>(
  temporal: Client,
  workflowId: string,
  def: UpdateDefinition<Ret, Args>,
  ...args: Args
): Promise<Ret> {
  try {
    return await temporal.workflow.getHandle(workflowId).executeUpdate(def, { args });
  } catch (err) {
    throw mapUpdateError(err);
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
