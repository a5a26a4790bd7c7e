// Matching list entries and clients, both ways, with one scorer: the forward screening search of a client
// name against an index (platform/screening). Delta re-screening builds an index of a batch of changed
// entries and scores the clients the reverse index proposes; a full re-screen searches every client against
// the index of every entry. The same search decides both, so they agree on what they both look at.
import type { PrismaClient } from '@prisma/client';
import { toEntry } from '../../screening/store';
import { buildIndex, nameCouldReach, searchName, type ScreeningIndex, type SearchHit } from '../../screening/index';
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

export const BOOK_COLUMNS =
  'c.id, c.name, c.type, coalesce(c.date_of_birth, p.date_of_birth) AS date_of_birth, coalesce(c.nationality, p.nationality) AS nationality, c.country';
export const BOOK_FROM = 'clients c LEFT JOIN kyc_profiles p ON p.client_id = c.id';

/** A client as a screening query: name, schema and the facts that weigh as evidence. */
export function search(index: ScreeningIndex, c: BookClient, minScore: number, limit = 10): SearchHit[] {
  return searchName(
    index,
    {
      name: c.name,
      schema: clientSchema(c.type),
      birthDate: c.date_of_birth?.toISOString().slice(0, 10),
      country: c.nationality ?? c.country ?? undefined,
    },
    { minScore, limit },
  );
}

/** What the reverse index proposes for an entry's names (a superset of what could match): a SELECT of name hashes. */
function candidateQuery(index: ScreeningIndex): { sql: string; params: string[][] } {
  const { direct, near } = lookupKeys(index.variants.map((v) => v.name.tokens));
  return {
    // two index lookups (an OR across them would read the whole index)
    sql: `SELECT k.name_hash FROM screening_name_keys k WHERE k.key = ANY($1::text[])
     UNION
     SELECT k.name_hash FROM (SELECT DISTINCT 't:' || d.token AS key FROM screening_token_deletions d WHERE d.key = ANY($2::text[])) t
       JOIN screening_name_keys k ON k.key = t.key`,
    params: [direct, near],
  };
}

/** Clients the reverse index proposes for an entry's names (a superset of what could match). */
export async function candidatesFor(db: Queryable, index: ScreeningIndex): Promise<string[]> {
  const { sql, params } = candidateQuery(index);
  const { rows } = await db.query<{ client_id: string }>(
    `SELECT s.client_id FROM (${sql}) x JOIN screening_book_state s ON s.name_hash = x.name_hash`,
    params,
  );
  return rows.map((r) => r.client_id);
}

const CLIENT_CHUNK = 10_000;

/** What the pruning did (added up over calls): names proposed, names kept, clients searched. */
export interface MatchStats {
  names: number;
  namesKept: number;
  clientsScored: number;
}

/**
 * A batch of entries against the clients the reverse index proposes for any of them. The index proposes
 * names (each distinct client name once); a name that cannot reach `minScore` against any entry of the
 * batch, even with the most a birth date and country could add (nameCouldReach, an exact bound), is
 * dropped and its clients are never read; the clients of the other names are read and searched in full.
 * Common names (a first name or surname thousands of clients share) propose many names, and almost all of
 * them fail on the name.
 */
export async function matchEntries(
  db: Queryable,
  entries: { entry: SanctionEntry; versionId: string }[],
  minScore: number,
  stats?: MatchStats,
): Promise<Match[]> {
  if (!entries.length) return [];
  const index = buildIndex(entries.map((e) => e.entry));
  const versionOf = new Map(entries.map((e) => [`${e.entry.source}:${e.entry.entryId}`, e.versionId]));
  const { sql, params } = candidateQuery(index);
  const { rows: names } = await db.query<{ name_hash: string; name: string; type: string }>(
    `SELECT n.name_hash, n.name, n.type FROM (${sql}) x JOIN screening_book_names n ON n.name_hash = x.name_hash`,
    params,
  );
  const kept = names.filter((n) => nameCouldReach(index, n.name, clientSchema(n.type), minScore)).map((n) => n.name_hash);
  const out: Match[] = [];
  let scored = 0;
  for (let i = 0; i < kept.length; i += CLIENT_CHUNK) {
    const { rows } = await db.query<BookClient>(
      `SELECT ${BOOK_COLUMNS} FROM screening_book_state s JOIN clients c ON c.id = s.client_id LEFT JOIN kyc_profiles p ON p.client_id = c.id
        WHERE s.name_hash = ANY($1::text[])`,
      [kept.slice(i, i + CLIENT_CHUNK)],
    );
    scored += rows.length;
    for (const c of rows) {
      for (const hit of search(index, c, minScore, entries.length))
        out.push({ clientId: c.id, hit, versionId: versionOf.get(`${hit.list}:${hit.entryId}`)! });
    }
  }
  if (stats) {
    stats.names += names.length;
    stats.namesKept += kept.length;
    stats.clientsScored += scored;
  }
  return out;
}

/** Entries of a version by entry id (for the delta's added and changed ones). */
export async function loadEntries(prisma: PrismaClient, versionId: string, entryIds: string[]): Promise<SanctionEntry[]> {
  const rows = await prisma.sanctionEntry.findMany({
    where: { versionId, entryId: { in: entryIds } },
    include: { version: { select: { source: true } } },
  });
  return rows.map(toEntry);
}
