import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import type { ApiDeps } from '../deps';
import { AppError, badRequest, notFound } from '../http/errors';
import { listQuery, page, sendRange, textContains } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';
import { sendUpdate } from '../temporal/updates';
import { actorOf, type SessionUser } from '../auth/session';
import { claimTaskUpdate, completeTaskUpdate, reassignTaskUpdate, releaseTaskUpdate } from '../../workflows/engine/updates';
import { SLA_STATES, TaskSchema, loadTaskViews, slaWhere, userNames, viewerOf, type TaskView } from './view';
import { conflict, forbidden } from '../http/errors';
import { offeredForm } from './offered-form';

const TaskFilter = z.object({
  view: z.enum(['mine', 'team']).optional(),
  caseType: z.string().max(50).optional(),
  caseId: z.string().max(200).optional(),
  status: z
    .union([
      z.enum(['open', 'claimed', 'completed', 'cancelled', 'active']),
      z.array(z.enum(['open', 'claimed', 'completed', 'cancelled'])),
    ])
    .optional(),
  slaState: z.enum(SLA_STATES).optional(),
  step: z.string().max(50).optional(),
  id: z.array(z.string()).max(200).optional(),
  assigneeId: z.string().max(100).optional(),
  clientId: z.string().max(100).optional(),
  /** the case's reference (or its start) or the client's name */
  q: z.string().trim().min(1).max(200).optional(),
});
const SORTABLE = ['dueAt', 'priority', 'createdAt', 'step', 'status'] as const;
const TaskListQuery = listQuery(TaskFilter, SORTABLE).extend({ view: z.enum(['mine', 'team']).optional() });

export function tasksRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { prisma } = deps.db;
  const router = Router();
  const { access } = deps;
  const SUPERVISING = [...new Set(access.definitions.flatMap((d) => access.supervisingRolesOf(d.type)))];

  /** The task, if the user may see it, with the workflow that owns it. */
  async function scopedTask(user: SessionUser, id: string) {
    const task = await prisma.task.findFirst({
      where: { AND: [{ id }, access.taskWhere(user)] },
      include: { case: { select: { workflowId: true } } },
    });
    if (!task) throw notFound('Task');
    return task;
  }

  async function view(user: SessionUser, id: string): Promise<TaskView> {
    const [task] = await loadTaskViews(prisma, { id }, {}, viewerOf(access, user));
    if (!task) throw notFound('Task');
    return task;
  }

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/tasks',
      summary: 'Inbox: my tasks (view=mine) or my team queue (view=team), react-admin list params',
      tag: 'tasks',
      query: TaskListQuery,
      response: z.array(TaskSchema),
    },
    async ({ query, user, res }) => {
      const f = query.filter ?? {};
      const viewName = query.view ?? f.view ?? 'team';
      const now = new Date();
      const status =
        f.status === undefined || f.status === 'active' ? ['open', 'claimed'] : Array.isArray(f.status) ? f.status : [f.status];
      const where: Prisma.TaskWhereInput = {
        AND: [
          access.taskWhere(user),
          viewName === 'mine' ? { assigneeId: user.id } : {},
          { status: { in: status } },
          f.caseType ? { caseType: f.caseType } : {},
          f.caseId ? { caseId: f.caseId } : {},
          f.step ? { step: f.step } : {},
          f.id ? { id: { in: f.id } } : {},
          f.slaState ? slaWhere(f.slaState, now) : {},
          f.assigneeId ? { assigneeId: f.assigneeId } : {},
          f.clientId ? { case: { clientId: f.clientId } } : {},
          f.q
            ? {
                OR: [
                  { case: { reference: { startsWith: textContains(f.q.toUpperCase()).contains } } },
                  { case: { client: { name: textContains(f.q) } } },
                ],
              }
            : {},
        ],
      };
      const [field, dir] = query.sort ?? ['dueAt', 'ASC'];
      const order = dir === 'ASC' ? 'asc' : 'desc';
      const { skip, take } = page(query.range);
      const [rows, total] = await Promise.all([
        loadTaskViews(
          prisma,
          where,
          {
            orderBy: [{ [field]: order }, field === 'priority' ? { dueAt: 'asc' } : { priority: 'asc' }, { id: 'asc' }],
            skip,
            take,
          },
          viewerOf(access, user),
        ),
        prisma.task.count({ where }),
      ]);
      sendRange(res, 'tasks', skip, rows.length, total);
      return rows;
    },
  );

  const WorkloadRow = z.object({
    /** null: the open tasks nobody holds yet (the queues) */
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    open: z.number().int(),
    claimed: z.number().int(),
    atRisk: z.number().int(),
    breached: z.number().int(),
  });
  const MAX_WORKLOAD_ROWS = 200;

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/tasks/workload',
      summary:
        'Supervisors: open and claimed tasks per assignee (and the unassigned queue), with how many are at risk or breached, over the work they supervise in their scope; at most 200 rows, busiest first',
      tag: 'tasks',
      roles: SUPERVISING,
      response: z.array(WorkloadRow),
    },
    async ({ user }) => {
      const now = new Date();
      const where: Prisma.TaskWhereInput = {
        AND: [access.taskWhere(user), { caseType: { in: access.supervisedTypes(user) } }, { status: { in: ['open', 'claimed'] } }],
      };
      const count = (extra: Prisma.TaskWhereInput) =>
        prisma.task.groupBy({ by: ['assigneeId', 'status'], where: { AND: [where, extra] }, _count: { _all: true } });
      const [all, atRisk, breached] = await Promise.all([count({}), count(slaWhere('at_risk', now)), count(slaWhere('breached', now))]);
      const rows = new Map<string | null, z.infer<typeof WorkloadRow>>();
      const row = (assigneeId: string | null) => {
        if (!rows.has(assigneeId)) rows.set(assigneeId, { assignee: null, open: 0, claimed: 0, atRisk: 0, breached: 0 });
        return rows.get(assigneeId)!;
      };
      for (const g of all) row(g.assigneeId)[g.status === 'open' ? 'open' : 'claimed'] += g._count._all;
      for (const g of atRisk) row(g.assigneeId).atRisk += g._count._all;
      for (const g of breached) row(g.assigneeId).breached += g._count._all;
      const names = await userNames(prisma, [...rows.keys()]);
      return [...rows]
        .map(([id, r]) => ({ ...r, assignee: id ? { id, name: names.get(id) ?? id } : null }))
        .sort((a, b) => b.open + b.claimed - (a.open + a.claimed))
        .slice(0, MAX_WORKLOAD_ROWS);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/tasks/:id',
      summary: "A task and its step's completion form (JSON Schema)",
      tag: 'tasks',
      params: IdParams,
      response: TaskSchema.extend({ form: z.unknown() }),
    },
    async ({ params, user }) => {
      const task = await scopedTask(user, params.id);
      const form = deps.formOf(task.caseType, task.step);
      return { ...(await view(user, task.id)), form: form ? offeredForm(form, task.allowedOutcomes) : null };
    },
  );

  const action = (path: 'claim' | 'release', summary: string, def: typeof claimTaskUpdate) =>
    defineRoute(
      router,
      registry,
      {
        method: 'post',
        path: `/tasks/:id/${path}`,
        summary,
        tag: 'tasks',
        params: IdParams,
        response: TaskSchema,
        errors: { 404: 'No such task in your scope', 409: 'The task is no longer in a state that allows this' },
        engine: true,
      },
      async ({ params, user }) => {
        const task = await scopedTask(user, params.id);
        // A retried claim (the first answer was lost) finds the task already the caller's: that is its answer.
        const done = path === 'claim' && task.status === 'claimed' && task.assigneeId === user.id;
        if (!done) await sendUpdate(deps.temporal, task.case.workflowId, def, { taskId: task.id, actor: actorOf(user) });
        return view(user, task.id);
      },
    );
  action('claim', 'Claim a task from the queue (one of two racing claims wins, the other gets 409)', claimTaskUpdate);

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/tasks/next',
      summary:
        'Claim the most urgent open task you may work (highest priority, then the earliest due); another one if someone takes it first',
      tag: 'tasks',
      response: TaskSchema,
      errors: { 404: 'NO_TASK: no open task you may take' },
    },
    async ({ user }) => {
      const candidates = await prisma.task.findMany({
        where: {
          AND: [
            access.taskWhere(user),
            { status: 'open' },
            // the roles the step asks for, or any member of its team for a step without roles
            {
              OR: [
                { requiredRole: { hasSome: user.roles } },
                ...(user.teamId ? [{ requiredRole: { isEmpty: true }, teamId: user.teamId }] : []),
              ],
            },
          ],
        },
        include: { case: { select: { workflowId: true } } },
        orderBy: [{ priority: 'asc' }, { dueAt: 'asc' }, { id: 'asc' }],
        take: 5,
      });
      for (const task of candidates) {
        try {
          await sendUpdate(deps.temporal, task.case.workflowId, claimTaskUpdate, { taskId: task.id, actor: actorOf(user) });
        } catch (err) {
          // taken by someone else meanwhile, or four eyes: the next one
          if (err instanceof AppError && (err.status === 409 || err.status === 403)) continue;
          throw err;
        }
        return view(user, task.id);
      }
      throw new AppError(404, 'NOT_FOUND', 'No open task you may take', { reason: 'NO_TASK' });
    },
  );
  action('release', 'Put a claimed task back in the queue', releaseTaskUpdate);

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/tasks/:id/complete',
      summary: "Complete a claimed task with the step's outcome form",
      tag: 'tasks',
      params: IdParams,
      body: z.looseObject({ outcome: z.string().min(1).max(50) }),
      response: TaskSchema,
      errors: { 409: 'Not claimed by you, or the step is no longer open (a retry of your own completion answers 200)' },
      engine: true,
    },
    async ({ params, body, user }) => {
      const task = await scopedTask(user, params.id);
      const form = deps.formOf(task.caseType, task.step);
      if (!form) throw badRequest([{ path: 'params.id', message: `No form for step ${task.step}` }]);
      const parsed = form.safeParse(body);
      if (!parsed.success) {
        throw badRequest(parsed.error.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })));
      }
      // A retried completion (the first answer was lost) finds the step completed by the caller with this outcome.
      const previous = task.outcome as { outcome?: string } | null;
      if (task.status === 'completed' && task.completedById === user.id && previous?.outcome === body.outcome) return view(user, task.id);
      // an outcome of the step's form that the step does not offer now (say, approval while a check blocks it)
      if (task.allowedOutcomes.length && !task.allowedOutcomes.includes(body.outcome)) {
        throw conflict('OUTCOME_NOT_ALLOWED', `Outcome ${body.outcome} is not offered at step ${task.step} now`);
      }
      await sendUpdate(deps.temporal, task.case.workflowId, completeTaskUpdate, {
        taskId: task.id,
        actor: actorOf(user),
        outcome: parsed.data as { outcome: string },
      });
      return view(user, task.id);
    },
  );

  async function reassign(user: SessionUser, taskId: string, assigneeId: string): Promise<void> {
    const task = await scopedTask(user, taskId);
    if (!access.supervises(user, task.caseType)) throw forbidden('Only supervisors of this work can reassign it', 'ROLE_NOT_ALLOWED');
    const assignee = await prisma.user.findFirst({ where: { id: assigneeId, active: true, branchId: task.branchId } });
    if (!assignee) throw badRequest([{ path: 'body.assigneeId', message: 'No active user with that id in the task’s branch' }]);
    await sendUpdate(deps.temporal, task.case.workflowId, reassignTaskUpdate, {
      taskId: task.id,
      actor: actorOf(user),
      assignee: { id: assignee.id, roles: assignee.roles, teamId: assignee.teamId },
    });
  }

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/tasks/:id/reassign',
      summary: 'Assign a task to someone (supervisors)',
      tag: 'tasks',
      roles: SUPERVISING,
      params: IdParams,
      body: z.object({ assigneeId: z.string().min(1).max(100) }),
      response: TaskSchema,
      errors: { 409: 'The task is closed or already theirs' },
      engine: true,
    },
    async ({ params, body, user }) => {
      await reassign(user, params.id, body.assigneeId);
      return view(user, params.id);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/tasks/bulk-reassign',
      summary: 'Assign many tasks to one person; each task succeeds or fails on its own',
      tag: 'tasks',
      roles: SUPERVISING,
      body: z.object({ taskIds: z.array(z.string().min(1).max(200)).min(1).max(200), assigneeId: z.string().min(1).max(100) }),
      response: z.object({
        results: z.array(z.object({ id: z.string(), ok: z.boolean(), error: z.string().optional(), reason: z.string().optional() })),
      }),
    },
    async ({ body, user }) => {
      const results = [];
      for (const id of body.taskIds) {
        try {
          await reassign(user, id, body.assigneeId);
          results.push({ id, ok: true });
        } catch (err) {
          const e = err as { status?: number; message?: string; extra?: { reason?: string } };
          if (!e.status) throw err;
          results.push({ id, ok: false, error: e.message, ...(e.extra?.reason ? { reason: e.extra.reason } : {}) });
        }
      }
      return { results };
    },
  );

  return router;
}
