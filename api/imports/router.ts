// Imports as background jobs (docs/crm.md "Imports"): POST /api/imports stages the file and starts the
// job's workflow (`import-<id>`); the job, its list and its rejects as CSV are read here, its progress also
// goes live to the uploader's sockets (`import.progress`, api/realtime).
//
// Who imports what: leads, the staff who edit client data (the roles of POST /api/leads, back_office among
// them) and admins; clients, trading accounts and transactions (back-office data loads), back_office and admins. Who sees a job: its
// uploader; admins every job; roles that supervise client books the jobs of uploaders of their branch.
import { createHash, randomUUID } from 'node:crypto';
import { Router } from 'express';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { canonicalJson } from '../../platform/timeline';
import { derivedId } from '../../platform/ids';
import { IMPORT_KINDS, kindFields, type ImportKind } from '../../platform/imports/kinds';
import {
  ImportFileError,
  JOB_COLUMNS,
  importWorkflowId,
  notifyProgress,
  progressOf,
  readJob,
  stageImport,
  type JobRow,
} from '../../platform/imports/jobs';
import { findingsOf } from '../../platform/imports/apply';
import type { SessionUser } from '../auth/session';
import type { ApiDeps } from '../deps';
import { AppError, badRequest, forbidden, notFound } from '../http/errors';
import { page, sendRange } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import { isEngineUnreachable } from '../temporal/updates';

/** Largest body of POST /api/imports (api/http/json-body.ts): a 20 MB XLSX is about 27 MB in base64. */
export const IMPORT_BODY_LIMIT = '30mb';
const MAX_CONTENT = 30 * 1024 * 1024;

const ImportBody = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    fileName: z.string().trim().min(1).max(255),
    format: z.enum(['csv', 'xlsx']),
    /** the file: CSV text, or the XLSX workbook in base64 */
    content: z.string().min(1).max(MAX_CONTENT),
    /** file column → field ('' leaves the column out); columns not named map by their name */
    mapping: z.record(z.string().min(1).max(200), z.string().max(60)).optional(),
    /** validate every row and report what is wrong; store nothing else */
    dryRun: z.boolean().default(false),
    /** leads: the source of rows without one; transactions: the system they come from (`import:<source>`) */
    source: z.string().trim().min(1).max(60).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b.mapping ?? {}).length <= 200, { message: 'at most 200 columns', path: ['mapping'] });

const Progress = z.object({ total: z.number().int(), processed: z.number().int(), started: z.number().int() });
export const ImportView = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  dryRun: z.boolean(),
  source: z.string().nullable(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'dry_run']),
  /** data rows in the file */
  total: z.number().int(),
  /** rows validated (and applied, unless a dry run) */
  processed: z.number().int(),
  /** rows applied (a dry run: rows that would be) */
  applied: z.number().int(),
  /** rows refused: GET /api/imports/{id}/rejects says why */
  rejected: z.number().int(),
  /** leads applied with possible duplicates among leads and clients (for review) */
  duplicates: z.number().int(),
  /** leads: their client-development cases, started after the rows: leads to take in, taken in, cases started or reopened */
  cases: Progress,
  columns: z.array(z.string()),
  /** the field each column filled ('' left out) */
  fields: z.array(z.string()),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  /** when the last row was applied (before the cases) */
  appliedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  workflowId: z.string(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const toImportView = (j: JobRow): z.infer<typeof ImportView> => ({
  ...progressOf(j),
  kind: j.kind,
  fileName: j.file_name,
  format: j.format,
  dryRun: j.dry_run,
  source: j.source,
  status: j.status as z.infer<typeof ImportView>['status'],
  columns: j.columns,
  fields: j.fields,
  error: j.error,
  createdBy: j.created_by_id,
  createdByName: j.created_by_name,
  createdAt: j.created_at.toISOString(),
  startedAt: iso(j.started_at),
  appliedAt: iso(j.applied_at),
  finishedAt: iso(j.finished_at),
  workflowId: j.workflow_id,
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function importsRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const router = Router();
  const { pool } = deps.db;
  const LEAD_ROLES = [...new Set([...deps.access.clientRoles('edits'), 'admin'])];
  /** back-office data loads (docs/crm.md "Imports", Who) */
  const BULK_ROLES = ['back_office', 'admin'];
  const rolesFor = (kind: ImportKind) => (kind === 'leads' ? LEAD_ROLES : BULK_ROLES);
  const SUPERVISORS = deps.access.clientRoles('supervises');
  const mayImport = (user: SessionUser, kind: ImportKind) => user.roles.some((r) => rolesFor(kind).includes(r));
  /** who sees a job: SQL over import_jobs j, parameters appended */
  const visible = (user: SessionUser, params: unknown[]) => {
    if (deps.access.isAdmin(user)) return 'TRUE';
    params.push(user.id);
    const own = `j.created_by_id = $${params.length}`;
    if (!user.roles.some((r) => SUPERVISORS.includes(r))) return own;
    params.push(user.branchId);
    return `(${own} OR j.branch_id = $${params.length})`;
  };
  const scopedJob = async (user: SessionUser, id: string) => {
    const params: unknown[] = [id];
    const where = visible(user, params);
    const { rows } = await pool.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM import_jobs j JOIN users u ON u.id = j.created_by_id WHERE j.id = $1 AND ${where}`,
      params,
    );
    if (!rows[0]) throw notFound('Import');
    return rows[0];
  };
  const ALL = [...new Set([...LEAD_ROLES, ...BULK_ROLES])];

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/imports',
      summary:
        'Import leads, clients, trading accounts or transactions from a CSV or XLSX file (content: CSV text or base64 XLSX, at most ~30 MB) as a ' +
        'background job: the rows are stored, then applied in batches by the workflow import-<id>; progress in GET /api/imports/{id} and the ' +
        'socket event import.progress. dryRun validates every row and stores nothing else. Leads: roles that edit client data, and admins; ' +
        'clients, accounts and transactions: back_office and admins. With an Idempotency-Key the same upload answers the same job.',
      tag: 'imports',
      roles: ALL,
      body: ImportBody,
      // a NUL or lone surrogate in a cell refuses that row only (a finding), in the header the file (400)
      rawText: ['content'],
      response: ImportView,
      status: 201,
      alsoOk: { 200: 'the same Idempotency-Key and request again: the job it started' },
      errors: {
        422: 'the Idempotency-Key was used with another request',
        503: 'the workflow engine did not answer: the job is stored as failed (the same Idempotency-Key again retries it)',
      },
    },
    async ({ body, user, req, res }) => {
      if (!mayImport(user, body.kind)) throw forbidden(`Your role does not import ${body.kind}`, 'import_kind');
      const key = req.header('idempotency-key');
      const requestHash = sha256(canonicalJson({ ...body, content: sha256(body.content) }));
      const id = key ? derivedId(`import:${user.id}:${key}`) : randomUUID();
      if (key) {
        const existing = await readJob(pool, id);
        if (existing) {
          if (existing.request_hash !== requestHash)
            throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request; use a new key');
          // a job whose start failed before (marked failed, never begun) is started again by the retry
          await pool.query(
            `UPDATE import_jobs SET status = 'queued', error = NULL, finished_at = NULL WHERE id = $1 AND status = 'failed' AND started_at IS NULL`,
            [id],
          );
          await startOrFail(id);
          res.status(200).json(toImportView((await readJob(pool, id))!));
          return undefined;
        }
      }
      try {
        await stageImport(pool, {
          id,
          kind: body.kind,
          fileName: body.fileName,
          format: body.format,
          content: body.content,
          mapping: body.mapping,
          dryRun: body.dryRun,
          source: body.source,
          createdById: user.id,
          branchId: user.branchId,
          idempotencyKey: key ? sha256(key) : null,
          requestHash,
          ip: req.ip,
        });
      } catch (err) {
        if (err instanceof ImportFileError) throw badRequest(err.fields, 'The file cannot be imported: nothing was stored');
        // the same key sent twice at once: the other request staged it
        if ((err as { code?: string }).code === '23505' && key) {
          const other = await readJob(pool, id);
          if (other && other.request_hash === requestHash) return toImportView(other);
        }
        throw err;
      }
      await startOrFail(id);
      return toImportView((await readJob(pool, id))!);
    },
  );

  /**
   * Starts a queued job's workflow (id `import-<job id>`; one already running is the job started). A start
   * that fails marks the job failed with a reason a person can read, so no job waits in `queued` for a
   * workflow that does not exist; the answer is then 503 (the engine did not answer) or 500. A retry with
   * the same Idempotency-Key starts it again.
   */
  async function startOrFail(id: string): Promise<void> {
    const job = await readJob(pool, id);
    if (job?.status !== 'queued') return;
    try {
      await deps.temporal.workflow.start('importWorkflow', {
        workflowId: importWorkflowId(id),
        taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
        args: [{ jobId: id }],
        // a workflow that ran for this job and ended (it found the job failed) does not block a new start
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      });
    } catch (err) {
      if ((err as Error).name === 'WorkflowExecutionAlreadyStartedError') return;
      const unreachable = isEngineUnreachable(err);
      // only a job still queued: a start that did happen despite the error has moved it on
      const marked = await pool.query(
        `UPDATE import_jobs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1 AND status = 'queued'`,
        [
          id,
          unreachable
            ? 'The import could not be started: the workflow engine did not answer. Nothing was applied; upload the file again.'
            : 'The import could not be started because of a fault on our side. Nothing was applied; upload the file again.',
        ],
      );
      if (!marked.rowCount) return;
      await notifyProgress(pool, id, job.created_by_id);
      if (unreachable)
        throw new AppError(
          503,
          'ENGINE_UNAVAILABLE',
          `The import ${id} could not be started: the workflow engine did not answer. The job is marked failed and nothing was applied; upload the file again.`,
          { reason: 'import_not_started' },
        );
      throw err;
    }
  }

  const KindView = z.object({
    kind: z.enum(IMPORT_KINDS),
    fields: z.array(
      z.object({
        name: z.string(),
        /** the file's header must have a column for it (leads' source: unless the upload gives a source) */
        required: z.boolean(),
        description: z.string(),
        /** other column names that fill it, folded: lower case, letters and digits only */
        aliases: z.array(z.string()),
      }),
    ),
  });
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/imports/kinds',
      summary:
        'The kinds of import your role may start, each with its fields (the columns a file may have): name, whether the header must have it, ' +
        'what it holds, and other column names that fill it. A column maps to a field by its name folded (letter case, spaces, _ and - ignored).',
      tag: 'imports',
      roles: ALL,
      response: z.array(KindView),
    },
    async ({ user }) => IMPORT_KINDS.filter((k) => mayImport(user, k)).map((kind) => ({ kind, fields: kindFields(kind) })),
  );

  const ListQuery = z.object({
    range: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (!s) return undefined;
        try {
          const r = JSON.parse(s) as unknown;
          if (Array.isArray(r) && r.length === 2 && r.every((n) => Number.isInteger(n) && n >= 0)) return r as [number, number];
        } catch {
          /* reported below */
        }
        ctx.addIssue({ code: 'custom', message: 'range=[first,last]' });
        return z.NEVER;
      }),
    filter: z.string().max(2000).optional(),
    sort: z.string().max(200).optional(),
  });
  const Filter = z
    .object({ kind: z.enum(IMPORT_KINDS).optional(), status: z.string().max(20).optional(), mine: z.boolean().optional() })
    .strict();

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/imports',
      summary:
        'Import jobs, newest first: your own; admins every job; roles that supervise client books also the jobs of uploaders of their branch. ' +
        'filter={"kind","status","mine"}; range=[0,24] (Content-Range gives the total).',
      tag: 'imports',
      roles: ALL,
      query: ListQuery,
      response: z.array(ImportView),
    },
    async ({ query, user, res }) => {
      let filter: z.infer<typeof Filter> = {};
      if (query.filter) {
        let raw: unknown;
        try {
          raw = JSON.parse(query.filter);
        } catch {
          throw badRequest([{ path: 'query.filter', message: 'not JSON' }]);
        }
        const f = Filter.safeParse(raw);
        if (!f.success)
          throw badRequest(f.error.issues.map((i) => ({ path: ['query', 'filter', ...i.path.map(String)].join('.'), message: i.message })));
        filter = f.data;
      }
      const params: unknown[] = [];
      const where = [visible(user, params)];
      if (filter.kind) where.push(`j.kind = $${params.push(filter.kind)}`);
      if (filter.status) where.push(`j.status = $${params.push(filter.status)}`);
      if (filter.mine) where.push(`j.created_by_id = $${params.push(user.id)}`);
      const { skip, take } = page(query.range);
      const [{ rows }, count] = await Promise.all([
        pool.query<JobRow>(
          `SELECT ${JOB_COLUMNS} FROM import_jobs j JOIN users u ON u.id = j.created_by_id WHERE ${where.join(' AND ')}
           ORDER BY j.created_at DESC, j.id DESC OFFSET ${skip} LIMIT ${take}`,
          params,
        ),
        pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM import_jobs j WHERE ${where.join(' AND ')}`, params),
      ]);
      sendRange(res, 'imports', skip, rows.length, count.rows[0].n);
      return rows.map(toImportView);
    },
  );

  const Params = z.object({ id: z.guid() });
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/imports/:id',
      summary: 'One import job and its progress (yours, or one your role may see; else 404).',
      tag: 'imports',
      roles: ALL,
      params: Params,
      response: ImportView,
    },
    async ({ params, user }) => toImportView(await scopedJob(user, params.id)),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/imports/:id/rejects',
      summary:
        'The rows refused, as CSV: line, field, reason, then the row as it was in the file (one line per reason). ' +
        'duplicates=true adds the possible duplicates of leads (applied, for review), with the record they duplicate.',
      tag: 'imports',
      roles: ALL,
      params: Params,
      query: z.object({ duplicates: z.enum(['true', 'false']).optional() }),
    },
    async ({ params, query, user, res }) => {
      const job = await scopedJob(user, params.id);
      const withRemarks = query.duplicates === 'true';
      const rows = await findingsOf(pool, job.id, withRemarks);
      const header = ['line', 'field', 'reason', ...(withRemarks ? ['rejected', 'otherKind', 'otherId'] : []), ...job.columns];
      const body = stringify(
        [
          header,
          ...rows.map((r) => [
            r.line,
            r.field,
            r.reason,
            ...(withRemarks ? [r.rejected ? 'yes' : 'no', r.other_kind ?? '', r.other_id ?? ''] : []),
            ...job.columns.map((_: string, i: number) => (r.cells as string[])[i] ?? ''),
          ]),
        ],
        // a cell a spreadsheet would take for a formula gets a leading ' (numbers and phone numbers stay as they are)
        { cast: { string: (s) => (/^[=@\t\r]|^[+-].*[^\d\s().\-/+]/.test(s) ? `'${s}` : s) } },
      );
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="import-${job.id}-rejects.csv"`);
      res.send(body);
      return undefined;
    },
  );

  return router;
}
