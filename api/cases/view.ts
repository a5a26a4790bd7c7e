// What every case type's API shares: the SLA filter over case rows and the timeline.
import { z } from 'zod';
import type { Prisma, PrismaClient } from '@prisma/client';
import type { SqlRow } from '../../platform/db';
import { SLA_STATES, slaStateOf, userNames, type SlaStateName } from '../tasks/view';
import type { ApiDeps } from '../deps';
import type { SessionUser } from '../auth/session';
import { notFound } from '../http/errors';

/** Cases in an SLA state at `now`; a closed case counts as breached if it ever breached. */
export function caseSlaWhere(state: SlaStateName | undefined, now: Date): Prisma.CaseWhereInput {
  switch (state) {
    case undefined:
      return {};
    case 'paused':
      return { slaPausedAt: { not: null } };
    case 'breached':
      return { slaPausedAt: null, closedAt: null, OR: [{ dueAt: { lte: now } }, { breachedAt: { not: null } }] };
    case 'at_risk':
      return { slaPausedAt: null, closedAt: null, breachedAt: null, atRiskAt: { lte: now }, dueAt: { gt: now } };
    case 'on_track':
      return { slaPausedAt: null, breachedAt: null, atRiskAt: { gt: now } };
  }
}

const NamedPerson = z.object({ id: z.string(), name: z.string() });

export const TimelineEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  actor: NamedPerson.nullable(),
  data: z.record(z.string(), z.unknown()),
  /** who a task went to and who had it before (reassignment, release), by name */
  assignee: NamedPerson.nullable().optional(),
  previousAssignee: NamedPerson.nullable().optional(),
});

const idIn = (data: Record<string, unknown>, key: string) => (typeof data[key] === 'string' ? (data[key] as string) : null);

/** A case's timeline, oldest first, with the names of the actors and of the people tasks went to. */
export async function loadTimeline(prisma: PrismaClient, caseId: string): Promise<z.infer<typeof TimelineEventSchema>[]> {
  const events = await prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
  const dataOf = (e: (typeof events)[number]) => (e.data ?? {}) as Record<string, unknown>;
  const names = await userNames(prisma, [
    ...events.map((e) => e.actorId),
    ...events.flatMap((e) => [idIn(dataOf(e), 'assigneeId'), idIn(dataOf(e), 'previousAssigneeId')]),
  ]);
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? id } : null);
  return events.map((e) => {
    const data = dataOf(e);
    return {
      id: String(e.id),
      type: e.type,
      at: e.at.toISOString(),
      actor: person(e.actorId),
      data,
      ...('assigneeId' in data ? { assignee: person(idIn(data, 'assigneeId')) } : {}),
      ...('previousAssigneeId' in data ? { previousAssignee: person(idIn(data, 'previousAssigneeId')) } : {}),
    };
  });
}

const Person = z.object({ id: z.string(), name: z.string() });

/** What every case type's views share: the engine's lifecycle columns. */
export const CaseBaseSchema = z.object({
  id: z.string(),
  reference: z.string(),
  caseType: z.string(),
  /** null only for a client-development case whose lead has not applied yet */
  clientId: z.string().nullable(),
  client: Person.nullable(),
  status: z.string(),
  state: z.string(),
  summary: z.string().nullable(),
  priority: z.number().int(),
  assignee: Person.nullable(),
  dueAt: z.string().nullable(),
  slaState: z.enum(SLA_STATES),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  escalationLevel: z.number().int(),
});
export type CaseBaseView = z.infer<typeof CaseBaseSchema>;

export const caseInclude = { client: { select: { name: true } } } satisfies Prisma.CaseInclude;
export type CaseRow = Prisma.CaseGetPayload<{ include: typeof caseInclude }>;

/** The lifecycle part of a case's view; a closed case keeps the SLA state it closed in. */
export function baseCaseView(c: CaseRow, names: Map<string, string>, now: Date): CaseBaseView {
  return {
    id: c.id,
    reference: c.reference,
    caseType: c.type,
    clientId: c.clientId,
    client: c.clientId && c.client ? { id: c.clientId, name: c.client.name } : null,
    status: c.status,
    state: c.state,
    summary: c.summary,
    priority: c.priority,
    assignee: c.assigneeId ? { id: c.assigneeId, name: names.get(c.assigneeId) ?? c.assigneeId } : null,
    dueAt: c.dueAt?.toISOString() ?? null,
    slaState: c.breachedAt ? 'breached' : slaStateOf(c, c.closedAt ?? now),
    openedAt: c.openedAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    escalationLevel: c.escalationLevel,
  };
}

/** A case of one type the user may see, or 404 (out of scope reads as not found). */
export async function scopedCase<I extends Prisma.CaseInclude>(
  deps: ApiDeps,
  user: SessionUser,
  caseType: string,
  id: string,
  include: I,
  what = 'Case',
): Promise<Prisma.CaseGetPayload<{ include: I }>> {
  const where = deps.access.caseWhere(user, caseType);
  const found = where ? await deps.db.prisma.case.findFirst({ where: { AND: [{ id }, where] }, include }) : null;
  if (!found) throw notFound(what);
  return found as Prisma.CaseGetPayload<{ include: I }>;
}

/** A case row with its client's and its lead's names: what every case page and every registration's 201 reads. */
export type CaseDetailRow = CaseRow & { lead: { firstName: string; lastName: string } | null };

// Timestamps are stored without a zone, in UTC (as Prisma writes them).
const utc = (column: string) => `c.${column} AT TIME ZONE 'UTC' AS ${column}`;
const CASE_COLUMNS = [
  'c.id, c.type, c.workflow_id, c.client_id, c.lead_id, c.branch_id, c.team_id, c.reference, c.status, c.state, c.summary',
  'c.attributes, c.priority, c.assignee_id, c.opened_by_id, c.escalation_level, c.revision',
  ...['due_at', 'at_risk_at', 'sla_paused_at', 'opened_at', 'closed_at', 'breached_at', 'updated_at'].map(utc),
].join(', ');

function caseFromSql(r: SqlRow): CaseDetailRow {
  return {
    id: r.id,
    type: r.type,
    workflowId: r.workflow_id,
    clientId: r.client_id,
    leadId: r.lead_id,
    branchId: r.branch_id,
    teamId: r.team_id,
    reference: r.reference,
    status: r.status,
    state: r.state,
    summary: r.summary,
    attributes: r.attributes,
    priority: r.priority,
    assigneeId: r.assignee_id,
    openedById: r.opened_by_id,
    dueAt: r.due_at,
    atRiskAt: r.at_risk_at,
    slaPausedAt: r.sla_paused_at,
    escalationLevel: r.escalation_level,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    breachedAt: r.breached_at,
    updatedAt: r.updated_at,
    revision: r.revision,
    client: r.client_found === null ? null : { name: r.client_name },
    lead: r.lead_found === null ? null : { firstName: r.lead_first_name, lastName: r.lead_last_name },
  };
}

/**
 * `scopedCase` with the client's and lead's names, in one statement of SQL: it answers every case page and
 * every registration's 201, where Prisma's query compiler cost more CPU than the query itself.
 */
export async function scopedCaseRow(deps: ApiDeps, user: SessionUser, caseType: string, id: string, what = 'Case'): Promise<CaseDetailRow> {
  const scope = deps.access.caseScopeSql(user, caseType, 3);
  if (!scope) throw notFound(what);
  const { rows } = await deps.db.pool.query(
    `SELECT ${CASE_COLUMNS}, cl.id AS client_found, cl.name AS client_name, l.id AS lead_found, l.first_name AS lead_first_name, l.last_name AS lead_last_name
       FROM cases c LEFT JOIN clients cl ON cl.id = c.client_id LEFT JOIN leads l ON l.id = c.lead_id
      WHERE c.id = $1 AND c.type = $2 AND ${scope[0]}`,
    [id, caseType, ...scope[1]],
  );
  if (!rows[0]) throw notFound(what);
  return caseFromSql(rows[0]);
}
