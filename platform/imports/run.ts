// The job's life outside its batches: begun (running), the client-development cases of imported leads
// started after the last batch at the rate the engine takes them, and finished (done, dry_run or failed).
// Start and finish are audited.
import type pg from 'pg';
import type { Client as TemporalClient } from '@temporalio/client';
import { auditIn } from '../audit';
import { inTransaction } from '../db';
import { intakeLead } from '../crm/development';
import { importedLeadId } from './batch';
import { notifyProgress } from './jobs';

export interface JobState {
  kind: string;
  dryRun: boolean;
  total: number;
  processed: number;
  casesSeq: number;
  status: string;
}

const STATE = `kind, dry_run AS "dryRun", total, processed, cases_seq AS "casesSeq", status`;

/** Marks the job running (once) and audits its start. */
export async function beginImport(pool: pg.Pool, jobId: string): Promise<JobState> {
  return inTransaction(pool, async (tx) => {
    const { rows } = await tx.query<JobState & { created_by_id: string }>(
      `SELECT ${STATE}, created_by_id FROM import_jobs WHERE id = $1 FOR UPDATE`,
      [jobId],
    );
    const job = rows[0];
    if (!job) throw new Error(`import ${jobId} not found`);
    if (job.status === 'queued') {
      await tx.query(`UPDATE import_jobs SET status = 'running', started_at = now() WHERE id = $1`, [jobId]);
      await auditIn(tx, {
        actorId: job.created_by_id,
        action: 'import_started',
        entity: 'import',
        entityId: jobId,
        data: { kind: job.kind },
      });
      await notifyProgress(tx, jobId, job.created_by_id);
      job.status = 'running';
    }
    return job;
  });
}

/**
 * Starts (or reopens, as POST /api/leads does) the client-development cases of the leads stored from the
 * rows after the job's case progress, a few at a time; then moves that progress. A crash before the move
 * starts them again: intake is idempotent (the case id is the lead's), so each lead has one case.
 */
export async function startCasesBatch(
  pool: pg.Pool,
  temporal: TemporalClient,
  taskQueue: string,
  jobId: string,
  size: number,
  concurrency = 8,
  heartbeat: () => void = () => undefined,
): Promise<{ casesSeq: number; processed: number }> {
  const { rows: jobs } = await pool.query<{ cases_seq: number; processed: number; created_by_id: string }>(
    'SELECT cases_seq, processed, created_by_id FROM import_jobs WHERE id = $1',
    [jobId],
  );
  const job = jobs[0];
  if (!job || job.cases_seq >= job.processed) return { casesSeq: job?.cases_seq ?? 0, processed: job?.processed ?? 0 };
  const { rows } = await pool.query<{ seq: number; line: number }>(
    'SELECT seq, line FROM import_rows WHERE job_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4',
    [jobId, job.cases_seq, job.processed, size],
  );
  const { rows: leads } = await pool.query<{ id: string }>('SELECT id FROM leads WHERE id = ANY($1::uuid[])', [
    rows.map((r) => importedLeadId(jobId, r.line)),
  ]);
  let started = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, leads.length) }, async () => {
      while (next < leads.length) {
        const lead = leads[next++];
        const r = await intakeLead(temporal, taskQueue, pool, lead.id);
        if (r.action === 'started' || r.action === 'reopened') started++;
        heartbeat();
      }
    }),
  );
  const casesSeq = rows.length ? rows[rows.length - 1].seq : job.processed;
  await inTransaction(pool, async (tx) => {
    await tx.query(
      `UPDATE import_jobs SET cases_seq = $2, cases_processed = cases_processed + $3, cases_started = cases_started + $4 WHERE id = $1 AND cases_seq < $2`,
      [jobId, casesSeq, leads.length, started],
    );
    await notifyProgress(tx, jobId, job.created_by_id);
  });
  return { casesSeq, processed: job.processed };
}

/** Ends the job: done (dry_run for a dry run) or failed with the reason. Audited once. */
export async function finishImport(pool: pg.Pool, jobId: string, error?: string): Promise<void> {
  await inTransaction(pool, async (tx) => {
    const { rows } = await tx.query(
      `SELECT kind, dry_run, status, created_by_id, total, processed, applied, rejected, duplicates, cases_started FROM import_jobs WHERE id = $1 FOR UPDATE`,
      [jobId],
    );
    const job = rows[0];
    if (!job || ['done', 'failed', 'dry_run'].includes(job.status)) return;
    const status = error ? 'failed' : job.dry_run ? 'dry_run' : 'done';
    await tx.query(
      `UPDATE import_jobs SET status = $2, error = $3, finished_at = now(), started_at = coalesce(started_at, now()) WHERE id = $1`,
      [jobId, status, error ?? null],
    );
    // the e-mail and phone keys taken (personal data) served the batches only
    await tx.query('DELETE FROM import_keys WHERE job_id = $1', [jobId]);
    await auditIn(tx, {
      actorId: job.created_by_id,
      action: 'import_finished',
      entity: 'import',
      entityId: jobId,
      data: {
        kind: job.kind,
        status,
        total: job.total,
        processed: job.processed,
        applied: job.applied,
        rejected: job.rejected,
        duplicates: job.duplicates,
        casesStarted: job.cases_started,
        ...(error ? { error } : {}),
      },
    });
    await notifyProgress(tx, jobId, job.created_by_id);
  });
}

/** Rows per batch: the setting `imports.batchRows` (default 1000). */
export async function batchRows(pool: pg.Pool): Promise<{ rows: number; cases: number }> {
  const { rows } = await pool.query<{ key: string; value: unknown }>(
    `SELECT key, value FROM settings WHERE key IN ('imports.batchRows', 'imports.caseBatch')`,
  );
  const get = (k: string, d: number) => {
    const v = Number(rows.find((r) => r.key === k)?.value);
    return Number.isInteger(v) && v > 0 ? v : d;
  };
  return { rows: get('imports.batchRows', 1000), cases: get('imports.caseBatch', 50) };
}
