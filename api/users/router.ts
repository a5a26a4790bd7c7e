import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import type { Deps } from '../deps';
import { listQuery, page, sendRange } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import { SUPERVISING, branchWhere } from '../scope';
import { ROLES } from '../../workflows/engine/types';

const StaffSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(ROLES), teamId: z.string().nullable(), branchId: z.string() });
const StaffFilter = z.object({ teamId: z.string().max(100).optional(), role: z.enum(ROLES).optional(), q: z.string().max(200).optional(), id: z.array(z.string()).max(200).optional() });

export function usersRouter(deps: Deps, registry: RouteRegistry): Router {
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
      roles: SUPERVISING,
      query: listQuery(StaffFilter, ['name', 'role'] as const),
      response: z.array(StaffSchema),
    },
    async ({ query, user, res }) => {
      const f = query.filter ?? {};
      const where: Prisma.UserWhereInput = {
        AND: [
          { active: true, ...branchWhere(user) },
          f.teamId ? { teamId: f.teamId } : {},
          f.role ? { role: f.role } : {},
          f.id ? { id: { in: f.id } } : {},
          f.q ? { name: { contains: f.q, mode: 'insensitive' } } : {},
        ],
      };
      const [field, dir] = query.sort ?? ['name', 'ASC'];
      const { skip, take } = page(query.range);
      const [rows, total] = await Promise.all([
        prisma.user.findMany({
          where,
          select: { id: true, name: true, email: true, role: true, teamId: true, branchId: true },
          orderBy: { [field]: dir === 'ASC' ? 'asc' : 'desc' },
          skip,
          take,
        }),
        prisma.user.count({ where }),
      ]);
      sendRange(res, 'users', skip, rows.length, total);
      return rows;
    },
  );
  return router;
}
