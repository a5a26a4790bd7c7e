// Polling helpers with a deadline, an abort signal (so Ctrl-C during start-up is not ignored) and a
// progress callback every 10 s, because a silent wait of a minute looks like a hang.
export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  signal?: AbortSignal;
  onProgress?: (seconds: number) => void;
}

/** Thrown by a probe to stop waiting at once (e.g. the awaited process has died). */
export class FatalError extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls `probe` until it returns a value other than undefined; its last error is kept for the message. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs, intervalMs = 250, signal, onProgress }: WaitOptions,
): Promise<T> {
  const start = Date.now();
  let lastReport = start;
  let lastError: unknown;
  while (Date.now() - start < timeoutMs) {
    signal?.throwIfAborted();
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      if (err instanceof FatalError) throw err;
      lastError = err;
    }
    if (onProgress && Date.now() - lastReport >= 10_000) {
      lastReport = Date.now();
      onProgress(Math.round((lastReport - start) / 1000));
    }
    await sleep(intervalMs);
  }
  const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
  throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${what}${reason}`);
}

/** Resolves when `url` answers with `status`. */
export function waitForHttp(url: string, opts: WaitOptions & { status?: number }): Promise<true> {
  const expected = opts.status ?? 200;
  return waitFor(
    url,
    async () => {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.body?.cancel();
      if (res.status === expected) return true as const;
      throw new Error(`HTTP ${res.status}`);
    },
    opts,
  );
}
