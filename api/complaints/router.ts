import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { badRequest } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';
import { sendUpdate } from '../temporal/updates';
import { inTransaction } from '../../platform/db';
import { appendEvents } from '../../platform/timeline';
import { actorOf, type SessionUser } from '../auth/session';
import { loadCaseTaskViews, userNames, viewerOf } from '../tasks/view';
import { baseCaseView, caseInclude, scopedCaseRow, type CaseRow } from '../cases/view';
import { defineCaseListRoute } from '../cases/list';
import { defineCaseTimelineRoute } from '../cases/timeline';
import { clientInCaseScope, startCaseWorkflow } from '../cases/start';
import { complaintCase } from '../../workflows/complaint/definition';
import { clientRespondedUpdate, reopenCaseUpdate } from '../../workflows/complaint/updates';
import type { ComplaintAttributes, ComplaintInput } from '../../workflows/complaint/workflow';
import { ComplaintFilter, ComplaintSchema, CreateComplaint, type ComplaintView } from './schemas';
import { complaintDashboardRouter } from './dashboard';

const TYPE = complaintCase.type;
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export function complaintsRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { prisma } = deps.db;
  const router = Router();
  const roles = deps.access.rolesOf(TYPE);

  async function toView(rows: CaseRow[]): Promise<ComplaintView[]> {
    const names = await userNames(
      prisma,
      rows.map((r) => r.assigneeId),
    );
    const now = new Date();
    return rows.map((c) => {
      const a = c.attributes as unknown as ComplaintAttributes;
      return {
        ...baseCaseView(c, names, now),
        channel: a.channel ?? null,
        category: a.category ?? null,
        severity: a.severity ?? null,
        description: a.description ?? null,
        rootCause: a.rootCause ?? null,
        resolution: a.resolution ?? null,
        reopenCount: a.reopenCount ?? 0,
        // fixed by the workflow when the complaint closed
        reopenUntil: c.closedAt ? iso(a.reopenUntil) : null,
      };
    });
  }

  const scoped = (user: SessionUser, id: string) => scopedCaseRow(deps, user, TYPE, id, 'Complaint');

  // the case's tasks with what this user may do with each (the console offers only that)
  async function detail(row: CaseRow, user: SessionUser) {
    const [view] = await toView([row]);
    const tasks = await loadCaseTaskViews(deps.db.pool, row.id, viewerOf(deps.access, user));
    return { ...view, tasks };
  }

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/complaints',
      summary: 'Register a complaint: starts its case workflow (send Idempotency-Key to make retries safe)',
      tag: 'complaints',
      roles,
      body: CreateComplaint,
      response: ComplaintSchema,
      status: 201,
      errors: {
        409: 'A complaint with this Idempotency-Key is being registered',
        422: 'The Idempotency-Key was used with another request',
      },
      engine: true,
    },
    async ({ body, user, req }) => {
      if (!(await clientInCaseScope(deps, user, TYPE, body.clientId)))
        throw badRequest([{ path: 'body.clientId', message: 'No such client in your scope' }]);
      const caseId = await startCaseWorkflow(deps, {
        definition: complaintCase,
        user,
        idempotencyKey: req.header('idempotency-key'),
        request: body,
        args: (id): ComplaintInput => ({ caseId: id, ...body, openedBy: actorOf(user) }),
      });
      return detail(await scoped(user, caseId), user);
    },
  );

  defineCaseListRoute(router, registry, deps, {
    definition: complaintCase,
    resource: 'complaints',
    tag: 'complaints',
    roles,
    filter: ComplaintFilter,
    where: (f) => [
      f.severity ? { attributes: { path: ['severity'], equals: f.severity } } : {},
      f.category ? { attributes: { path: ['category'], equals: f.category } } : {},
    ],
    include: caseInclude,
    view: toView,
    response: ComplaintSchema,
  });

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/complaints/:id',
      summary: 'A complaint with its tasks',
      tag: 'complaints',
      roles,
      params: IdParams,
      response: ComplaintSchema,
    },
    async ({ params, user }) => detail(await scoped(user, params.id), user),
  );

  defineCaseTimelineRoute(router, registry, deps, {
    definition: complaintCase,
    resource: 'complaints',
    tag: 'complaints',
    roles: roles,
    summary: 'Every transition, assignment, comment and SLA event, oldest first',
  });

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/complaints/:id/comments',
      summary: 'Add a comment to the timeline',
      tag: 'complaints',
      roles,
      params: IdParams,
      body: z.object({ text: z.string().trim().min(1).max(10000) }),
      status: 201,
      response: z.object({ ok: z.literal(true) }),
    },
    async ({ params, body, user }) => {
      await scoped(user, params.id);
      // A comment changes no status, assignee or deadline, so it goes straight to the timeline.
      await inTransaction(deps.db.pool, (client) =>
        appendEvents(client, [
          {
            key: `comment/${randomUUID()}`,
            caseId: params.id,
            type: 'comment',
            actorId: user.id,
            at: Date.now(),
            data: { text: body.text },
          },
        ]),
      );
      return { ok: true as const };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/complaints/:id/client-response',
      summary: 'The client answered our request: investigation resumes and the SLA clock restarts',
      tag: 'complaints',
      roles,
      params: IdParams,
      body: z.object({ note: z.string().trim().min(1).max(10000) }),
      response: ComplaintSchema,
      errors: { 409: 'The complaint is not waiting on the client' },
      engine: true,
    },
    async ({ params, body, user }) => {
      const row = await scoped(user, params.id);
      await sendUpdate(deps.temporal, row.workflowId, clientRespondedUpdate, { actor: actorOf(user), note: body.note });
      return detail(await scoped(user, params.id), user);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/complaints/:id/reopen',
      summary: 'Reopen a closed complaint within the reopen window',
      tag: 'complaints',
      roles,
      params: IdParams,
      body: z.object({ reason: z.string().trim().min(1).max(10000) }),
      response: ComplaintSchema,
      errors: { 409: 'Not closed, or the reopen window has passed' },
      engine: true,
    },
    async ({ params, body, user }) => {
      const row = await scoped(user, params.id);
      await sendUpdate(deps.temporal, row.workflowId, reopenCaseUpdate, { actor: actorOf(user), reason: body.reason });
      return detail(await scoped(user, params.id), user);
    },
  );

  router.use(complaintDashboardRouter(deps, registry));
  return router;
}
