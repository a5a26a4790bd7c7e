import path from 'node:path';
import pg from 'pg';
import { launch, describeExit, type Managed } from './proc';
import { repoRoot } from './paths';
import { FatalError, waitFor } from './wait';

// Local-only credentials of the embedded cluster (it listens on 127.0.0.1 only).
export const PG_USER = 'postgres';
export const PG_PASSWORD = 'postgres';

export function pgUrl(port: number, database: string): string {
  return `postgresql://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${database}`;
}

export interface EmbeddedPg {
  port: number;
  adminUrl: string;
  proc: Managed;
}

export interface StartPgOptions {
  dataDir: string;
  port: number;
  /** Test clusters: fsync off. */
  fast?: boolean;
  /** As root: where binaries and clusters go when the postgres user cannot reach them (pg-runtime.ts). */
  runtimeDir?: string;
  /** Binaries other than the npm package's (a directory holding bin/, lib/, share/). */
  nativeDir?: string;
  onLine?: (line: string) => void;
  /** Called as soon as the process exists, so a caller can stop it even if start-up is interrupted. */
  onLaunch?: (proc: Managed) => void;
  timeoutMs?: number;
  onProgress?: (seconds: number) => void;
  signal?: AbortSignal;
}

/**
 * Starts scripts/lib/pg-server.ts and waits for its READY line. Rejects with an error whose last line
 * says what to do (pg-server.ts's FAILED line), after PostgreSQL's last output.
 */
export async function startEmbeddedPostgres(opts: StartPgOptions): Promise<EmbeddedPg> {
  const args = ['--import', 'tsx', path.join(repoRoot, 'scripts/lib/pg-server.ts'), opts.dataDir, String(opts.port)];
  if (opts.fast) args.push('--fast');
  if (opts.runtimeDir) args.push(`--runtime-dir=${opts.runtimeDir}`);
  if (opts.nativeDir) args.push(`--native-dir=${opts.nativeDir}`);
  let ready = false;
  const proc = launch('postgres', process.execPath, args, {
    cwd: repoRoot,
    stdinPipe: true,
    onLine: (line) => {
      if (line === `READY ${opts.port}`) ready = true;
      else opts.onLine?.(line);
    },
  });
  opts.onLaunch?.(proc);
  let exit: string | undefined;
  void proc.exited.then((e) => (exit = describeExit(e)));
  await waitFor(
    'PostgreSQL',
    async () => {
      if (exit) {
        // pg-server.ts ends with "FAILED <one sentence saying what to do>": that is the message.
        const tail = proc.tail();
        const failed = tail.findLast((line) => line.startsWith('FAILED '));
        const context = tail.filter((line) => line !== failed).slice(-15);
        const sentence = failed ? failed.slice('FAILED '.length) : `PostgreSQL ${exit}; its output above says why.`;
        throw new FatalError([...context, sentence].join('\n'));
      }
      return ready ? true : undefined;
    },
    { timeoutMs: opts.timeoutMs ?? 120_000, intervalMs: 100, onProgress: opts.onProgress, signal: opts.signal },
  ).catch(async (err) => {
    await proc.stop(5_000);
    throw err;
  });
  return { port: opts.port, adminUrl: pgUrl(opts.port, 'postgres'), proc };
}

/** CREATE DATABASE unless it exists; `template` clones an existing database. */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
  } finally {
    await client.end();
  }
}

/** Replaces the database name in a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
