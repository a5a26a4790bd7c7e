// What every case type's API shares: the SLA filter over case rows and the timeline.
import { z } from 'zod';
import type { Prisma, PrismaClient } from '@prisma/client';
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
