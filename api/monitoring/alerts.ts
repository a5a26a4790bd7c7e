import type { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { notFound } from '../http/errors';
import { listQuery, page, sendRange } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';
import { SORTS, alertBranch, alertsById, listAlerts } from './alert-view';
import { READERS } from './roles';
import { AlertFilter, AlertSchema } from './schemas';

export function alertRoutes(router: Router, registry: RouteRegistry, deps: ApiDeps): void {
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/alerts',
      summary:
        'Monitoring alerts with scenario, version, case and evidence; filters clientId, scenario, status, caseId, source, sweepId, from, to; react-admin paging',
      tag: 'monitoring',
      roles: READERS,
      query: listQuery(AlertFilter, Object.keys(SORTS) as [keyof typeof SORTS, ...(keyof typeof SORTS)[]]),
      response: z.array(AlertSchema),
    },
    async ({ query, user, res }) => {
      const { skip, take } = page(query.range);
      const { rows, total } = await listAlerts(deps.db.pool, query.filter ?? {}, {
        branchId: alertBranch(deps, user),
        sort: query.sort ?? ['createdAt', 'DESC'],
        skip,
        take,
      });
      sendRange(res, 'alerts', skip, rows.length, total);
      return rows;
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/alerts/:id',
      summary: 'One alert with its evidence',
      tag: 'monitoring',
      roles: READERS,
      params: IdParams,
      response: AlertSchema,
    },
    async ({ params, user }) => {
      const id = z.uuid().safeParse(params.id);
      const [alert] = id.success ? await alertsById(deps.db.pool, [id.data]) : [];
      const branch = alertBranch(deps, user);
      if (!alert || (branch && (await deps.db.prisma.client.count({ where: { id: alert.clientId, branchId: branch } })) === 0))
        throw notFound('Alert');
      return alert;
    },
  );
}
