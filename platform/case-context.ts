import type { PrismaClient } from '@prisma/client';
import type { CaseContext } from '../workflows/engine/types';
import type { SlaTarget } from '../workflows/engine/sla';
import { DomainError } from './errors';
import { loadSettings } from './settings';

/** Most specific policy wins: category + severity, then category, then severity, then any. */
function specificity(p: { category: string; severity: string }): number {
  return (p.category === '*' ? 0 : 2) + (p.severity === '*' ? 0 : 1);
}

export async function loadSlaTargets(
  prisma: PrismaClient,
  caseType: string,
  steps: string[],
  category: string,
  severity: string,
): Promise<Record<string, SlaTarget>> {
  const policies = await prisma.slaPolicy.findMany({
    where: { caseType, step: { in: [...steps, '_case'] }, category: { in: [category, '*'] }, severity: { in: [severity, '*'] } },
  });
  const targets: Record<string, SlaTarget> = {};
  for (const step of [...steps, '_case']) {
    const best = policies.filter((p) => p.step === step).sort((a, b) => specificity(b) - specificity(a))[0];
    if (!best) {
      throw new DomainError('MISSING_SLA_POLICY', `No SLA policy for ${caseType} step ${step}`);
    }
    targets[step] = {
      duration: { businessDays: best.businessDays ?? undefined, businessHours: best.businessHours ?? undefined },
      escalateAfterMinutes: best.escalateAfterMinutes,
    };
  }
  return targets;
}

/**
 * Where a client's case lives: the branch calendar and the team whose queue it goes to: the case type's
 * team of the client's branch, or a team the case names (`teamId`, e.g. the team a request is sent to).
 */
export async function loadCaseContext(
  prisma: PrismaClient,
  input: {
    clientId: string;
    caseType: string;
    teamName: string;
    teamId?: string;
    steps: string[];
    category: string;
    severity: string;
    settings: Record<string, number>;
  },
): Promise<CaseContext> {
  const client = await prisma.client.findUnique({ where: { id: input.clientId }, include: { branch: { include: { teams: true } } } });
  if (!client) throw new DomainError('CLIENT_NOT_FOUND', `Client ${input.clientId} not found`);
  const team = input.teamId
    ? await prisma.team.findUnique({ where: { id: input.teamId } })
    : (client.branch.teams.find((t) => t.name === input.teamName) ?? client.branch.teams[0]);
  if (!team) throw new DomainError('NO_TEAM', input.teamId ? `Team ${input.teamId} not found` : `Branch ${client.branchId} has no team`);
  const { branch } = client;
  return {
    branchId: branch.id,
    calendar: {
      timezone: branch.timezone,
      workdays: branch.workdays,
      workStart: branch.workStart,
      workEnd: branch.workEnd,
      holidays: branch.holidays,
    },
    teamId: team.id,
    clientName: client.name,
    targets: await loadSlaTargets(prisma, input.caseType, input.steps, input.category, input.severity),
    settings: await loadSettings(prisma, input.settings),
  };
}
