// Servers an earlier `npm start` of this clone left running: a Temporal dev server whose wrapper was
// killed keeps port 7233 and data/temporal; a postgres whose pg-server.ts was killed keeps data/pg.
// They are recognised by their own data directory (command line, postmaster.pid), so a server of
// another clone or another user is never touched. Linux (/proc) only; elsewhere nothing is found.
import fs from 'node:fs';
import path from 'node:path';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  argv: string[];
}

export function processInfo(pid: number): ProcessInfo | undefined {
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (argv.at(-1) === '') argv.pop();
    // Field 4 of /proc/<pid>/stat, after the command name in parentheses (which may hold spaces).
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return { pid, ppid, argv };
  } catch {
    return undefined;
  }
}

function allProcesses(): ProcessInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  return names.filter((n) => /^\d+$/.test(n)).flatMap((n) => processInfo(Number(n)) ?? []);
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Leftover {
  pid: number;
  what: string;
  /**
   * Set when the server still has its supervising parent (another `npm start` or CLI command of this
   * clone is running it): then it is not a leftover, and must not be stopped.
   */
  ownerPid?: number;
}

const argAfter = (argv: string[], flag: string) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};

/** A parent that is one of our wrappers means the server is still supervised. */
function supervisedBy(info: ProcessInfo, wrapper: string): number | undefined {
  const parent = processInfo(info.ppid);
  return parent?.argv.some((a) => a.endsWith(wrapper)) ? parent.pid : undefined;
}

/** A `temporal server start-dev` running on `dbFile`, if any. */
export function findTemporalDevServer(dbFile: string): Leftover | undefined {
  const wanted = path.resolve(dbFile);
  const found = allProcesses().find(
    (p) =>
      p.pid !== process.pid &&
      p.argv.includes('start-dev') &&
      !p.argv.some((a) => a.endsWith('die-with-parent.mjs')) &&
      argAfter(p.argv, '--db-filename') !== undefined &&
      path.resolve(argAfter(p.argv, '--db-filename')!) === wanted,
  );
  if (!found) return undefined;
  return { pid: found.pid, what: `Temporal dev server on ${dbFile}`, ownerPid: supervisedBy(found, 'die-with-parent.mjs') };
}

/** The postmaster named by `dataDir`/postmaster.pid, if it is alive and really serves that directory. */
export function findPostmaster(dataDir: string): Leftover | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return undefined;
  const info = processInfo(pid);
  // A recycled pid (another program) is not ours: postgres itself then treats the file as stale.
  if (!info || !info.argv[0]?.endsWith('postgres')) return undefined;
  const sameDir = (a: string, b: string) => {
    try {
      return fs.realpathSync(a) === fs.realpathSync(b);
    } catch {
      return false;
    }
  };
  if (!lines[1] || !sameDir(lines[1], dataDir)) return undefined;
  return { pid, what: `PostgreSQL on ${dataDir}`, ownerPid: supervisedBy(info, 'pg-server.ts') };
}

/**
 * Asks `pid` to shut down with `signal`, then SIGKILL after `graceMs`; resolves once it is gone.
 * Rejects if it cannot be signalled (another user's process).
 */
export async function stopProcess(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  process.kill(pid, signal);
  const deadline = Date.now() + graceMs;
  while (isRunning(pid) && !isZombie(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      if (Date.now() > deadline + 5_000) throw new Error(`process ${pid} did not exit after SIGKILL`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}
