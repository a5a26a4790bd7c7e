import { z } from 'zod';
import { defineTemplate, days, percent } from './template';
import { bandJoin, int, num, scopeWhere, type Scope, type Sql } from '../sql';

/**
 * Deposits of the last days beyond what the client declared. The declared annual investable amount is
 * kyc_profiles.expected_deposits (what the client said they would deposit a year), or declared_income when
 * that is missing; clients with neither are not evaluated (their KYC profile is incomplete).
 */
export const aboveProfile = defineTemplate({
  id: 'above_profile',
  name: 'Above declared profile',
  execution: 'inline',
  description:
    'Deposits over the last 30 days beyond half of what the client declared they would invest in a year: inflows beyond known ' +
    'income or resources (FINRA Regulatory Notice 19-18; FCA Financial Crime Guide 3, ongoing monitoring against the customer profile).',
  params: z.object({
    percentOfDeclared: percent(),
    windowDays: days().min(1),
  }),
  defaults: {
    default: { percentOfDeclared: 50, windowDays: 30 },
    bands: { high: { percentOfDeclared: 30 }, critical: { percentOfDeclared: 20 } },
  },
  dedupeByWindow: true,
  query(sql: Sql, bands: string, scope: Scope) {
    return `WITH ${bands}
      SELECT a.client_id, a.id AS anchor_id, a.booked_at AS anchor_at, min(d.booked_at) AS window_start, a.booked_at AS window_end,
             array_agg(d.id ORDER BY d.booked_at, d.id) AS transaction_ids,
             jsonb_build_object('deposits', sum(d.base_amount), 'declaredAnnual', coalesce(kp.expected_deposits, kp.declared_income),
               'declaredSource', CASE WHEN kp.expected_deposits IS NOT NULL THEN 'expected_deposits' ELSE 'declared_income' END,
               'percentOfDeclared', round(sum(d.base_amount) * 100 / coalesce(kp.expected_deposits, kp.declared_income), 2)) AS aggregates,
             b.band, b.p AS thresholds
        FROM monitoring_transactions a ${bandJoin('a')}
        JOIN kyc_profiles kp ON kp.client_id = a.client_id AND coalesce(kp.expected_deposits, kp.declared_income) > 0
        JOIN monitoring_transactions d ON d.client_id = a.client_id AND d.type = 'deposit'
         AND d.booked_at > a.booked_at - make_interval(days => ${int('windowDays')}) AND d.booked_at <= a.booked_at
       WHERE ${scopeWhere(sql, scope, 'a')} AND a.type = 'deposit'
       GROUP BY a.client_id, a.id, a.booked_at, b.band, b.p, kp.expected_deposits, kp.declared_income
      HAVING sum(d.base_amount) > coalesce(kp.expected_deposits, kp.declared_income) * ${num('percentOfDeclared')} / 100`;
  },
});
