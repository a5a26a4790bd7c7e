import { z } from 'zod';
import { defineTemplate } from './template';
import { bandJoin, list, scopeWhere, type Candidate, type Scope, type Sql } from '../sql';
import { compareNames } from '../../screening/match/compare';

const TYPES = ['deposit', 'withdrawal'] as const;
const METHODS = ['cash', 'card', 'bank_transfer', 'crypto', 'internal'] as const;

/**
 * A payer or payee who is not the account holder, the first time that counterparty appears. "Not the
 * holder" is the screening matcher's judgement: the counterparty's name scores below `minSimilarity`
 * against the client's name and the names of its related persons (directors, owners, signatories).
 * "First time" is by the counterparty name as written, in any letter case and with or without accents.
 */
export const thirdParty = defineTemplate({
  id: 'third_party',
  name: 'Third-party payment',
  execution: 'inline',
  description:
    'A payment from or to someone other than the account holder, the first time that counterparty appears: third-party ' +
    'funding hides the source of funds (FINRA Regulatory Notice 19-18: acting as an agent for undisclosed third parties, ' +
    'wire transfers to or from unrelated third parties).',
  params: z.object({
    /** below this name similarity (0..1, the screening matcher) the counterparty is someone else */
    minSimilarity: z.number().min(0).max(1),
    types: z.array(z.enum(TYPES)).min(1),
    /** methods never looked at (internal transfers between the client's own accounts) */
    excludeMethods: z.array(z.enum(METHODS)),
  }),
  defaults: { default: { minSimilarity: 0.85, types: ['deposit', 'withdrawal'], excludeMethods: ['internal'] } },
  dedupeByWindow: false,
  query(sql: Sql, bands: string, scope: Scope) {
    return `WITH ${bands}
      SELECT a.client_id, a.id AS anchor_id, a.booked_at AS anchor_at, a.booked_at AS window_start, a.booked_at AS window_end,
             ARRAY[a.id] AS transaction_ids,
             jsonb_build_object('type', a.type, 'amount', a.base_amount, 'counterpartyName', a.counterparty_name,
               'counterpartyCountry', a.counterparty_country, 'holderName', c.name, 'holderType', c.type,
               'relatedNames', (SELECT coalesce(jsonb_agg(r.name), '[]'::jsonb) FROM client_related_persons r WHERE r.client_id = c.id)) AS aggregates,
             b.band, b.p AS thresholds
        FROM monitoring_transactions a ${bandJoin('a')}
       WHERE ${scopeWhere(sql, scope, 'a')} AND a.type = ANY(${list('types')}) AND NOT (coalesce(a.method, '') = ANY(${list('excludeMethods')}))
         AND btrim(coalesce(a.counterparty_name, '')) <> ''
         AND NOT EXISTS (SELECT 1 FROM monitoring_transactions e
                          WHERE e.client_id = a.client_id AND lower(public.unaccent(btrim(e.counterparty_name))) = lower(public.unaccent(btrim(a.counterparty_name)))
                            AND (e.booked_at < a.booked_at OR (e.booked_at = a.booked_at AND e.id < a.id)))`;
  },
  refine(rows: Candidate[]): Candidate[] {
    return rows.flatMap((row) => {
      const g = row.aggregates as { counterpartyName: string; holderName: string; holderType: string; relatedNames: string[] };
      const schema = g.holderType === 'corporate' ? undefined : 'Person';
      const names = [g.holderName, ...(g.relatedNames ?? [])];
      const best = names
        .map((name) => ({ name, c: compareNames(g.counterpartyName, name, schema) }))
        .sort((x, y) => y.c.score - x.c.score)[0];
      const min = Number(row.thresholds.minSimilarity);
      if (best && best.c.score >= min) return [];
      return [
        {
          ...row,
          aggregates: {
            ...g,
            similarity: best?.c.score ?? 0,
            closestName: best?.name ?? null,
            matcher: best?.c.explanation.summary ?? null,
          },
        },
      ];
    });
  },
});
