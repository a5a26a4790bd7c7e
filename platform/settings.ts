import type { PrismaClient } from '@prisma/client';

/** Settings an operator may change (table `settings`), over the defaults a module declares. */
export async function loadSettings<K extends string>(prisma: PrismaClient, defaults: Record<K, number>): Promise<Record<K, number>> {
  const rows = await prisma.setting.findMany({ where: { key: { in: Object.keys(defaults) } } });
  const settings = { ...defaults };
  for (const r of rows) if (typeof r.value === 'number') settings[r.key as K] = r.value;
  return settings;
}
