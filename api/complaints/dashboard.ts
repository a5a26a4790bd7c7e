import { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { defineRoute, type RouteRegistry } from '../http/route';
import { Day } from '../http/schemas';
import { badRequest, forbidden } from '../http/errors';
import { complaintCase } from '../../workflows/complaint/definition';

/** The longest period one request may aggregate: a year (and the daily series has a row per day). */
const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

const DashboardQuery = z
  .object({ from: Day.optional(), to: Day.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => !q.from || !q.to || (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS < MAX_PERIOD_DAYS, {
    message: `the period is at most ${MAX_PERIOD_DAYS} days`,
    path: ['from'],
  });

const AGING = [
  ['0-2d', 0, 3],
  ['3-5d', 3, 6],
  ['6-10d', 6, 11],
  ['11-20d', 11, 21],
  ['21d+', 21, 100000],
] as const;

const DashboardSchema = z.object({
  byState: z.array(z.object({ state: z.string(), count: z.number() })),
  slaCompliance: z.object({ from: z.string(), to: z.string(), met: z.number(), total: z.number(), percent: z.number().nullable() }),
  breaches: z.object({ open: z.number(), inPeriod: z.number() }),
  aging: z.array(z.object({ bucket: z.string(), count: z.number() })),
  byDay: z.array(z.object({ day: z.string(), opened: z.number(), closed: z.number(), breached: z.number() })),
});

export function complaintDashboardRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { pool } = deps.db;
  const router = Router();
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/dashboard/complaints',
      summary: 'Supervisor dashboard: open complaints by state, SLA compliance over a period, breaches, aging, daily flow',
      tag: 'dashboard',
      roles: deps.access.supervisingRolesOf(complaintCase.type),
      query: DashboardQuery,
      response: DashboardSchema,
    },
    async ({ query, user }) => {
      const to = query.to ?? new Date().toISOString().slice(0, 10);
      const from = query.from ?? new Date(Math.max(Date.parse(to) - 29 * DAY_MS, Date.parse('1900-01-01'))).toISOString().slice(0, 10);
      if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_PERIOD_DAYS) {
        throw badRequest([{ path: 'query.from', message: `the period is at most ${MAX_PERIOD_DAYS} days` }]);
      }
      const scoped = deps.access.caseScopeSql(user, complaintCase.type, 3);
      if (!scoped) throw forbidden();
      const [scope, scopeParams] = scoped;
      const p = [from, to, ...scopeParams];
      // Period bounds are whole UTC days: [from 00:00, to + 1 day). Every query takes the same
      // parameters; those that need no period still mention $1 and $2 so the types are known.
      const q = async <T extends object>(sql: string) => (await pool.query<T>(sql, p)).rows;
      const [byState, compliance, breaches, aging, byDay] = await Promise.all([
        q<{ state: string; count: number }>(
          `SELECT state, count(*)::int AS count FROM cases c WHERE type = 'complaint' AND status <> 'closed'
             AND ($1::date IS NOT NULL OR $2::date IS NOT NULL) AND ${scope} GROUP BY state ORDER BY count DESC`,
        ),
        q<{ met: number; total: number }>(
          `SELECT count(*) FILTER (WHERE breached_at IS NULL AND closed_at <= due_at)::int AS met, count(*)::int AS total
             FROM cases c WHERE type = 'complaint' AND closed_at >= $1::date AND closed_at < ($2::date + 1) AND ${scope}`,
        ),
        q<{ open: number; in_period: number }>(
          `SELECT count(*) FILTER (WHERE status <> 'closed' AND sla_paused_at IS NULL AND (breached_at IS NOT NULL OR due_at <= now()))::int AS open,
                  count(*) FILTER (WHERE breached_at >= $1::date AND breached_at < ($2::date + 1))::int AS in_period
             FROM cases c WHERE type = 'complaint' AND ${scope}`,
        ),
        q<Record<string, number>>(
          `SELECT ${AGING.map(([, min, max], i) => `count(*) FILTER (WHERE opened_at <= now() - interval '${min} days' AND opened_at > now() - interval '${max} days')::int AS b${i}`).join(', ')}
             FROM cases c WHERE type = 'complaint' AND status <> 'closed' AND ($1::date IS NOT NULL OR $2::date IS NOT NULL) AND ${scope}`,
        ),
        q<{ day: string; opened: number; closed: number; breached: number }>(
          `SELECT to_char(d, 'YYYY-MM-DD') AS day,
                  (SELECT count(*) FROM cases c WHERE type = 'complaint' AND opened_at >= d AND opened_at < d + interval '1 day' AND ${scope})::int AS opened,
                  (SELECT count(*) FROM cases c WHERE type = 'complaint' AND closed_at >= d AND closed_at < d + interval '1 day' AND ${scope})::int AS closed,
                  (SELECT count(*) FROM cases c WHERE type = 'complaint' AND breached_at >= d AND breached_at < d + interval '1 day' AND ${scope})::int AS breached
             FROM generate_series($1::date, $2::date, interval '1 day') AS d ORDER BY d`,
        ),
      ]);
      const { met, total } = compliance[0];
      return {
        byState,
        slaCompliance: { from, to, met, total, percent: total ? Math.round((met / total) * 1000) / 10 : null },
        breaches: { open: breaches[0].open, inPeriod: breaches[0].in_period },
        aging: AGING.map(([bucket], i) => ({ bucket, count: aging[0][`b${i}`] })),
        byDay,
      };
    },
  );
  return router;
}
