// The batches of an import job: the next rows after the job's progress, validated, applied (unless a dry
// run) and the progress moved, all in ONE transaction. A batch that did not commit (a killed worker) is
// done again in full; one that did is never done again (the progress says so), so each row is applied
// once. Rows refused, and leads' duplicates, become findings with their line, field and reason.
//
// Batches are pipelined: while one batch's transaction writes, the next batch is read and planned on
// another connection (leads: validated, checked against earlier lines and for duplicates, planLeads), with
// the batch being written laid over what it reads (Pending), so it decides what it would decide after
// that commit. Its transaction then checks the job's progress under a lock before it writes: a plan made
// from anything but the progress it finds is dropped and made again.
import type pg from 'pg';
import type { z } from 'zod';
import { inTransaction, type SqlRow } from '../db';
import { DomainError } from '../errors';
import { insertClient, type ContactInput } from '../crm/clients';
import { IB_INACTIVE } from '../crm/assignment';
import { upsertAccount } from '../integrations/apply';
import { ingestTransactionIn } from '../monitoring/ingest';
import type { AlertRow } from '../monitoring/alerts';
import { AccountRow, ClientRow, TransactionRow, type ImportKind } from './kinds';
import { notifyProgress } from './jobs';
import { issues, recordOf, type Finding, type JobFacts, type Outcome, type StagedRow } from './batch';
import { pendingOf, planLeads, writeLeads, type LeadPlan, type Pending } from './leads';

/** A batch read and decided without a lock, to be written if the job's progress is still `after`. */
interface BatchPlan {
  job: JobFacts;
  /** the job's progress the batch follows */
  after: number;
  /** rows in the batch (refused ones included) */
  staged: number;
  rows: StagedRow[];
  /** findings so far: rows refused at upload are counted (their findings are stored), these are new */
  findings: Finding[];
  refused: Set<number>;
  now: number;
  leads?: LeadPlan;
}

export interface BatchResult {
  processed: number;
  total: number;
  alerts: AlertRow[];
}

const JOB = 'id, kind, dry_run, source, fields, created_by_id, branch_id, created_at, processed, total';

/** Reads the batch after `after` (default: the job's progress) and, for leads, plans it. Null: nothing left. */
async function planBatch(pool: pg.Pool, jobId: string, size: number, after?: number, pending?: Pending): Promise<BatchPlan | null> {
  const { rows: jobs } = await pool.query<JobFacts>(`SELECT ${JOB} FROM import_jobs WHERE id = $1`, [jobId]);
  const job = jobs[0];
  if (!job) throw new DomainError('IMPORT_NOT_FOUND', `import ${jobId} not found`);
  const from = after ?? job.processed;
  if (from >= job.total) return null;
  const now = Date.now();
  const { rows: staged } = await pool.query<{ seq: number; line: number; cells: string[] }>(
    'SELECT seq, line, cells FROM import_rows WHERE job_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [jobId, from, size],
  );
  // rows refused when the file was staged (a cell with a character PostgreSQL cannot store): their findings are stored
  const { rows: early } = await pool.query<{ seq: number }>(
    'SELECT DISTINCT seq FROM import_findings WHERE job_id = $1 AND seq > $2 AND seq <= $3 AND rejected',
    [jobId, from, staged.at(-1)?.seq ?? from],
  );
  const refused = new Set(early.map((r) => r.seq));
  const findings: Finding[] = [];
  const rows: StagedRow[] = [];
  for (const r of staged) {
    if (refused.has(r.seq)) continue;
    if (r.cells.length > job.fields.length) {
      findings.push({
        seq: r.seq,
        line: r.line,
        field: 'row',
        reason: `${r.cells.length} fields, the header has ${job.fields.length} (a comma in an unquoted value?)`,
        rejected: true,
      });
      continue;
    }
    rows.push({ ...r, record: recordOf(job.fields, r.cells) });
  }
  const plan: BatchPlan = { job, after: from, staged: staged.length, rows, findings, refused, now };
  if (job.kind === 'leads') {
    // one connection: an import holds two of the worker's pool, this one and its write's
    const client = await pool.connect();
    try {
      plan.leads = await planLeads(client, job, rows, pending ?? null);
    } finally {
      client.release();
    }
  }
  return plan;
}

/** A plan that no longer holds: its transaction is rolled back and the batch planned again. */
class StalePlan extends Error {}

/**
 * Writes a planned batch and moves the job's progress, in one transaction; null when the plan is stale (the
 * progress moved meanwhile, or an IB it relied on changed).
 */
async function writeBatch(pool: pg.Pool, plan: BatchPlan): Promise<BatchResult | null> {
  return inTransaction(pool, async (tx) => {
    const { rows: jobs } = await tx.query<{ processed: number }>('SELECT processed FROM import_jobs WHERE id = $1 FOR UPDATE', [
      plan.job.id,
    ]);
    if (jobs[0]?.processed !== plan.after) return null;
    const { job } = plan;
    const out =
      job.kind === 'leads' && plan.leads
        ? await writeLeads(tx, job, plan.leads, plan.now)
        : await APPLY[job.kind as RowKind](tx, job, plan.rows);
    if (!out) throw new StalePlan();
    const findings = [...plan.findings, ...out.findings];
    if (findings.length) {
      await tx.query(
        `INSERT INTO import_findings (job_id, seq, line, field, reason, rejected, other_kind, other_id)
         SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::text[])`,
        [
          job.id,
          findings.map((f) => f.seq),
          findings.map((f) => f.line),
          findings.map((f) => f.field),
          findings.map((f) => f.reason),
          findings.map((f) => f.rejected),
          findings.map((f) => f.otherKind ?? null),
          findings.map((f) => f.otherId ?? null),
        ],
      );
    }
    const rejected = new Set([...plan.refused, ...findings.filter((f) => f.rejected).map((f) => f.seq)]).size;
    const processed = plan.after + plan.staged;
    await tx.query(
      `UPDATE import_jobs SET processed = $2, applied = applied + $3, rejected = rejected + $4, duplicates = duplicates + $5,
         cases_total = cases_total + $6, applied_at = CASE WHEN $2 >= total THEN now() ELSE applied_at END WHERE id = $1`,
      [job.id, processed, plan.staged - rejected, rejected, out.duplicates, out.newLeads],
    );
    await notifyProgress(tx, job.id, job.created_by_id);
    return { processed, total: job.total, alerts: out.alerts };
  }).catch((err: unknown) => {
    if (err instanceof StalePlan) return null;
    throw err;
  });
}

type RowKind = Exclude<ImportKind, 'leads'>;
/** Kinds applied row by row inside the batch's transaction (nothing to plan ahead). */
const APPLY: Record<RowKind, (tx: pg.PoolClient, job: JobFacts, rows: StagedRow[]) => Promise<Outcome>> = {
  clients: applyClients,
  accounts: applyAccounts,
  transactions: applyTransactions,
};

/**
 * Applies the job's batches in turn, each in its own transaction, the next one planned while one is
 * written, until the job is done or `goOn` says stop (asked before each batch is planned). `onBatch` sees
 * each committed batch (its alerts to route). Returns where the job stands.
 */
export async function applyBatches(
  pool: pg.Pool,
  jobId: string,
  size: number,
  goOn: () => boolean,
  onBatch: (r: BatchResult) => Promise<void> = async () => undefined,
): Promise<{ processed: number; total: number }> {
  let next = planBatch(pool, jobId, size);
  for (;;) {
    const plan = await next;
    if (!plan) {
      const { rows } = await pool.query<{ processed: number; total: number }>('SELECT processed, total FROM import_jobs WHERE id = $1', [
        jobId,
      ]);
      return rows[0];
    }
    const after = plan.after + plan.staged;
    const ahead = after < plan.job.total && goOn();
    next = ahead ? planBatch(pool, jobId, size, after, plan.leads && pendingOf(plan.job, plan.leads)) : Promise.resolve(null);
    // a failed write ends the loop; the plan made meanwhile is dropped, and its failure with it
    next.catch(() => undefined);
    const written = await writeBatch(pool, plan);
    if (!written) {
      // another attempt moved the progress: plan again from where it stands
      await next.catch(() => undefined);
      next = planBatch(pool, jobId, size);
      continue;
    }
    await onBatch(written);
    if (!ahead) return { processed: written.processed, total: written.total };
  }
}

// ------------------------------------------------------------------------- clients, accounts, transactions

/** Runs one row's writes under a savepoint: a refused row leaves nothing, and a dry run keeps nothing. */
async function underSavepoint(tx: pg.PoolClient, dryRun: boolean, fn: () => Promise<Finding[]>): Promise<Finding[]> {
  await tx.query('SAVEPOINT import_row');
  try {
    const refused = await fn();
    await tx.query(dryRun || refused.length ? 'ROLLBACK TO SAVEPOINT import_row' : 'RELEASE SAVEPOINT import_row');
    return refused;
  } catch (err) {
    await tx.query('ROLLBACK TO SAVEPOINT import_row');
    throw err;
  }
}

const FK_FIELDS: Record<string, [string, string]> = {
  branch_id: ['branchId', 'No such branch'],
  account_manager_id: ['accountManagerId', 'No such user'],
  introducing_broker_id: ['ib', 'No such introducing broker'],
};

/** A database refusal of one row (a foreign key, a check) as a finding; anything else is thrown. */
function refusal(row: StagedRow, err: unknown): Finding[] {
  const e = err as { code?: string; detail?: string; constraint?: string; message?: string };
  if (e.code === '23503') {
    const column = Object.keys(FK_FIELDS).find((c) => e.constraint?.includes(c) || e.detail?.includes(`(${c})`));
    const [field, reason] = column ? FK_FIELDS[column] : ['row', e.detail ?? 'refers to something that does not exist'];
    return [{ seq: row.seq, line: row.line, field, reason, rejected: true }];
  }
  if (e.code === '23514' || e.code === '22001' || e.code === '22003' || e.code === '22P02')
    return [{ seq: row.seq, line: row.line, field: 'row', reason: e.message ?? 'refused by the database', rejected: true }];
  throw err;
}

const refuse = (row: StagedRow, field: string, reason: string): Finding[] => [
  { seq: row.seq, line: row.line, field, reason, rejected: true },
];

async function eachRow(
  tx: pg.PoolClient,
  job: JobFacts,
  rows: StagedRow[],
  schema: z.ZodType,
  fn: (row: StagedRow, data: never) => Promise<Finding[]>,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row.record);
    if (!parsed.success) {
      findings.push(...issues(row, parsed.error));
      continue;
    }
    try {
      findings.push(...(await underSavepoint(tx, job.dry_run, () => fn(row, parsed.data as never))));
    } catch (err) {
      findings.push(...refusal(row, err));
    }
  }
  return findings;
}

/** Clients with their e-mail and phone as primary contacts (insertClient); an id the CRM has is left unchanged. */
async function applyClients(tx: pg.PoolClient, job: JobFacts, rows: StagedRow[]): Promise<Outcome> {
  const findings = await eachRow(tx, job, rows, ClientRow, async (row, c: z.infer<typeof ClientRow>) => {
    const exists = await tx.query('SELECT 1 FROM clients WHERE id = $1', [c.id]);
    if (exists.rowCount) return refuse(row, 'id', 'a client with this id exists (left unchanged)');
    const branchId = c.branchId ?? job.branch_id;
    if (!branchId) return refuse(row, 'branchId', 'a branch is needed');
    const branch = await tx.query<{ country: string | null }>('SELECT country FROM branches WHERE id = $1', [branchId]);
    if (!branch.rows[0]) return refuse(row, 'branchId', 'No such branch');
    if (c.ib && (await tx.query('SELECT 1 FROM introducing_brokers WHERE id = $1 AND NOT active', [c.ib])).rowCount)
      return refuse(row, 'ib', IB_INACTIVE);
    const contacts: ContactInput[] = [
      ...(c.email ? [{ kind: 'email' as const, value: c.email, primary: true }] : []),
      ...(c.phone ? [{ kind: 'phone' as const, value: c.phone, primary: true }] : []),
    ];
    try {
      await insertClient(
        tx,
        {
          id: c.id,
          type: c.type,
          firstName: c.firstName,
          lastName: c.lastName,
          legalName: c.legalName,
          dateOfBirth: c.dateOfBirth,
          nationality: c.nationality,
          nationalId: c.nationalId,
          country: c.country,
          branchId,
          accountManagerId: c.accountManagerId,
          introducingBrokerId: c.ib,
          tier: c.tier,
          language: c.language,
          segment: c.segment,
          kycStatus: c.kycStatus,
          contacts,
        },
        c.country ?? branch.rows[0].country,
      );
    } catch (err) {
      if (err instanceof Error && /contact \d+:/.test(err.message) && !(err as { code?: string }).code)
        return refuse(row, 'phone', err.message.replace(/^client .*?: contact \d+: /, ''));
      throw err;
    }
    return [];
  });
  return { findings, duplicates: 0, newLeads: 0, alerts: [] };
}

/** Trading accounts through the feed's upsert: figures older than the account holds change nothing. */
async function applyAccounts(tx: pg.PoolClient, job: JobFacts, rows: StagedRow[]): Promise<Outcome> {
  const findings = await eachRow(tx, job, rows, AccountRow, async (row, a: z.infer<typeof AccountRow>) => {
    const client = await tx.query('SELECT 1 FROM clients WHERE id = $1', [a.clientId]);
    if (!client.rowCount) return refuse(row, 'clientId', 'no such client');
    const written = await upsertAccount(tx, {
      clientId: a.clientId,
      platform: a.platform,
      login: a.login,
      currency: a.currency,
      leverage: a.leverage ?? null,
      balance: a.balance,
      equity: a.equity,
      marginLevel: a.marginLevel ?? null,
      status: a.status,
      occurredAt: a.asOf ?? job.created_at,
      eventId: `import:${job.id}:${row.line}`,
    });
    if (written.rowCount) return [];
    const owner = await tx.query<{ client_id: string }>('SELECT client_id FROM trading_accounts WHERE platform = $1 AND login = $2', [
      a.platform,
      a.login,
    ]);
    return owner.rows[0]?.client_id !== a.clientId
      ? refuse(row, 'login', 'this account belongs to another client')
      : refuse(row, 'asOf', 'the account holds figures from a later time (left unchanged)');
  });
  return { findings, duplicates: 0, newLeads: 0, alerts: [] };
}

/** Transactions through monitoring's ingest (inline rules run), once per (source, externalId). */
async function applyTransactions(tx: pg.PoolClient, job: JobFacts, rows: StagedRow[]): Promise<Outcome> {
  const alerts: AlertRow[] = [];
  const findings = await eachRow(tx, job, rows, TransactionRow, async (row, t: z.infer<typeof TransactionRow>) => {
    let accountId: string | null = null;
    if (t.platform && t.login) {
      const acc = await tx.query<{ id: string; client_id: string }>(
        'SELECT id, client_id FROM trading_accounts WHERE platform = $1 AND login = $2',
        [t.platform, t.login],
      );
      if (!acc.rows[0]) return refuse(row, 'login', 'no such trading account');
      if (acc.rows[0].client_id !== t.clientId) return refuse(row, 'login', 'this account belongs to another client');
      accountId = acc.rows[0].id;
    }
    try {
      const r = await ingestTransactionIn(tx, {
        clientId: t.clientId,
        source: transactionSource(job),
        externalId: t.externalId,
        type: t.type,
        amount: t.amount,
        currency: t.currency,
        method: t.type === 'trade' ? null : (t.method ?? null),
        status: t.status,
        bookedAt: t.bookedAt,
        accountId,
        counterparty: { name: t.counterpartyName, country: t.counterpartyCountry },
        instrument: t.instrument ?? null,
        pnl: t.pnl ?? null,
      });
      if (!r.created) return refuse(row, 'externalId', `stored before (source ${transactionSource(job)}, the same externalId)`);
      if (!job.dry_run) alerts.push(...r.alerts);
      return [];
    } catch (err) {
      if (err instanceof DomainError && err.code === 'CLIENT_NOT_FOUND') return refuse(row, 'clientId', 'no such client');
      throw err;
    }
  });
  return { findings, duplicates: 0, newLeads: 0, alerts };
}

/** Imported transactions' source: `import:<the job's source>` (default `import:file`). */
export const transactionSource = (job: { source: string | null }) => `import:${job.source ?? 'file'}`;

/** The job's findings for the rejects file, in line order, with the row's original cells. */
export async function findingsOf(pool: pg.Pool, jobId: string, withRemarks: boolean): Promise<SqlRow[]> {
  const { rows } = await pool.query(
    `SELECT f.line, f.field, f.reason, f.rejected, f.other_kind, f.other_id, r.cells FROM import_findings f
       JOIN import_rows r ON r.job_id = f.job_id AND r.seq = f.seq
      WHERE f.job_id = $1 ${withRemarks ? '' : 'AND f.rejected'} ORDER BY f.seq, f.id`,
    [jobId],
  );
  return rows;
}
