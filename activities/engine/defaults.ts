import type { PrismaClient } from '@prisma/client';
import type { CaseTypeActivities } from './case-type';

/**
 * Installs every case type's default SLA policies that are not there yet. Idempotent: a policy an
 * administrator changed is left as it is, so the worker can run this at every start.
 */
export async function installCaseTypeDefaults(prisma: PrismaClient, modules: CaseTypeActivities[]): Promise<number> {
  const data = modules.flatMap(({ definition, slaDefaults }) =>
    slaDefaults.map((p) => {
      const category = p.category ?? '*';
      const severity = p.severity ?? '*';
      return {
        id: [definition.type, p.step, category, severity].join(':'),
        caseType: definition.type,
        step: p.step,
        category,
        severity,
        businessDays: p.businessDays ?? null,
        businessHours: p.businessHours ?? null,
        businessMinutes: p.businessMinutes ?? null,
        escalateAfterMinutes: p.escalateAfterMinutes ?? 240,
      };
    }),
  );
  const { count } = await prisma.slaPolicy.createMany({ data, skipDuplicates: true });
  return count;
}
