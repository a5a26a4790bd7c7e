// The reconciler of import jobs (docs/crm.md "Imports"): a job is staged (committed) before its workflow is
// started, so a process that dies between the two, or a start whose failure could not be recorded, would leave
// the job `queued` with no workflow. Every API process looks now and then for jobs queued for longer than a
// start takes and starts them; the workflow id comes from the job id (`import-<id>`), so a job that has its
// workflow, or that two replicas start at once, is started once.
import type { Deps } from '../deps';
import { importWorkflowId } from '../../platform/imports/jobs';

/** How long a job may wait in `queued` for the API's own start before the reconciler starts it. */
export const QUEUED_GRACE_MS = 60_000;
/** Jobs started per sweep. */
const SWEEP_LIMIT = 100;

/** Starts the workflows of jobs queued for longer than `graceMs`; returns how many it started. */
export async function startQueuedImports(deps: Pick<Deps, 'db' | 'temporal' | 'env'>, graceMs = QUEUED_GRACE_MS): Promise<number> {
  const { rows } = await deps.db.pool.query<{ id: string }>(
    `SELECT id FROM import_jobs WHERE status = 'queued' AND created_at < now() - make_interval(secs => $1::float / 1000)
      ORDER BY created_at LIMIT ${SWEEP_LIMIT}`,
    [graceMs],
  );
  let started = 0;
  for (const { id } of rows) {
    try {
      await deps.temporal.workflow.start('importWorkflow', {
        workflowId: importWorkflowId(id),
        taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
        args: [{ jobId: id }],
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      });
      started++;
    } catch (err) {
      // its workflow runs: it will begin the job
      if ((err as Error).name === 'WorkflowExecutionAlreadyStartedError') continue;
      throw err;
    }
  }
  return started;
}
