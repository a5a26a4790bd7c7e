// The reverse-screening index of the client book, kept current by name. Keys belong to names, not clients
// (screening_book_names, screening_name_keys): a name's keys depend on the name and the client type only,
// and a book repeats names. Each client records the name it was indexed under (screening_book_state); a
// client whose name or type changed since (by hash) is indexed again, and a name seen for the first time
// gets its keys. Run before every delta re-screen; after the first build it finds nothing to do unless
// clients changed.
import type pg from 'pg';
import { inTransaction } from '../../db';
import { clientKeys, deletionKeys } from './keys';

const HASH = `md5(c.type || ':' || c.name)`;

/** Indexes up to `limit` stale clients; returns how many (0: the index is current). */
export async function refreshBookIndex(pool: pg.Pool, limit = 5000): Promise<number> {
  return inTransaction(pool, async (db) => {
    const { rows } = await db.query<{ id: string; name: string; type: string; hash: string }>(
      `SELECT c.id, c.name, c.type, ${HASH} AS hash FROM clients c LEFT JOIN screening_book_state s ON s.client_id = c.id
        WHERE s.name_hash IS DISTINCT FROM ${HASH} ORDER BY c.id LIMIT $1 FOR UPDATE OF c SKIP LOCKED`,
      [limit],
    );
    if (!rows.length) return 0;
    const names = new Map(rows.map((r) => [r.hash, r]));
    // names no client was indexed under before; a name that loses its last client stays (it finds no client)
    const { rows: fresh } = await db.query<{ name_hash: string }>(
      `INSERT INTO screening_book_names (name_hash, name, type) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT DO NOTHING RETURNING name_hash`,
      [[...names.keys()], [...names.values()].map((r) => r.name), [...names.values()].map((r) => r.type)],
    );
    const keyRows: [string, string][] = [];
    const words = new Set<string>();
    for (const { name_hash } of fresh) {
      const r = names.get(name_hash)!;
      const k = clientKeys(r.name, r.type);
      for (const key of k.keys) keyRows.push([key, name_hash]);
      for (const w of k.words) words.add(w);
    }
    if (keyRows.length) {
      await db.query(
        `INSERT INTO screening_name_keys (key, name_hash) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
        [keyRows.map((k) => k[0]), keyRows.map((k) => k[1])],
      );
    }
    // the dictionary only grows: a token no client uses any more costs a lookup, never a wrong hit
    if (words.size) {
      const known = new Set(
        (
          await db.query<{ token: string }>(`SELECT DISTINCT token FROM screening_token_deletions WHERE key = ANY($1::text[])`, [
            [...words].map((w) => `d:${w}`),
          ])
        ).rows.map((r) => r.token),
      );
      const dict = [...words].filter((w) => !known.has(w)).flatMap((w) => deletionKeys(w).map((k) => [k, w] as const));
      if (dict.length) {
        await db.query(
          `INSERT INTO screening_token_deletions (key, token) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
          [dict.map((d) => d[0]), dict.map((d) => d[1])],
        );
      }
    }
    await db.query(
      `INSERT INTO screening_book_state (client_id, name_hash, indexed_at) SELECT * , now() FROM unnest($1::text[], $2::text[])
       ON CONFLICT (client_id) DO UPDATE SET name_hash = EXCLUDED.name_hash, indexed_at = now()`,
      [rows.map((r) => r.id), rows.map((r) => r.hash)],
    );
    return rows.length;
  });
}
