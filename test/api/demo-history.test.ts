// The demo's months of history (prisma/seed-history.ts): what a supervisor sees on first start is a real
// picture (breaches, escalations, rejections, reopenings, KYC decisions), every case's timeline holds its hash
// chain, and references run without gaps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { seedHistory } from '../../prisma/seed-history';
import { verifyChain } from '../../platform/timeline';

let stack: Stack;
let manager: ApiClient;
let written: { complaints: number; kycReviews: number };

beforeAll(async () => {
  stack = await startStack();
  const started = Date.now();
  written = await seedHistory(stack.db.prisma, stack.db.pool);
  console.log(`history: ${written.complaints} complaints, ${written.kycReviews} KYC reviews in ${Date.now() - started} ms`);
  manager = await ApiClient.login(stack.url, 'manager@example.com');
});
afterAll(() => stack?.stop());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('demo history', () => {
  it('fills the complaints dashboard with months of closures, breaches and a daily flow that varies', async () => {
    expect(written.complaints).toBeGreaterThan(150);
    const res = await manager.get(`/api/dashboard/complaints?from=${day(-89)}&to=${day(0)}`);
    expect(res.status).toBe(200);
    const { slaCompliance: compliance, breaches, byDay } = res.body;
    expect(compliance.total).toBeGreaterThan(80);
    // neither perfect nor hopeless
    expect(compliance.met / compliance.total).toBeGreaterThan(0.6);
    expect(compliance.met / compliance.total).toBeLessThan(0.98);
    expect(breaches.inPeriod).toBeGreaterThan(3);
    const opened = byDay.map((d: { opened: number }) => d.opened);
    expect(new Set(opened).size).toBeGreaterThan(3);
    expect(byDay.filter((d: { closed: number }) => d.closed > 0).length).toBeGreaterThan(40);
    // the last weeks are not a gap before today's live cases
    const recent = byDay.slice(-21, -4).filter((d: { opened: number }) => d.opened > 0);
    expect(recent.length).toBeGreaterThan(7);
  });

  it('writes what the workflows would have: escalated steps, rejected approvals, reopenings, four eyes on approvals', async () => {
    const { pool } = stack.db;
    const count = async (sql: string) => (await pool.query<{ n: number }>(sql)).rows[0].n;
    expect(await count(`SELECT count(*)::int AS n FROM case_events WHERE type = 'sla_escalated'`)).toBeGreaterThan(5);
    expect(
      await count(`SELECT count(*)::int AS n FROM tasks WHERE step = 'approval' AND outcome->>'outcome' = 'rejected'`),
    ).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM case_events WHERE type = 'state_changed' AND data->>'event' = 'reopened'`),
    ).toBeGreaterThan(0);
    // nobody approved their own proposal
    expect(
      await count(`SELECT count(*)::int AS n FROM tasks a JOIN tasks p ON p.case_id = a.case_id AND p.step = 'propose_resolution'
                   WHERE a.step = 'approval' AND a.completed_by_id = p.completed_by_id`),
    ).toBe(0);
    // no history case is left open: an open case needs its workflow
    expect(await count(`SELECT count(*)::int AS n FROM cases WHERE status <> 'closed'`)).toBe(0);
    const decisions = (
      await pool.query<{ d: string }>(`SELECT DISTINCT attributes->>'decision' AS d FROM cases WHERE type = 'kyc_review'`)
    ).rows.map((r) => r.d);
    expect(decisions.sort()).toEqual(['approved', 'rejected']);
  });

  it('keeps every timeline chain intact and numbers references of each year without gaps', async () => {
    const { rows } = await stack.db.pool.query<{ id: string; reference: string }>(
      `SELECT id, reference FROM cases WHERE type = 'complaint' ORDER BY reference`,
    );
    for (const r of rows.slice(0, 40)) expect(await verifyChain(stack.db.pool, r.id)).toBeNull();
    const byYear = new Map<string, number[]>();
    for (const r of rows) {
      const [, year, n] = r.reference.split('-');
      byYear.set(year, [...(byYear.get(year) ?? []), Number(n)]);
    }
    for (const numbers of byYear.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('leaves some clients due for their periodic review (the KYC dashboard’s overdue list)', async () => {
    const kyc = await ApiClient.login(stack.url, 'compliance@example.com');
    const res = await kyc.get('/api/dashboard/compliance');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toMatch(/overdue/i);
    const overdue = await stack.db.prisma.client.count({ where: { nextReviewAt: { lt: new Date() } } });
    expect(overdue).toBeGreaterThan(0);
  });
});
