// What every case type's API shares: the SLA filter over case rows and the timeline.
import { z } from 'zod';
import type { Prisma, PrismaClient } from '@prisma/client';
import { userNames, type SlaStateName } from '../tasks/view';

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

export const TimelineEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  data: z.record(z.string(), z.unknown()),
});

/** A case's timeline, oldest first, with the actors' names. */
export async function loadTimeline(prisma: PrismaClient, caseId: string): Promise<z.infer<typeof TimelineEventSchema>[]> {
  const events = await prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
  const names = await userNames(prisma, events.map((e) => e.actorId));
  return events.map((e) => ({
    id: String(e.id),
    type: e.type,
    at: e.at.toISOString(),
    actor: e.actorId ? { id: e.actorId, name: names.get(e.actorId) ?? e.actorId } : null,
    data: e.data as Record<string, unknown>,
  }));
}
