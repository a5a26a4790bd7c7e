// Writing clients: the one place that derives a client's display and search names and normalises its
// contacts, used by the API, the demo seed, tests and (later) imports.
import type pg from 'pg';
import { normalizePhone } from './phones';
import { displayName, searchNameOf } from './names';

export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export interface ContactInput {
  kind: 'email' | 'phone';
  value: string;
  label?: string | null;
  primary?: boolean;
}

export interface ContactRow {
  kind: 'email' | 'phone';
  value: string;
  normalized: string;
  nationalNumber: string | null;
  label: string | null;
  isPrimary: boolean;
}

export interface RelatedPersonInput {
  role: 'director' | 'beneficial_owner' | 'authorised_signatory' | 'shareholder';
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  dateOfBirth?: string | null;
  nationality?: string | null;
  sharePercent?: number | null;
}

/**
 * Contacts as stored: e-mails lower-cased, phones in E.164 (a national format is read in `defaultCountry`),
 * duplicates dropped, one primary of each kind (the first marked, else the first). Unreadable phones are
 * returned in `errors` with their index.
 */
export function contactRows(
  contacts: readonly ContactInput[],
  defaultCountry: string | null,
): { rows: ContactRow[]; errors: { index: number; message: string }[] } {
  const rows: ContactRow[] = [];
  const errors: { index: number; message: string }[] = [];
  const seen = new Set<string>();
  contacts.forEach((c, index) => {
    const value = c.value.trim();
    let normalized: string;
    let nationalNumber: string | null = null;
    if (c.kind === 'email') {
      normalized = value.toLowerCase();
    } else {
      const phone = normalizePhone(value, defaultCountry);
      if (!phone) {
        errors.push({
          index,
          message: `not a phone number${defaultCountry ? ` (national numbers are read as ${defaultCountry})` : ''}; give it with its country code, e.g. +44 20 7946 0018`,
        });
        return;
      }
      normalized = phone.e164;
      nationalNumber = phone.national;
    }
    const key = `${c.kind}:${normalized}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push({ kind: c.kind, value, normalized, nationalNumber, label: c.label ?? null, isPrimary: !!c.primary });
  });
  for (const kind of ['email', 'phone'] as const) {
    const ofKind = rows.filter((r) => r.kind === kind);
    const primary = ofKind.find((r) => r.isPrimary) ?? ofKind[0];
    for (const r of ofKind) r.isPrimary = r === primary;
  }
  return { rows, errors };
}

/** Replaces a client's contacts and keeps clients.email / clients.phone as the primary ones. */
export async function replaceContacts(q: Queryable, clientId: string, rows: readonly ContactRow[]): Promise<void> {
  await q.query('DELETE FROM client_contacts WHERE client_id = $1', [clientId]);
  if (rows.length) {
    await q.query(
      `INSERT INTO client_contacts (client_id, kind, value, normalized, national_number, label, is_primary)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[])`,
      [
        clientId,
        rows.map((r) => r.kind),
        rows.map((r) => r.value),
        rows.map((r) => r.normalized),
        rows.map((r) => r.nationalNumber),
        rows.map((r) => r.label),
        rows.map((r) => r.isPrimary),
      ],
    );
  }
  const primary = (kind: string) => rows.find((r) => r.kind === kind && r.isPrimary)?.normalized ?? null;
  await q.query('UPDATE clients SET email = $2, phone = $3 WHERE id = $1', [clientId, primary('email'), primary('phone')]);
}

/** Adds contacts a client does not have yet (lead merges); returns those added. */
export async function addContacts(q: Queryable, clientId: string, rows: readonly ContactRow[]): Promise<ContactRow[]> {
  const added: ContactRow[] = [];
  for (const r of rows) {
    const res = await q.query(
      `INSERT INTO client_contacts (client_id, kind, value, normalized, national_number, label, is_primary)
       VALUES ($1, $2, $3, $4, $5, $6, NOT EXISTS (SELECT 1 FROM client_contacts WHERE client_id = $1 AND kind = $2))
       ON CONFLICT (client_id, kind, normalized) DO NOTHING`,
      [clientId, r.kind, r.value, r.normalized, r.nationalNumber, r.label],
    );
    if ((res as pg.QueryResult).rowCount) added.push(r);
  }
  if (added.length) {
    await q.query(
      `UPDATE clients c SET
         email = coalesce(c.email, (SELECT normalized FROM client_contacts WHERE client_id = c.id AND kind = 'email' AND is_primary LIMIT 1)),
         phone = coalesce(c.phone, (SELECT normalized FROM client_contacts WHERE client_id = c.id AND kind = 'phone' AND is_primary LIMIT 1))
       WHERE c.id = $1`,
      [clientId],
    );
  }
  return added;
}

export async function replaceRelatedPersons(q: Queryable, clientId: string, persons: readonly RelatedPersonInput[]): Promise<void> {
  await q.query('DELETE FROM client_related_persons WHERE client_id = $1', [clientId]);
  for (const p of persons) {
    await q.query(
      `INSERT INTO client_related_persons (client_id, role, first_name, last_name, name, date_of_birth, nationality, share_percent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        clientId,
        p.role,
        p.firstName ?? null,
        p.lastName ?? null,
        displayName(p),
        p.dateOfBirth ?? null,
        p.nationality ?? null,
        p.sharePercent ?? null,
      ],
    );
  }
}

export interface NewClient {
  id: string;
  type?: 'individual' | 'corporate';
  firstName?: string | null;
  lastName?: string | null;
  legalName?: string | null;
  dateOfBirth?: string | null;
  nationality?: string | null;
  nationalId?: string | null;
  country?: string | null;
  branchId: string;
  accountManagerId?: string | null;
  introducingBrokerId?: string | null;
  tier?: string;
  language?: string | null;
  segment?: string | null;
  tags?: string[];
  kycStatus?: string;
  contacts?: ContactInput[];
  relatedPersons?: RelatedPersonInput[];
}

/** Inserts a client with its contacts and related persons (throws on an unreadable phone). */
export async function insertClient(q: Queryable, c: NewClient, defaultCountry: string | null = c.country ?? null): Promise<string> {
  const type = c.type ?? 'individual';
  const name = displayName({ ...c, type });
  if (!name) throw new Error(`client ${c.id}: a name is needed (first and last name, or legal name)`);
  const { rows, errors } = contactRows(c.contacts ?? [], defaultCountry);
  if (errors.length) throw new Error(`client ${c.id}: contact ${errors[0].index}: ${errors[0].message}`);
  await q.query(
    `INSERT INTO clients (id, name, type, first_name, last_name, legal_name, date_of_birth, nationality, national_id, country, branch_id,
       account_manager_id, introducing_broker_id, tier, language, segment, tags, kyc_status, search_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      c.id,
      name,
      type,
      c.firstName ?? null,
      c.lastName ?? null,
      c.legalName ?? null,
      c.dateOfBirth ?? null,
      c.nationality ?? null,
      c.nationalId ?? null,
      c.country ?? null,
      c.branchId,
      c.accountManagerId ?? null,
      c.introducingBrokerId ?? null,
      c.tier ?? 'standard',
      c.language ?? null,
      c.segment ?? null,
      c.tags ?? [],
      c.kycStatus ?? 'pending',
      searchNameOf(name),
    ],
  );
  if (rows.length) await replaceContacts(q, c.id, rows);
  if (c.relatedPersons?.length) await replaceRelatedPersons(q, c.id, c.relatedPersons);
  return c.id;
}

/** Recomputes search names in the application's normaliser (rows written by SQL alone have a plain one). */
export async function refreshSearchNames(q: Queryable, ids?: readonly string[]): Promise<number> {
  const { rows } = (await q.query(
    ids ? 'SELECT id, name FROM clients WHERE id = ANY($1)' : 'SELECT id, name FROM clients',
    ids ? [ids] : [],
  )) as pg.QueryResult<{ id: string; name: string }>;
  if (!rows.length) return 0;
  await q.query('UPDATE clients c SET search_name = v.s FROM unnest($1::text[], $2::text[]) AS v(id, s) WHERE c.id = v.id', [
    rows.map((r) => r.id),
    rows.map((r) => searchNameOf(r.name)),
  ]);
  return rows.length;
}
