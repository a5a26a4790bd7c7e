import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import type { MonitoringSweep } from '@prisma/client';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import type { SessionUser } from '../auth/session';
import { badRequest, notFound } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';
import { loadSettings } from '../../platform/settings';
import { createSweep, failSweep, type SweepKind } from '../../platform/monitoring/sweep';
import { OPERATORS, READERS } from './roles';
import { SweepIn, SweepSchema } from './schemas';

const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_SETTINGS = { 'monitoring.sweepLookbackDays': 2 };

export function sweepView(s: MonitoringSweep): z.infer<typeof SweepSchema> {
  return {
    id: s.id,
    kind: s.kind,
    status: s.status as 'running' | 'completed' | 'failed',
    from: s.fromAt.toISOString(),
    to: s.toAt.toISOString(),
    clientIds: s.clientIds.length ? s.clientIds : null,
    scenarioId: s.scenarioId,
    versionIds: s.versionIds,
    progress: {
      clientsDone: s.clientsDone,
      totalClients: s.totalClients,
      batchesDone: s.batchesDone,
      percent:
        s.status === 'completed' ? 100 : s.totalClients ? Math.min(100, Math.round((1000 * s.clientsDone) / s.totalClients) / 10) : 0,
      cursor: s.cursor,
    },
    alertsCreated: s.alertsCreated,
    result: s.result ?? null,
    error: s.error,
    workflowId: s.workflowId,
    startedAt: s.startedAt.toISOString(),
    finishedAt: s.finishedAt?.toISOString() ?? null,
  };
}

/** Creates the sweep's row, then starts its workflow; a start that fails marks the row failed. */
export async function startSweep(
  deps: ApiDeps,
  user: SessionUser,
  r: { kind: SweepKind; from: Date; to: Date; clientIds?: string[] | null; scenarioId?: string | null; versionIds?: string[] },
): Promise<MonitoringSweep> {
  if (r.from > r.to) throw badRequest([{ path: 'body.from', message: 'from is after to' }]);
  const id = randomUUID();
  const workflowId = `monitoring-sweep-${id}`;
  await createSweep(deps.db.prisma, { id, workflowId, requestedById: user.id, ...r });
  try {
    await deps.temporal.workflow.start('monitoringSweepWorkflow', {
      workflowId,
      taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
      args: [{ sweepId: id }],
    });
  } catch (err) {
    await failSweep(deps.db.pool, id, `could not start: ${(err as Error).message}`);
    throw err;
  }
  await deps.db.prisma.auditEvent.create({
    data: {
      actorId: user.id,
      action: r.kind === 'backtest' ? 'backtest_started' : 'sweep_started',
      entity: 'monitoring_sweep',
      entityId: id,
      data: { ...r, from: r.from.toISOString(), to: r.to.toISOString() },
    },
  });
  return deps.db.prisma.monitoringSweep.findUniqueOrThrow({ where: { id } });
}

export function sweepRoutes(router: Router, registry: RouteRegistry, deps: ApiDeps): void {
  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/monitoring/sweeps',
      summary: 'Start a sweep of the rules now (optionally for some clients and a period): answers { id } at once',
      tag: 'monitoring',
      roles: [...OPERATORS, 'admin'],
      body: SweepIn,
      response: SweepSchema,
      status: 201,
    },
    async ({ body, user }) => {
      const settings = await loadSettings(deps.db.prisma, SWEEP_SETTINGS);
      const to = body.to ?? new Date();
      const from = body.from ?? new Date(to.getTime() - settings['monitoring.sweepLookbackDays'] * DAY_MS);
      if (from.getTime() >= to.getTime()) throw badRequest([{ path: 'body.from', message: 'The period must start before it ends' }]);
      if (body.clientIds) {
        const known = new Set(
          (await deps.db.prisma.client.findMany({ where: { id: { in: body.clientIds } }, select: { id: true } })).map((c) => c.id),
        );
        const unknown = body.clientIds.filter((id) => !known.has(id));
        if (unknown.length) throw badRequest([{ path: 'body.clientIds', message: `No such client: ${unknown.slice(0, 5).join(', ')}` }]);
      }
      return sweepView(await startSweep(deps, user, { kind: 'on_demand', from, to, clientIds: body.clientIds ?? null }));
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/monitoring/sweeps',
      summary: 'Recent sweeps and backtests, newest first',
      tag: 'monitoring',
      roles: READERS,
      query: z.object({
        kind: z.enum(['scheduled', 'on_demand', 'backtest']).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: z.array(SweepSchema),
    },
    async ({ query }) =>
      (
        await deps.db.prisma.monitoringSweep.findMany({
          where: query.kind ? { kind: query.kind } : {},
          orderBy: { startedAt: 'desc' },
          take: query.limit,
        })
      ).map(sweepView),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/monitoring/sweeps/:id',
      summary: 'A sweep: status (running, completed, failed) and progress',
      tag: 'monitoring',
      roles: READERS,
      params: IdParams,
      response: SweepSchema,
    },
    async ({ params }) => {
      const id = z.uuid().safeParse(params.id);
      const s = id.success ? await deps.db.prisma.monitoringSweep.findUnique({ where: { id: id.data } }) : null;
      if (!s) throw notFound('Sweep');
      return sweepView(s);
    },
  );
}
