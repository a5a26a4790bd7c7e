// An import job (docs/crm.md "Imports"): batches of rows, each applied with the job's progress in one
// transaction by an activity; for leads, then their client-development cases. Deterministic: it only
// orchestrates. Restarted from the job's stored progress (a killed worker's batch is done again in full,
// a committed one never), and continues as new every so many batches to keep its history short.
import { ActivityFailure, ApplicationFailure, continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ImportActivities } from '../../activities/imports';

const acts = proxyActivities<ImportActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '15 seconds',
  retry: { maximumInterval: '30 seconds' },
});

export interface ImportInput {
  jobId: string;
}

const ACTIVITIES_PER_RUN = 200;

export async function importWorkflow(input: ImportInput): Promise<{ status: 'done' | 'failed' }> {
  const { jobId } = input;
  try {
    const job = await acts.beginImport({ jobId });
    if (['done', 'failed', 'dry_run'].includes(job.status)) return { status: job.status === 'failed' ? 'failed' : 'done' };
    let { processed, casesSeq } = job;
    for (let n = 0; processed < job.total; n++) {
      if (n >= ACTIVITIES_PER_RUN || workflowInfo().continueAsNewSuggested) await continueAsNew<typeof importWorkflow>(input);
      ({ processed } = await acts.applyImportBatch({ jobId, size: job.batchRows }));
    }
    if (job.kind === 'leads' && !job.dryRun) {
      for (let n = 0; casesSeq < processed; n++) {
        if (n >= ACTIVITIES_PER_RUN || workflowInfo().continueAsNewSuggested) await continueAsNew<typeof importWorkflow>(input);
        ({ casesSeq } = await acts.startImportCases({ jobId, size: job.caseBatch }));
      }
    }
    await acts.finishImport({ jobId });
    return { status: 'done' };
  } catch (err) {
    if (!(err instanceof ActivityFailure) || !(err.cause instanceof ApplicationFailure)) throw err;
    await acts.finishImport({ jobId, error: err.cause.message });
    return { status: 'failed' };
  }
}
