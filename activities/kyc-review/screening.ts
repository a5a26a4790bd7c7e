import type { PrismaClient } from '@prisma/client';
import { searchName, type ScreeningIndex, type SearchHit } from '../../platform/screening/index';
import { latestVersions, loadIndex } from '../../platform/screening/store';
import { reviewThreshold } from '../../platform/screening/config';

// The screening engine's index is built once per worker process and rebuilt when a newer list version
// has been imported (checked on every call: three small queries).
const cache = new WeakMap<PrismaClient, { key: string; index: Promise<ScreeningIndex> }>();

async function currentIndex(prisma: PrismaClient): Promise<{ index: ScreeningIndex; lists: string[] } | null> {
  const versions = await latestVersions(prisma);
  if (versions.length === 0) return null;
  const key = versions.map((v) => v.versionId).join(',');
  let entry = cache.get(prisma);
  if (!entry || entry.key !== key) {
    entry = { key, index: loadIndex(prisma) };
    cache.set(prisma, entry);
    entry.index.catch(() => cache.delete(prisma));
  }
  return { index: await entry.index, lists: versions.map((v) => `${v.source}@${v.importedAt}`) };
}

export interface ScreeningSubject {
  name: string;
  role: 'client' | 'beneficial_owner';
  schema: 'Person' | 'Company';
  birthDate?: string;
  country?: string;
  identifiers?: string[];
}

export interface ScreeningOutcome {
  /** false when no list has been imported: nothing was screened */
  screened: boolean;
  lists: string[];
  threshold: number;
  hits: (SearchHit & { subject: ScreeningSubject })[];
}

/** Screens every subject against the latest list versions; returns hits at or above the review threshold. */
export async function screenSubjects(prisma: PrismaClient, subjects: ScreeningSubject[]): Promise<ScreeningOutcome> {
  const threshold = reviewThreshold();
  const current = await currentIndex(prisma);
  if (!current) return { screened: false, lists: [], threshold, hits: [] };
  const hits = subjects.flatMap((subject) =>
    searchName(
      current.index,
      {
        name: subject.name,
        schema: subject.schema,
        birthDate: subject.birthDate,
        country: subject.country,
        identifiers: subject.identifiers,
      },
      { minScore: threshold, limit: 10 },
    ).map((h) => ({ ...h, subject })),
  );
  return { screened: true, lists: current.lists, threshold, hits };
}
