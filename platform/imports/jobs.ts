// Import jobs: staging an upload (the job's row and one import_rows row per data line, in one
// transaction), reading a job as the API shows it, and telling the uploader's sockets that it moved.
import type pg from 'pg';
import { auditIn } from '../audit';
import { inTransaction, type SqlRow } from '../db';
import { LIVE_CHANNEL } from '../live';
import type { Queryable } from '../crm/clients';
import { mapColumns, type ImportKind } from './kinds';
import { FileFormatError, readRecords } from './parse';
import { sanitizeText, unstorableReason } from '../text';

export const importWorkflowId = (id: string) => `import-${id}`;

/** Rows inserted per statement while staging. */
const STAGE_CHUNK = 2000;
/** Data rows one file may have. */
export const MAX_IMPORT_ROWS = 1_000_000;

export interface NewImport {
  id: string;
  kind: ImportKind;
  fileName: string;
  format: 'csv' | 'xlsx';
  content: string;
  mapping?: Record<string, string>;
  dryRun: boolean;
  source?: string;
  createdById: string;
  branchId: string | null;
  idempotencyKey?: string | null;
  requestHash?: string | null;
  ip?: string;
}

/** The file or its header cannot be imported at all: each problem with its place (400). */
export class ImportFileError extends Error {
  constructor(readonly fields: { path: string; message: string }[]) {
    super(fields.map((f) => `${f.path}: ${f.message}`).join('; '));
  }
}

const what = (s: string) => (s.includes('\u0000') ? 'NUL, U+0000' : 'a lone UTF-16 surrogate');
const storable = (s: string) => sanitizeText(s);
/** The finding of a cell with a character PostgreSQL refuses (platform/text.ts): its row is not imported. */
export const cellUnstorable = (s: string) => `contains a character the database cannot store (${what(s)})`;
const headerUnstorable = (s: string, i: number) =>
  `the header's column ${i + 1} ("${storable(s)}") contains a character the database cannot store (${what(s)}): nothing was imported`;

/** Reads the file, maps its header and stores the job (queued) with every data row. Audited. */
export async function stageImport(pool: pg.Pool, job: NewImport): Promise<void> {
  await inTransaction(pool, async (tx) => {
    let header: string[] | null = null;
    let fields: string[] = [];
    let seq = 0;
    let chunk: { line: number; cells: string[] }[] = [];
    /** rows refused at staging: a mapped cell held a character PostgreSQL cannot store */
    let unstorable: { seq: number; line: number; field: string; reason: string }[] = [];
    const flush = async () => {
      if (!chunk.length) return;
      const first = seq - chunk.length + 1;
      await tx.query(
        `INSERT INTO import_rows (job_id, seq, line, cells)
         SELECT $1, $2::int + ord::int - 1, l, c::jsonb FROM unnest($3::int[], $4::text[]) WITH ORDINALITY AS t(l, c, ord)`,
        [job.id, first, chunk.map((r) => r.line), chunk.map((r) => JSON.stringify(r.cells))],
      );
      chunk = [];
      if (!unstorable.length) return;
      await tx.query(
        `INSERT INTO import_findings (job_id, seq, line, field, reason, rejected)
         SELECT $1, * , TRUE FROM unnest($2::int[], $3::int[], $4::text[], $5::text[])`,
        [
          job.id,
          unstorable.map((f) => f.seq),
          unstorable.map((f) => f.line),
          unstorable.map((f) => f.field),
          unstorable.map((f) => f.reason),
        ],
      );
      unstorable = [];
    };
    try {
      for await (const rec of readRecords(job.format, job.content)) {
        if (!header) {
          const bad = rec.cells.flatMap((c, i) => (unstorableReason(c) ? [{ path: 'body.content', message: headerUnstorable(c, i) }] : []));
          if (bad.length) throw new ImportFileError(bad);
          header = rec.cells;
          const mapped = mapColumns(job.kind, header, job.mapping, !!job.source);
          if (mapped.errors.length) throw new ImportFileError(mapped.errors);
          fields = mapped.fields;
          await tx.query(
            `INSERT INTO import_jobs (id, kind, file_name, format, dry_run, source, columns, fields, created_by_id, branch_id, idempotency_key,
               request_hash, workflow_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
            [
              job.id,
              job.kind,
              job.fileName,
              job.format,
              job.dryRun,
              job.source ?? null,
              header,
              fields,
              job.createdById,
              job.branchId,
              job.idempotencyKey ?? null,
              job.requestHash ?? null,
              importWorkflowId(job.id),
            ],
          );
          continue;
        }
        if (++seq > MAX_IMPORT_ROWS) throw new ImportFileError([{ path: 'body.content', message: `more than ${MAX_IMPORT_ROWS} rows` }]);
        if (rec.cells.some((c) => unstorableReason(c))) {
          // the row is kept (cleaned, for the rejects) and refused: each mapped field that held such a character
          rec.cells.forEach((c, i) => {
            if (fields[i] && unstorableReason(c)) unstorable.push({ seq, line: rec.line, field: fields[i], reason: cellUnstorable(c) });
          });
          rec.cells = rec.cells.map(storable);
        }
        chunk.push(rec);
        if (chunk.length >= STAGE_CHUNK) await flush();
      }
    } catch (err) {
      if (err instanceof FileFormatError) throw new ImportFileError([{ path: 'body.content', message: err.message }]);
      throw err;
    }
    if (!header) throw new ImportFileError([{ path: 'body.content', message: 'empty: no header line' }]);
    await flush();
    await tx.query('UPDATE import_jobs SET total = $2 WHERE id = $1', [job.id, seq]);
    await auditIn(tx, {
      actorId: job.createdById,
      action: 'import_created',
      entity: 'import',
      entityId: job.id,
      ip: job.ip,
      data: { kind: job.kind, fileName: job.fileName, format: job.format, dryRun: job.dryRun, rows: seq, columns: header, fields },
    });
  });
}

export const JOB_COLUMNS = `j.id, j.kind, j.file_name, j.format, j.dry_run, j.source, j.columns, j.fields, j.status, j.total, j.processed, j.applied,
  j.rejected, j.duplicates, j.cases_total, j.cases_processed, j.cases_started, j.error, j.created_by_id, u.name AS created_by_name,
  j.branch_id, j.workflow_id, j.created_at, j.started_at, j.finished_at, j.applied_at, j.request_hash`;

export type JobRow = SqlRow & { id: string; created_by_id: string; status: string; kind: ImportKind };

export async function readJob(q: Queryable, id: string): Promise<JobRow | null> {
  const { rows } = (await q.query(`SELECT ${JOB_COLUMNS} FROM import_jobs j JOIN users u ON u.id = j.created_by_id WHERE j.id = $1`, [
    id,
  ])) as pg.QueryResult<JobRow>;
  return rows[0] ?? null;
}

export interface ImportProgress {
  id: string;
  status: string;
  total: number;
  processed: number;
  applied: number;
  rejected: number;
}

/** What a job's uploader is told on its sockets (api/realtime): `import.progress`. */
export const progressOf = (
  j: JobRow,
): ImportProgress & { duplicates: number; cases: { total: number; processed: number; started: number } } => ({
  id: j.id,
  status: j.status,
  total: j.total,
  processed: j.processed,
  applied: j.applied,
  rejected: j.rejected,
  duplicates: j.duplicates,
  cases: { total: j.cases_total, processed: j.cases_processed, started: j.cases_started },
});

/** Announces at commit that a job moved: the API forwards it to the uploader's sockets only. */
export async function notifyProgress(q: Queryable, jobId: string, userId: string): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify({ kind: 'import', id: jobId, userId })]);
}
