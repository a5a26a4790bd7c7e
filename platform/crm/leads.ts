// Leads: creation with duplicate detection and assignment in one transaction, and merges into another lead
// or a client. Used by the API (web forms, partners, manual entry) and, later, imports.
import type pg from 'pg';
import { auditIn } from '../audit';
import { addContacts, contactRows, type Queryable } from './clients';
import { findDuplicates, strongest, type Duplicate } from './duplicates';
import { IB_INACTIVE, assignLead, ibChain, type Assignment } from './assignment';
import { searchNameOf } from './names';
import { normalizePhone } from './phones';
import type { SqlRow } from '../db';

export interface NewLead {
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  country?: string | null;
  language?: string | null;
  dateOfBirth?: string | null;
  source: string;
  campaign?: string | null;
  introducingBrokerId?: string | null;
  utmSource?: string | null;
  utmMedium?: string | null;
  utmCampaign?: string | null;
  utmTerm?: string | null;
  utmContent?: string | null;
  /** hot | warm (default) | cold: how soon the first contact is due */
  temperature?: 'hot' | 'warm' | 'cold' | null;
  /** default: the IB's branch, else the matched rule's, else the assignee's */
  branchId?: string | null;
  /** manual assignment: skips the rules */
  accountManagerId?: string | null;
}

/** A field the caller got wrong, with the reason; the API answers 400 with them. */
export class LeadInputError extends Error {
  constructor(readonly fields: { path: string; message: string }[]) {
    super(fields.map((f) => `${f.path}: ${f.message}`).join('; '));
  }
}

export class LeadStateError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

export const LEAD_COLUMNS = `l.id, l.first_name, l.last_name, l.email, l.phone, l.phone_e164, l.country, l.language, l.date_of_birth::text AS date_of_birth,
  l.source, l.campaign, l.introducing_broker_id, l.utm_source, l.utm_medium, l.utm_campaign, l.utm_term, l.utm_content, l.status, l.branch_id,
  l.account_manager_id, l.assigned_at, l.assignment_rule_id, l.duplicate_of_id, l.duplicate_of_kind, l.merged_into_id, l.merged_into_kind,
  l.created_by_id, l.created_at, l.updated_at, l.temperature, l.client_id, l.lost_reason`;

export type LeadRow = SqlRow & {
  id: string;
  branch_id: string | null;
  account_manager_id: string | null;
  introducing_broker_id: string | null;
};

export async function readLead(q: Queryable, id: string, lock = false): Promise<LeadRow | null> {
  const { rows } = await q.query(`SELECT ${LEAD_COLUMNS} FROM leads l WHERE l.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return (rows[0] as LeadRow) ?? null;
}

export interface CreatedLead {
  lead: LeadRow;
  duplicates: Duplicate[];
  assignment: Assignment;
  created: boolean;
}

/**
 * Creates lead `id` (an Idempotency-Key's derived id, or a new one): normalises e-mail and phone, finds
 * duplicates, applies the assignment rules at `now`, audits. With `id` already stored, returns that lead.
 * Concurrent leads with the same e-mail or phone are serialised (advisory locks), so each sees the other.
 */
export async function createLead(
  pool: pg.Pool,
  id: string,
  input: NewLead,
  opts: { actorId: string | null; now?: number; ip?: string },
): Promise<CreatedLead> {
  const emailNorm = input.email?.trim().toLowerCase() || null;
  let phone: ReturnType<typeof normalizePhone> = null;
  const fields: { path: string; message: string }[] = [];
  if (input.phone?.trim()) {
    phone = normalizePhone(input.phone, input.country);
    if (!phone)
      fields.push({
        path: 'body.phone',
        message: `not a phone number${input.country ? ` (national numbers are read as ${input.country})` : ''}; give it with its country code, e.g. +44 20 7946 0018`,
      });
  }
  if (fields.length) throw new LeadInputError(fields);
  const fullName = `${input.firstName.trim()} ${input.lastName.trim()}`;

  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const existing = await readLead(client, id);
    if (existing) {
      await client.query('COMMIT');
      return { lead: existing, duplicates: await storedDuplicates(pool, id), assignment: assignmentOf(existing), created: false };
    }
    // one lead at a time per e-mail, phone and id, so that simultaneous duplicates find each other
    const keys = [`lead-id:${id}`, emailNorm && `lead-email:${emailNorm}`, phone && `lead-phone:${phone.e164}`]
      .filter((k): k is string => !!k)
      .sort();
    for (const k of keys) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [k]);
    const again = await readLead(client, id);
    if (again) {
      await client.query('COMMIT');
      return { lead: again, duplicates: await storedDuplicates(pool, id), assignment: assignmentOf(again), created: false };
    }

    let branchId = input.branchId ?? null;
    if (input.introducingBrokerId) {
      const ib = await client.query<{ branch_id: string | null; active: boolean }>(
        'SELECT branch_id, active FROM introducing_brokers WHERE id = $1',
        [input.introducingBrokerId],
      );
      if (!ib.rows[0]) fields.push({ path: 'body.ib', message: 'No such introducing broker' });
      else if (!ib.rows[0].active) fields.push({ path: 'body.ib', message: IB_INACTIVE });
      else branchId ??= ib.rows[0].branch_id;
    }
    if (input.branchId) {
      const b = await client.query('SELECT 1 FROM branches WHERE id = $1', [input.branchId]);
      if (!b.rows[0]) fields.push({ path: 'body.branchId', message: 'No such branch' });
    }
    if (input.accountManagerId) {
      const am = await client.query<{ branch_id: string }>('SELECT branch_id FROM users WHERE id = $1 AND active', [
        input.accountManagerId,
      ]);
      if (!am.rows[0]) fields.push({ path: 'body.accountManagerId', message: 'No active user with this id' });
      else branchId ??= am.rows[0].branch_id;
    }
    if (fields.length) throw new LeadInputError(fields);

    const duplicates = await findDuplicates(client, {
      selfId: id,
      emailNorm,
      phoneE164: phone?.e164 ?? null,
      dateOfBirth: input.dateOfBirth ?? null,
      fullName,
    });
    const best = strongest(duplicates);
    const now = opts.now ?? Date.now();
    const assignment: Assignment & { branchId: string | null } = input.accountManagerId
      ? { assigneeId: input.accountManagerId, ruleId: null, reason: 'manual', branchId }
      : await assignLead(
          client,
          {
            branchId,
            language: input.language ?? null,
            country: input.country ?? null,
            source: input.source,
            ibChain: await ibChain(client, input.introducingBrokerId ?? null),
          },
          now,
        );

    await client.query(
      `INSERT INTO leads (id, first_name, last_name, search_name, email, email_norm, phone, phone_e164, phone_national, country, language, date_of_birth,
         source, campaign, introducing_broker_id, utm_source, utm_medium, utm_campaign, utm_term, utm_content, branch_id, account_manager_id,
         assigned_at, assignment_rule_id, duplicate_of_id, duplicate_of_kind, created_by_id, created_at, updated_at, temperature)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $28, $29)`,
      [
        id,
        input.firstName.trim(),
        input.lastName.trim(),
        searchNameOf(fullName),
        input.email?.trim() || null,
        emailNorm,
        input.phone?.trim() || null,
        phone?.e164 ?? null,
        phone?.national ?? null,
        input.country ?? null,
        input.language ?? null,
        input.dateOfBirth ?? null,
        input.source,
        input.campaign ?? null,
        input.introducingBrokerId ?? null,
        input.utmSource ?? null,
        input.utmMedium ?? null,
        input.utmCampaign ?? null,
        input.utmTerm ?? null,
        input.utmContent ?? null,
        assignment.branchId,
        assignment.assigneeId,
        assignment.assigneeId ? new Date(now) : null,
        assignment.ruleId,
        best?.id ?? null,
        best?.kind ?? null,
        opts.actorId,
        new Date(now),
        input.temperature ?? 'warm',
      ],
    );
    if (duplicates.length) {
      await client.query(
        `INSERT INTO lead_duplicates (lead_id, other_kind, other_id, reason, score, detail)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::real[], $6::jsonb[]) ON CONFLICT DO NOTHING`,
        [
          id,
          duplicates.map((d) => d.kind),
          duplicates.map((d) => d.id),
          duplicates.map((d) => d.reason),
          duplicates.map((d) => d.score),
          duplicates.map((d) => (d.detail ? JSON.stringify(d.detail) : null)),
        ],
      );
    }
    const { branchId: _b, ...assigned } = assignment;
    await auditIn(client, {
      actorId: opts.actorId,
      action: 'lead_created',
      entity: 'lead',
      entityId: id,
      ip: opts.ip,
      data: {
        source: input.source,
        duplicates: duplicates.map(({ kind, id: other, reason }) => ({ kind, id: other, reason })),
        assignment: assigned,
      },
    });
    const lead = (await readLead(client, id))!;
    await client.query('COMMIT');
    return { lead, duplicates, assignment: assigned, created: true };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

function assignmentOf(lead: LeadRow): Assignment {
  return {
    assigneeId: lead.account_manager_id,
    ruleId: lead.assignment_rule_id,
    reason: lead.account_manager_id ? (lead.assignment_rule_id ? 'in_hours' : 'manual') : 'no_rule',
  };
}

export async function storedDuplicates(q: Queryable, leadId: string, onlyOpen = false): Promise<(Duplicate & { status: string })[]> {
  const { rows } = await q.query(
    `SELECT other_kind, other_id, reason, score, detail, status FROM lead_duplicates WHERE lead_id = $1${onlyOpen ? ` AND status = 'open'` : ''}
     ORDER BY other_kind = 'client' DESC, reason, score DESC, other_id`,
    [leadId],
  );
  return rows.map((r: SqlRow) => ({
    kind: r.other_kind,
    id: r.other_id,
    reason: r.reason,
    score: r.score,
    status: r.status,
    ...(r.detail ? { detail: r.detail } : {}),
  }));
}

const FILLABLE = [
  ['email', 'email'],
  ['email_norm', 'emailNorm'],
  ['phone', 'phone'],
  ['phone_e164', 'phoneE164'],
  ['phone_national', 'phoneNational'],
  ['country', 'country'],
  ['language', 'language'],
  ['date_of_birth', 'dateOfBirth'],
  ['campaign', 'campaign'],
  ['introducing_broker_id', 'introducingBrokerId'],
  ['utm_source', 'utmSource'],
  ['utm_medium', 'utmMedium'],
  ['utm_campaign', 'utmCampaign'],
  ['utm_term', 'utmTerm'],
  ['utm_content', 'utmContent'],
] as const;

/**
 * Merges lead `sourceId` into another lead (fills the target's empty fields) or a client (adds the lead's
 * e-mail and phone to its contacts). The source lead ends `merged`, its interactions move to the target,
 * open duplicate findings about it point at the target, and the merge is audited with before and after.
 */
export async function mergeLead(
  tx: pg.PoolClient,
  sourceId: string,
  into: { kind: 'lead' | 'client'; id: string },
  opts: { actorId: string; ip?: string },
): Promise<{ filled: string[] }> {
  const { rows } = await tx.query(`SELECT *, date_of_birth::text AS date_of_birth FROM leads WHERE id = $1 FOR UPDATE`, [sourceId]);
  const source = rows[0];
  if (!source) throw new LeadStateError('not_found', 'Lead not found');
  if (source.status === 'merged' || source.status === 'converted')
    throw new LeadStateError('lead_closed', `The lead is already ${source.status}`);
  let filled: string[] = [];
  let before: Record<string, unknown> = {};
  let after: Record<string, unknown> = {};

  if (into.kind === 'lead') {
    if (into.id === sourceId) throw new LeadStateError('same_lead', 'A lead cannot be merged into itself');
    const t = await tx.query(`SELECT *, date_of_birth::text AS date_of_birth FROM leads WHERE id = $1 FOR UPDATE`, [into.id]);
    const target = t.rows[0];
    if (!target) throw new LeadStateError('target_not_found', 'Target lead not found');
    if (target.status === 'merged')
      throw new LeadStateError('target_merged', 'The target lead was itself merged; merge into what it was merged into');
    const sets: string[] = [];
    const params: unknown[] = [into.id];
    for (const [column, field] of FILLABLE) {
      if (target[column] === null && source[column] !== null) {
        params.push(source[column]);
        sets.push(`${column} = $${params.length}`);
        filled.push(field);
        before[field] = null;
        after[field] = source[column];
      }
    }
    if (sets.length) await tx.query(`UPDATE leads SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
    await tx.query('UPDATE interactions SET lead_id = $2 WHERE lead_id = $1', [sourceId, into.id]);
  } else {
    const c = await tx.query<{ id: string; country: string | null; branch_country: string | null }>(
      'SELECT c.id, c.country, b.country AS branch_country FROM clients c JOIN branches b ON b.id = c.branch_id WHERE c.id = $1 FOR UPDATE OF c',
      [into.id],
    );
    if (!c.rows[0]) throw new LeadStateError('target_not_found', 'Target client not found');
    const contacts = [
      ...(source.email ? [{ kind: 'email' as const, value: source.email as string }] : []),
      ...(source.phone_e164 ? [{ kind: 'phone' as const, value: source.phone_e164 as string }] : []),
    ];
    const { rows: contactList } = contactRows(contacts, null);
    const added = await addContacts(tx, into.id, contactList);
    if (added.length) {
      filled = ['contacts'];
      before = { contacts: [] };
      after = { contacts: added.map((a) => ({ kind: a.kind, normalized: a.normalized })) };
      await auditIn(tx, {
        actorId: opts.actorId,
        action: 'client_updated',
        entity: 'client',
        entityId: into.id,
        ip: opts.ip,
        data: { fields: ['contacts'], before, after, mergedLead: sourceId },
      });
    }
    await tx.query('UPDATE interactions SET client_id = $2 WHERE lead_id = $1 AND client_id IS NULL', [sourceId, into.id]);
  }

  await tx.query(`UPDATE leads SET status = 'merged', merged_into_id = $2, merged_into_kind = $3, updated_at = now() WHERE id = $1`, [
    sourceId,
    into.id,
    into.kind,
  ]);
  // the source's own findings are settled, and so is the target's finding about the source
  await tx.query(
    `UPDATE lead_duplicates SET status = CASE WHEN other_kind = $2 AND other_id = $3 THEN 'merged' ELSE 'dismissed' END, resolved_by_id = $4, resolved_at = now()
     WHERE lead_id = $1 AND status = 'open'`,
    [sourceId, into.kind, into.id, opts.actorId],
  );
  if (into.kind === 'lead') {
    await tx.query(
      `UPDATE lead_duplicates SET status = 'merged', resolved_by_id = $3, resolved_at = now()
       WHERE lead_id = $2::uuid AND other_kind = 'lead' AND other_id = $1 AND status = 'open'`,
      [sourceId, into.id, opts.actorId],
    );
  }
  // other leads' open findings that named the source now name the target
  await tx.query(
    `INSERT INTO lead_duplicates (lead_id, other_kind, other_id, reason, score, detail)
     SELECT lead_id, $2, $3, reason, score, detail FROM lead_duplicates
     WHERE other_kind = 'lead' AND other_id = $1 AND status = 'open' AND NOT ($2 = 'lead' AND lead_id::text = $3)
     ON CONFLICT DO NOTHING`,
    [sourceId, into.kind, into.id],
  );
  await tx.query(`DELETE FROM lead_duplicates WHERE other_kind = 'lead' AND other_id = $1 AND status = 'open'`, [sourceId]);
  await auditIn(tx, {
    actorId: opts.actorId,
    action: 'lead_merged',
    entity: 'lead',
    entityId: sourceId,
    ip: opts.ip,
    data: { into, fields: filled, before, after },
  });
  return { filled };
}

/** Marks a lead's open duplicate findings (all, or those about one record) as not duplicates. */
export async function dismissDuplicates(
  tx: Queryable,
  leadId: string,
  other: { kind: string; id: string } | null,
  actorId: string,
): Promise<number> {
  const params: unknown[] = [leadId, actorId];
  let only = '';
  if (other) {
    params.push(other.kind, other.id);
    only = ' AND other_kind = $3 AND other_id = $4';
  }
  const r = (await tx.query(
    `UPDATE lead_duplicates SET status = 'dismissed', resolved_by_id = $2, resolved_at = now() WHERE lead_id = $1 AND status = 'open'${only}`,
    params,
  )) as pg.QueryResult;
  return r.rowCount ?? 0;
}
