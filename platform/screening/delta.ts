// What a list version changed against the previous version of its source: entries added, changed (any
// field the matcher or a reviewer reads) and removed, stored in sanction_list_deltas. Re-screening reads
// it, so its cost follows the size of the change, not of the list or the client book.
import type { PrismaClient } from '@prisma/client';

/** Hash of what an entry says, in SQL (the same for both versions compared). */
const CONTENT = `md5(jsonb_build_array(e.schema, e.name, e.aliases, e.birth_dates, e.nationalities, e.identifiers, e.addresses, e.programs)::text)`;

export interface DeltaCounts {
  previousVersionId: string | null;
  added: number;
  changed: number;
  removed: number;
}

/** Computes and stores the delta of `versionId` (idempotent: a second call finds it stored). */
export async function computeDelta(prisma: PrismaClient, versionId: string): Promise<DeltaCounts> {
  const version = await prisma.sanctionListVersion.findUniqueOrThrow({ where: { id: versionId } });
  const previous = await prisma.sanctionListVersion.findFirst({
    where: {
      source: version.source,
      id: { not: version.id },
      OR: [{ importedAt: { lt: version.importedAt } }, { importedAt: version.importedAt, id: { lt: version.id } }],
    },
    orderBy: [{ importedAt: 'desc' }, { id: 'desc' }],
  });
  const prev = previous?.id ?? null;
  await prisma.$executeRawUnsafe(
    `INSERT INTO sanction_list_deltas (version_id, previous_version_id, entry_id, change)
     SELECT $1::uuid, $2::uuid, coalesce(n.entry_id, o.entry_id),
            CASE WHEN o.entry_id IS NULL THEN 'added' WHEN n.entry_id IS NULL THEN 'removed' ELSE 'changed' END
       FROM (SELECT e.entry_id, ${CONTENT} AS h FROM sanction_entries e WHERE e.version_id = $1::uuid) n
       FULL JOIN (SELECT e.entry_id, ${CONTENT} AS h FROM sanction_entries e WHERE e.version_id = $2::uuid) o ON o.entry_id = n.entry_id
      WHERE o.entry_id IS NULL OR n.entry_id IS NULL OR o.h <> n.h
     ON CONFLICT DO NOTHING`,
    versionId,
    prev,
  );
  const rows = await prisma.sanctionListDelta.groupBy({ by: ['change'], where: { versionId }, _count: true });
  const n = (c: string) => rows.find((r) => r.change === c)?._count ?? 0;
  return { previousVersionId: prev, added: n('added'), changed: n('changed'), removed: n('removed') };
}
