// Client search: one text box finds a client by name (fuzzy, any script), e-mail, phone in any format,
// trading-account login, document or national id number, or client id. The text is read as every kind it
// can be; each kind is one indexed lookup; the hits are merged, scoped and ranked (exact before fuzzy).
import type pg from 'pg';
import { identifierKey, searchNameOf } from '../../activities/crm/names';
import { phoneQuery, type PhoneQuery } from '../../activities/crm/phones';
import { scopeSql, type ClientScopeSet } from './scope';

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
  if (opts.identifiers && /\d/.test(text) && identifierKey(text).length >= 5 && identifierKey(text).length <= 40) plan.identifier = identifierKey(text);
  if (/\p{L}/u.test(text) && text.length >= 2) {
    const name = searchNameOf(text);
    if (name.replace(/\s/g, '').length >= 2) plan.name = name;
  }
  return plan;
}

export interface SearchHit {
  clientId: string;
  score: number;
  matched: SearchKind[];
}

/** The clients a plan finds within the scope, best first, with the total. */
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
  if (plan.email) parts.push(`SELECT client_id, 1.0::real AS score, 'email' AS matched FROM client_contacts WHERE normalized = ${p(plan.email)} AND kind = 'email'`);
  if (plan.phone?.e164.length) parts.push(`SELECT client_id, 1.0::real, 'phone' FROM client_contacts WHERE normalized = ANY(${p(plan.phone.e164)}::text[]) AND kind = 'phone'`);
  if (plan.phone?.national.length) parts.push(`SELECT client_id, 0.95::real, 'phone' FROM client_contacts WHERE national_number = ANY(${p(plan.phone.national)}::text[])`);
  if (plan.login) parts.push(`SELECT client_id, 1.0::real, 'login' FROM trading_accounts WHERE login = ${p(plan.login)}`);
  if (plan.id) parts.push(`SELECT id, 1.0::real, 'id' FROM clients WHERE id = ${p(plan.id)}`);
  if (plan.identifier) {
    const key = p(plan.identifier);
    parts.push(`SELECT client_id, 1.0::real, 'document' FROM kyc_documents WHERE upper(regexp_replace("number", '[^0-9A-Za-z]', '', 'g')) = ${key} AND "number" IS NOT NULL`);
    parts.push(`SELECT id, 1.0::real, 'national_id' FROM clients WHERE upper(regexp_replace("national_id", '[^0-9A-Za-z]', '', 'g')) = ${key} AND "national_id" IS NOT NULL`);
  }
  if (plan.name) {
    const name = p(plan.name);
    // `<%`: the query is similar to some run of words in the name (pg_trgm word similarity, GIN index)
    parts.push(
      `(SELECT c.id, word_similarity(${name}, c.search_name)::real, 'name' FROM clients c
        WHERE ${name} <% c.search_name AND ${scopeSql(scope, 'c', params)}
        ORDER BY 2 DESC, c.id LIMIT ${NAME_CANDIDATES})`,
    );
  }
  if (!parts.length) return { hits: [], total: 0 };
  const scoped = scopeSql(scope, 'c', params);
  const sql = `
    WITH hits(client_id, score, matched) AS (${parts.join('\n UNION ALL ')}),
    best AS (SELECT client_id, max(score) AS score, array_agg(DISTINCT matched) AS matched FROM hits GROUP BY client_id)
    SELECT best.client_id, best.score, best.matched, count(*) OVER ()::int AS total
    FROM best JOIN clients c ON c.id = best.client_id
    WHERE ${scoped}
    ORDER BY best.score DESC, c.name, c.id
    OFFSET ${p(page.skip)} LIMIT ${p(page.take)}`;
  const { rows } = await pool.query<{ client_id: string; score: number; matched: SearchKind[]; total: number }>(sql, params);
  return { hits: rows.map((r) => ({ clientId: r.client_id, score: Math.round(r.score * 1000) / 1000, matched: r.matched })), total: rows[0]?.total ?? 0 };
}
