import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import type { ApiDeps } from '../deps';
import { listQuery, page, sendRange } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import { textContains } from '../http/list';
import { ADMIN_ROLE } from '../../workflows/engine/types';

const StaffSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  roles: z.array(z.string()),
  teamId: z.string().nullable(),
  branchId: z.string(),
});
const StaffFilter = z.object({
  teamId: z.string().max(100).optional(),
  role: z.string().max(50).optional(),
  q: z.string().max(200).optional(),
  id: z.array(z.string()).max(200).optional(),
});

export function usersRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { prisma } = deps.db;
  const router = Router();
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/users',
      summary: 'Active staff in your scope, for assignment pickers',
      tag: 'users',
      // the people who assign work, and administrators
      roles: [...new Set(deps.access.definitions.flatMap((d) => deps.access.supervisingRolesOf(d.type))), ADMIN_ROLE],
      query: listQuery(StaffFilter, ['name', 'email'] as const),
      response: z.array(StaffSchema),
    },
    async ({ query, user, res }) => {
      const f = query.filter ?? {};
      const where: Prisma.UserWhereInput = {
        AND: [
          deps.access.staffWhere(user),
          f.teamId ? { teamId: f.teamId } : {},
          f.role ? { roles: { has: f.role } } : {},
          f.id ? { id: { in: f.id } } : {},
          f.q ? { name: textContains(f.q) } : {},
        ],
      };
      const [field, dir] = query.sort ?? ['name', 'ASC'];
      const { skip, take } = page(query.range);
      const [rows, total] = await Promise.all([
        prisma.user.findMany({
          where,
          select: { id: true, name: true, email: true, roles: true, teamId: true, branchId: true },
          orderBy: [{ [field]: dir === 'ASC' ? 'asc' : 'desc' }, { id: 'asc' }],
          skip,
          take,
        }),
        prisma.user.count({ where }),
      ]);
      sendRange(res, 'users', skip, rows.length, total);
      return rows.map((u) => ({ ...u, role: u.roles[0] }));
    },
  );
  return router;
}
