import { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { defineRoute, type RouteRegistry } from '../http/route';

const TeamSchema = z.object({ id: z.string(), name: z.string(), branchId: z.string(), branch: z.string() });

/** Teams staff may send work to (every team: requests go to any team of the client's branch). */
export function teamsRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const router = Router();
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/teams',
      summary: 'Every team with its branch (for pickers)',
      tag: 'users',
      roles: [...deps.access.roles],
      query: z.object({ branchId: z.string().max(100).optional() }),
      response: z.array(TeamSchema),
    },
    async ({ query, res }) => {
      const teams = await deps.db.prisma.team.findMany({
        where: query.branchId ? { branchId: query.branchId } : {},
        include: { branch: { select: { name: true } } },
        orderBy: [{ branchId: 'asc' }, { name: 'asc' }],
      });
      res.setHeader('Content-Range', `teams 0-${Math.max(0, teams.length - 1)}/${teams.length}`);
      return teams.map((t) => ({ id: t.id, name: t.name, branchId: t.branchId, branch: t.branch.name }));
    },
  );
  return router;
}
