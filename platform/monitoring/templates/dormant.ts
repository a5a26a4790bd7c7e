import { z } from 'zod';
import { defineTemplate, days, money } from './template';
import { bandJoin, int, num, scopeWhere, type Scope, type Sql } from '../sql';

/** An account idle for months suddenly moves a large amount. */
export const dormantReactivation = defineTemplate({
  id: 'dormant_reactivation',
  name: 'Dormant account reactivated',
  execution: 'inline',
  description:
    'An account idle for months receives a deposit several times its earlier monthly average, or pays out a large withdrawal: ' +
    'dormant accounts are used to move funds once opened and aged (securities-dealer red-flag lists; FINRA Regulatory Notice 19-18, ' +
    'sudden activity in a dormant account).',
  params: z.object({
    /** days without any transaction before this one */
    idleDays: days().min(1),
    /** a deposit at least this multiple of the monthly average deposits before the account went idle */
    depositMultiple: z.number().min(0).max(1000),
    /** months before the account went idle over which the monthly average is taken */
    averageMonths: z.number().int().min(1).max(120),
    /** smaller deposits never count */
    minDeposit: money(),
    /** a withdrawal at least this large counts */
    largeWithdrawal: money(),
  }),
  defaults: { default: { idleDays: 180, depositMultiple: 3, averageMonths: 12, minDeposit: 1000, largeWithdrawal: 10_000 } },
  dedupeByWindow: false,
  query(sql: Sql, bands: string, scope: Scope) {
    return `WITH ${bands}
      SELECT a.client_id, a.id AS anchor_id, a.booked_at AS anchor_at, prev.booked_at AS window_start, a.booked_at AS window_end,
             ARRAY[prev.id, a.id] AS transaction_ids,
             jsonb_build_object('type', a.type, 'amount', a.base_amount, 'lastActivityAt', prev.booked_at,
               'idleDays', round(extract(epoch FROM a.booked_at - prev.booked_at) / 86400, 2),
               'priorDeposits', h.total, 'priorMonthlyAverage', round(h.total / ${int('averageMonths')}, 2)) AS aggregates,
             b.band, b.p AS thresholds
        FROM monitoring_transactions a ${bandJoin('a')}
        JOIN LATERAL (SELECT p.id, p.booked_at FROM monitoring_transactions p
                       WHERE p.client_id = a.client_id AND p.booked_at < a.booked_at ORDER BY p.booked_at DESC LIMIT 1) prev ON true
        JOIN LATERAL (SELECT coalesce(sum(t.base_amount), 0) AS total FROM monitoring_transactions t
                       WHERE t.client_id = a.client_id AND t.type = 'deposit' AND t.booked_at <= prev.booked_at
                         AND t.booked_at > prev.booked_at - make_interval(months => ${int('averageMonths')})) h ON true
       WHERE ${scopeWhere(sql, scope, 'a')} AND a.type IN ('deposit', 'withdrawal')
         AND a.booked_at - prev.booked_at >= make_interval(days => ${int('idleDays')})
         AND ((a.type = 'deposit' AND a.base_amount >= ${num('minDeposit')} AND a.base_amount >= ${num('depositMultiple')} * h.total / ${int('averageMonths')})
           OR (a.type = 'withdrawal' AND a.base_amount >= ${num('largeWithdrawal')}))`;
  },
});
