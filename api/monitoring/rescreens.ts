import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import type { RescreenRun } from '@prisma/client';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { badRequest, notFound } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { audit } from '../../platform/audit';
import { createRun, finishRun } from '../../platform/monitoring/rescreen/run';
import { OPERATORS, READERS } from './roles';

const view = (r: RescreenRun) => ({
  id: r.id,
  kind: r.kind,
  versionId: r.versionId,
  status: r.status,
  progress: {
    done: r.done,
    total: r.total,
    percent: r.status === 'completed' ? 100 : r.total ? Math.min(100, Math.round((1000 * r.done) / r.total) / 10) : 0,
  },
  matchesNew: r.matchesNew,
  matchesWithdrawn: r.matchesWithdrawn,
  error: r.error,
  workflowId: r.workflowId,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

export function rescreenRoutes(router: Router, registry: RouteRegistry, deps: ApiDeps): void {
  const { prisma } = deps.db;
  const tag = 'monitoring';

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/monitoring/rescreens',
      tag,
      roles: [...OPERATORS, 'admin'],
      status: 201,
      summary:
        'Re-screen now: `delta` for one imported list version (its added, changed and removed entries against the book), or `full` (every client against every list)',
      body: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('delta'), versionId: z.uuid() }),
        z.object({ kind: z.literal('full') }),
      ]),
    },
    async ({ body, user }) => {
      const versionId = body.kind === 'delta' ? body.versionId : null;
      if (versionId && !(await prisma.sanctionListVersion.count({ where: { id: versionId } })))
        throw badRequest([{ path: 'body.versionId', message: 'No such list version' }]);
      const existing = versionId ? await prisma.rescreenRun.findFirst({ where: { kind: 'delta', versionId } }) : null;
      if (existing) return view(existing);
      const id = randomUUID();
      const workflowId = `rescreen-${id}`;
      await createRun(prisma, { id, kind: body.kind, versionId, workflowId, requestedById: user.id });
      try {
        await deps.temporal.workflow.start('rescreenWorkflow', {
          workflowId,
          taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
          args: [{ kind: body.kind, versionId, runId: id }],
        });
      } catch (err) {
        await finishRun(deps.db.pool, id, `could not start: ${(err as Error).message}`);
        throw err;
      }
      await audit(prisma, {
        actorId: user.id,
        action: 'rescreen_started',
        entity: 'rescreen_run',
        entityId: id,
        data: { kind: body.kind, versionId },
      });
      return view(await prisma.rescreenRun.findUniqueOrThrow({ where: { id } }));
    },
  );

  defineRoute(
    router,
    registry,
    { method: 'get', path: '/monitoring/rescreens', summary: 'Recent re-screening runs, newest first', tag, roles: READERS },
    async () => (await prisma.rescreenRun.findMany({ orderBy: { startedAt: 'desc' }, take: 100 })).map(view),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/monitoring/rescreens/:id',
      summary: 'A re-screening run: status and progress',
      tag,
      roles: READERS,
      params: z.object({ id: z.string().max(100) }),
    },
    async ({ params }) => {
      const id = z.uuid().safeParse(params.id);
      const r = id.success ? await prisma.rescreenRun.findUnique({ where: { id: id.data } }) : null;
      if (!r) throw notFound('Re-screening run');
      return view(r);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/monitoring/screening-matches',
      summary: 'Clients matched to list entries by re-screening (open ones unless all=true)',
      tag,
      roles: READERS,
      query: z.object({ clientId: z.string().max(100).optional(), all: z.enum(['true', 'false']).optional() }),
    },
    async ({ query }) =>
      prisma.screeningMatch.findMany({
        where: { ...(query.clientId ? { clientId: query.clientId } : {}), ...(query.all === 'true' ? {} : { status: 'open' }) },
        orderBy: { createdAt: 'desc' },
        take: 500,
      }),
  );
}
