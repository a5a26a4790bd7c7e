import { z } from 'zod';
import type pg from 'pg';
import type { Prisma, PrismaClient } from '@prisma/client';
import type { SqlRow } from '../../platform/db';
import type { Access } from '../access';
import type { SessionUser } from '../auth/session';

export const SLA_STATES = ['on_track', 'at_risk', 'breached', 'paused'] as const;
export type SlaStateName = (typeof SLA_STATES)[number];

/** SLA state is a comparison with now, never a stored flag (nothing has to run to make a task "breached"). */
export function slaStateOf(
  t: { atRiskAt: Date | null; breachAt?: Date | null; dueAt?: Date | null; slaPausedAt?: Date | null },
  now: Date,
): SlaStateName {
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
  roles: z.array(z.string()),
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
  reference: z.string(),
  /** null while a client-development case is about a lead that has not applied yet (see `lead`) */
  client: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** the lead a client-development case is about; null for other case types */
  lead: z.object({ id: z.string(), name: z.string() }).nullable(),
  case: z.object({
    reference: z.string(),
    state: z.string(),
    status: z.string(),
    summary: z.string().nullable(),
    /** what the case type knows about the case (the console's case-type module labels it) */
    attributes: z.record(z.string(), z.unknown()),
  }),
  /** the outcomes the step offers now (empty for tasks written before this was recorded: all of the form's) */
  outcomes: z.array(z.string()),
  /** what the requesting user may do with the task now (the workflow still has the last word: four eyes) */
  can: z.object({ claim: z.boolean(), release: z.boolean(), complete: z.boolean(), reassign: z.boolean() }),
});
export type TaskView = z.infer<typeof TaskSchema>;

export const taskInclude = {
  case: {
    select: {
      clientId: true,
      leadId: true,
      reference: true,
      state: true,
      status: true,
      summary: true,
      attributes: true,
      client: { select: { name: true } },
      lead: { select: { firstName: true, lastName: true } },
    },
  },
} satisfies Prisma.TaskInclude;
type TaskRow = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;

/** Names of the given users, in one query. */
export async function userNames(prisma: PrismaClient, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Whose task actions the API offers: the viewer's roles against the step's, and supervision of the case type. */
export interface Viewer {
  id: string;
  roles: string[];
  teamId: string | null;
  supervises(caseType: string): boolean;
}

export const viewerOf = (access: Pick<Access, 'supervises'>, user: SessionUser): Viewer => ({
  id: user.id,
  roles: user.roles,
  teamId: user.teamId,
  supervises: (caseType) => access.supervises(user, caseType),
});

function can(t: TaskRow, viewer: Viewer | undefined): TaskView['can'] {
  const active = t.status === 'open' || t.status === 'claimed';
  if (!viewer || !active) return { claim: false, release: false, complete: false, reassign: false };
  // a step without roles is for any member of its team (an internal request's), as the engine decides
  const eligible =
    t.requiredRole.length === 0
      ? viewer.teamId !== null && viewer.teamId === t.teamId
      : viewer.roles.some((r) => t.requiredRole.includes(r));
  const supervises = viewer.supervises(t.caseType);
  return {
    claim: t.status === 'open' && eligible,
    release: t.status === 'claimed' && (t.assigneeId === viewer.id || supervises),
    complete: t.status === 'claimed' && t.assigneeId === viewer.id && eligible,
    reassign: supervises,
  };
}

export function toTaskView(t: TaskRow, names: Map<string, string>, now: Date, viewer?: Viewer): TaskView {
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
    reference: t.case.reference,
    client: t.case.clientId && t.case.client ? { id: t.case.clientId, name: t.case.client.name } : null,
    lead: t.case.leadId && t.case.lead ? { id: t.case.leadId, name: `${t.case.lead.firstName} ${t.case.lead.lastName}` } : null,
    case: {
      reference: t.case.reference,
      state: t.case.state,
      status: t.case.status,
      summary: t.case.summary,
      attributes: (t.case.attributes as Record<string, unknown>) ?? {},
    },
    outcomes: t.allowedOutcomes,
    can: can(t, viewer),
  };
}

export async function loadTaskViews(
  prisma: PrismaClient,
  where: Prisma.TaskWhereInput,
  extra: Omit<Prisma.TaskFindManyArgs, 'where' | 'include'> = {},
  viewer?: Viewer,
): Promise<TaskView[]> {
  const rows = await prisma.task.findMany({ where, include: taskInclude, ...extra });
  const names = await userNames(
    prisma,
    rows.map((r) => r.assigneeId),
  );
  const now = new Date();
  return rows.map((r) => toTaskView(r, names, now, viewer));
}

// Timestamps are stored without a zone, in UTC (as Prisma writes them).
const TASK_COLUMNS = [
  't.id, t.case_id, t.case_type, t.step, t.status, t.team_id, t.branch_id, t.required_roles, t.allowed_outcomes, t.assignee_id',
  't.priority, t.escalation_level, t.outcome, t.completed_by_id, t.revision',
  ...['due_at', 'at_risk_at', 'breach_at', 'sla_paused_at', 'created_at', 'claimed_at', 'completed_at'].map(
    (c) => `t.${c} AT TIME ZONE 'UTC' AS ${c}`,
  ),
].join(', ');

function taskFromSql(r: SqlRow): TaskRow {
  return {
    id: r.id,
    caseId: r.case_id,
    caseType: r.case_type,
    step: r.step,
    status: r.status,
    teamId: r.team_id,
    branchId: r.branch_id,
    requiredRole: r.required_roles,
    allowedOutcomes: r.allowed_outcomes,
    assigneeId: r.assignee_id,
    priority: r.priority,
    dueAt: r.due_at,
    atRiskAt: r.at_risk_at,
    breachAt: r.breach_at,
    slaPausedAt: r.sla_paused_at,
    escalationLevel: r.escalation_level,
    outcome: r.outcome,
    completedById: r.completed_by_id,
    createdAt: r.created_at,
    claimedAt: r.claimed_at,
    completedAt: r.completed_at,
    revision: r.revision,
    case: {
      clientId: r.client_id,
      leadId: r.lead_id,
      reference: r.reference,
      state: r.state,
      status: r.case_status,
      summary: r.summary,
      attributes: r.attributes,
      client: r.client_found === null ? null : { name: r.client_name },
      lead: r.lead_found === null ? null : { firstName: r.lead_first_name, lastName: r.lead_last_name },
    },
  };
}

/**
 * One case's tasks, oldest first, as `loadTaskViews` gives them, in one statement of SQL (with the assignees'
 * names): every case page and every registration's 201 shows them, and Prisma's query compiler cost more CPU
 * than the queries.
 */
export async function loadCaseTaskViews(pool: pg.Pool, caseId: string, viewer?: Viewer): Promise<TaskView[]> {
  const { rows } = await pool.query(
    `SELECT ${TASK_COLUMNS}, c.client_id, c.lead_id, c.reference, c.state, c.status AS case_status, c.summary, c.attributes,
            cl.id AS client_found, cl.name AS client_name, l.id AS lead_found, l.first_name AS lead_first_name,
            l.last_name AS lead_last_name, u.name AS assignee_name
       FROM tasks t JOIN cases c ON c.id = t.case_id LEFT JOIN clients cl ON cl.id = c.client_id
       LEFT JOIN leads l ON l.id = c.lead_id LEFT JOIN users u ON u.id = t.assignee_id
      WHERE t.case_id = $1 ORDER BY t.created_at, t.id`,
    [caseId],
  );
  const names = new Map<string, string>(
    rows.flatMap((r) => (r.assignee_id && r.assignee_name !== null ? [[r.assignee_id, r.assignee_name]] : [])),
  );
  const now = new Date();
  return rows.map((r) => toTaskView(taskFromSql(r), names, now, viewer));
}
