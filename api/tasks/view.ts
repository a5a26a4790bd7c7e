import { z } from 'zod';
import type { Prisma, PrismaClient } from '@prisma/client';
import { ROLES } from '../../workflows/engine/types';

export const SLA_STATES = ['on_track', 'at_risk', 'breached', 'paused'] as const;
export type SlaStateName = (typeof SLA_STATES)[number];

/** SLA state is a comparison with now, never a stored flag (nothing has to run to make a task "breached"). */
export function slaStateOf(t: { atRiskAt: Date | null; breachAt?: Date | null; dueAt?: Date | null; slaPausedAt?: Date | null }, now: Date): SlaStateName {
  if (t.slaPausedAt) return 'paused';
  const breach = t.breachAt ?? t.dueAt;
  if (breach && breach <= now) return 'breached';
  if (t.atRiskAt && t.atRiskAt <= now) return 'at_risk';
  return 'on_track';
}

export function slaWhere(state: SlaStateName, now: Date): Prisma.TaskWhereInput {
  switch (state) {
    case 'paused':
      return { slaPausedAt: { not: null } };
    case 'breached':
      return { slaPausedAt: null, breachAt: { lte: now } };
    case 'at_risk':
      return { slaPausedAt: null, atRiskAt: { lte: now }, breachAt: { gt: now } };
    case 'on_track':
      return { slaPausedAt: null, atRiskAt: { gt: now } };
  }
}

const Person = z.object({ id: z.string(), name: z.string() }).nullable();

export const TaskSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseType: z.string(),
  step: z.string(),
  status: z.enum(['open', 'claimed', 'completed', 'cancelled']),
  teamId: z.string(),
  roles: z.array(z.enum(ROLES)),
  assignee: Person,
  assigneeId: z.string().nullable(),
  priority: z.number().int(),
  dueAt: z.string(),
  atRiskAt: z.string(),
  breachAt: z.string(),
  slaState: z.enum(SLA_STATES),
  escalationLevel: z.number().int(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  outcome: z.record(z.string(), z.unknown()).nullable(),
  client: z.object({ id: z.string(), name: z.string() }),
  case: z.object({ category: z.string().nullable(), severity: z.string().nullable(), state: z.string() }),
});
export type TaskView = z.infer<typeof TaskSchema>;

export const taskInclude = {
  case: { select: { clientId: true, category: true, severity: true, state: true, client: { select: { name: true } } } },
} satisfies Prisma.TaskInclude;
type TaskRow = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;

/** Names of the given users, in one query. */
export async function userNames(prisma: PrismaClient, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export function toTaskView(t: TaskRow, names: Map<string, string>, now: Date): TaskView {
  const active = t.status === 'open' || t.status === 'claimed';
  return {
    id: t.id,
    caseId: t.caseId,
    caseType: t.caseType,
    step: t.step,
    status: t.status as TaskView['status'],
    teamId: t.teamId,
    roles: t.requiredRole,
    assignee: t.assigneeId ? { id: t.assigneeId, name: names.get(t.assigneeId) ?? t.assigneeId } : null,
    assigneeId: t.assigneeId,
    priority: t.priority,
    dueAt: t.dueAt.toISOString(),
    atRiskAt: t.atRiskAt.toISOString(),
    breachAt: t.breachAt.toISOString(),
    // a finished task keeps the state it finished in
    slaState: slaStateOf(t, active ? now : (t.completedAt ?? now)),
    escalationLevel: t.escalationLevel,
    createdAt: t.createdAt.toISOString(),
    completedAt: t.completedAt?.toISOString() ?? null,
    outcome: (t.outcome as Record<string, unknown> | null) ?? null,
    client: { id: t.case.clientId, name: t.case.client.name },
    case: { category: t.case.category, severity: t.case.severity, state: t.case.state },
  };
}

export async function loadTaskViews(prisma: PrismaClient, where: Prisma.TaskWhereInput, extra: Omit<Prisma.TaskFindManyArgs, 'where' | 'include'> = {}): Promise<TaskView[]> {
  const rows = await prisma.task.findMany({ where, include: taskInclude, ...extra });
  const names = await userNames(prisma, rows.map((r) => r.assigneeId));
  const now = new Date();
  return rows.map((r) => toTaskView(r, names, now));
}
