// Matching list entries and clients, both ways, with one scorer: the forward screening search of a client
// name against an index (platform/screening). Delta re-screening builds a one-entry index per changed
// entry and scores the clients the reverse index proposes; a full re-screen searches every client against
// the index of every entry. The same search decides both, so they agree on what they both look at.
import type { PrismaClient } from '@prisma/client';
import { toEntry } from '../../screening/store';
import { buildIndex, searchName, type ScreeningIndex, type SearchHit } from '../../screening/index';
import type { SanctionEntry } from '../../screening/types';
import type { Queryable } from '../versions';
import { clientSchema, lookupKeys } from './keys';

export interface BookClient {
  id: string;
  name: string;
  type: string;
  date_of_birth: Date | null;
  nationality: string | null;
  country: string | null;
}

export interface Match {
  clientId: string;
  hit: SearchHit;
  versionId: string;
}

export const BOOK_COLUMNS = 'c.id, c.name, c.type, coalesce(c.date_of_birth, p.date_of_birth) AS date_of_birth, coalesce(c.nationality, p.nationality) AS nationality, c.country';
export const BOOK_FROM = 'clients c LEFT JOIN kyc_profiles p ON p.client_id = c.id';

/** A client as a screening query: name, schema and the facts that weigh as evidence. */
export function search(index: ScreeningIndex, c: BookClient, minScore: number, limit = 10): SearchHit[] {
  return searchName(
    index,
    { name: c.name, schema: clientSchema(c.type), birthDate: c.date_of_birth?.toISOString().slice(0, 10), country: c.nationality ?? c.country ?? undefined },
    { minScore, limit },
  );
}

/** Clients the reverse index proposes for an entry's names (a superset of what could match). */
export async function candidatesFor(db: Queryable, index: ScreeningIndex): Promise<string[]> {
  const { direct, near } = lookupKeys(index.variants.map((v) => v.name.tokens));
  const { rows } = await db.query<{ client_id: string }>(
    // two index lookups (an OR across them would read the whole index)
    `SELECT k.client_id FROM screening_book_keys k WHERE k.key = ANY($1::text[])
     UNION
     SELECT k.client_id FROM (SELECT DISTINCT 't:' || d.token AS key FROM screening_token_deletions d WHERE d.key = ANY($2::text[])) t
       JOIN screening_book_keys k ON k.key = t.key`,
    [direct, near],
  );
  return rows.map((r) => r.client_id);
}

/** Each entry against the clients the reverse index proposes for it. */
export async function matchEntries(db: Queryable, entries: { entry: SanctionEntry; versionId: string }[], minScore: number): Promise<Match[]> {
  const out: Match[] = [];
  for (const { entry, versionId } of entries) {
    const index = buildIndex([entry]);
    const ids = await candidatesFor(db, index);
    if (!ids.length) continue;
    const { rows } = await db.query<BookClient>(`SELECT ${BOOK_COLUMNS} FROM ${BOOK_FROM} WHERE c.id = ANY($1::text[])`, [ids]);
    for (const c of rows) for (const hit of search(index, c, minScore, 1)) out.push({ clientId: c.id, hit, versionId });
  }
  return out;
}

/** Entries of a version by entry id (for the delta's added and changed ones). */
export async function loadEntries(prisma: PrismaClient, versionId: string, entryIds: string[]): Promise<SanctionEntry[]> {
  const rows = await prisma.sanctionEntry.findMany({ where: { versionId, entryId: { in: entryIds } }, include: { version: { select: { source: true } } } });
  return rows.map(toEntry);
}
