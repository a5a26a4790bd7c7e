import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import type { ApiDeps } from '../deps';
import { badRequest } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';
import { sendUpdate } from '../temporal/updates';
import { actorOf, type SessionUser } from '../auth/session';
import { loadCaseTaskViews, userNames, viewerOf } from '../tasks/view';
import { baseCaseView, scopedCaseRow } from '../cases/view';
import { defineCaseListRoute } from '../cases/list';
import { defineCaseTimelineRoute } from '../cases/timeline';
import { clientInCaseScope, startCaseWorkflow } from '../cases/start';
import { internalRequestCase } from '../../workflows/internal-request/definition';
import { answerRequestUpdate } from '../../workflows/internal-request/updates';
import type { InternalRequestAttributes, InternalRequestInput } from '../../workflows/internal-request/workflow';
import { CreateRequest, RequestFilter, RequestSchema } from './schemas';

const TYPE = internalRequestCase.type;
const include = { client: { select: { name: true } } } satisfies Prisma.CaseInclude;
type Row = Prisma.CaseGetPayload<{ include: typeof include }>;

export function internalRequestsRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { prisma } = deps.db;
  const router = Router();
  const roles = deps.access.rolesOf(TYPE);

  async function toView(rows: Row[]): Promise<z.infer<typeof RequestSchema>[]> {
    const names = await userNames(
      prisma,
      rows.flatMap((r) => [r.assigneeId, (r.attributes as unknown as InternalRequestAttributes).requestedById]),
    );
    const teams = new Map(
      (await prisma.team.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.teamId))] } } })).map((t) => [t.id, t.name]),
    );
    const now = new Date();
    return rows.map((c) => {
      const a = c.attributes as unknown as InternalRequestAttributes;
      return {
        ...baseCaseView(c, names, now),
        kind: a.kind,
        subject: a.subject,
        details: a.details,
        urgent: a.urgent,
        team: { id: c.teamId, name: teams.get(c.teamId) ?? c.teamId },
        requestedBy: { id: a.requestedById, name: names.get(a.requestedById) ?? a.requestedById },
        question: a.question ?? null,
        answer: a.answer ?? null,
        reply: a.reply ?? null,
        declineReason: a.declineReason ?? null,
      };
    });
  }

  const scoped = (user: SessionUser, id: string) => scopedCaseRow(deps, user, TYPE, id, 'Internal request');
  const detail = async (user: SessionUser, row: Row) => {
    const [view] = await toView([row]);
    return {
      ...view,
      tasks: await loadCaseTaskViews(deps.db.pool, row.id, viewerOf(deps.access, user)),
    };
  };

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/internal-requests',
      summary: 'Ask a team for something about a client (send Idempotency-Key to make retries safe)',
      tag: 'internal-requests',
      roles,
      body: CreateRequest,
      response: RequestSchema,
      status: 201,
      errors: { 422: 'The Idempotency-Key was used with another request' },
      engine: true,
    },
    async ({ body, user, req }) => {
      const client = await clientInCaseScope(deps, user, TYPE, body.clientId);
      if (!client) throw badRequest([{ path: 'body.clientId', message: 'No such client in your scope' }]);
      const team = await prisma.team.findFirst({ where: { id: body.teamId, branchId: client.branchId } });
      if (!team) throw badRequest([{ path: 'body.teamId', message: "No such team in the client's branch" }]);
      const caseId = await startCaseWorkflow(deps, {
        definition: internalRequestCase,
        user,
        idempotencyKey: req.header('idempotency-key'),
        request: body,
        args: (id): InternalRequestInput => ({ caseId: id, ...body, openedBy: actorOf(user) }),
      });
      return detail(user, await scoped(user, caseId));
    },
  );

  defineCaseListRoute(router, registry, deps, {
    definition: internalRequestCase,
    resource: 'internal-requests',
    tag: 'internal-requests',
    roles,
    filter: RequestFilter,
    where: (f, user) => [
      f.kind ? { attributes: { path: ['kind'], equals: f.kind } } : {},
      f.teamId ? { teamId: f.teamId } : {},
      f.mine ? { openedById: user.id } : {},
    ],
    include,
    view: toView,
    response: RequestSchema,
  });

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/internal-requests/:id',
      summary: 'An internal request with its task',
      tag: 'internal-requests',
      roles,
      params: IdParams,
      response: RequestSchema,
    },
    async ({ params, user }) => detail(user, await scoped(user, params.id)),
  );

  defineCaseTimelineRoute(router, registry, deps, {
    definition: internalRequestCase,
    resource: 'internal-requests',
    tag: 'internal-requests',
    roles: roles,
    summary: 'What happened to the request, oldest first',
  });

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/internal-requests/:id/answer',
      summary: "The requester answers the team's question; the request goes back to the team",
      tag: 'internal-requests',
      roles,
      params: IdParams,
      body: z.object({ answer: z.string().trim().min(1).max(10000) }),
      response: RequestSchema,
      errors: { 403: 'Only the requester answers', 409: 'Nobody is waiting for an answer' },
      engine: true,
    },
    async ({ params, body, user }) => {
      const row = await scoped(user, params.id);
      await sendUpdate(deps.temporal, row.workflowId, answerRequestUpdate, { actor: actorOf(user), answer: body.answer });
      return detail(user, await scoped(user, params.id));
    },
  );

  return router;
}
