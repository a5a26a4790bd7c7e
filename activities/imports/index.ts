// Activities of import jobs (workflows/import): each batch applies its rows and moves the job's progress
// in one transaction (platform/imports/apply.ts); the leads' client-development cases start afterwards.
import { Context, activityInfo } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../../platform/db';
import { applyBatches } from '../../platform/imports/apply';
import { batchRows, beginImport, finishImport, startCasesBatch, type JobState } from '../../platform/imports/run';
import { routeAlerts } from '../../platform/monitoring/grouping';
import { DomainError } from '../../platform/errors';
import { amlCaseStarter } from '../aml-case/starter';

/** How long one applyImportBatch activity goes on applying batches (each committed on its own). */
const BATCHES_FOR_MS = 5_000;

export function createImportActivities(db: Db) {
  const { pool } = db;
  return {
    async beginImport(input: { jobId: string }): Promise<JobState & { batchRows: number; caseBatch: number }> {
      const job = await beginImport(pool, input.jobId);
      const sizes = await batchRows(pool);
      return { ...job, batchRows: sizes.rows, caseBatch: sizes.cases };
    },
    /**
     * Applies batches one after another, each in its own transaction (applyBatches), until the job is done
     * or BATCHES_FOR_MS have passed: the same batches as one activity each, without a round trip through the
     * workflow between them. A retry after a crash goes on after the last committed batch.
     */
    async applyImportBatch(input: { jobId: string; size: number }): Promise<{ processed: number; total: number }> {
      const ctx = Context.current();
      ctx.heartbeat();
      const until = Date.now() + BATCHES_FOR_MS;
      try {
        return await applyBatches(
          pool,
          input.jobId,
          input.size,
          () => Date.now() < until && !ctx.cancellationSignal.aborted,
          async (r) => {
            // alerts the batch's transactions raised go to AML cases; a crash here leaves them to monitoring's routePending
            if (r.alerts.length) await routeAlerts(pool, amlCaseStarter(), r.alerts);
            ctx.heartbeat();
          },
        );
      } catch (err) {
        if (err instanceof DomainError) throw ApplicationFailure.nonRetryable(err.message, err.code);
        throw err;
      }
    },
    async startImportCases(input: { jobId: string; size: number }): Promise<{ casesSeq: number; processed: number }> {
      const ctx = Context.current();
      ctx.heartbeat();
      return startCasesBatch(pool, ctx.client, activityInfo().taskQueue, input.jobId, input.size, 8, () => ctx.heartbeat());
    },
    async finishImport(input: { jobId: string; error?: string }): Promise<void> {
      await finishImport(pool, input.jobId, input.error);
    },
  };
}

export type ImportActivities = ReturnType<typeof createImportActivities>;
