import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { findTemporalDevServer, stopProcess } from './leftovers';
import { launch, describeExit, type Managed } from './proc';
import { FatalError, waitFor } from './wait';

/** The Temporal CLI: $TEMPORAL_CLI, `temporal` on PATH, or Go's install directory (scripts/lib/install.sh builds it there). */
export function temporalCliPath(): string | undefined {
  const candidates = [
    process.env.TEMPORAL_CLI,
    ...(process.env.PATH ?? '')
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir) => path.join(dir, 'temporal')),
    path.join(process.env.GOBIN ?? '', 'temporal'),
    path.join(process.env.GOPATH ?? path.join(os.homedir(), 'go'), 'bin', 'temporal'),
  ];
  return candidates.find((file): file is string => Boolean(file) && isExecutable(file!));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export interface DevServerOptions {
  cli: string;
  port: number;
  /** Omitted: headless (no web UI). */
  uiPort?: number;
  /** Omitted: in memory. */
  dbFile?: string;
  namespace?: string;
  onLine?: (line: string) => void;
  /** Called as soon as the process exists, so a caller can stop it even if start-up is interrupted. */
  onLaunch?: (proc: Managed) => void;
  timeoutMs?: number;
  onProgress?: (seconds: number) => void;
  signal?: AbortSignal;
}

export interface DevServer {
  address: string;
  uiUrl?: string;
  proc: Managed;
}

export function devServerArgs(opts: Omit<DevServerOptions, 'cli'>): string[] {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--log-level', 'warn'];
  args.push(...(opts.uiPort === undefined ? ['--headless'] : ['--ui-port', String(opts.uiPort)]));
  // "default" always exists; any other namespace the app is configured for is created at launch.
  if (opts.namespace && opts.namespace !== 'default') args.push('--namespace', opts.namespace);
  if (opts.dbFile) {
    // WAL: the dev server writes on every workflow task; the default rollback journal is much slower.
    args.push('--db-filename', opts.dbFile, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  }
  return args;
}

/** Starts `temporal server start-dev` and waits until the namespace answers. */
export async function startTemporalDevServer(opts: DevServerOptions): Promise<DevServer> {
  if (opts.dbFile) fs.mkdirSync(path.dirname(opts.dbFile), { recursive: true });
  const proc = launch('temporal', opts.cli, devServerArgs(opts), { onLine: opts.onLine, dieWithParent: true });
  opts.onLaunch?.(proc);
  const address = `127.0.0.1:${opts.port}`;
  let exit: string | undefined;
  void proc.exited.then((e) => (exit = describeExit(e)));
  try {
    await waitForTemporal(address, opts.namespace ?? 'default', {
      timeoutMs: opts.timeoutMs ?? 120_000,
      onProgress: opts.onProgress,
      signal: opts.signal,
      isDead: () =>
        exit
          ? `${proc.tail().join('\n')}\nThe Temporal dev server ${exit} while starting; its output above says why` +
            (opts.dbFile ? ` (if ${opts.dbFile} is damaged, delete it to start with an empty Temporal state).` : '.')
          : undefined,
    });
  } catch (err) {
    await proc.stop(5_000);
    throw err;
  }
  return { address, uiUrl: opts.uiPort === undefined ? undefined : `http://127.0.0.1:${opts.uiPort}`, proc };
}

/**
 * Stops a `temporal server start-dev` that an earlier run left on `dbFile` (its die-with-parent wrapper
 * was killed, so nothing stops it and it keeps the ports). One that a live wrapper still supervises
 * belongs to another `npm start` of this clone: that is an error for the user to resolve.
 */
export async function stopLeftoverDevServer(dbFile: string, say: (msg: string) => void): Promise<void> {
  const left = findTemporalDevServer(dbFile);
  if (!left) return;
  if (left.ownerPid) {
    throw new Error(
      `A Temporal dev server (pid ${left.pid}) already runs on ${dbFile} for process ${left.ownerPid}: ` +
        'stop the other `npm start` of this clone first.',
    );
  }
  say(`stopping the Temporal dev server (pid ${left.pid}) that an earlier run left on ${dbFile}…`);
  try {
    await stopProcess(left.pid, 'SIGTERM', 15_000);
  } catch (err) {
    throw new Error(
      `The Temporal dev server (pid ${left.pid}) left on ${dbFile} could not be stopped (${(err as Error).message}): ` +
        `stop it yourself (\`kill ${left.pid}\`) and start again.`,
      { cause: err },
    );
  }
}

/** Resolves when `namespace` can be described on the frontend at `address`. */
export async function waitForTemporal(
  address: string,
  namespace: string,
  opts: { timeoutMs: number; onProgress?: (s: number) => void; signal?: AbortSignal; isDead?: () => string | undefined },
): Promise<void> {
  await waitFor(
    `Temporal at ${address}`,
    async () => {
      const dead = opts.isDead?.();
      if (dead) throw new FatalError(dead);
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return true;
      } finally {
        await connection.close();
      }
    },
    { timeoutMs: opts.timeoutMs, intervalMs: 300, onProgress: opts.onProgress, signal: opts.signal },
  );
}
