import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_POLICY, RestartPolicy } from '../../../scripts/lib/restart-policy';

describe('restart policy (npm start supervisor)', () => {
  it('backs off 1 s, 2 s, 4 s … and caps at 30 s while a process keeps crashing', () => {
    const policy = new RestartPolicy();
    const delays = Array.from({ length: 8 }, () => policy.onExit(500).delayMs);
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('counts the crashes in a row', () => {
    const policy = new RestartPolicy();
    expect([policy.onExit(0), policy.onExit(0), policy.onExit(0)].map((d) => d.attempt)).toEqual([1, 2, 3]);
  });

  it('starts again at 1 s after a run that lasted a stable minute', () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < 6; i++) policy.onExit(1_000);
    expect(policy.onExit(59_999)).toEqual({ delayMs: 30_000, attempt: 7 });
    expect(policy.onExit(60_000)).toEqual({ delayMs: 1_000, attempt: 1 });
    expect(policy.onExit(10)).toEqual({ delayMs: 2_000, attempt: 2 });
  });

  it('never overflows however long a crash loop lasts', () => {
    const policy = new RestartPolicy();
    let last = 0;
    for (let i = 0; i < 5_000; i++) last = policy.onExit(0).delayMs;
    expect(last).toBe(DEFAULT_RESTART_POLICY.maxDelayMs);
  });

  it('refuses a policy that cannot work', () => {
    expect(() => new RestartPolicy({ initialDelayMs: 0, maxDelayMs: 10, stableAfterMs: 10 })).toThrow();
    expect(() => new RestartPolicy({ initialDelayMs: 100, maxDelayMs: 10, stableAfterMs: 10 })).toThrow();
  });
});
