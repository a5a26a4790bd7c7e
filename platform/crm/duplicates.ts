// Duplicate detection for leads, against other leads and clients: the same e-mail (any letter case), the
// same phone number (compared in E.164, so any national or international format of it), or a similar name
// (the screening matcher, any script) with the same date of birth. Each finding says why.
import { explainAlignment, type Comparison } from '../../platform/screening/match/compare';
import { align } from '../../platform/screening/match/align';
import { normalizeName, type NormalizedName } from '../../platform/screening/text/normalize';
import type { Queryable } from './clients';
import type { SqlRow } from '../db';

/** Name similarity (screening matcher, 0..1) from which two people with the same date of birth are duplicates. */
export const NAME_DOB_THRESHOLD = 0.85;

// A lead with a date of birth meets every stored person born that day, and the same stored names come up
// batch after batch: a name's normalised form depends on the name alone, so it is kept (bounded, as the
// screening normaliser's word cache is). Nothing changes a NormalizedName after it is made.
const NAME_CACHE_LIMIT = 100_000;
const personNames = new Map<string, NormalizedName>();

function personName(name: string): NormalizedName {
  let n = personNames.get(name);
  if (!n) {
    n = normalizeName(name, 'person');
    if (personNames.size >= NAME_CACHE_LIMIT) personNames.clear();
    personNames.set(name, n);
  }
  return n;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * compareNames(a, b, 'Person') when its score reaches NAME_DOB_THRESHOLD, else null. The same computation:
 * the alignment is the matcher's, and compareNames's score is that alignment's score rounded (a primary
 * name, no evidence, no adjustment), so a pair below the threshold is known before its explanation (the
 * costly part: strings for reviewers) is built; a pair at or above it gets compareNames's explanation.
 */
export function nameDobMatch(a: string, b: string): Comparison | null {
  const qa = personName(a);
  const qb = personName(b);
  const alignment = align(qa.tokens, qb.tokens);
  if (round3(Math.max(0, Math.min(1, alignment.score))) < NAME_DOB_THRESHOLD) return null;
  const c = explainAlignment(qa, qb, 'primary', [], alignment);
  return c.score >= NAME_DOB_THRESHOLD ? c : null;
}

export type DuplicateReason = 'email' | 'phone' | 'name_dob';

export interface Duplicate {
  kind: 'lead' | 'client';
  id: string;
  reason: DuplicateReason;
  score: number;
  /** name_dob: the matcher's explanation */
  detail?: { summary: string; matchedName: string };
}

/** The name_dob finding for a person with the same date of birth as the probe, when the names match. */
function nameDobFinding(kind: Duplicate['kind'], fullName: string, other: { id: string; name: string }): Duplicate | null {
  const m = nameDobMatch(fullName, other.name);
  return (
    m && { kind, id: other.id, reason: 'name_dob', score: m.score, detail: { summary: m.explanation.summary, matchedName: other.name } }
  );
}

export interface DuplicateProbe {
  /** the lead itself, left out of the results */
  selfId?: string;
  emailNorm: string | null;
  phoneE164: string | null;
  dateOfBirth: string | null;
  fullName: string;
}

/** Leads merged into something else are not duplicates any more: what they were merged into is. */
export async function findDuplicates(q: Queryable, p: DuplicateProbe): Promise<Duplicate[]> {
  const found: Duplicate[] = [];
  const self = p.selfId ?? '00000000-0000-0000-0000-000000000000';
  if (p.emailNorm) {
    const [leads, clients] = await Promise.all([
      q.query(`SELECT id FROM leads WHERE email_norm = $1 AND status <> 'merged' AND id <> $2 ORDER BY created_at, id LIMIT 20`, [
        p.emailNorm,
        self,
      ]),
      q.query(`SELECT DISTINCT client_id AS id FROM client_contacts WHERE normalized = $1 AND kind = 'email' ORDER BY 1 LIMIT 20`, [
        p.emailNorm,
      ]),
    ]);
    for (const r of clients.rows) found.push({ kind: 'client', id: r.id, reason: 'email', score: 1 });
    for (const r of leads.rows) found.push({ kind: 'lead', id: r.id, reason: 'email', score: 1 });
  }
  if (p.phoneE164) {
    const [leads, clients] = await Promise.all([
      q.query(`SELECT id FROM leads WHERE phone_e164 = $1 AND status <> 'merged' AND id <> $2 ORDER BY created_at, id LIMIT 20`, [
        p.phoneE164,
        self,
      ]),
      q.query(`SELECT DISTINCT client_id AS id FROM client_contacts WHERE normalized = $1 AND kind = 'phone' ORDER BY 1 LIMIT 20`, [
        p.phoneE164,
      ]),
    ]);
    for (const r of clients.rows) found.push({ kind: 'client', id: r.id, reason: 'phone', score: 1 });
    for (const r of leads.rows) found.push({ kind: 'lead', id: r.id, reason: 'phone', score: 1 });
  }
  if (p.dateOfBirth && p.fullName.trim()) {
    const [leads, clients] = await Promise.all([
      q.query(
        `SELECT id, first_name || ' ' || last_name AS name FROM leads WHERE date_of_birth = $1 AND status <> 'merged' AND id <> $2
         ORDER BY created_at, id LIMIT 500`,
        [p.dateOfBirth, self],
      ),
      q.query(`SELECT id, name FROM clients WHERE date_of_birth = $1 AND type = 'individual' ORDER BY id LIMIT 500`, [p.dateOfBirth]),
    ]);
    const byName = (kind: 'lead' | 'client', rows: { id: string; name: string }[]) => {
      for (const r of rows) {
        const finding = nameDobFinding(kind, p.fullName, r);
        if (finding) found.push(finding);
      }
    };
    byName('client', clients.rows);
    byName('lead', leads.rows);
  }
  return found;
}

const REASON_RANK: Record<DuplicateReason, number> = { email: 0, phone: 1, name_dob: 2 };

/** The strongest finding: a client before a lead, then e-mail, phone, name and date of birth, then score. */
export function strongest(found: readonly Duplicate[]): Duplicate | null {
  return (
    [...found].sort(
      (a, b) =>
        (a.kind === b.kind ? 0 : a.kind === 'client' ? -1 : 1) || REASON_RANK[a.reason] - REASON_RANK[b.reason] || b.score - a.score,
    )[0] ?? null
  );
}

/** A lead being stored by a transaction that may not have committed yet (an import's batch being written). */
export interface PendingLead {
  id: string;
  dateOfBirth: string | null;
  name: string;
}

/**
 * findDuplicates for many probes at once (imports): one query per kind of key for all of them, the same
 * findings in the same order as findDuplicates gives each probe alone. `pending`: leads stored by a
 * transaction that may not have committed yet, met by name and date of birth as if it had (after the
 * people read); an import refuses a line with the e-mail or phone of an earlier line before it gets here.
 */
export async function findDuplicatesMany(
  q: Queryable,
  probes: readonly DuplicateProbe[],
  pending: readonly PendingLead[] = [],
): Promise<Duplicate[][]> {
  const emails = [...new Set(probes.map((p) => p.emailNorm).filter((e): e is string => !!e))];
  const phones = [...new Set(probes.map((p) => p.phoneE164).filter((e): e is string => !!e))];
  const dobs = [
    ...new Set(
      probes
        .filter((p) => p.fullName.trim())
        .map((p) => p.dateOfBirth)
        .filter((e): e is string => !!e),
    ),
  ];
  const none = { rows: [] as SqlRow[] };
  const [leadEmails, clientEmails, leadPhones, clientPhones, leadDobs, clientDobs] = await Promise.all([
    emails.length
      ? q.query(`SELECT email_norm AS k, id FROM leads WHERE email_norm = ANY($1::text[]) AND status <> 'merged' ORDER BY created_at, id`, [
          emails,
        ])
      : none,
    emails.length
      ? q.query(
          `SELECT DISTINCT normalized AS k, client_id AS id FROM client_contacts WHERE normalized = ANY($1::text[]) AND kind = 'email' ORDER BY 2`,
          [emails],
        )
      : none,
    phones.length
      ? q.query(`SELECT phone_e164 AS k, id FROM leads WHERE phone_e164 = ANY($1::text[]) AND status <> 'merged' ORDER BY created_at, id`, [
          phones,
        ])
      : none,
    phones.length
      ? q.query(
          `SELECT DISTINCT normalized AS k, client_id AS id FROM client_contacts WHERE normalized = ANY($1::text[]) AND kind = 'phone' ORDER BY 2`,
          [phones],
        )
      : none,
    dobs.length
      ? q.query(
          `SELECT date_of_birth::text AS k, id, first_name || ' ' || last_name AS name FROM leads WHERE date_of_birth = ANY($1::date[]) AND status <> 'merged'
           ORDER BY created_at, id`,
          [dobs],
        )
      : none,
    dobs.length
      ? q.query(
          `SELECT date_of_birth::text AS k, id, name FROM clients WHERE date_of_birth = ANY($1::date[]) AND type = 'individual' ORDER BY id`,
          [dobs],
        )
      : none,
  ]);
  const group = (rows: SqlRow[]) => {
    const m = new Map<string, SqlRow[]>();
    for (const r of rows) {
      const list = m.get(r.k);
      if (list) list.push(r);
      else m.set(r.k, [r]);
    }
    return m;
  };
  const [le, ce, lp, cp, ld, cd] = [leadEmails, clientEmails, leadPhones, clientPhones, leadDobs, clientDobs].map((r) => group(r.rows));
  const wanted = new Set(dobs);
  // stored at one instant, so in id order; the newest, so last (the read orders by created_at, id)
  for (const p of [...pending].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (!p.dateOfBirth || !wanted.has(p.dateOfBirth)) continue;
    const list = ld.get(p.dateOfBirth) ?? [];
    // unless the read already saw it committed
    if (!list.some((r) => r.id === p.id)) list.push({ k: p.dateOfBirth, id: p.id, name: p.name });
    ld.set(p.dateOfBirth, list);
  }
  const out: Duplicate[][] = [];
  for (const p of probes) {
    // in slices, so that other work of the process (an import's batch being written) goes on meanwhile
    if (out.length % 100 === 99) await new Promise<void>((resolve) => setImmediate(resolve));
    const found: Duplicate[] = [];
    const self = (r: SqlRow) => r.id !== p.selfId;
    const add = (kind: 'lead' | 'client', reason: 'email' | 'phone', rows: SqlRow[] | undefined) => {
      for (const r of (rows ?? []).filter(self).slice(0, 20)) found.push({ kind, id: r.id, reason, score: 1 });
    };
    if (p.emailNorm) {
      add('client', 'email', ce.get(p.emailNorm));
      add('lead', 'email', le.get(p.emailNorm));
    }
    if (p.phoneE164) {
      add('client', 'phone', cp.get(p.phoneE164));
      add('lead', 'phone', lp.get(p.phoneE164));
    }
    if (p.dateOfBirth && p.fullName.trim()) {
      for (const [kind, rows] of [
        ['client', cd.get(p.dateOfBirth)],
        ['lead', ld.get(p.dateOfBirth)],
      ] as const) {
        for (const r of (rows ?? []).filter(self).slice(0, 500)) {
          const finding = nameDobFinding(kind, p.fullName, { id: r.id, name: r.name });
          if (finding) found.push(finding);
        }
      }
    }
    out.push(found);
  }
  return out;
}
