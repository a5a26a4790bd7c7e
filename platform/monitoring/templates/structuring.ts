import { z } from 'zod';
import { defineTemplate, days, money, percent } from './template';
import { bandJoin, list, num, int, scopeWhere, type Sql, type Scope } from '../sql';

const METHODS = ['cash', 'card', 'bank_transfer', 'crypto', 'internal'] as const;

/** Several cash-like deposits just under the reporting threshold within a few days. */
export const structuring = defineTemplate({
  id: 'structuring',
  name: 'Structuring',
  execution: 'window',
  description:
    'Several cash-like deposits each just under a reporting threshold within a few days, as if kept below it on purpose ' +
    '(FINRA Regulatory Notice 19-18, money movements: cash deposits kept under reporting thresholds; FATF structuring typology).',
  params: z.object({
    /** the reporting threshold, USD */
    threshold: money(),
    /** a deposit counts when its amount is between these shares of the threshold, both included */
    lowerPercent: percent(),
    upperPercent: percent(),
    minCount: z.number().int().min(2).max(100),
    /** the deposits lie less than this many days apart */
    windowDays: days().min(1),
    methods: z.array(z.enum(METHODS)).min(1),
  }),
  defaults: {
    default: { threshold: 10_000, lowerPercent: 80, upperPercent: 99, minCount: 3, windowDays: 7, methods: ['cash'] },
  },
  dedupeByWindow: true,
  query(sql: Sql, bands: string, scope: Scope) {
    const inBand = (t: string, b: string) =>
      `${t}.type = 'deposit' AND ${t}.method = ANY(${list('methods', b)}) ` +
      `AND ${t}.base_amount >= ${num('threshold', b)} * ${num('lowerPercent', b)} / 100 ` +
      `AND ${t}.base_amount <= ${num('threshold', b)} * ${num('upperPercent', b)} / 100`;
    return `WITH ${bands},
      q AS (SELECT a.id, a.client_id, a.booked_at, b.band, b.p FROM monitoring_transactions a ${bandJoin('a')}
             WHERE ${scopeWhere(sql, scope, 'a')} AND ${inBand('a', 'b')})
      SELECT q.client_id, q.id AS anchor_id, q.booked_at AS anchor_at, min(d.booked_at) AS window_start, q.booked_at AS window_end,
             array_agg(d.id ORDER BY d.booked_at, d.id) AS transaction_ids,
             jsonb_build_object('deposits', count(*), 'total', sum(d.base_amount), 'smallest', min(d.base_amount), 'largest', max(d.base_amount),
               'countedFrom', ${num('threshold', 'q')} * ${num('lowerPercent', 'q')} / 100, 'countedUpTo', ${num('threshold', 'q')} * ${num('upperPercent', 'q')} / 100) AS aggregates,
             q.band, q.p AS thresholds
        FROM q JOIN monitoring_transactions d ON d.client_id = q.client_id
         AND d.booked_at > q.booked_at - make_interval(days => ${int('windowDays', 'q')}) AND d.booked_at <= q.booked_at AND ${inBand('d', 'q')}
       GROUP BY q.client_id, q.id, q.booked_at, q.band, q.p
      HAVING count(*) >= ${int('minCount', 'q')}`;
  },
});
