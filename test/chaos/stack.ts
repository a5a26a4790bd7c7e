// The chaos test's own stack, apart from the shared test servers so that killing things disturbs no other
// test file: a Temporal dev server on a SQLite file (it survives a restart), a database cloned from the
// template, and the worker and the API as processes of their own (api/main.ts, worker/main.ts), each
// in its own process group so that SIGKILL takes the whole of it, as a crash would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/ports';
import { describeExit, launch, type Managed } from '../../scripts/lib/proc';
import { repoRoot } from '../../scripts/lib/paths';
import { startTemporalDevServer } from '../../scripts/lib/temporal';
import { FatalError, waitFor } from '../../scripts/lib/wait';
import { temporalCliPath } from '../support/temporal';

export const PARTS = ['worker', 'api', 'temporal'] as const;
export type Part = (typeof PARTS)[number];

export interface ChaosStack {
  apiUrl: string;
  temporalAddress: string;
  taskQueue: string;
  /** Starts a part and resolves once it serves (the API answers /api/health, the worker polls). */
  start(part: Part): Promise<void>;
  /** SIGKILL to the part's whole process group: no shutdown code runs. */
  kill(part: Part): Promise<void>;
  /** Exits nobody asked for, e.g. "worker exited with code 1". */
  unexpectedExits: string[];
  /** Lines the API and the worker logged at error level. */
  errorLines: string[];
  stop(): Promise<void>;
}

export async function startChaosStack(dbUrl: string): Promise<ChaosStack> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-crm-chaos-'));
  const [temporalPort, apiPort] = [await freePort(), await freePort()];
  const temporalAddress = `127.0.0.1:${temporalPort}`;
  const taskQueue = 'chaos';
  const procs = new Map<Part, Managed>();
  const serving = new Set<Managed>();
  const killed = new Set<Managed>();
  const unexpectedExits: string[] = [];
  const errorLines: string[] = [];

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: dbUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    PORT: String(apiPort),
  };

  // an exit counts once the part served (one that dies while starting makes start() fail instead)
  const track = (part: Part, proc: Managed) => {
    procs.set(part, proc);
    void proc.exited.then((exit) => {
      if (serving.has(proc) && !killed.has(proc))
        unexpectedExits.push(`${part} ${describeExit(exit)}:\n${proc.tail().slice(-15).join('\n')}`);
    });
  };

  const startNode = async (part: 'api' | 'worker', entry: string, ready: (polling: boolean) => Promise<true | undefined>) => {
    let polling = false;
    const proc = launch(part, process.execPath, ['--import', 'tsx', entry], {
      cwd: repoRoot,
      env,
      keep: 60,
      dieWithParent: true,
      onLine: (line) => {
        if (line.startsWith('worker: polling')) polling = true;
        // the API's own error lines, and the worker's (the Temporal core's retry warnings are expected)
        if (/ERROR| api error: /.test(line) && errorLines.length < 200) errorLines.push(`${part}: ${line}`);
      },
    });
    track(part, proc);
    let exit: string | undefined;
    void proc.exited.then((e) => (exit = describeExit(e)));
    try {
      await waitFor(
        part,
        async () => {
          if (exit) throw new FatalError(`${part} ${exit} while starting:\n${proc.tail().join('\n')}`);
          return ready(polling);
        },
        { timeoutMs: 180_000, intervalMs: 200 },
      );
    } catch (err) {
      await proc.stop(5_000);
      throw err;
    }
  };

  const start = async (part: Part): Promise<void> => {
    if (part === 'temporal') {
      await startTemporalDevServer({
        cli: temporalCliPath(),
        port: temporalPort,
        dbFile: path.join(tmp, 'temporal.db'),
        onLaunch: (proc) => track('temporal', proc),
      });
    } else if (part === 'api') {
      await startNode('api', 'api/main.ts', async () => {
        const res = await fetch(`http://127.0.0.1:${apiPort}/api/health`, { signal: AbortSignal.timeout(5_000) });
        await res.body?.cancel();
        return res.status === 200 ? true : undefined;
      });
    } else {
      await startNode('worker', 'worker/main.ts', async (polling) => (polling ? true : undefined));
    }
    serving.add(procs.get(part)!);
  };

  const kill = async (part: Part): Promise<void> => {
    const proc = procs.get(part);
    if (!proc?.child.pid) return;
    killed.add(proc);
    try {
      process.kill(-proc.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await proc.exited;
    // the server under a die-with-parent wrapper is in the same group: wait until the group is empty
    await proc.stopLeftovers(5_000);
  };

  const stop = async () => {
    for (const part of ['api', 'worker', 'temporal'] as const) {
      const proc = procs.get(part);
      if (!proc) continue;
      killed.add(proc);
      await proc.stop(part === 'worker' ? 20_000 : 10_000);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  return { apiUrl: `http://127.0.0.1:${apiPort}`, temporalAddress, taskQueue, start, kill, unexpectedExits, errorLines, stop };
}
