// Keeps long-running processes up: each is started once (a failure then is a start-up failure, for the
// caller to report), and whenever it dies afterwards it is restarted with backoff (restart-policy.ts)
// while the others keep running. stopAll() stops everything in reverse start order.
import { describeExit, type Managed } from './proc';
import { DEFAULT_RESTART_POLICY, RestartPolicy, type RestartPolicyOptions } from './restart-policy';

export interface ServiceStart {
  /** Fires when the supervisor stops: a start in progress should give up. */
  signal: AbortSignal;
  /** Report the process as soon as it exists, so that stopAll() can stop it while it is still starting. */
  onLaunch(proc: Managed): void;
}

export interface ServiceSpec {
  name: string;
  /** Starts the process (again) and resolves once it is ready to serve. */
  start(ctx: ServiceStart): Promise<Managed>;
  /** How long it may take to finish its work after SIGTERM before it is killed. */
  graceMs: number;
}

export interface SupervisorLog {
  info(msg: string): void;
  ok(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

interface Entry {
  name: string;
  graceMs: number;
  spec?: ServiceSpec;
  proc?: Managed;
  policy?: RestartPolicy;
  /** A restart in progress (its backoff wait or its start). */
  restarting?: Promise<void>;
}

const isAlive = (proc: Managed) => proc.child.exitCode === null && proc.child.signalCode === null;

export class Supervisor {
  private readonly entries: Entry[] = [];
  private readonly abort = new AbortController();
  private stopping = false;
  /** Restarts done so far, per service name (for tests and the log). */
  readonly restarts = new Map<string, number>();

  constructor(
    private readonly log: SupervisorLog,
    private readonly policy: RestartPolicyOptions = DEFAULT_RESTART_POLICY,
    /** Lines of a dead process's output shown in the log. */
    private readonly tailLines = 15,
  ) {}

  /** Aborted when stopAll() begins. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Starts a service and keeps it running. Rejects if this first start fails (nothing is retried then). */
  async add(spec: ServiceSpec): Promise<Managed> {
    const entry: Entry = { name: spec.name, graceMs: spec.graceMs, spec, policy: new RestartPolicy(this.policy) };
    this.entries.push(entry);
    const proc = await spec.start({ signal: this.abort.signal, onLaunch: (p) => (entry.proc = p) });
    entry.proc = proc;
    this.watch(entry, proc);
    return proc;
  }

  /** A one-shot process (migrations, seed): only stopped by stopAll() if it is still running. */
  track(proc: Managed, graceMs = 10_000): void {
    this.entries.push({ name: proc.name, graceMs, proc });
  }

  /** The current process of a service. */
  current(name: string): Managed | undefined {
    return this.entries.find((e) => e.spec && e.name === name)?.proc;
  }

  /** Every process that may still be running, for a last-resort kill. */
  processes(): Managed[] {
    return this.entries.flatMap((e) => (e.proc ? [e.proc] : []));
  }

  /** Stops every process, the last started first; pending restarts are cancelled. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    for (const entry of [...this.entries].reverse()) {
      // A restart in progress ends at once on abort (and stops what it launched).
      await entry.restarting;
      const proc = entry.proc;
      if (!proc || !isAlive(proc)) continue;
      this.log.info(`stopping ${proc.name}…`);
      const exit = await proc.stop(entry.graceMs);
      // 143 = 128 + SIGTERM: a process that exits through its SIGTERM handler.
      const clean = exit.code === 0 || exit.code === 143 || exit.signal === 'SIGTERM';
      this.log.info(`${proc.name} stopped${clean ? '' : ` (${describeExit(exit)})`}`);
    }
  }

  private watch(entry: Entry, proc: Managed): void {
    const readyAt = Date.now();
    void proc.exited.then((exit) => {
      if (this.stopping || entry.proc !== proc) return;
      const uptimeMs = Date.now() - readyAt;
      const { delayMs, attempt } = entry.policy!.onExit(uptimeMs);
      this.log.error(
        `${entry.name} ${describeExit(exit)} after ${formatDuration(uptimeMs)}; restarting it in ` +
          `${formatDuration(delayMs)} (crash ${attempt} in a row); the other processes keep running. Its last output:`,
      );
      for (const line of proc.tail().slice(-this.tailLines)) this.log.info(`  ${line}`);
      entry.restarting = this.restart(entry, proc, delayMs).finally(() => (entry.restarting = undefined));
    });
  }

  private async restart(entry: Entry, dead: Managed, delayMs: number): Promise<void> {
    // What the dead process left in its group (a server under a killed wrapper) would hold its port.
    await dead.stopLeftovers(Math.min(entry.graceMs, 20_000));
    for (;;) {
      if (!(await sleep(delayMs, this.abort.signal))) return;
      try {
        const proc = await entry.spec!.start({ signal: this.abort.signal, onLaunch: (p) => (entry.proc = p) });
        entry.proc = proc;
        this.restarts.set(entry.name, (this.restarts.get(entry.name) ?? 0) + 1);
        this.log.ok(`${entry.name} restarted (pid ${proc.child.pid})`);
        this.watch(entry, proc);
        return;
      } catch (err) {
        if (this.stopping) return;
        const next = entry.policy!.onExit(0);
        this.log.error(
          `${entry.name} did not start again: ${firstLine(err)}; next try in ${formatDuration(next.delayMs)} ` +
            `(crash ${next.attempt} in a row)`,
        );
        delayMs = next.delayMs;
      }
    }
  }
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 100) / 10} s`;
  return `${Math.round(ms / 60_000)} min`;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}
