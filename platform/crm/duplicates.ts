// Duplicate detection for leads, against other leads and clients: the same e-mail (any letter case), the
// same phone number (compared in E.164, so any national or international format of it), or a similar name
// (the screening matcher, any script) with the same date of birth. Each finding says why.
import { compareNames } from '../../platform/screening/match/compare';
import type { Queryable } from './clients';

/** Name similarity (screening matcher, 0..1) from which two people with the same date of birth are duplicates. */
export const NAME_DOB_THRESHOLD = 0.85;

export type DuplicateReason = 'email' | 'phone' | 'name_dob';

export interface Duplicate {
  kind: 'lead' | 'client';
  id: string;
  reason: DuplicateReason;
  score: number;
  /** name_dob: the matcher's explanation */
  detail?: { summary: string; matchedName: string };
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
        `SELECT id, first_name || ' ' || last_name AS name FROM leads WHERE date_of_birth = $1 AND status <> 'merged' AND id <> $2 LIMIT 500`,
        [p.dateOfBirth, self],
      ),
      q.query(`SELECT id, name FROM clients WHERE date_of_birth = $1 AND type = 'individual' LIMIT 500`, [p.dateOfBirth]),
    ]);
    const byName = (kind: 'lead' | 'client', rows: { id: string; name: string }[]) => {
      for (const r of rows) {
        const { score, explanation } = compareNames(p.fullName, r.name, 'Person');
        if (score >= NAME_DOB_THRESHOLD)
          found.push({ kind, id: r.id, reason: 'name_dob', score, detail: { summary: explanation.summary, matchedName: r.name } });
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
