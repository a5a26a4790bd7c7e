import { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { defineRoute, type RouteRegistry } from '../http/route';

export function healthRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const router = Router();
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/health',
      summary: 'ok once PostgreSQL and Temporal answer',
      tag: 'health',
      roles: 'public',
      response: z.object({ status: z.literal('ok') }),
      errors: { 503: 'PostgreSQL or Temporal does not answer' },
    },
    async ({ res }) => {
      const checks = await Promise.allSettled([deps.db.pool.query('SELECT 1'), deps.temporal.workflowService.getSystemInfo({})]);
      const failed = checks.map((c, i) => (c.status === 'rejected' ? ['database', 'temporal'][i] : null)).filter(Boolean);
      if (failed.length) {
        res.status(503).json({ status: 'unavailable', failed });
        return undefined;
      }
      return { status: 'ok' as const };
    },
  );
  return router;
}
