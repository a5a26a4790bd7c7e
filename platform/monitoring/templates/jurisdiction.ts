import { z } from 'zod';
import { defineTemplate, money } from './template';
import { bandJoin, list, num, scopeWhere, type Scope, type Sql } from '../sql';

const CATEGORIES = ['standard', 'elevated', 'grey', 'black'] as const;

/** Money to or from a country on the FATF lists (the `country_risk` table the KYC team keeps). */
export const highRiskJurisdiction = defineTemplate({
  id: 'high_risk_jurisdiction',
  name: 'High-risk jurisdiction',
  execution: 'inline',
  description:
    'Money to or from a high-risk jurisdiction: FATF "call for action" countries always, FATF increased-monitoring (grey list) ' +
    'countries above an amount (FATF public statements, updated after each plenary; FINRA Regulatory Notice 19-18: transfers ' +
    'to or from high-risk geographies).',
  params: z.object({
    /** country_risk categories that alert at any amount */
    alwaysCategories: z.array(z.enum(CATEGORIES)),
    /** categories that alert above minAmount */
    amountCategories: z.array(z.enum(CATEGORIES)),
    /** USD; strictly above alerts */
    minAmount: money(),
  }),
  defaults: {
    default: { alwaysCategories: ['black'], amountCategories: ['grey'], minAmount: 10_000 },
    bands: { high: { minAmount: 5_000 }, critical: { minAmount: 1_000 } },
  },
  dedupeByWindow: false,
  query(sql: Sql, bands: string, scope: Scope) {
    return `WITH ${bands}
      SELECT a.client_id, a.id AS anchor_id, a.booked_at AS anchor_at, a.booked_at AS window_start, a.booked_at AS window_end,
             ARRAY[a.id] AS transaction_ids,
             jsonb_build_object('country', cr.code, 'countryName', cr.name, 'category', cr.category, 'type', a.type, 'amount', a.base_amount,
               'counterpartyName', a.counterparty_name) AS aggregates,
             b.band, b.p AS thresholds
        FROM monitoring_transactions a ${bandJoin('a')}
        JOIN country_risk cr ON cr.code = upper(a.counterparty_country)
       WHERE ${scopeWhere(sql, scope, 'a')}
         AND (cr.category = ANY(${list('alwaysCategories')}) OR (cr.category = ANY(${list('amountCategories')}) AND a.base_amount > ${num('minAmount')}))`;
  },
});
