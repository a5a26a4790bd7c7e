// Makes an SLA escalation happen within seconds, in one test database only.
import type { PrismaClient } from '@prisma/client';

export const INSTANT_POLICY_ID = 'browser-instant';

/**
 * The acknowledge step of a `platform` complaint in London becomes due the moment it opens, so the
 * workflow escalates it (level 1, to the team's supervisors) at once. London works around the clock
 * here: with office hours a zero target opened at night would be due at the next opening instead.
 * The policy names category and not severity, so it outranks the seeded defaults (most specific wins:
 * activities/engine/context.ts) for platform complaints only; other categories keep a day to acknowledge.
 */
export async function escalatePlatformComplaintsAtOnce(prisma: PrismaClient): Promise<void> {
  await prisma.branch.update({
    where: { id: 'london' },
    data: { workdays: [1, 2, 3, 4, 5, 6, 7], workStart: '00:00', workEnd: '24:00', holidays: [] },
  });
  await prisma.slaPolicy.create({
    data: {
      id: INSTANT_POLICY_ID,
      caseType: 'complaint',
      step: 'acknowledge',
      category: 'platform',
      severity: '*',
      businessHours: 0,
      escalateAfterMinutes: 60,
    },
  });
}
