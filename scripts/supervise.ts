// `npm start`'s process manager (scripts/start.sh installs prerequisites, then runs this with Node 24).
// Brings up PostgreSQL, migrations, Temporal, the worker and the API in dependency order, seeds demo data,
// and stops everything in reverse order on Ctrl-C or SIGTERM. A process that dies once running is
// restarted with backoff (1 s, 2 s, 4 s … 30 s; scripts/lib/supervisor.ts) while the others keep running:
// the API and the worker, and PostgreSQL and Temporal too, which come back on the same port with the
// same data, so the API and worker reconnect to them. A server an earlier run left behind on this
// clone's data directories is stopped before its replacement starts.
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
import { launch, runToCompletion, type Managed } from './lib/proc';
import { Supervisor, type ServiceStart } from './lib/supervisor';
import { stopLeftoverDevServer, startTemporalDevServer, temporalCliPath, waitForTemporal } from './lib/temporal';
import { waitForHttp } from './lib/wait';

const log = createLogger('start');
const infraOnly = process.argv.includes('--infra-only');

const DATABASE_NAME = 'broker_crm';
// A fixed preferred port keeps the printed DATABASE_URL stable between runs (any free port otherwise).
const PREFERRED_PG_PORT = 54329;
const TEMPORAL_PORT = 7233;
const TEMPORAL_UI_PORT = 8233;
const DEMO_LOGINS = [
  'agent1@example.com',
  'agent2@example.com',
  'supervisor@example.com',
  'manager@example.com',
  'admin@example.com',
  'kyc1@example.com',
  'senior@example.com',
  'compliance@example.com',
  'aml1@example.com',
  'mlro@example.com',
];
const DEMO_PASSWORD = 'demo-password';

// How long each child may take to finish in-flight work after SIGTERM before it is killed.
const GRACE_MS: Record<string, number> = { api: 10_000, worker: 30_000, temporal: 15_000, postgres: 20_000 };

/** Runs every long-lived child, restarting the ones that die; also stops the one-shot ones on Ctrl-C. */
const supervisor = new Supervisor({
  ...log,
  info: (msg) => log.info(msg.startsWith('  ') ? paint('gray', msg) : msg),
});
const abort = { signal: supervisor.signal };
let stopping: Promise<void> | undefined;

/** A start-up problem the user can fix; its message says how. */
class StartupError extends Error {}

const isAlive = (proc: Managed) => proc.child.exitCode === null && proc.child.signalCode === null;

/** One-shot children (migrations, seed): stopped on Ctrl-C if still running. */
function track(proc: Managed): void {
  supervisor.track(proc);
}

/** Stops everything; `last` (what to do after a failure) is the very last line printed. */
function shutdown(code: number, reason: string, last?: string): Promise<void> {
  stopping ??= (async () => {
    log.info(`stopping (${reason})…`);
    await supervisor.stopAll();
    log.info('all stopped');
    if (last) log.error(last);
    process.exit(code);
  })();
  return stopping;
}

function killAllNow(): void {
  for (const proc of supervisor.processes()) {
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
    throw new StartupError(
      `${(err as Error).message}\nFix the variable named above in .env or in your shell (.env.example describes each one).`,
    );
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
  // The port is chosen once: after a restart PostgreSQL must be where DATABASE_URL says.
  const port = await preferredOrFreePort(PREFERRED_PG_PORT);
  let adminUrl = '';
  await supervisor.add({
    name: 'postgres',
    graceMs: GRACE_MS.postgres,
    start: async ({ signal, onLaunch }) => {
      const pg = await startEmbeddedPostgres({
        dataDir: pgDir,
        port,
        onLine: linePrinter('postgres', 'blue'),
        onLaunch,
        onProgress: progress('still starting PostgreSQL'),
        signal,
      });
      adminUrl = pg.adminUrl;
      return pg.proc;
    },
  });
  await ensureDatabase(adminUrl, DATABASE_NAME);
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
    throw new StartupError('Temporal CLI not found: run `npm start` through scripts/start.sh (it builds the CLI), or set TEMPORAL_CLI.');
  }
  const dbFile = path.join(dataDir, 'temporal', 'temporal.db');
  const start = async ({ signal, onLaunch }: ServiceStart) => {
    // A dev server an earlier run left on data/temporal (its wrapper was killed) would hold the ports.
    await stopLeftoverDevServer(dbFile, (msg) => log.warn(msg));
    for (const port of [TEMPORAL_PORT, TEMPORAL_UI_PORT]) {
      if (!(await waitForFreePort(port, 5_000))) {
        throw new StartupError(
          `Port ${port} is in use, so the Temporal dev server cannot start: stop whatever holds it ` +
            `(another clone's \`npm start\`?), or set TEMPORAL_ADDRESS to use that server instead.`,
        );
      }
    }
    const server = await startTemporalDevServer({
      cli,
      port: TEMPORAL_PORT,
      uiPort: TEMPORAL_UI_PORT,
      dbFile,
      namespace: env.TEMPORAL_NAMESPACE,
      onLine: linePrinter('temporal', 'magenta'),
      onLaunch,
      onProgress: progress('still starting Temporal'),
      signal,
    });
    uiUrl = server.uiUrl;
    return server.proc;
  };
  let uiUrl: string | undefined;
  log.info('Temporal: starting the dev server (state in data/temporal)…');
  await supervisor.add({ name: 'temporal', graceMs: GRACE_MS.temporal, start });
  const address = `127.0.0.1:${TEMPORAL_PORT}`;
  log.ok(`Temporal ready on ${address}`);
  return { address, uiUrl };
}

/** Whether `port` is free, or becomes free within `ms` (a stopped server may take a moment to let go). */
async function waitForFreePort(port: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await isPortFree(port)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function startNodeChild(name: string, entry: string, color: 'cyan' | 'green', env: NodeJS.ProcessEnv): Promise<Managed> {
  return supervisor.add({
    name,
    graceMs: GRACE_MS[name] ?? 10_000,
    start: async () =>
      launch(name, process.execPath, ['--import', 'tsx', entry], {
        cwd: repoRoot,
        env,
        onLine: linePrinter(name, color),
        dieWithParent: true,
      }),
  });
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
    throw new StartupError(
      `Port ${env.PORT} is in use, so the API cannot listen there: stop what holds it (\`ss -ltnp 'sport = :${env.PORT}'\` ` +
        'shows it), or set PORT to another port.',
    );
  }
}

async function startApp(env: Env, childEnv: NodeJS.ProcessEnv): Promise<void> {
  for (const { name, entry, color } of ENTRIES) {
    log.info(`starting the ${name} (${entry})…`);
    await startNodeChild(name, entry, color, childEnv);
  }
  await waitForHttp(`http://127.0.0.1:${env.PORT}/api/health`, {
    timeoutMs: 180_000,
    intervalMs: 500,
    signal: abort.signal,
    onProgress: progress('waiting for GET /api/health to answer 200'),
  }).catch((err: Error) => {
    if (abort.signal.aborted) throw err;
    throw new StartupError(`${err.message}\nThe API did not become healthy: the api and worker lines above say why.`);
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
    track,
  ).catch((err: Error) => {
    throw new StartupError(`${err.message}\nLoading the demo data failed (output above): delete data/ to start from an empty database.`);
  });
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
  await migrateDeploy(databaseUrl, { onLine: linePrinter('migrate', 'gray'), track }).catch((err: Error) => {
    throw new StartupError(
      `${err.message}\nThe database migrations failed (output above): fix the failing migration in prisma/migrations, ` +
        'or delete data/ (or point DATABASE_URL elsewhere) to start from an empty database.',
    );
  });
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
  // Every start-up error ends with one sentence saying what to do: printed last, after the rest stopped.
  const lines = (err instanceof Error ? err.message : String(err)).trimEnd().split('\n');
  const last = lines.pop()!;
  for (const line of lines) log.info(paint('gray', `  ${line}`));
  void shutdown(1, 'start-up failed', last);
});
