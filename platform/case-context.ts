import type pg from 'pg';
import type { PrismaClient } from '@prisma/client';
import type { CaseContext } from '../workflows/engine/types';
import type { SlaTarget } from '../workflows/engine/sla';
import { DomainError } from './errors';

interface PolicyRow {
  step: string;
  category: string;
  severity: string;
  businessDays: number | null;
  businessHours: number | null;
  businessMinutes: number | null;
  escalateAfterMinutes: number;
}

/** Most specific policy wins: category + severity, then category, then severity, then any. */
function specificity(p: { category: string; severity: string }): number {
  return (p.category === '*' ? 0 : 2) + (p.severity === '*' ? 0 : 1);
}

/** The SLA target of each step (and `_case`) from the policies that apply to the case. */
function targetsOf(caseType: string, steps: string[], policies: PolicyRow[]): Record<string, SlaTarget> {
  const targets: Record<string, SlaTarget> = {};
  for (const step of [...steps, '_case']) {
    const best = policies.filter((p) => p.step === step).sort((a, b) => specificity(b) - specificity(a))[0];
    if (!best) {
      throw new DomainError('MISSING_SLA_POLICY', `No SLA policy for ${caseType} step ${step}`);
    }
    targets[step] = {
      duration: {
        businessDays: best.businessDays ?? undefined,
        businessHours: best.businessHours ?? undefined,
        businessMinutes: best.businessMinutes ?? undefined,
      },
      escalateAfterMinutes: best.escalateAfterMinutes,
    };
  }
  return targets;
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
  return targetsOf(caseType, steps, policies);
}

interface ContextRow {
  client_name: string;
  branch_id: string;
  timezone: string;
  workdays: number[];
  work_start: string;
  work_end: string;
  holidays: string[];
  team_id: string | null;
  policies: PolicyRow[] | null;
  settings: Record<string, unknown> | null;
}

/**
 * Where a client's case lives: the branch calendar and the team whose queue it goes to: the case type's
 * team of the client's branch (else the branch's first team), or a team the case names (`teamId`, e.g. the
 * team a request is sent to). One statement, as it runs for every case opened.
 */
export async function loadCaseContext(
  db: Pick<pg.Pool, 'query'>,
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
  const { rows } = await db.query<ContextRow>(
    `SELECT c.name AS client_name, b.id AS branch_id, b.timezone, b.workdays, b.work_start, b.work_end, b.holidays,
       (SELECT t.id FROM teams t
         WHERE CASE WHEN $2::text IS NULL THEN t.branch_id = b.id ELSE t.id = $2 END
         ORDER BY t.name = $3 DESC, t.id LIMIT 1) AS team_id,
       (SELECT json_agg(json_build_object('step', p.step, 'category', p.category, 'severity', p.severity,
                 'businessDays', p.business_days, 'businessHours', p.business_hours,
                 'businessMinutes', p.business_minutes, 'escalateAfterMinutes', p.escalate_after_minutes))
          FROM sla_policies p
         WHERE p.case_type = $4 AND p.step = ANY($5::text[]) AND p.category IN ($6, '*') AND p.severity IN ($7, '*')) AS policies,
       (SELECT json_object_agg(s.key, s.value) FROM settings s WHERE s.key = ANY($8::text[])) AS settings
     FROM clients c JOIN branches b ON b.id = c.branch_id
     WHERE c.id = $1`,
    [
      input.clientId,
      input.teamId ?? null,
      input.teamName,
      input.caseType,
      [...input.steps, '_case'],
      input.category,
      input.severity,
      Object.keys(input.settings),
    ],
  );
  const row = rows[0];
  if (!row) throw new DomainError('CLIENT_NOT_FOUND', `Client ${input.clientId} not found`);
  if (!row.team_id) {
    throw new DomainError('NO_TEAM', input.teamId ? `Team ${input.teamId} not found` : `Branch ${row.branch_id} has no team`);
  }
  const settings = { ...input.settings };
  for (const [key, value] of Object.entries(row.settings ?? {})) if (key in settings && typeof value === 'number') settings[key] = value;
  return {
    branchId: row.branch_id,
    calendar: {
      timezone: row.timezone,
      workdays: row.workdays,
      workStart: row.work_start,
      workEnd: row.work_end,
      holidays: row.holidays,
    },
    teamId: row.team_id,
    clientName: row.client_name,
    targets: targetsOf(input.caseType, input.steps, row.policies ?? []),
    settings,
  };
}
