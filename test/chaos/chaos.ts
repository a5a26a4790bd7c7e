// The chaos loop: at random moments (a seeded PRNG, so a run can be repeated) SIGKILL the worker, the API
// or the Temporal server, leave it down for a moment, start it again and wait until it serves.
import { PARTS, type ChaosStack, type Part } from './stack';

/** mulberry32: a small, fast PRNG; the same seed gives the same sequence. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** an integer in [min, max] */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof prng>;

/** A part from the moment it was killed until it served again. */
export interface Outage {
  part: Part;
  from: number;
  to: number;
}

export interface ChaosOptions {
  /** stop killing at this time (ms since the epoch) */
  until: number;
  /** pause between one part serving again and the next kill */
  gapMs: [number, number];
  /** how long a killed part stays down before it is started again */
  downMs: [number, number];
  /** now and then a part stays down longer, past the clients' retries (never beyond `until`) */
  longDownMs: [number, number];
  log: (line: string) => void;
}

export interface ChaosReport {
  kills: Record<Part, number>;
  outages: Outage[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Kills one part at a time, so that the others can come back (the API does not start without Temporal). */
export async function runChaos(stack: ChaosStack, rng: Rng, opts: ChaosOptions): Promise<ChaosReport> {
  const report: ChaosReport = { kills: { worker: 0, api: 0, temporal: 0 }, outages: [] };
  const t0 = Date.now();
  for (;;) {
    await sleep(rng.int(...opts.gapMs));
    if (Date.now() >= opts.until) return report;
    const part = rng.pick(PARTS);
    const down = Math.min(rng.chance(0.2) ? rng.int(...opts.longDownMs) : rng.int(...opts.downMs), Math.max(0, opts.until - Date.now()));
    const from = Date.now();
    await stack.kill(part);
    report.kills[part]++;
    await sleep(down);
    await restart(stack, part);
    report.outages.push({ part, from, to: Date.now() });
    opts.log(`+${((from - t0) / 1000).toFixed(1)}s killed ${part}, serving again after ${((Date.now() - from) / 1000).toFixed(1)}s`);
  }
}

async function restart(stack: ChaosStack, part: Part): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await stack.start(part);
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}
