import { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { defineRoute, type RouteRegistry } from '../http/route';
import { forbidden } from '../http/errors';
import { kycReviewCase } from '../../workflows/kyc-review/definition';

const DashboardSchema = z.object({
  byStep: z.array(z.object({ state: z.string(), slaState: z.string(), count: z.number() })),
  byBand: z.array(z.object({ band: z.string().nullable(), count: z.number() })),
  approvalsWaiting: z.number(),
  overduePeriodicReviews: z.object({
    count: z.number(),
    clients: z.array(z.object({ id: z.string(), name: z.string(), riskBand: z.string().nullable(), nextReviewAt: z.string() })),
  }),
});

const SLA_SQL = `CASE WHEN c.sla_paused_at IS NOT NULL THEN 'paused'
  WHEN c.breached_at IS NOT NULL OR c.due_at <= now() THEN 'breached'
  WHEN c.at_risk_at <= now() THEN 'at_risk' ELSE 'on_track' END`;

export function complianceDashboardRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { pool } = deps.db;
  const router = Router();
  const KYC_ROLES = deps.access.rolesOf(kycReviewCase.type);
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/dashboard/compliance',
      summary:
        'Compliance dashboard: open KYC reviews by step and SLA state, by risk band, senior approvals waiting, overdue periodic reviews',
      tag: 'dashboard',
      roles: KYC_ROLES,
      response: DashboardSchema,
    },
    async ({ user }) => {
      const scoped = deps.access.caseScopeSql(user, kycReviewCase.type, 1);
      if (!scoped) throw forbidden();
      const [scope, params] = scoped;
      const clientScope = scope.replace('c.branch_id', 'cl.branch_id');
      const q = async <T extends object>(sql: string) => (await pool.query<T>(sql, params)).rows;
      const [byStep, byBand, approvals, overdue] = await Promise.all([
        q<{ state: string; sla_state: string; count: number }>(
          `SELECT c.state, ${SLA_SQL} AS sla_state, count(*)::int AS count FROM cases c
            WHERE c.type = 'kyc_review' AND c.status <> 'closed' AND ${scope} GROUP BY 1, 2 ORDER BY 1, 2`,
        ),
        q<{ band: string | null; count: number }>(
          `SELECT c.attributes->>'riskBand' AS band, count(*)::int AS count FROM cases c
            WHERE c.type = 'kyc_review' AND c.status <> 'closed' AND ${scope} GROUP BY 1 ORDER BY 1`,
        ),
        q<{ count: number }>(
          `SELECT count(*)::int AS count FROM tasks t JOIN cases c ON c.id = t.case_id
            WHERE t.case_type = 'kyc_review' AND t.step = 'senior_approval' AND t.status IN ('open', 'claimed') AND ${scope}`,
        ),
        // Past the review date with no review open: the scheduled review did not start or was not scheduled.
        q<{ id: string; name: string; risk_band: string | null; next_review_at: Date; total: number }>(
          `SELECT cl.id, cl.name, cl.risk_band, cl.next_review_at, count(*) OVER ()::int AS total FROM clients cl
            WHERE cl.next_review_at < now() AND ${clientScope}
              AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.client_id = cl.id AND k.type = 'kyc_review' AND k.status <> 'closed')
            ORDER BY cl.next_review_at LIMIT 20`,
        ),
      ]);
      return {
        byStep: byStep.map((r) => ({ state: r.state, slaState: r.sla_state, count: r.count })),
        byBand,
        approvalsWaiting: approvals[0]?.count ?? 0,
        overduePeriodicReviews: {
          count: overdue[0]?.total ?? 0,
          clients: overdue.map((r) => ({ id: r.id, name: r.name, riskBand: r.risk_band, nextReviewAt: r.next_review_at.toISOString() })),
        },
      };
    },
  );
  return router;
}
