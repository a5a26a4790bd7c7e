import path from 'node:path';
import { repoRoot } from './paths';
import { runToCompletion, type Managed } from './proc';

const prismaCli = path.join(repoRoot, 'node_modules/prisma/build/index.js');
const unrefTimers = path.join(repoRoot, 'scripts/lib/prisma-unref-timers.mjs');

/** Environment for every Prisma CLI run: no update check or telemetry (no network here). */
export function prismaEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
}

/** `prisma migrate deploy` against `databaseUrl`, through prisma.config.ts (driver adapter, no engines). */
export function migrateDeploy(
  databaseUrl: string,
  opts: { onLine?: (line: string) => void; track?: (proc: Managed) => void } = {},
): Promise<void> {
  return runToCompletion(
    'prisma migrate deploy',
    process.execPath,
    ['--import', unrefTimers, prismaCli, 'migrate', 'deploy'],
    { cwd: repoRoot, env: prismaEnv(databaseUrl), onLine: opts.onLine },
    opts.track,
  );
}
