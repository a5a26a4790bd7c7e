// Client search: one text box finds a client by name (fuzzy, any script), e-mail, phone in any format,
// trading-account login, document or national id number, or client id. The text is read as every kind it
// can be; each kind is one indexed lookup; the hits are merged, scoped and ranked (exact before fuzzy).
import type pg from 'pg';
import { identifierKey, searchNameOf } from '../../platform/crm/names';
import { phoneQuery, type PhoneQuery } from '../../platform/crm/phones';
import { scopeSql, type ClientScopeSet } from './scope';
import { CLIENT_COLUMNS, type ClientRow } from './views';

export type SearchKind = 'name' | 'email' | 'phone' | 'login' | 'document' | 'national_id' | 'id';

export interface SearchPlan {
  name?: string;
  email?: string;
  phone?: PhoneQuery;
  login?: string;
  /** document and national id numbers (letters and digits, upper case) */
  identifier?: string;
  id?: string;
}

/** Fuzzy name hits considered per search, before ranking. */
const NAME_CANDIDATES = 100;

/**
 * What a search text can be. `countries`: where national phone formats are tried (the branches' countries).
 * `identifiers`: whether the user may search by document and national id numbers (masked users may not:
 * a search would tell them the number).
 */
export function planSearch(q: string, opts: { countries: readonly string[]; identifiers: boolean }): SearchPlan {
  const text = q.normalize('NFKC').trim();
  const plan: SearchPlan = {};
  if (!text) return plan;
  if (/^[^\s@]+@[^\s@]+$/.test(text)) {
    plan.email = text.toLowerCase();
    return plan;
  }
  const phone = phoneQuery(text, opts.countries);
  if (phone) plan.phone = phone;
  if (/^[A-Za-z0-9_.-]{2,64}$/.test(text)) {
    plan.login = text;
    plan.id = text;
  }
  if (opts.identifiers && /\d/.test(text) && identifierKey(text).length >= 5 && identifierKey(text).length <= 40)
    plan.identifier = identifierKey(text);
  // a text of mostly digits is a number, not a name ("NI 000123456", "P 123-456-789")
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const digits = text.match(/\d/g)?.length ?? 0;
  if (letters > digits && text.length >= 2) {
    const name = searchNameOf(text);
    if (name.replace(/\s/g, '').length >= 2) plan.name = name;
  }
  return plan;
}

export interface SearchHit {
  clientId: string;
  score: number;
  matched: SearchKind[];
  row: ClientRow;
}

/** Words of a folded name that search can use: single letters (initials) are left out. */
export const nameWords = (name: string) => [...new Set(name.split(' ').filter((w) => w.length > 1))];

/** Similar words per query word allowed in a fuzzy search, and the similarity they need. */
const SIMILAR_WORDS = 10;
/** Clients read for a fuzzy name before ranking: bounds the work when a misspelt word is a common one. */
const FUZZY_CANDIDATES = 1000;
const WORD_SIMILARITY = 0.4;

/**
 * Each query word with the dictionary words it may be: itself, words that start with it (typing
 * in progress) and words similar to it (typos, other transliterations: "dmitriy" → "dmitri").
 */
async function expandWords(pool: Pick<pg.Pool, 'query'>, words: string[]): Promise<string[][]> {
  const { rows } = await pool.query<{ i: number; words: string[] }>(
    `SELECT q.i, array_agg(DISTINCT x.token) AS words
     FROM unnest($1::text[]) WITH ORDINALITY AS q(t, i)
     CROSS JOIN LATERAL (
       SELECT q.t AS token
       UNION ALL (SELECT token FROM name_tokens WHERE length(q.t) >= 3 AND token LIKE q.t || '%' ORDER BY length(token), token LIMIT ${SIMILAR_WORDS})
       UNION ALL (SELECT token FROM name_tokens WHERE token % q.t AND similarity(token, q.t) >= ${WORD_SIMILARITY}
                  ORDER BY similarity(token, q.t) DESC, token LIMIT ${SIMILAR_WORDS})
     ) x
     GROUP BY q.i ORDER BY q.i`,
    [words],
  );
  return rows.map((r) => r.words);
}

/**
 * The clients a plan finds within the scope, best first, with the total. Exact kinds are one indexed
 * lookup each (score 1; a phone matched by its national number 0.95). A name first finds clients holding
 * every query word (GIN on search_tokens); only when none does are misspelt or partial words expanded
 * through the word dictionary (at most FUZZY_CANDIDATES clients read). Names score by pg_trgm word
 * similarity; at most NAME_CANDIDATES name hits are ranked.
 */
export async function searchClients(
  pool: Pick<pg.Pool, 'query'>,
  plan: SearchPlan,
  scope: ClientScopeSet,
  page: { skip: number; take: number },
): Promise<{ hits: SearchHit[]; total: number }> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts: string[] = [];
  if (plan.email)
    parts.push(
      `SELECT client_id, 1.0::real AS score, 'email' AS matched FROM client_contacts WHERE normalized = ${p(plan.email)} AND kind = 'email'`,
    );
  if (plan.phone?.e164.length)
    parts.push(
      `SELECT client_id, 1.0::real, 'phone' FROM client_contacts WHERE normalized = ANY(${p(plan.phone.e164)}::text[]) AND kind = 'phone'`,
    );
  if (plan.phone?.national.length)
    parts.push(`SELECT client_id, 0.95::real, 'phone' FROM client_contacts WHERE national_number = ANY(${p(plan.phone.national)}::text[])`);
  if (plan.login) parts.push(`SELECT client_id, 1.0::real, 'login' FROM trading_accounts WHERE login = ${p(plan.login)}`);
  if (plan.id) parts.push(`SELECT id, 1.0::real, 'id' FROM clients WHERE id = ${p(plan.id)}`);
  if (plan.identifier) {
    const key = p(plan.identifier);
    parts.push(
      `SELECT client_id, 1.0::real, 'document' FROM kyc_documents WHERE upper(regexp_replace("number", '[^0-9A-Za-z]', '', 'g')) = ${key}`,
    );
    parts.push(
      `SELECT id, 1.0::real, 'national_id' FROM clients WHERE upper(regexp_replace("national_id", '[^0-9A-Za-z]', '', 'g')) = ${key}`,
    );
  }
  const words = plan.name ? nameWords(plan.name) : [];
  if (words.length) {
    // every word, in any order (GIN array containment), ranked by similarity to the whole text
    parts.push(
      `(SELECT c.id, word_similarity(${p(plan.name)}, c.search_name)::real, 'name' FROM clients c
        WHERE c.search_tokens @> ${p(words)}::text[] AND ${scopeSql(scope, 'c', params)} LIMIT ${NAME_CANDIDATES})`,
    );
  }
  const hits = new Map<string, { score: number; matched: Set<SearchKind>; name: string; row: ClientRow }>();
  const collect = (rows: (ClientRow & { client_id: string; score: number; matched: SearchKind })[]) => {
    for (const r of rows) {
      const h = hits.get(r.client_id) ?? { score: 0, matched: new Set<SearchKind>(), name: r.name, row: r };
      h.score = Math.max(h.score, r.score);
      h.matched.add(r.matched);
      hits.set(r.client_id, h);
    }
  };
  if (parts.length) {
    const { rows } = await pool.query(
      `SELECT h.client_id, h.score, h.matched, ${CLIENT_COLUMNS} FROM (${parts.join('\n UNION ALL ')}) AS h(client_id, score, matched)
       JOIN clients c ON c.id = h.client_id WHERE ${scopeSql(scope, 'c', params)}`,
      params,
    );
    collect(rows);
  }
  const nameHits = [...hits.values()].filter((h) => h.matched.has('name')).length;
  if (words.length && nameHits === 0) {
    // no client holds every word as typed: a word is misspelt, in another transliteration, or being typed
    const expanded = await expandWords(pool, words);
    const fp: unknown[] = [plan.name];
    const each = expanded.map((alternatives) => `c.search_tokens && $${fp.push(alternatives)}::text[]`);
    const { rows } = await pool.query(
      `SELECT c.id AS client_id, word_similarity($1, c.search_name)::real AS score, 'name' AS matched, ${CLIENT_COLUMNS}
       FROM (SELECT c.* FROM clients c WHERE ${each.join(' AND ')} AND ${scopeSql(scope, 'c', fp)} LIMIT ${FUZZY_CANDIDATES}) c
       ORDER BY score DESC, c.id LIMIT ${NAME_CANDIDATES}`,
      fp,
    );
    collect(rows);
  }
  const ranked = [...hits.entries()].sort(
    ([ia, a], [ib, b]) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : ia < ib ? -1 : 1),
  );
  return {
    total: ranked.length,
    hits: ranked
      .slice(page.skip, page.skip + page.take)
      .map(([clientId, h]) => ({ clientId, score: Math.round(h.score * 1000) / 1000, matched: [...h.matched].sort(), row: h.row })),
  };
}
