import { spawn, type ChildProcess } from 'node:child_process';
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
  return signal ? `was killed by ${signal}` : `exited with code ${code}`;
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
  return { name, child, exited, tail: () => [...lines], stop };
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
