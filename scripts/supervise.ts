// `npm start`'s process manager (scripts/start.sh installs prerequisites, then runs this with Node 24).
// Brings up PostgreSQL, migrations, Temporal, the worker and the API in dependency order, seeds demo data,
// and stops everything in reverse order on Ctrl-C, on SIGTERM, or when any long-running child dies.
//
//   npm start                   everything
//   npm start -- --infra-only   PostgreSQL + Temporal only (run the API or worker yourself, e.g. in a debugger)
import fs from 'node:fs';
import path from 'node:path';
import { parseEnv, type Env } from '../platform/env';
import { createLogger, linePrinter, paint } from './lib/log';
import { repoRoot } from './lib/paths';
import { isPortFree, preferredOrFreePort } from './lib/ports';
import { ensureDatabase, pgUrl, startEmbeddedPostgres } from './lib/postgres';
import { migrateDeploy } from './lib/prisma';
import { describeExit, launch, runToCompletion, type Managed } from './lib/proc';
import { startTemporalDevServer, temporalCliPath, waitForTemporal } from './lib/temporal';
import { waitForHttp } from './lib/wait';

const log = createLogger('start');
const infraOnly = process.argv.includes('--infra-only');

const DATABASE_NAME = 'broker_crm';
// A fixed preferred port keeps the printed DATABASE_URL stable between runs (any free port otherwise).
const PREFERRED_PG_PORT = 54329;
const TEMPORAL_PORT = 7233;
const TEMPORAL_UI_PORT = 8233;
const DEMO_LOGINS = ['agent1@example.com', 'agent2@example.com', 'supervisor@example.com', 'manager@example.com', 'admin@example.com'];
const DEMO_PASSWORD = 'demo-password';

// How long each child may take to finish in-flight work after SIGTERM before it is killed.
const GRACE_MS: Record<string, number> = { api: 10_000, worker: 30_000, temporal: 15_000, postgres: 20_000 };

/** Every child ever started, in start order; stopped in reverse. */
const children: Managed[] = [];
const abort = new AbortController();
let stopping: Promise<void> | undefined;

/** A start-up problem the user can fix; its message says how. */
class StartupError extends Error {}

const isAlive = (proc: Managed) => proc.child.exitCode === null && proc.child.signalCode === null;

/** Registers a child; a long-running one that exits on its own takes everything down with it. */
function track(proc: Managed, longRunning: boolean): void {
  children.push(proc);
  if (!longRunning) return;
  void proc.exited.then((exit) => {
    if (stopping) return;
    log.error(`${proc.name} ${describeExit(exit)} unexpectedly. Its last output:`);
    for (const line of proc.tail().slice(-15)) log.info(paint('gray', `  ${line}`));
    void shutdown(1, `${proc.name} stopped`);
  });
}

function shutdown(code: number, reason: string): Promise<void> {
  stopping ??= (async () => {
    abort.abort();
    log.info(`stopping (${reason})…`);
    for (const proc of [...children].reverse()) {
      if (!isAlive(proc)) continue;
      log.info(`stopping ${proc.name}…`);
      const exit = await proc.stop(GRACE_MS[proc.name] ?? 10_000);
      // 143 = 128 + SIGTERM: a process that exits through its SIGTERM handler (postgres' launcher does).
      const clean = exit.code === 0 || exit.code === 143 || exit.signal === 'SIGTERM';
      log.info(`${proc.name} stopped${clean ? '' : ` (${describeExit(exit)})`}`);
    }
    log.info('all stopped');
    process.exit(code);
  })();
  return stopping;
}

function killAllNow(): void {
  for (const proc of children) {
    if (proc.child.pid && isAlive(proc)) {
      try {
        process.kill(-proc.child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) {
      log.warn(`${signal} again: killing everything now`);
      killAllNow();
      process.exit(130);
    }
    void shutdown(0, signal);
  });
}
// Last resort (a crash of this process): no child may outlive it.
process.on('exit', killAllNow);

const progress = (what: string) => (seconds: number) => log.info(`… ${what} (${seconds}s)`);

function loadEnv(): Env {
  // .env (see .env.example) fills in what the shell did not set.
  const dotenv = path.join(repoRoot, '.env');
  if (fs.existsSync(dotenv)) {
    process.loadEnvFile(dotenv);
    log.info('read .env');
  }
  try {
    return parseEnv(process.env);
  } catch (err) {
    throw new StartupError(`${(err as Error).message}\nSee .env.example for every variable.`);
  }
}

async function startPostgres(dataDir: string): Promise<string> {
  if (process.env.DATABASE_URL) {
    const shown = new URL(process.env.DATABASE_URL);
    if (shown.password) shown.password = '***';
    log.info(`PostgreSQL: using DATABASE_URL (${shown.toString()})`);
    return process.env.DATABASE_URL;
  }
  const pgDir = path.join(dataDir, 'pg');
  log.info(`PostgreSQL: starting embedded PostgreSQL (data in ${path.relative(repoRoot, pgDir)})…`);
  const port = await preferredOrFreePort(PREFERRED_PG_PORT);
  const pg = await startEmbeddedPostgres({
    dataDir: pgDir,
    port,
    onLine: linePrinter('postgres', 'blue'),
    onLaunch: (proc) => track(proc, true),
    onProgress: progress('still starting PostgreSQL'),
    signal: abort.signal,
  });
  await ensureDatabase(pg.adminUrl, DATABASE_NAME);
  log.ok(`PostgreSQL ready on 127.0.0.1:${port}`);
  return pgUrl(port, DATABASE_NAME);
}

async function startTemporal(env: Env, dataDir: string): Promise<{ address: string; uiUrl?: string }> {
  if (process.env.TEMPORAL_ADDRESS) {
    log.info(`Temporal: using TEMPORAL_ADDRESS=${env.TEMPORAL_ADDRESS}`);
    await waitForTemporal(env.TEMPORAL_ADDRESS, env.TEMPORAL_NAMESPACE, {
      timeoutMs: 60_000,
      onProgress: progress(`waiting for Temporal at ${env.TEMPORAL_ADDRESS}`),
      signal: abort.signal,
    });
    return { address: env.TEMPORAL_ADDRESS };
  }
  const cli = temporalCliPath();
  if (!cli) {
    throw new StartupError('Temporal CLI not found. `npm start` builds it (scripts/lib/install.sh); or set TEMPORAL_CLI.');
  }
  for (const port of [TEMPORAL_PORT, TEMPORAL_UI_PORT]) {
    if (!(await isPortFree(port))) {
      throw new StartupError(
        `Port ${port} is in use, so the Temporal dev server cannot start. Stop whatever holds it ` +
          `(another \`temporal server start-dev\`?), or set TEMPORAL_ADDRESS to use that server instead.`,
      );
    }
  }
  log.info('Temporal: starting the dev server (state in data/temporal)…');
  const server = await startTemporalDevServer({
    cli,
    port: TEMPORAL_PORT,
    uiPort: TEMPORAL_UI_PORT,
    dbFile: path.join(dataDir, 'temporal', 'temporal.db'),
    namespace: env.TEMPORAL_NAMESPACE,
    onLine: linePrinter('temporal', 'magenta'),
    onLaunch: (proc) => track(proc, true),
    onProgress: progress('still starting Temporal'),
    signal: abort.signal,
  });
  log.ok(`Temporal ready on ${server.address}`);
  return server;
}

function startNodeChild(name: string, entry: string, color: 'cyan' | 'green', env: NodeJS.ProcessEnv): void {
  const proc = launch(name, process.execPath, ['--import', 'tsx', entry], {
    cwd: repoRoot,
    env,
    onLine: linePrinter(name, color),
    dieWithParent: true,
  });
  track(proc, true);
}

const ENTRIES = [
  { name: 'worker', entry: 'worker/main.ts', color: 'cyan' as const },
  { name: 'api', entry: 'api/main.ts', color: 'green' as const },
];

/** Problems found before anything starts: no point starting the infrastructure for an app that cannot run. */
async function preflight(env: Env): Promise<void> {
  if (infraOnly) return;
  const missing = ENTRIES.filter((e) => !fs.existsSync(path.join(repoRoot, e.entry)));
  if (missing.length) {
    throw new StartupError(
      `Cannot start: ${missing.map((e) => `${e.entry} (the ${e.name}'s entry point)`).join(' and ')} not found. ` +
        '`npm start -- --infra-only` runs PostgreSQL and Temporal alone.',
    );
  }
  if (!(await isPortFree(env.PORT))) {
    throw new StartupError(`Port ${env.PORT} is in use, so the API cannot listen there. Set PORT to another port.`);
  }
}

async function startApp(env: Env, childEnv: NodeJS.ProcessEnv): Promise<void> {
  for (const { name, entry, color } of ENTRIES) {
    log.info(`starting the ${name} (${entry})…`);
    startNodeChild(name, entry, color, childEnv);
  }
  await waitForHttp(`http://127.0.0.1:${env.PORT}/api/health`, {
    timeoutMs: 180_000,
    intervalMs: 500,
    signal: abort.signal,
    onProgress: progress('waiting for GET /api/health to answer 200'),
  });
  log.ok('API healthy');
}

async function seedDemoData(childEnv: NodeJS.ProcessEnv): Promise<void> {
  const seed = path.join(repoRoot, 'prisma/seed.ts');
  if (!fs.existsSync(seed)) {
    log.warn('prisma/seed.ts not found: no demo data was loaded');
    return;
  }
  log.info('seeding demo data (prisma/seed.ts; only an empty database is seeded)…');
  await runToCompletion(
    'seed',
    process.execPath,
    ['--import', 'tsx', seed],
    { cwd: repoRoot, env: childEnv, onLine: linePrinter('seed', 'yellow') },
    (proc) => track(proc, false),
  );
  log.ok('demo data in place');
}

function printBanner(env: Env, databaseUrl: string, temporal: { address: string; uiUrl?: string }): void {
  const base = `http://localhost:${env.PORT}`;
  const consoleBuilt = fs.existsSync(path.join(repoRoot, env.CONSOLE_DIR, 'index.html'));
  const rows: [string, string][] = [
    ['Console', consoleBuilt ? `${base}/` : `${base}/ (not built: npm run build:ui)`],
    ['API docs', `${base}/api/docs`],
    ['Temporal UI', temporal.uiUrl ?? `(external Temporal at ${temporal.address})`],
    ['PostgreSQL', databaseUrl.replace(/:[^:@/]+@/, ':***@')],
  ];
  const out = [
    '',
    paint('bold', 'Broker CRM is running'),
    ...rows.map(([k, v]) => `  ${k.padEnd(12)} ${paint('cyan', v)}`),
    '',
    paint('bold', `Demo logins (password: ${DEMO_PASSWORD})`),
    ...DEMO_LOGINS.map((email) => `  ${email}`),
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(out.join('\n') + '\n');
}

async function main(): Promise<void> {
  const env = loadEnv();
  const dataDir = path.resolve(repoRoot, env.DATA_DIR);
  await preflight(env);

  const databaseUrl = await startPostgres(dataDir);
  log.info('applying database migrations (prisma migrate deploy)…');
  await migrateDeploy(databaseUrl, { onLine: linePrinter('migrate', 'gray'), track: (proc) => track(proc, false) });
  log.ok('database schema up to date');

  const temporal = await startTemporal(env, dataDir);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    PORT: String(env.PORT),
  };

  if (infraOnly) {
    log.ok('PostgreSQL and Temporal are running (--infra-only). For the API and worker, export:');
    log.info(`  DATABASE_URL=${databaseUrl}`);
    log.info(`  TEMPORAL_ADDRESS=${temporal.address}`);
    if (temporal.uiUrl) log.info(`Temporal UI: ${temporal.uiUrl}`);
    log.info('Press Ctrl-C to stop.');
    return;
  }
  await startApp(env, childEnv);
  await seedDemoData(childEnv);
  printBanner(env, databaseUrl, temporal);
}

main().catch((err: unknown) => {
  if (stopping) return; // Interrupted: shutdown() reports and exits.
  log.error(err instanceof Error ? err.message : String(err));
  void shutdown(1, 'start-up failed');
});
