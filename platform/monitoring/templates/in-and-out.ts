import { z } from 'zod';
import { defineTemplate, days, money, percent } from './template';
import { bandJoin, int, num, scopeWhere, type Scope, type Sql } from '../sql';

/** Most of a deposit withdrawn again within days, with little trading in between. */
export const inAndOut = defineTemplate({
  id: 'in_and_out',
  name: 'Rapid in and out',
  execution: 'window',
  description:
    'Most of a deposit withdrawn again within a few days with little trading in between: the account moves money rather ' +
    'than invests it (FINRA Regulatory Notice 19-18: a deposit followed by an immediate wire-out, no apparent business purpose, ' +
    'high activity with little trading).',
  params: z.object({
    /** withdrawals since the deposit reach this share of it */
    withdrawnPercent: percent(),
    /** traded turnover since the deposit stays below this share of it */
    turnoverPercent: percent(),
    /** the withdrawal comes at most this many days after the deposit */
    windowDays: days().min(1),
    /** smaller deposits are not looked at */
    minDeposit: money(),
  }),
  defaults: { default: { withdrawnPercent: 80, turnoverPercent: 20, windowDays: 5, minDeposit: 1000 } },
  dedupeByWindow: true,
  query(sql: Sql, bands: string, scope: Scope) {
    return `WITH ${bands}
      SELECT DISTINCT ON (w.id) w.client_id, w.id AS anchor_id, w.booked_at AS anchor_at, d.booked_at AS window_start, w.booked_at AS window_end,
             ARRAY[d.id] || x.ids AS transaction_ids,
             jsonb_build_object('deposit', d.base_amount, 'depositAt', d.booked_at, 'withdrawn', x.withdrawn, 'turnover', x.turnover,
               'withdrawnPercent', round(x.withdrawn * 100 / d.base_amount, 2), 'turnoverPercent', round(x.turnover * 100 / d.base_amount, 2)) AS aggregates,
             b.band, b.p AS thresholds
        FROM monitoring_transactions w ${bandJoin('w')}
        JOIN LATERAL (SELECT d.id, d.booked_at, d.base_amount FROM monitoring_transactions d
                       WHERE d.client_id = w.client_id AND d.type = 'deposit' AND d.base_amount >= ${num('minDeposit')}
                         AND d.booked_at >= w.booked_at - make_interval(days => ${int('windowDays')}) AND d.booked_at <= w.booked_at) d ON true
        JOIN LATERAL (SELECT coalesce(sum(t.base_amount) FILTER (WHERE t.type = 'withdrawal'), 0) AS withdrawn,
                             coalesce(sum(t.base_amount) FILTER (WHERE t.type = 'trade'), 0) AS turnover,
                             array_agg(t.id ORDER BY t.booked_at, t.id) AS ids
                        FROM monitoring_transactions t
                       WHERE t.client_id = w.client_id AND t.type IN ('withdrawal', 'trade') AND t.booked_at >= d.booked_at AND t.booked_at <= w.booked_at) x ON true
       WHERE ${scopeWhere(sql, scope, 'w')} AND w.type = 'withdrawal'
         AND x.withdrawn >= d.base_amount * ${num('withdrawnPercent')} / 100
         AND x.turnover < d.base_amount * ${num('turnoverPercent')} / 100
       ORDER BY w.id, d.base_amount DESC, d.booked_at`;
  },
});
