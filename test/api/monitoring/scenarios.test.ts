// Each default scenario on hand-built transaction sequences at its boundaries: fires just over, not just
// under. Inline rules run as the transactions arrive (platform/monitoring/ingest), window rules by a sweep
// run batch by batch in-process (the sweep workflow calls the same function).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../support/stack';
import { DAY, MIN, T0, alertsOf, newClient, send, sweep } from '../../support/monitoring';
import { compareNames } from '../../../platform/screening/match/compare';
import { publishDraft, saveDraft } from '../../../platform/monitoring/versions';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ api: false });
});
afterAll(() => stack?.stop());

const pool = () => stack.db.pool;
const prisma = () => stack.db.prisma;
const fired = async (clientId: string, scenario: string) => (await alertsOf(prisma(), clientId, scenario)).length;

describe('structuring: 3 or more cash deposits each 80-99 % of USD 10,000 within 7 days', () => {
  async function run(amounts: number[], gaps: number[], method: 'cash' | 'card' = 'cash') {
    const c = await newClient(pool());
    let at = T0;
    for (let i = 0; i < amounts.length; i++) {
      at += gaps[i] ?? 0;
      await send(pool(), c, { at, amount: amounts[i], method });
    }
    await sweep(prisma(), pool(), { clientIds: [c] });
    return fired(c, 'structuring');
  }
  it('fires at 80 % and 99 % with the third deposit just inside 7 days', async () => {
    expect(await run([8000, 9900, 9000], [0, 3 * DAY, 4 * DAY - MIN])).toBe(1);
  });
  it('does not fire with one deposit just under 80 %', async () => {
    expect(await run([7999.99, 9900, 9000], [0, DAY, DAY])).toBe(0);
  });
  it('does not fire with one deposit just over 99 %', async () => {
    expect(await run([8000, 9900.01, 9000], [0, DAY, DAY])).toBe(0);
  });
  it('does not fire when the deposits span 7 days', async () => {
    expect(await run([8000, 9900, 9000], [0, 3 * DAY, 4 * DAY])).toBe(0);
  });
  it('does not fire for card deposits', async () => {
    expect(await run([8000, 9900, 9000], [0, DAY, DAY], 'card')).toBe(0);
  });
  it('records the deposits, the aggregates and the thresholds as evidence; a fourth deposit is the same alert', async () => {
    const c = await newClient(pool());
    const ids = [];
    for (const [i, amount] of [9000, 9100, 9200, 9300].entries())
      ids.push((await send(pool(), c, { at: T0 + i * DAY, amount, method: 'cash' })).id);
    await sweep(prisma(), pool(), { clientIds: [c] });
    await sweep(prisma(), pool(), { clientIds: [c] });
    const alerts = await alertsOf(prisma(), c, 'structuring');
    expect(alerts).toHaveLength(1);
    const e = alerts[0].evidence as any;
    expect(alerts[0].transactionIds).toEqual(ids.slice(0, 3));
    expect(e.aggregates).toMatchObject({ deposits: 3, total: 27300 });
    expect(e.thresholds).toMatchObject({ threshold: 10000, lowerPercent: 80, upperPercent: 99, minCount: 3, windowDays: 7 });
    expect(e.transactions.map((t: any) => t.id)).toEqual(ids.slice(0, 3));
    expect(e.redFlag).toMatch(/19-18/);
  });
});

describe('in_and_out: 80 % of a deposit withdrawn within 5 days with turnover under 20 %', () => {
  async function run(withdrawal: number, turnover: number, after: number) {
    const c = await newClient(pool());
    await send(pool(), c, { at: T0, amount: 10000 });
    if (turnover) await send(pool(), c, { at: T0 + DAY, amount: turnover, type: 'trade', method: 'internal' });
    await send(pool(), c, { at: T0 + after, amount: withdrawal, type: 'withdrawal' });
    await sweep(prisma(), pool(), { clientIds: [c] });
    return fired(c, 'in_and_out');
  }
  it('fires at exactly 80 % withdrawn, turnover just under 20 %, on day 5', async () => {
    expect(await run(8000, 1999.99, 5 * DAY)).toBe(1);
  });
  it('does not fire just under 80 % withdrawn', async () => {
    expect(await run(7999.99, 0, DAY)).toBe(0);
  });
  it('does not fire at 20 % turnover', async () => {
    expect(await run(9000, 2000, DAY)).toBe(0);
  });
  it('does not fire just after 5 days', async () => {
    expect(await run(9000, 0, 5 * DAY + MIN)).toBe(0);
  });
});

describe('third_party: a counterparty who is not the holder, the first time', () => {
  it('fires for a stranger the first time only, never for the holder', async () => {
    const c = await newClient(pool(), { name: 'Marta Kowalska' });
    const first = await send(pool(), c, { at: T0, amount: 500, counterparty: { name: 'John Smith', country: 'GB' } });
    const again = await send(pool(), c, { at: T0 + DAY, amount: 500, counterparty: { name: 'JOHN SMITH', country: 'GB' } });
    const holder = await send(pool(), c, { at: T0 + 2 * DAY, amount: 500, counterparty: { name: 'Marta Kowalska', country: 'GB' } });
    const internal = await send(pool(), c, { at: T0 + 3 * DAY, amount: 500, method: 'internal', counterparty: { name: 'Someone Else' } });
    expect(first.alerts.map((a) => a.scenario_id)).toEqual(['third_party']);
    expect(first.alerts[0].evidence).toMatchObject({ aggregates: { counterpartyName: 'John Smith', holderName: 'Marta Kowalska' } });
    expect([again, holder, internal].flatMap((t) => t.alerts)).toEqual([]);
  });
  it('fires just under the similarity threshold and not at it', async () => {
    const score = compareNames('Marta Kowalski', 'Marta Kowalska', 'Person').score;
    expect(score).toBeGreaterThan(0.5);
    expect(score).toBeLessThan(1);
    const withThreshold = async (min: number) => {
      const params = { default: { minSimilarity: min, types: ['deposit', 'withdrawal'], excludeMethods: ['internal'] } };
      await saveDraft(pool(), { scenarioId: 'third_party', parameters: params, actorId: 'u-compliance' });
      await publishDraft(pool(), { scenarioId: 'third_party', actorId: 'u-compliance' });
      const c = await newClient(pool(), { name: 'Marta Kowalska' });
      return (await send(pool(), c, { at: T0, amount: 100, counterparty: { name: 'Marta Kowalski' } })).alerts.length;
    };
    expect(await withThreshold(Math.round((score + 0.001) * 1000) / 1000)).toBe(1);
    expect(await withThreshold(score)).toBe(0);
  });
});

describe('dormant_reactivation: idle 180 days, then a deposit 3x the monthly average or a large withdrawal', () => {
  async function run(anchor: { amount: number; idle: number; type?: 'deposit' | 'withdrawal' }) {
    const c = await newClient(pool());
    // 12 monthly deposits of 1,000: the monthly average is 1,000; the last activity is T0
    for (let m = 11; m >= 0; m--) await send(pool(), c, { at: T0 - m * 30 * DAY, amount: 1000 });
    const r = await send(pool(), c, { at: T0 + anchor.idle, amount: anchor.amount, type: anchor.type ?? 'deposit' });
    return r.alerts.filter((a) => a.scenario_id === 'dormant_reactivation').length;
  }
  it('fires at 3x after exactly 180 days', async () => {
    expect(await run({ amount: 3000, idle: 180 * DAY })).toBe(1);
  });
  it('does not fire just under 3x', async () => {
    expect(await run({ amount: 2999.99, idle: 200 * DAY })).toBe(0);
  });
  it('does not fire just before 180 days', async () => {
    expect(await run({ amount: 5000, idle: 180 * DAY - MIN })).toBe(0);
  });
  it('fires for a withdrawal of 10,000 and not of 9,999.99', async () => {
    expect(await run({ amount: 10000, idle: 181 * DAY, type: 'withdrawal' })).toBe(1);
    expect(await run({ amount: 9999.99, idle: 181 * DAY, type: 'withdrawal' })).toBe(0);
  });
});

describe('high_risk_jurisdiction: FATF call-for-action always, grey list above USD 10,000', () => {
  const one = async (country: string, amount: number, riskBand: string | null = null) => {
    const c = await newClient(pool(), { riskBand });
    return (await send(pool(), c, { at: T0, amount, type: 'withdrawal', counterparty: { name: 'Acme Trading', country } })).alerts.filter(
      (a) => a.scenario_id === 'high_risk_jurisdiction',
    ).length;
  };
  it('fires for any amount to a black-list country', async () => {
    expect(await one('KP', 1)).toBe(1);
  });
  it('fires just above 10,000 to a grey-list country and not at 10,000', async () => {
    expect(await one('NG', 10000.01)).toBe(1);
    expect(await one('NG', 10000)).toBe(0);
  });
  it('uses the high band parameters for a high-risk client (above 5,000)', async () => {
    expect(await one('NG', 5000.01, 'high')).toBe(1);
    expect(await one('NG', 5000, 'high')).toBe(0);
  });
  it('does not fire for a standard country', async () => {
    expect(await one('GB', 1_000_000)).toBe(0);
  });
  it('converts currencies to USD first', async () => {
    expect(await one('NG', 8000)).toBe(0);
    const c = await newClient(pool());
    const r = await send(pool(), c, {
      at: T0,
      amount: 8000,
      currency: 'GBP',
      type: 'withdrawal',
      counterparty: { name: 'Acme', country: 'ng' },
    });
    expect(r.alerts.map((a) => a.scenario_id)).toContain('high_risk_jurisdiction');
  });
});

describe('above_profile: 30-day deposits over 50 % of the declared annual amount', () => {
  async function run(
    second: number,
    gap: number,
    declared: { expectedDeposits?: number | null; declaredIncome?: number | null } = { expectedDeposits: 100_000 },
  ) {
    const c = await newClient(pool(), declared);
    await send(pool(), c, { at: T0, amount: 30000 });
    return (await send(pool(), c, { at: T0 + gap, amount: second })).alerts.filter((a) => a.scenario_id === 'above_profile').length;
  }
  it('fires just over 50 %', async () => {
    expect(await run(20000.01, 29 * DAY)).toBe(1);
  });
  it('does not fire at 50 %', async () => {
    expect(await run(20000, 29 * DAY)).toBe(0);
  });
  it('does not count a deposit 30 days old', async () => {
    expect(await run(20000.01, 30 * DAY)).toBe(0);
  });
  it('falls back to declared income, and skips clients who declared nothing', async () => {
    expect(await run(20000.01, DAY, { declaredIncome: 100_000, expectedDeposits: null })).toBe(1);
    expect(await run(1_000_000, DAY, { declaredIncome: null, expectedDeposits: null })).toBe(0);
  });
});
