// The real parts a benchmark measures, each in a process of its own as in production: embedded
// PostgreSQL in a temp dir, the Temporal dev server, and the API / worker entry points (api/main.ts,
// worker/main.ts). stop() ends everything started here and removes the temp dir; so does Ctrl-C.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../scripts/lib/ports';
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from '../../../scripts/lib/postgres';
import { migrateDeploy } from '../../../scripts/lib/prisma';
import { describeExit, launch, type Managed } from '../../../scripts/lib/proc';
import { repoRoot } from '../../../scripts/lib/paths';
import { startTemporalDevServer, temporalCliPath } from '../../../scripts/lib/temporal';
import { FatalError, waitFor } from '../../../scripts/lib/wait';

export interface StackOptions {
  /** fsync and synchronous_commit off (reads-only benches); otherwise PostgreSQL's durable defaults. */
  pgFast: boolean;
  /** 'file': SQLite file in WAL mode with synchronous=normal, as `npm start` runs it; 'memory': in memory. */
  temporal: 'file' | 'memory';
}

export interface Stack {
  dbUrl: string;
  temporalAddress: string;
  describe: string;
  /** Starts api/main.ts on a free port; resolves with its base URL once /api/health answers 200. */
  startApi(): Promise<string>;
  /** Starts worker/main.ts; resolves once it polls its task queue. */
  startWorker(): Promise<void>;
  /** The pid of each started component (its processes are this pid and its descendants). */
  pids(): Record<string, number>;
  stop(): Promise<void>;
}

const GRACE_MS = { api: 10_000, worker: 20_000, temporal: 10_000, postgres: 15_000 };

export async function startStack(opts: StackOptions): Promise<Stack> {
  // PostgreSQL runs as the `postgres` system user when we are root, so the directory must be traversable.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-crm-bench-'));
  fs.chmodSync(tmp, 0o755);
  const procs: Managed[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    // Dependents first: the API and worker before Temporal and PostgreSQL.
    for (const name of ['api', 'worker', 'temporal', 'postgres'] as const) {
      await Promise.all(procs.filter((p) => p.name === name).map((p) => p.stop(GRACE_MS[name])));
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: stopping the benchmark stack\n`);
    void stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const cli = temporalCliPath();
    if (!cli) throw new Error('Temporal CLI not found: set TEMPORAL_CLI or run `npm run bench` (it builds the CLI)');
    const [pgPort, temporalPort] = [await freePort(), await freePort()];
    const [pgServer, temporal] = await Promise.all([
      startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), port: pgPort, fast: opts.pgFast, onLaunch: (p) => procs.push(p) }),
      startTemporalDevServer({
        cli,
        port: temporalPort,
        dbFile: opts.temporal === 'file' ? path.join(tmp, 'temporal', 'temporal.db') : undefined,
        onLaunch: (p) => procs.push(p),
      }),
    ]);
    await ensureDatabase(pgServer.adminUrl, 'broker_crm');
    const dbUrl = withDatabase(pgServer.adminUrl, 'broker_crm');
    await migrateDeploy(dbUrl);

    const childEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: dbUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: 'bench',
      ...extra,
    });
    const startNode = (name: 'api' | 'worker', entry: string, env: NodeJS.ProcessEnv, onLine?: (line: string) => void) => {
      // BENCH_CPU_PROF=<dir>: the API and the worker write V8 CPU profiles there when they stop
      const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
      const proc = launch(name, process.execPath, [...prof, '--import', 'tsx', entry], { cwd: repoRoot, env, onLine, keep: 60 });
      procs.push(proc);
      let exit: string | undefined;
      void proc.exited.then((e) => (exit = describeExit(e)));
      return () => (exit ? `${name} ${exit}:\n${proc.tail().join('\n')}` : undefined);
    };

    return {
      dbUrl,
      temporalAddress: temporal.address,
      describe:
        `PostgreSQL (embedded, ${opts.pgFast ? 'fsync=off synchronous_commit=off' : 'durable defaults: fsync on'}), ` +
        `Temporal dev server (${opts.temporal === 'file' ? 'SQLite file, journal_mode=wal synchronous=normal' : 'in-memory SQLite'})`,
      async startApi() {
        const port = await freePort();
        const dead = startNode('api', 'api/main.ts', childEnv({ PORT: String(port) }));
        const url = `http://127.0.0.1:${port}`;
        await waitFor(
          'the API',
          async () => {
            const d = dead();
            if (d) throw new FatalError(d);
            const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
            await res.body?.cancel();
            return res.status === 200 ? true : undefined;
          },
          { timeoutMs: 60_000, intervalMs: 200 },
        );
        return url;
      },
      async startWorker() {
        let polling = false;
        const dead = startNode('worker', 'worker/main.ts', childEnv({}), (line) => {
          if (line.startsWith('worker: polling')) polling = true;
        });
        await waitFor(
          'the worker',
          async () => {
            const d = dead();
            if (d) throw new FatalError(d);
            return polling ? true : undefined;
          },
          { timeoutMs: 180_000, intervalMs: 200 },
        );
      },
      pids: () => Object.fromEntries(procs.filter((p) => p.child.pid).map((p) => [p.name, p.child.pid!])),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
