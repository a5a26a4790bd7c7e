import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { repoRoot } from './paths';

const guard = path.join(repoRoot, 'scripts/lib/die-with-parent.mjs');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Managed {
  name: string;
  child: ChildProcess;
  /** Settles when the process has exited (never rejects). */
  exited: Promise<Exit>;
  /** The last lines it printed, to explain an unexpected exit. */
  tail(): string[];
  /** SIGTERM, then SIGKILL to its whole process group after `graceMs`. */
  stop(graceMs: number): Promise<Exit>;
  /**
   * After the process has died on its own: stops what is left of its process group (say the Temporal
   * server or the API under a killed die-with-parent wrapper, or postgres under a killed pg-server.ts)
   * with SIGINT, which all of them treat as "shut down cleanly", then SIGKILL after `graceMs`.
   * Resolves when the group is empty.
   */
  stopLeftovers(graceMs: number): Promise<void>;
}

export interface LaunchOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  onLine?: (line: string) => void;
  /** Lines kept for tail(). */
  keep?: number;
  /** Keep stdin open as a pipe: the child treats its end as "parent gone" (pg-server.ts does). */
  stdinPipe?: boolean;
  /** Run through die-with-parent.mjs, for commands that do not watch their stdin themselves. */
  dieWithParent?: boolean;
}

export function describeExit({ code, signal }: Exit): string {
  if (signal) return `was killed by ${signal}`;
  // A wrapper (die-with-parent.mjs) reports its child's death by signal N as 128 + N.
  const childSignal = code !== null && code > 128 ? Object.entries(os.constants.signals).find(([, n]) => n === code - 128)?.[0] : undefined;
  return childSignal ? `exited with code ${code} (its process was killed by ${childSignal})` : `exited with code ${code}`;
}

/**
 * Starts a child in its own process group, so a terminal Ctrl-C reaches only the supervisor, which
 * then stops children in dependency order instead of all at once.
 */
export function launch(name: string, command: string, args: string[], opts: LaunchOptions = {}): Managed {
  const [file, argv] = opts.dieWithParent ? [process.execPath, [guard, command, ...args]] : [command, args];
  const child = spawn(file, argv, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true,
    stdio: [opts.stdinPipe || opts.dieWithParent ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  const keep = opts.keep ?? 40;
  const lines: string[] = [];
  const onLine = (line: string) => {
    lines.push(line);
    if (lines.length > keep) lines.shift();
    opts.onLine?.(line);
  };
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
  }
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (err) => {
      onLine(`failed to start ${command}: ${err.message}`);
      resolve({ code: 127, signal: null });
    });
  });
  let done = false;
  void exited.then(() => (done = true));

  const stop = async (graceMs: number): Promise<Exit> => {
    if (!done && child.pid) {
      signalGroup(child.pid, 'SIGTERM', false);
      const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL', true), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      // Grandchildren (postgres under its launcher) must not outlive the group leader.
      signalGroup(child.pid, 'SIGKILL', true);
      return exit;
    }
    return exited;
  };
  const stopLeftovers = async (graceMs: number): Promise<void> => {
    await exited;
    if (!child.pid) return;
    const pgid = child.pid;
    signalGroup(pgid, 'SIGINT', true);
    const deadline = Date.now() + graceMs;
    while (groupExists(pgid)) {
      if (Date.now() >= deadline) {
        signalGroup(pgid, 'SIGKILL', true);
        if (Date.now() >= deadline + 5_000) return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { name, child, exited, tail: () => [...lines], stop, stopLeftovers };
}

/** Whether any process is left in process group `pgid`. */
function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals, group: boolean): void {
  try {
    process.kill(group ? -pid : pid, signal);
  } catch {
    // Already gone.
  }
}

/** Runs a one-shot command to completion; rejects with its last output when it fails. */
export async function runToCompletion(
  name: string,
  command: string,
  args: string[],
  opts: LaunchOptions = {},
  track?: (proc: Managed) => void,
): Promise<void> {
  const proc = launch(name, command, args, opts);
  track?.(proc);
  const exit = await proc.exited;
  if (exit.code !== 0) {
    throw new Error(`${name} ${describeExit(exit)}\n${proc.tail().join('\n')}`);
  }
}
