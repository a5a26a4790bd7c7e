import type { PrismaClient } from '@prisma/client';
import { latestVersions, loadIndex } from '../../platform/screening/store';
import type { ScreeningIndex } from '../../platform/screening/index';

const RECHECK_MS = 60_000;

/**
 * The in-memory screening index over the latest list versions. Built on first use (a few seconds),
 * rebuilt when an import (CLI, another process) has made a newer version current.
 */
export function createIndexCache(prisma: PrismaClient) {
  let current: Promise<ScreeningIndex> | undefined;
  let checkedAt = 0;
  const key = (vs: { versionId: string }[]) =>
    vs
      .map((v) => v.versionId)
      .sort()
      .join(',');

  async function getIndex(): Promise<ScreeningIndex> {
    if (current && Date.now() - checkedAt < RECHECK_MS) return current;
    checkedAt = Date.now();
    const latest = await latestVersions(prisma);
    const loaded = current ? await current.catch(() => undefined) : undefined;
    if (!loaded || key(loaded.versions) !== key(latest)) {
      current = loadIndex(prisma);
      current.catch(() => (current = undefined));
    }
    return current!;
  }
  /** After an import here: look for the newest versions at the next search, not a minute later. */
  const invalidate = () => {
    checkedAt = 0;
  };
  return Object.assign(getIndex, { invalidate });
}
