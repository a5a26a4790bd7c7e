// One batch of an import job: the next rows after the job's progress, validated, applied (unless a dry
// run) and the progress moved, all in ONE transaction. A batch that did not commit (a killed worker) is
// done again in full; one that did is never done again (the progress says so), so each row is applied
// once. Rows refused, and leads' duplicates, become findings with their line, field and reason.
import type pg from 'pg';
import type { z } from 'zod';
import { inTransaction, type SqlRow } from '../db';
import { derivedId } from '../ids';
import { DomainError } from '../errors';
import { CreateLeadBody } from '../crm/lead-input';
import { phoneNumberOf } from '../crm/phones';
import { searchNameOf } from '../crm/names';
import { findDuplicatesMany, strongest, warmPersonName, type Duplicate } from '../crm/duplicates';
import { assignLeads, ibChain } from '../crm/assignment';
import { insertClient, type ContactInput } from '../crm/clients';
import { upsertAccount } from '../integrations/apply';
import { ingestTransactionIn } from '../monitoring/ingest';
import type { AlertRow } from '../monitoring/alerts';
import { AccountRow, ClientRow, TransactionRow, type ImportKind } from './kinds';
import { notifyProgress } from './jobs';

export interface StagedRow {
  seq: number;
  line: number;
  cells: string[];
  /** field → value (empty cells left out) */
  record: Record<string, string>;
}

export interface Finding {
  seq: number;
  line: number;
  field: string;
  reason: string;
  /** the row was not applied; false: applied (or would be) with this remark, e.g. a possible duplicate */
  rejected: boolean;
  otherKind?: string | null;
  otherId?: string | null;
}

interface JobFacts {
  id: string;
  kind: ImportKind;
  dry_run: boolean;
  source: string | null;
  fields: string[];
  created_by_id: string;
  branch_id: string | null;
  created_at: Date;
  processed: number;
  total: number;
}

interface Outcome {
  findings: Finding[];
  /** rows with a finding about a duplicate (leads) */
  duplicates: number;
  /** leads stored whose client-development case the job starts afterwards */
  newLeads: number;
  alerts: AlertRow[];
}

/** A lead's id in an import: the same line of the same job is the same lead. */
export const importedLeadId = (jobId: string, line: number) => derivedId(`import/${jobId}/${line}`);

const issues = (row: StagedRow, err: z.ZodError): Finding[] =>
  err.issues.map((i) => ({ seq: row.seq, line: row.line, field: i.path.join('.') || 'row', reason: i.message, rejected: true }));

/** Applies the batch after the job's progress. Returns where the job stands and the alerts to route. */
export async function applyBatch(
  pool: pg.Pool,
  jobId: string,
  size: number,
  now = Date.now(),
): Promise<{ processed: number; total: number; alerts: AlertRow[] }> {
  return inTransaction(pool, async (tx) => {
    const { rows: jobs } = await tx.query<JobFacts>(
      `SELECT id, kind, dry_run, source, fields, created_by_id, branch_id, created_at, processed, total FROM import_jobs WHERE id = $1 FOR UPDATE`,
      [jobId],
    );
    const job = jobs[0];
    if (!job) throw new DomainError('IMPORT_NOT_FOUND', `import ${jobId} not found`);
    if (job.processed >= job.total) return { processed: job.processed, total: job.total, alerts: [] };
    const { rows: staged } = await tx.query<{ seq: number; line: number; cells: string[] }>(
      'SELECT seq, line, cells FROM import_rows WHERE job_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [jobId, job.processed, size],
    );
    // rows refused when the file was staged (a cell with a character PostgreSQL cannot store): their findings are stored
    const { rows: early } = await tx.query<{ seq: number }>(
      'SELECT DISTINCT seq FROM import_findings WHERE job_id = $1 AND seq > $2 AND seq <= $3 AND rejected',
      [jobId, job.processed, staged.at(-1)?.seq ?? job.processed],
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
    if (job.kind === 'leads' && job.processed + staged.length < job.total) warmNextLeads(pool, job, job.processed + staged.length, size);
    const apply = { leads: applyLeads, clients: applyClients, accounts: applyAccounts, transactions: applyTransactions }[job.kind];
    const out = await apply(tx, job, rows, now);
    findings.push(...out.findings);
    if (findings.length) {
      await tx.query(
        `INSERT INTO import_findings (job_id, seq, line, field, reason, rejected, other_kind, other_id)
         SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::text[])`,
        [
          jobId,
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
    const rejected = new Set([...refused, ...findings.filter((f) => f.rejected).map((f) => f.seq)]).size;
    const processed = job.processed + staged.length;
    await tx.query(
      `UPDATE import_jobs SET processed = $2, applied = applied + $3, rejected = rejected + $4, duplicates = duplicates + $5,
         cases_total = cases_total + $6, applied_at = CASE WHEN $2 >= total THEN now() ELSE applied_at END WHERE id = $1`,
      [jobId, processed, staged.length - rejected, rejected, out.duplicates, out.newLeads],
    );
    await notifyProgress(tx, jobId, job.created_by_id);
    return { processed, total: job.total, alerts: out.alerts };
  });
}

/** A staged row's cells by field (empty cells left out). */
function recordOf(fields: readonly string[], cells: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {};
  fields.forEach((f, i) => {
    if (f && cells[i]) record[f] = cells[i];
  });
  return record;
}

// ---------------------------------------------------------------------------------------------- leads

type LeadIn = z.infer<typeof CreateLeadBody>;

interface LeadCheck {
  parsed: ReturnType<typeof CreateLeadBody.safeParse>;
  /** the phone read (null: none given, or not a phone number) */
  phone: ReturnType<typeof phoneNumberOf>;
}

// A lead row's validation is a pure function of its values: remembered for a few batches, so a row checked
// ahead (warmNextLeads) is not checked again. Nothing changes a LeadCheck after it is made.
const LEAD_CHECK_LIMIT = 10_000;
const leadChecks = new Map<string, LeadCheck>();

function checkLead(raw: Record<string, string>): LeadCheck {
  const key = JSON.stringify(raw);
  let check = leadChecks.get(key);
  if (!check) {
    const parsed = CreateLeadBody.safeParse(raw);
    const phone = parsed.success && parsed.data.phone ? phoneNumberOf(parsed.data.phone, parsed.data.country) : null;
    check = { parsed, phone };
    if (leadChecks.size >= LEAD_CHECK_LIMIT) leadChecks.clear();
    leadChecks.set(key, check);
  }
  return check;
}

/** A lead row's values as validated: the job's source when the row has none. */
function leadRecord(job: { source: string | null }, record: Record<string, string>): Record<string, string> {
  const raw = { ...record };
  if (!raw.source && job.source) raw.source = job.source;
  return raw;
}

const warming = new Map<string, Promise<void>>();
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Starts the work on the next batch's rows that does not depend on what this batch writes, so that it runs
 * while this batch waits on PostgreSQL: the rows validated, their search names folded, and the names that
 * meet in duplicate detection (the rows' own and those of the people stored with their dates of birth)
 * normalised. It fills caches of pure functions only (checkLead, searchNameOf, the duplicate detection's
 * names), so the next batch gives exactly what it would without it, sooner. A failure is ignored.
 */
function warmNextLeads(pool: pg.Pool, job: JobFacts, after: number, size: number): void {
  if (warming.has(job.id)) return;
  const work = warmLeads(pool, job, after, size)
    .catch(() => undefined)
    .finally(() => warming.delete(job.id));
  warming.set(job.id, work);
}

async function warmLeads(pool: pg.Pool, job: JobFacts, after: number, size: number): Promise<void> {
  const { rows } = await pool.query<{ cells: string[] }>(
    'SELECT cells FROM import_rows WHERE job_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [job.id, after, size],
  );
  const names: string[] = [];
  const dobs = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    // in slices, so the batch being applied goes on as soon as its queries answer
    if (i % 50 === 49) await yieldToLoop();
    if (rows[i].cells.length > job.fields.length) continue;
    const { parsed } = checkLead(leadRecord(job, recordOf(job.fields, rows[i].cells)));
    if (!parsed.success) continue;
    const fullName = `${parsed.data.firstName.trim()} ${parsed.data.lastName.trim()}`;
    searchNameOf(fullName);
    if (parsed.data.dateOfBirth && fullName.trim()) {
      dobs.add(parsed.data.dateOfBirth);
      names.push(fullName);
    }
  }
  if (dobs.size) {
    const [leads, clients] = await Promise.all([
      pool.query<{ name: string }>(
        `SELECT first_name || ' ' || last_name AS name FROM leads WHERE date_of_birth = ANY($1::date[]) AND status <> 'merged'`,
        [[...dobs]],
      ),
      pool.query<{ name: string }>(`SELECT name FROM clients WHERE date_of_birth = ANY($1::date[]) AND type = 'individual'`, [[...dobs]]),
    ]);
    names.push(...leads.rows.map((r) => r.name), ...clients.rows.map((r) => r.name));
  }
  for (let i = 0; i < names.length; i++) {
    if (i % 50 === 49) await yieldToLoop();
    warmPersonName(names[i]);
  }
}

/**
 * Leads, set-based: validated as POST /api/leads validates one; a row with the e-mail or phone (E.164) of
 * an earlier line of the file is refused as in the CSV import; duplicates among leads and clients found for
 * the whole batch at once (findDuplicatesMany), the assignment rules applied in turn (assignLeads), and the
 * leads stored with one multi-row INSERT. Their client-development cases start after the last batch.
 */
async function applyLeads(tx: pg.PoolClient, job: JobFacts, rows: StagedRow[], now: number): Promise<Outcome> {
  const findings: Finding[] = [];
  const valid: { row: StagedRow; lead: LeadIn; emailNorm: string | null; phone: ReturnType<typeof phoneNumberOf> }[] = [];
  for (const row of rows) {
    const { parsed, phone } = checkLead(leadRecord(job, row.record));
    if (!parsed.success) {
      findings.push(...issues(row, parsed.error));
      continue;
    }
    const lead = parsed.data;
    if (lead.phone && !phone) {
      findings.push({
        seq: row.seq,
        line: row.line,
        field: 'phone',
        reason: 'not a phone number; give it with its country code, or a country column',
        rejected: true,
      });
      continue;
    }
    valid.push({ row, lead, emailNorm: lead.email?.trim().toLowerCase() ?? null, phone });
  }

  // the same e-mail or phone as an earlier line of the file (earlier batches' keys are in import_keys)
  const keysOf = (v: (typeof valid)[number]): ['email' | 'phone', string][] => {
    const keys: ['email' | 'phone', string][] = [];
    if (v.emailNorm) keys.push(['email', `e:${v.emailNorm}`]);
    if (v.phone) keys.push(['phone', `p:${v.phone.e164}`]);
    return keys;
  };
  const { rows: known } = await tx.query<{ key: string; line: number }>(
    'SELECT key, line FROM import_keys WHERE job_id = $1 AND key = ANY($2::text[])',
    [job.id, valid.flatMap((v) => keysOf(v).map(([, k]) => k))],
  );
  const taken = new Map(known.map((k) => [k.key, k.line]));
  const fresh: [string, number][] = [];
  const unique: typeof valid = [];
  for (const v of valid) {
    const hit = keysOf(v).find(([, k]) => taken.has(k));
    if (hit) {
      findings.push({
        seq: v.row.seq,
        line: v.row.line,
        field: hit[0],
        reason: `the same ${hit[0] === 'email' ? 'e-mail' : 'phone'} as line ${taken.get(hit[1])}`,
        rejected: true,
      });
      continue;
    }
    for (const [, k] of keysOf(v)) {
      taken.set(k, v.row.line);
      fresh.push([k, v.row.line]);
    }
    unique.push(v);
  }
  if (fresh.length)
    await tx.query('INSERT INTO import_keys (job_id, key, line) SELECT $1, * FROM unnest($2::text[], $3::int[]) ON CONFLICT DO NOTHING', [
      job.id,
      fresh.map(([k]) => k),
      fresh.map(([, l]) => l),
    ]);

  // introducing brokers named
  const ibIds = [...new Set(unique.map((v) => v.lead.ib).filter((x): x is string => !!x))];
  const ibBranch = new Map<string, string | null>();
  if (ibIds.length) {
    const { rows: ibs } = await tx.query<{ id: string; branch_id: string | null }>(
      'SELECT id, branch_id FROM introducing_brokers WHERE id = ANY($1::text[])',
      [ibIds],
    );
    for (const ib of ibs) ibBranch.set(ib.id, ib.branch_id);
  }
  const ok = unique.filter((v) => {
    if (!v.lead.ib || ibBranch.has(v.lead.ib)) return true;
    findings.push({ seq: v.row.seq, line: v.row.line, field: 'ib', reason: 'No such introducing broker', rejected: true });
    return false;
  });

  const ids = ok.map((v) => importedLeadId(job.id, v.row.line));
  const dups = await findDuplicatesMany(
    tx,
    ok.map((v, i) => ({
      selfId: ids[i],
      emailNorm: v.emailNorm,
      phoneE164: v.phone?.e164 ?? null,
      dateOfBirth: v.lead.dateOfBirth ?? null,
      fullName: `${v.lead.firstName.trim()} ${v.lead.lastName.trim()}`,
    })),
  );
  let duplicates = 0;
  ok.forEach((v, i) => {
    if (dups[i].length) duplicates++;
    for (const d of dups[i])
      findings.push({
        seq: v.row.seq,
        line: v.row.line,
        field: d.reason === 'name_dob' ? 'name' : d.reason,
        reason: `possible duplicate of ${d.kind} ${d.id} (${d.reason === 'name_dob' ? 'similar name, same date of birth' : `same ${d.reason === 'email' ? 'e-mail' : 'phone'}`})`,
        rejected: false,
        otherKind: d.kind,
        otherId: d.id,
      });
  });
  if (job.dry_run || !ok.length) return { findings, duplicates, newLeads: 0, alerts: [] };

  // as POST /api/leads: an IB's lead belongs to the IB's branch, others to the uploader's
  const chains = new Map<string, string[]>();
  for (const ib of ibIds) chains.set(ib, await ibChain(tx, ib));
  const facts = ok.map((v) => ({
    branchId: v.lead.ib ? (ibBranch.get(v.lead.ib) ?? null) : job.branch_id,
    language: v.lead.language ?? null,
    country: v.lead.country ?? null,
    source: v.lead.source,
    ibChain: v.lead.ib ? (chains.get(v.lead.ib) ?? []) : [],
  }));
  const assigned = await assignLeads(tx, facts, now);
  const best = dups.map((d: Duplicate[]) => strongest(d));
  const col = <T>(f: (v: (typeof ok)[number], i: number) => T) => ok.map(f);
  const at = new Date(now);
  const inserted = await tx.query(
    `INSERT INTO leads (id, first_name, last_name, search_name, email, email_norm, phone, phone_e164, phone_national, country, language, date_of_birth,
       source, campaign, introducing_broker_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, branch_id, account_manager_id,
       assigned_at, assignment_rule_id, duplicate_of_id, duplicate_of_kind, created_by_id, created_at, updated_at, temperature)
     SELECT id, first_name, last_name, search_name, email, email_norm, phone, phone_e164, phone_national, country, language, date_of_birth,
       source, campaign, ib, utm_source, utm_medium, utm_campaign, utm_term, utm_content, branch_id, account_manager_id,
       CASE WHEN account_manager_id IS NULL THEN NULL ELSE $27::timestamptz END, rule_id, dup_id, dup_kind, $28, $27, $27, temperature
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
       $12::date[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[],
       $23::text[], $24::text[], $25::text[], $26::text[])
       AS t(id, first_name, last_name, search_name, email, email_norm, phone, phone_e164, phone_national, country, language, date_of_birth,
         source, campaign, ib, utm_source, utm_medium, utm_campaign, utm_term, utm_content, branch_id, account_manager_id, rule_id, dup_id, dup_kind, temperature)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      ids,
      col((v) => v.lead.firstName.trim()),
      col((v) => v.lead.lastName.trim()),
      col((v) => searchNameOf(`${v.lead.firstName.trim()} ${v.lead.lastName.trim()}`)),
      col((v) => v.lead.email?.trim() || null),
      col((v) => v.emailNorm),
      col((v) => v.lead.phone?.trim() || null),
      col((v) => v.phone?.e164 ?? null),
      col((v) => v.phone?.national ?? null),
      col((v) => v.lead.country ?? null),
      col((v) => v.lead.language ?? null),
      col((v) => v.lead.dateOfBirth ?? null),
      col((v) => v.lead.source),
      col((v) => v.lead.campaign ?? null),
      col((v) => v.lead.ib ?? null),
      col((v) => v.lead.utmSource ?? null),
      col((v) => v.lead.utmMedium ?? null),
      col((v) => v.lead.utmCampaign ?? null),
      col((v) => v.lead.utmTerm ?? null),
      col((v) => v.lead.utmContent ?? null),
      col((_, i) => assigned[i].branchId),
      col((_, i) => assigned[i].assigneeId),
      col((_, i) => assigned[i].ruleId),
      col((_, i) => best[i]?.id ?? null),
      col((_, i) => best[i]?.kind ?? null),
      col((v) => v.lead.temperature ?? 'warm'),
      at,
      job.created_by_id,
    ],
  );
  const pairs = ok.flatMap((_, i) => dups[i].map((d) => ({ lead: ids[i], d })));
  if (pairs.length)
    await tx.query(
      `INSERT INTO lead_duplicates (lead_id, other_kind, other_id, reason, score, detail)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::real[], $6::jsonb[]) ON CONFLICT DO NOTHING`,
      [
        pairs.map((p) => p.lead),
        pairs.map((p) => p.d.kind),
        pairs.map((p) => p.d.id),
        pairs.map((p) => p.d.reason),
        pairs.map((p) => p.d.score),
        pairs.map((p) => (p.d.detail ? JSON.stringify(p.d.detail) : null)),
      ],
    );
  return { findings, duplicates, newLeads: inserted.rowCount ?? 0, alerts: [] };
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
