import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { badRequest, notFound } from '../http/errors';
import { listQuery, page, sendRange } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import { audit } from '../../platform/audit';
import { overdueClients } from '../../platform/monitoring/refresh';
import { kycReviewCase } from '../../workflows/kyc-review/definition';
import { EDD_FLAGS } from '../../workflows/kyc-review/states';
import type { Role } from '../../workflows/engine/types';

const KYC_READERS: Role[] = ['kyc_officer', 'senior_compliance_officer', 'compliance_manager', 'mlro'];
const RAISERS: Role[] = ['senior_compliance_officer', 'compliance_manager', 'mlro'];

export function kycRefreshRoutes(router: Router, registry: RouteRegistry, deps: ApiDeps): void {
  const { prisma, pool } = deps.db;
  const tag = 'kyc-refresh';

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/kyc-refresh/overdue',
      summary: 'Clients whose KYC review date has passed, oldest first, with the review open if one runs (branch scope for KYC officers)',
      tag,
      roles: KYC_READERS,
      query: listQuery(z.object({}), ['nextReviewAt'] as const),
    },
    async ({ query, user, res }) => {
      const scope = deps.access.scopeFor(user, kycReviewCase.type);
      const branches = scope === 'all' || user.roles.includes('mlro') ? null : [user.branchId];
      const { skip, take } = page(query.range);
      const { rows, total } = await overdueClients(pool, new Date(), skip, take, branches);
      sendRange(res, 'kyc-refresh/overdue', skip, rows.length, total);
      return rows.map((r) => ({
        clientId: r.id,
        name: r.name,
        branchId: r.branch_id,
        riskBand: r.risk_band,
        kycStatus: r.kyc_status,
        nextReviewAt: r.next_review_at.toISOString(),
        daysOverdue: Math.floor((Date.now() - r.next_review_at.getTime()) / 86_400_000),
        openReview: r.open_case_id ? { id: r.open_case_id, reference: r.open_case_reference } : null,
      }));
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/kyc-refresh/runs',
      summary: 'Run the KYC refresh now (as the daily schedule does): reviews start for every client due',
      tag,
      roles: ['compliance_manager', 'admin'],
      status: 201,
    },
    async ({ user }) => {
      const id = randomUUID();
      const asOf = Date.now();
      await prisma.kycRefreshRun.create({ data: { id, asOf: new Date(asOf) } });
      await deps.temporal.workflow.start('kycRefreshWorkflow', {
        workflowId: `kyc-refresh-${id}`,
        taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
        args: [{ runId: id, asOf }],
      });
      await audit(prisma, { actorId: user.id, action: 'kyc_refresh_started', entity: 'kyc_refresh_run', entityId: id });
      return prisma.kycRefreshRun.findUniqueOrThrow({ where: { id } });
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/kyc-refresh/runs',
      summary: 'Recent KYC refresh runs (the daily schedule and on demand), newest first: reviews started, clients skipped',
      tag,
      roles: KYC_READERS.concat('admin'),
      query: z.object({ limit: z.coerce.number().int().min(1).max(100).optional() }),
    },
    async ({ query }) =>
      prisma.kycRefreshRun.findMany({
        orderBy: { startedAt: 'desc' },
        take: query.limit ?? 20,
        select: { id: true, asOf: true, status: true, started: true, alreadyOpen: true, startedAt: true, finishedAt: true },
      }),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/kyc-refresh/runs/:id',
      summary: 'A KYC refresh run: reviews started, clients skipped (a review open)',
      tag,
      roles: KYC_READERS.concat('admin'),
      params: z.object({ id: z.uuid() }),
    },
    async ({ params }) => {
      const run = await prisma.kycRefreshRun.findUnique({ where: { id: params.id } });
      if (!run) throw notFound('Refresh run');
      return run;
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/kyc-refresh/risk-events',
      tag,
      roles: RAISERS,
      summary:
        "Report a client's risk rise: the next review comes forward to now (audited); with startReview a review starts at once, with eddFlag set it goes to enhanced due diligence",
      body: z.object({
        clientId: z.string().min(1).max(100),
        trigger: z.enum(['pep', 'country_band', 'adverse_media', 'confirmed_alert', 'other']),
        reason: z.string().trim().min(1).max(2000),
        startReview: z.boolean().default(true),
        eddFlag: z.enum(EDD_FLAGS).optional(),
      }),
    },
    async ({ body, user }) => {
      if (!(await prisma.client.count({ where: { AND: [{ id: body.clientId }, deps.access.clientWhere(user)] } })))
        throw badRequest([{ path: 'body.clientId', message: 'No such client in your scope' }]);
      const workflowId = `kyc-risk-rise-${randomUUID()}`;
      const handle = await deps.temporal.workflow.start('kycRiskRiseWorkflow', {
        workflowId,
        taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
        args: [
          {
            clientId: body.clientId,
            trigger: body.trigger,
            reason: body.reason,
            actorId: user.id,
            eddFlag: body.eddFlag,
            startNow: body.startReview,
          },
        ],
      });
      return { workflowId, result: await handle.result() };
    },
  );
}
