// Leads of an import job, set-based, in two steps so that one batch is checked while the one before it is
// written (apply.ts): planLeads reads and decides without a lock (validation, repeats of earlier lines,
// introducing brokers, duplicates), writeLeads stores inside the batch's transaction (the keys, the
// assignment, the leads and their duplicate findings). A plan made while the batch before it was still
// being written sees that batch's keys and leads through its `Pending`, so it decides as it would after.
import type pg from 'pg';
import type { z } from 'zod';
import type { Queryable } from '../crm/clients';
import { CreateLeadBody } from '../crm/lead-input';
import { phoneNumberOf } from '../crm/phones';
import { searchNameOf } from '../crm/names';
import { findDuplicatesMany, strongest, type Duplicate, type PendingLead } from '../crm/duplicates';
import { IB_INACTIVE, assignLeads, ibChain } from '../crm/assignment';
import { importedLeadId, issues, type Finding, type JobFacts, type Outcome, type StagedRow } from './batch';

type LeadIn = z.infer<typeof CreateLeadBody>;

interface LeadCheck {
  parsed: ReturnType<typeof CreateLeadBody.safeParse>;
  /** the phone read (null: none given, or not a phone number) */
  phone: ReturnType<typeof phoneNumberOf>;
}

function checkLead(raw: Record<string, string>): LeadCheck {
  const parsed = CreateLeadBody.safeParse(raw);
  const phone = parsed.success && parsed.data.phone ? phoneNumberOf(parsed.data.phone, parsed.data.country) : null;
  return { parsed, phone };
}

/** What a batch being written adds for the batch planned meanwhile: its keys (key → line) and its leads. */
export interface Pending {
  keys: Map<string, number>;
  leads: PendingLead[];
}

interface ValidLead {
  row: StagedRow;
  lead: LeadIn;
  emailNorm: string | null;
  phone: ReturnType<typeof phoneNumberOf>;
  fullName: string;
  searchName: string;
}

export interface LeadPlan {
  findings: Finding[];
  /** keys this batch takes, in the order taken */
  fresh: Map<string, number>;
  ok: ValidLead[];
  ids: string[];
  dups: Duplicate[][];
  duplicates: number;
  ibBranch: Map<string, string | null>;
  chains: Map<string, string[]>;
}

const keysOf = (v: ValidLead): ['email' | 'phone', string][] => {
  const keys: ['email' | 'phone', string][] = [];
  if (v.emailNorm) keys.push(['email', `e:${v.emailNorm}`]);
  if (v.phone) keys.push(['phone', `p:${v.phone.e164}`]);
  return keys;
};

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Validated as POST /api/leads validates one; a row with the e-mail or phone (E.164) of an earlier line of
 * the file is refused as in the CSV import; an unknown IB refused; duplicates among leads and clients found
 * for the whole batch at once (findDuplicatesMany). Reads only.
 */
export async function planLeads(q: Queryable, job: JobFacts, rows: StagedRow[], pending: Pending | null): Promise<LeadPlan> {
  const findings: Finding[] = [];
  const valid: ValidLead[] = [];
  for (let i = 0; i < rows.length; i++) {
    // in slices, so that the batch being written goes on as soon as its statements answer
    if (i % 100 === 99) await yieldToLoop();
    const row = rows[i];
    const raw = { ...row.record };
    if (!raw.source && job.source) raw.source = job.source;
    const { parsed, phone } = checkLead(raw);
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
    const fullName = `${lead.firstName.trim()} ${lead.lastName.trim()}`;
    valid.push({ row, lead, emailNorm: lead.email?.trim().toLowerCase() ?? null, phone, fullName, searchName: searchNameOf(fullName) });
  }

  // the same e-mail or phone as an earlier line of the file (earlier batches' keys are in import_keys)
  const { rows: known } = await q.query<{ key: string; line: number }>(
    'SELECT key, line FROM import_keys WHERE job_id = $1 AND key = ANY($2::text[])',
    [job.id, valid.flatMap((v) => keysOf(v).map(([, k]) => k))],
  );
  const taken = new Map([...(pending?.keys ?? []), ...known.map((k) => [k.key, k.line] as const)]);
  const fresh = new Map<string, number>();
  const unique: ValidLead[] = [];
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
      fresh.set(k, v.row.line);
    }
    unique.push(v);
  }

  // introducing brokers named
  const ibIds = [...new Set(unique.map((v) => v.lead.ib).filter((x): x is string => !!x))];
  const ibBranch = new Map<string, string | null>();
  const inactive = new Set<string>();
  const chains = new Map<string, string[]>();
  if (ibIds.length) {
    const { rows: ibs } = await q.query<{ id: string; branch_id: string | null; active: boolean }>(
      'SELECT id, branch_id, active FROM introducing_brokers WHERE id = ANY($1::text[])',
      [ibIds],
    );
    for (const ib of ibs) {
      if (!ib.active) inactive.add(ib.id);
      else ibBranch.set(ib.id, ib.branch_id);
    }
    // the accepted ones' ancestors, for the assignment rules (an inactive IB's lines are refused)
    for (const id of ibBranch.keys()) chains.set(id, await ibChain(q, id));
  }
  const ok = unique.filter((v) => {
    if (!v.lead.ib || ibBranch.has(v.lead.ib)) return true;
    const reason = inactive.has(v.lead.ib) ? IB_INACTIVE : 'No such introducing broker';
    findings.push({ seq: v.row.seq, line: v.row.line, field: 'ib', reason, rejected: true });
    return false;
  });

  const ids = ok.map((v) => importedLeadId(job.id, v.row.line));
  const dups = await findDuplicatesMany(
    q,
    ok.map((v, i) => ({
      selfId: ids[i],
      emailNorm: v.emailNorm,
      phoneE164: v.phone?.e164 ?? null,
      dateOfBirth: v.lead.dateOfBirth ?? null,
      fullName: v.fullName,
    })),
    pending?.leads,
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
  return { findings, fresh, ok, ids, dups, duplicates, ibBranch, chains };
}

/** What the batch of `plan` adds once written, for the plan of the batch after it. */
export function pendingOf(job: JobFacts, plan: LeadPlan): Pending {
  return {
    keys: plan.fresh,
    leads: job.dry_run
      ? []
      : plan.ok.map((v, i) => ({
          id: plan.ids[i],
          dateOfBirth: v.lead.dateOfBirth ?? null,
          name: v.fullName,
        })),
  };
}

/**
 * Whether the IBs the plan accepted are still active, in the same branch and under the same parents, held
 * so (FOR SHARE) until the batch commits: a deactivation or a move meanwhile makes the plan stale.
 */
async function sameIbs(tx: pg.PoolClient, plan: LeadPlan): Promise<boolean> {
  if (!plan.ibBranch.size) return true;
  const { rows } = await tx.query<{ id: string; branch_id: string | null }>(
    'SELECT id, branch_id FROM introducing_brokers WHERE id = ANY($1::text[]) AND active FOR SHARE',
    [[...plan.ibBranch.keys()]],
  );
  if (rows.length !== plan.ibBranch.size || rows.some((r) => plan.ibBranch.get(r.id) !== r.branch_id)) return false;
  for (const [id, chain] of plan.chains) {
    if ((await ibChain(tx, id)).join('/') !== chain.join('/')) return false;
  }
  return true;
}

/**
 * Stores a planned batch inside its transaction: the keys it takes, then (unless a dry run) the assignment
 * rules applied in turn (assignLeads), the leads with one multi-row INSERT, and their duplicate findings.
 * Their client-development cases start after the last batch. Null, and nothing written: the plan is stale.
 */
export async function writeLeads(tx: pg.PoolClient, job: JobFacts, plan: LeadPlan, now: number): Promise<Outcome | null> {
  const { findings, duplicates, ok, ids, dups } = plan;
  if (!(await sameIbs(tx, plan))) return null;
  if (plan.fresh.size)
    await tx.query('INSERT INTO import_keys (job_id, key, line) SELECT $1, * FROM unnest($2::text[], $3::int[]) ON CONFLICT DO NOTHING', [
      job.id,
      [...plan.fresh.keys()],
      [...plan.fresh.values()],
    ]);
  if (job.dry_run || !ok.length) return { findings, duplicates, newLeads: 0, alerts: [] };

  // as POST /api/leads: an IB's lead belongs to the IB's branch, others to the uploader's
  const facts = ok.map((v) => ({
    branchId: v.lead.ib ? (plan.ibBranch.get(v.lead.ib) ?? null) : job.branch_id,
    language: v.lead.language ?? null,
    country: v.lead.country ?? null,
    source: v.lead.source,
    ibChain: v.lead.ib ? (plan.chains.get(v.lead.ib) ?? []) : [],
  }));
  const assigned = await assignLeads(tx, facts, now);
  const best = dups.map((d) => strongest(d));
  const at = new Date(now);
  // one JSON document for the rows: serialised natively, where 26 parameter arrays are escaped element by element
  const leads = ok.map((v, i) => ({
    id: ids[i],
    first_name: v.lead.firstName.trim(),
    last_name: v.lead.lastName.trim(),
    search_name: v.searchName,
    email: v.lead.email?.trim() || null,
    email_norm: v.emailNorm,
    phone: v.lead.phone?.trim() || null,
    phone_e164: v.phone?.e164 ?? null,
    phone_national: v.phone?.national ?? null,
    country: v.lead.country ?? null,
    language: v.lead.language ?? null,
    date_of_birth: v.lead.dateOfBirth ?? null,
    source: v.lead.source,
    campaign: v.lead.campaign ?? null,
    ib: v.lead.ib ?? null,
    utm_source: v.lead.utmSource ?? null,
    utm_medium: v.lead.utmMedium ?? null,
    utm_campaign: v.lead.utmCampaign ?? null,
    utm_term: v.lead.utmTerm ?? null,
    utm_content: v.lead.utmContent ?? null,
    branch_id: assigned[i].branchId,
    account_manager_id: assigned[i].assigneeId,
    rule_id: assigned[i].ruleId,
    dup_id: best[i]?.id ?? null,
    dup_kind: best[i]?.kind ?? null,
    temperature: v.lead.temperature ?? 'warm',
  }));
  const inserted = await tx.query(
    `INSERT INTO leads (id, first_name, last_name, search_name, email, email_norm, phone, phone_e164, phone_national, country, language, date_of_birth,
       source, campaign, introducing_broker_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, branch_id, account_manager_id,
       assigned_at, assignment_rule_id, duplicate_of_id, duplicate_of_kind, created_by_id, created_at, updated_at, temperature)
     SELECT id, first_name, last_name, search_name, email, email_norm, phone, phone_e164, phone_national, country, language, date_of_birth,
       source, campaign, ib, utm_source, utm_medium, utm_campaign, utm_term, utm_content, branch_id, account_manager_id,
       CASE WHEN account_manager_id IS NULL THEN NULL ELSE $2::timestamptz END, rule_id, dup_id, dup_kind, $3, $2, $2, temperature
     FROM json_to_recordset($1::json)
       AS t(id uuid, first_name text, last_name text, search_name text, email text, email_norm text, phone text, phone_e164 text, phone_national text,
         country text, language text, date_of_birth date, source text, campaign text, ib text, utm_source text, utm_medium text, utm_campaign text,
         utm_term text, utm_content text, branch_id text, account_manager_id text, rule_id text, dup_id text, dup_kind text, temperature text)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(leads), at, job.created_by_id],
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
