// When the supervisor restarts a process that died: exponential backoff (1 s, 2 s, 4 s … capped at 30 s),
// back to 1 s once a run has lasted a stable minute. Pure, so it is tested without processes or clocks.

export interface RestartPolicyOptions {
  /** Delay before the first restart after a stable run. */
  initialDelayMs: number;
  /** The delay doubles with each crash in a row, up to this. */
  maxDelayMs: number;
  /** A run at least this long counts as stable: the next crash starts the backoff again. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
};

export interface RestartDecision {
  /** Wait this long, then start the process again. */
  delayMs: number;
  /** Crashes in a row, this one included (1 after a stable run). */
  attempt: number;
}

export class RestartPolicy {
  private crashesInARow = 0;

  constructor(private readonly opts: RestartPolicyOptions = DEFAULT_RESTART_POLICY) {
    if (!(opts.initialDelayMs > 0 && opts.maxDelayMs >= opts.initialDelayMs && opts.stableAfterMs > 0)) {
      throw new Error(`invalid restart policy ${JSON.stringify(opts)}`);
    }
  }

  /**
   * The process died (or failed to start again) after running for `uptimeMs` (0 when it never became
   * ready). Returns how long to wait before the next start.
   */
  onExit(uptimeMs: number): RestartDecision {
    if (uptimeMs >= this.opts.stableAfterMs) this.crashesInARow = 0;
    this.crashesInARow += 1;
    const delayMs = Math.min(this.opts.maxDelayMs, this.opts.initialDelayMs * 2 ** (this.crashesInARow - 1));
    return { delayMs, attempt: this.crashesInARow };
  }
}
