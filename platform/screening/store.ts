import { createHash } from 'node:crypto';
import { Prisma, type PrismaClient } from '@prisma/client';
import { buildIndex, type ListVersionInfo, type ScreeningIndex } from './index';
import { LIST_SOURCES, type ParsedList, type SanctionEntry } from './types';
import { computeDelta, type DeltaCounts } from './delta';

// List versions in PostgreSQL. An import is one transaction: the version row and all its entries, or
// nothing. The same files again find the existing version (unique source + checksum) and write nothing.

export interface ImportResult {
  source: string;
  versionId: string;
  checksum: string;
  entryCount: number;
  /** false when these exact files had been imported before */
  created: boolean;
  importedAt: string;
  /** entries added, changed and removed against the previous version of the source (re-screening reads it) */
  delta?: DeltaCounts;
}

const CHUNK = 1000;

export function listChecksum(list: ParsedList): string {
  const lines = list.files.map((f) => `${f.role}:${f.sha256}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

const json = (v: unknown) => v as Prisma.InputJsonValue;

function entryRow(versionId: string, e: SanctionEntry): Prisma.SanctionEntryCreateManyInput {
  return {
    versionId,
    entryId: e.entryId,
    schema: e.schema,
    name: e.name,
    aliases: json(e.aliases),
    birthDates: json(e.birthDates),
    birthPlaces: json(e.birthPlaces),
    nationalities: json(e.nationalities),
    identifiers: json(e.identifiers),
    addresses: json(e.addresses),
    programs: json(e.programs),
    gender: e.gender ?? null,
    title: e.title ?? null,
    remarks: e.remarks ?? null,
    listedOn: e.listedOn ?? null,
  };
}

async function existing(prisma: PrismaClient, list: ParsedList, checksum: string): Promise<ImportResult | undefined> {
  const v = await prisma.sanctionListVersion.findUnique({ where: { source_checksum: { source: list.source, checksum } } });
  return v
    ? { source: v.source, versionId: v.id, checksum, entryCount: v.entryCount, created: false, importedAt: v.importedAt.toISOString() }
    : undefined;
}

export async function importList(prisma: PrismaClient, list: ParsedList): Promise<ImportResult> {
  const checksum = listChecksum(list);
  const before = await existing(prisma, list, checksum);
  if (before) return before;
  // OFAC repeats no ids, but a malformed file could: the first row of an id wins
  const unique = [...new Map(list.entries.map((e) => [e.entryId, e])).values()];
  try {
    const version = await prisma.$transaction(
      async (tx) => {
        const v = await tx.sanctionListVersion.create({
          data: {
            source: list.source,
            checksum,
            files: json(list.files),
            publishedAt: list.publishedAt ? new Date(list.publishedAt) : null,
            entryCount: unique.length,
          },
        });
        for (let i = 0; i < unique.length; i += CHUNK) {
          await tx.sanctionEntry.createMany({ data: unique.slice(i, i + CHUNK).map((e) => entryRow(v.id, e)) });
        }
        return v;
      },
      { timeout: 300_000, maxWait: 30_000 },
    );
    const delta = await computeDelta(prisma, version.id);
    return {
      source: version.source,
      versionId: version.id,
      checksum,
      entryCount: version.entryCount,
      created: true,
      importedAt: version.importedAt.toISOString(),
      delta,
    };
  } catch (err) {
    // a concurrent import of the same files won the unique (source, checksum): theirs is ours
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      const winner = await existing(prisma, list, checksum);
      if (winner) return winner;
    }
    throw err;
  }
}

/** The newest version of each list source that has been imported. */
export async function latestVersions(prisma: PrismaClient): Promise<ListVersionInfo[]> {
  const out: ListVersionInfo[] = [];
  for (const source of LIST_SOURCES) {
    const v = await prisma.sanctionListVersion.findFirst({ where: { source }, orderBy: [{ importedAt: 'desc' }, { id: 'desc' }] });
    if (v) out.push({ source, versionId: v.id, importedAt: v.importedAt.toISOString(), entryCount: v.entryCount });
  }
  return out;
}

type EntryRow = Prisma.SanctionEntryGetPayload<{ include: { version: { select: { source: true } } } }>;

export function toEntry(row: EntryRow): SanctionEntry {
  const e: SanctionEntry = {
    source: row.version.source as SanctionEntry['source'],
    entryId: row.entryId,
    schema: row.schema as SanctionEntry['schema'],
    name: row.name,
    aliases: row.aliases as unknown as SanctionEntry['aliases'],
    birthDates: row.birthDates as unknown as SanctionEntry['birthDates'],
    birthPlaces: row.birthPlaces as unknown as string[],
    nationalities: row.nationalities as unknown as string[],
    identifiers: row.identifiers as unknown as SanctionEntry['identifiers'],
    addresses: row.addresses as unknown as SanctionEntry['addresses'],
    programs: row.programs as unknown as string[],
  };
  if (row.gender) e.gender = row.gender;
  if (row.title) e.title = row.title;
  if (row.remarks) e.remarks = row.remarks;
  if (row.listedOn) e.listedOn = row.listedOn;
  return e;
}

/** The in-memory screening index over the latest version of every list. */
export async function loadIndex(prisma: PrismaClient): Promise<ScreeningIndex> {
  const versions = await latestVersions(prisma);
  const rows = await prisma.sanctionEntry.findMany({
    where: { versionId: { in: versions.map((v) => v.versionId) } },
    include: { version: { select: { source: true } } },
    orderBy: { id: 'asc' },
  });
  return buildIndex(rows.map(toEntry), versions);
}
