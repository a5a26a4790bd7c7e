import { createHash, randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { Deps } from '../deps';
import { badRequest, notFound } from '../http/errors';
import { listQuery, page, sendRange } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';
import { branchWhere } from '../scope';
import { mapUpdateError, sendUpdate } from '../temporal/updates';
import { inTransaction } from '../db';
import { appendEvents } from '../../activities/engine/timeline';
import { COMPLAINT_SETTINGS } from '../../activities/complaint';
import { loadSettings } from '../../activities/engine/context';
import { registerCaseUpdate } from '../../workflows/engine/updates';
import { clientRespondedUpdate, reopenCaseUpdate } from '../../workflows/complaint/updates';
import type { complaintWorkflow } from '../../workflows/complaint/workflow';
import { CATEGORIES, CHANNELS, SEVERITIES } from '../../workflows/complaint/states';
import { SLA_STATES, loadTaskViews, slaStateOf, TaskSchema, userNames } from '../tasks/view';
import type { SessionUser } from '../auth/session';
import { TimelineEventSchema, caseSlaWhere, loadTimeline } from '../cases/view';

export const CreateComplaint = z.object({
  clientId: z.string().min(1).max(100),
  channel: z.enum(CHANNELS),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  description: z.string().trim().min(1).max(10000),
});

const Person = z.object({ id: z.string(), name: z.string() });
export const ComplaintSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  client: Person,
  channel: z.string().nullable(),
  category: z.string().nullable(),
  severity: z.string().nullable(),
  description: z.string().nullable(),
  status: z.string(),
  state: z.string(),
  priority: z.number().int(),
  assignee: Person.nullable(),
  dueAt: z.string().nullable(),
  slaState: z.enum(SLA_STATES),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  rootCause: z.string().nullable(),
  resolution: z.string().nullable(),
  reopenCount: z.number().int(),
  escalationLevel: z.number().int(),
  reopenUntil: z.string().nullable(),
  tasks: z.array(TaskSchema).optional(),
});

const ComplaintFilter = z.object({
  status: z.enum(['open', 'awaiting_client', 'closed']).optional(),
  state: z.string().max(50).optional(),
  severity: z.enum(SEVERITIES).optional(),
  category: z.enum(CATEGORIES).optional(),
  slaState: z.enum(SLA_STATES).optional(),
  clientId: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
  id: z.array(z.string()).max(200).optional(),
});
const SORTABLE = ['openedAt', 'dueAt', 'priority', 'state', 'status'] as const;

type CaseRow = Prisma.CaseGetPayload<{ include: { client: { select: { name: true } } } }>;

export function complaintsRouter(deps: Deps, registry: RouteRegistry): Router {
  const { prisma } = deps.db;
  const router = Router();

  async function reopenWindowDays(): Promise<number> {
    return (await loadSettings(prisma, COMPLAINT_SETTINGS))['complaint.reopenWindowDays'];
  }

  async function toView(rows: CaseRow[]): Promise<z.infer<typeof ComplaintSchema>[]> {
    const names = await userNames(prisma, rows.map((r) => r.assigneeId));
    const windowMs = (await reopenWindowDays()) * 86_400_000;
    const now = new Date();
    return rows.map((c) => ({
      id: c.id,
      clientId: c.clientId,
      client: { id: c.clientId, name: c.client.name },
      channel: c.channel,
      category: c.category,
      severity: c.severity,
      description: c.description,
      status: c.status,
      state: c.state,
      priority: c.priority,
      assignee: c.assigneeId ? { id: c.assigneeId, name: names.get(c.assigneeId) ?? c.assigneeId } : null,
      dueAt: c.dueAt?.toISOString() ?? null,
      slaState: c.breachedAt ? 'breached' : slaStateOf(c, c.closedAt ?? now),
      openedAt: c.openedAt.toISOString(),
      closedAt: c.closedAt?.toISOString() ?? null,
      rootCause: c.rootCause,
      resolution: c.resolution,
      reopenCount: c.reopenCount,
      escalationLevel: c.escalationLevel,
      reopenUntil: c.closedAt ? new Date(c.closedAt.getTime() + windowMs).toISOString() : null,
    }));
  }

  async function scopedCase(user: SessionUser, id: string): Promise<CaseRow> {
    const found = await prisma.case.findFirst({
      where: { id, type: 'complaint', ...branchWhere(user) },
      include: { client: { select: { name: true } } },
    });
    if (!found) throw notFound('Complaint');
    return found;
  }

  async function detail(row: CaseRow) {
    const [view] = await toView([row]);
    const tasks = await loadTaskViews(prisma, { caseId: row.id }, { orderBy: { createdAt: 'asc' } });
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
      body: CreateComplaint,
      response: ComplaintSchema,
      status: 201,
      errors: { 409: 'A complaint with this Idempotency-Key is being registered' },
    },
    async ({ body, user, req }) => {
      const client = await prisma.client.findFirst({ where: { id: body.clientId, ...branchWhere(user) } });
      if (!client) throw badRequest([{ path: 'body.clientId', message: 'No such client in your scope' }]);
      const key = req.header('idempotency-key');
      // With a key, a retried request maps to the same case id and so to the same workflow.
      const caseId = key
        ? createHash('sha256').update(`${user.id}:${key}`).digest('hex').slice(0, 32).replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')
        : randomUUID();
      const startWorkflowOperation = new WithStartWorkflowOperation<typeof complaintWorkflow>('complaintWorkflow', {
        workflowId: `complaint-${caseId}`,
        taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
        workflowIdConflictPolicy: key ? 'USE_EXISTING' : 'FAIL',
        args: [{ caseId, ...body, openedBy: { id: user.id, role: user.role } }],
      });
      try {
        await deps.temporal.workflow.executeUpdateWithStart(registerCaseUpdate, { startWorkflowOperation });
      } catch (err) {
        throw mapUpdateError(err);
      }
      return detail(await scopedCase(user, caseId));
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/complaints',
      summary: 'Complaints in your scope, react-admin list params',
      tag: 'complaints',
      query: listQuery(ComplaintFilter, SORTABLE),
      response: z.array(ComplaintSchema),
    },
    async ({ query, user, res }) => {
      const f = query.filter ?? {};
      const where: Prisma.CaseWhereInput = {
        AND: [
          { type: 'complaint', ...branchWhere(user) },
          f.status ? { status: f.status } : {},
          f.state ? { state: f.state } : {},
          f.severity ? { severity: f.severity } : {},
          f.category ? { category: f.category } : {},
          f.clientId ? { clientId: f.clientId } : {},
          f.id ? { id: { in: f.id } } : {},
          f.q
            ? { OR: [{ description: { contains: f.q, mode: 'insensitive' } }, { client: { name: { contains: f.q, mode: 'insensitive' } } }, { id: { startsWith: f.q } }] }
            : {},
          caseSlaWhere(f.slaState, new Date()),
        ],
      };
      const [field, dir] = query.sort ?? ['openedAt', 'DESC'];
      const { skip, take } = page(query.range);
      const [rows, total] = await Promise.all([
        prisma.case.findMany({ where, include: { client: { select: { name: true } } }, orderBy: [{ [field]: dir === 'ASC' ? 'asc' : 'desc' }, { id: 'asc' }], skip, take }),
        prisma.case.count({ where }),
      ]);
      sendRange(res, 'complaints', skip, rows.length, total);
      return toView(rows);
    },
  );

  defineRoute(
    router,
    registry,
    { method: 'get', path: '/complaints/:id', summary: 'A complaint with its tasks', tag: 'complaints', params: IdParams, response: ComplaintSchema },
    async ({ params, user }) => detail(await scopedCase(user, params.id)),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/complaints/:id/timeline',
      summary: 'Every transition, assignment, comment and SLA event, oldest first',
      tag: 'complaints',
      params: IdParams,
      response: z.array(TimelineEventSchema),
    },
    async ({ params, user }) => {
      await scopedCase(user, params.id);
      return loadTimeline(prisma, params.id);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/complaints/:id/comments',
      summary: 'Add a comment to the timeline',
      tag: 'complaints',
      params: IdParams,
      body: z.object({ text: z.string().trim().min(1).max(10000) }),
      status: 201,
      response: z.object({ ok: z.literal(true) }),
    },
    async ({ params, body, user }) => {
      await scopedCase(user, params.id);
      // A comment changes no status, assignee or deadline, so it goes straight to the timeline.
      await inTransaction(deps.db.pool, (client) =>
        appendEvents(client, [
          { key: `comment/${randomUUID()}`, caseId: params.id, type: 'comment', actorId: user.id, at: Date.now(), data: { text: body.text } },
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
      params: IdParams,
      body: z.object({ note: z.string().trim().min(1).max(10000) }),
      response: ComplaintSchema,
      errors: { 409: 'The complaint is not waiting on the client' },
    },
    async ({ params, body, user }) => {
      const row = await scopedCase(user, params.id);
      await sendUpdate(deps.temporal, row.workflowId, clientRespondedUpdate, { actor: { id: user.id, role: user.role }, note: body.note });
      return detail(await scopedCase(user, params.id));
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
      params: IdParams,
      body: z.object({ reason: z.string().trim().min(1).max(10000) }),
      response: ComplaintSchema,
      errors: { 409: 'Not closed, or the reopen window has passed' },
    },
    async ({ params, body, user }) => {
      const row = await scopedCase(user, params.id);
      await sendUpdate(deps.temporal, row.workflowId, reopenCaseUpdate, { actor: { id: user.id, role: user.role }, reason: body.reason });
      return detail(await scopedCase(user, params.id));
    },
  );

  return router;
}
