// Periodic KYC refresh: reviews start only for clients due and without a review open, once; risk rises
// (PEP flag, a country moved to a higher band, a reported event) pull the date forward; the overdue list;
// the Schedules the worker creates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../support/stack';
import { ApiClient } from '../../support/api-client';
import { waitFor } from '../../support/cases';
import { startReview } from '../../support/kyc';
import { newClient } from '../../support/monitoring';
import { ensureSchedules, SCHEDULES } from '../../../activities/monitoring/schedules';

let stack: Stack;
let compliance: ApiClient;
let kyc1: ApiClient;
beforeAll(async () => {
  stack = await startStack();
  [compliance, kyc1] = await Promise.all(['compliance@example.com', 'kyc1@example.com'].map((e) => ApiClient.login(stack.url, e)));
});
afterAll(() => stack?.stop());

const DAY = 86_400_000;
const setDue = (id: string, at: number) => stack.db.pool.query('UPDATE clients SET next_review_at = $2 WHERE id = $1', [id, new Date(at)]);
const kycCases = (clientId: string) => stack.db.prisma.case.findMany({ where: { clientId, type: 'kyc_review' } });

async function refresh() {
  const r = await compliance.post('/api/kyc-refresh/runs');
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return waitFor(
    async () => {
      const run = await compliance.get(`/api/kyc-refresh/runs/${r.body.id}`);
      return run.body.status === 'completed' ? run.body : null;
    },
    'the refresh run',
    30_000,
  );
}

describe('KYC refresh', () => {
  it('starts reviews only for clients due without a review open, once', async () => {
    const due = await newClient(stack.db.pool);
    const later = await newClient(stack.db.pool);
    const busy = await newClient(stack.db.pool);
    await setDue(due, Date.now() - DAY);
    await setDue(later, Date.now() + DAY);
    await setDue(busy, Date.now() - 2 * DAY);
    await startReview(stack.temporal, stack.taskQueue, { clientId: busy, kind: 'periodic' });

    const overdue = await compliance.get('/api/kyc-refresh/overdue?range=[0,199]');
    const mine = overdue.body.filter((r: any) => [due, later, busy].includes(r.clientId));
    expect(mine.map((r: any) => r.clientId)).toEqual([busy, due]);
    expect(mine[0]).toMatchObject({ daysOverdue: 2, openReview: { reference: expect.stringMatching(/^KYC-/) } });

    const first = await refresh();
    expect(first.started).toBeGreaterThanOrEqual(1);
    await waitFor(async () => (await kycCases(due)).length === 1, 'the due review');
    const [review] = await kycCases(due);
    expect(review.attributes).toMatchObject({ kind: 'periodic', note: expect.stringMatching(/^Periodic review due/) });
    expect(await kycCases(later)).toEqual([]);
    expect(await kycCases(busy)).toHaveLength(1);
    const second = await refresh();
    // the runs list: newest first, with their counts, read by KYC officers too
    const runs = await kyc1.get('/api/kyc-refresh/runs?limit=2');
    expect(runs.status, JSON.stringify(runs.body)).toBe(200);
    expect(runs.body.map((r: any) => r.id)).toEqual([second.id, first.id]);
    expect(runs.body[1]).toMatchObject({ status: 'completed', started: first.started, alreadyOpen: first.alreadyOpen });
    expect(runs.body[0]).not.toHaveProperty('cursor');
    expect((await kyc1.get('/api/kyc-refresh/runs?limit=1000')).status).toBe(400);
    expect(await kycCases(due)).toHaveLength(1);
  });

  it('a PEP flag and a country moved to a higher band pull the review date forward (audited)', async () => {
    const pep = await newClient(stack.db.pool);
    await setDue(pep, Date.now() + 300 * DAY);
    await stack.db.pool.query(`INSERT INTO kyc_profiles (client_id, pep, products, edd_flags) VALUES ($1, false, '{}', '{}')`, [pep]);
    await stack.db.pool.query(`UPDATE kyc_profiles SET pep = true WHERE client_id = $1`, [pep]);
    const c = await stack.db.prisma.client.findUniqueOrThrow({ where: { id: pep } });
    expect(c.nextReviewAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await stack.db.prisma.auditEvent.count({ where: { entityId: pep, action: 'kyc_review_pulled_forward' } })).toBe(1);

    const thai = await newClient(stack.db.pool);
    await stack.db.pool.query(`UPDATE clients SET country = 'TH', next_review_at = $2 WHERE id = $1`, [
      thai,
      new Date(Date.now() + 300 * DAY),
    ]);
    await stack.db.pool.query(`UPDATE country_risk SET category = 'elevated' WHERE code = 'TH'`); // not higher: nothing moves
    expect((await stack.db.prisma.client.findUniqueOrThrow({ where: { id: thai } })).nextReviewAt!.getTime()).toBeGreaterThan(Date.now());
    await stack.db.pool.query(`UPDATE country_risk SET category = 'grey' WHERE code = 'TH'`);
    expect((await stack.db.prisma.client.findUniqueOrThrow({ where: { id: thai } })).nextReviewAt!.getTime()).toBeLessThanOrEqual(
      Date.now(),
    );
    const audit = await stack.db.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'country_risk', entityId: 'TH' } });
    expect(audit.data).toMatchObject({ from: 'elevated', to: 'grey' });
  });

  it('a reported risk rise starts an enhanced due diligence review at once', async () => {
    const id = await newClient(stack.db.pool);
    await setDue(id, Date.now() + 300 * DAY);
    const r = await compliance.post('/api/kyc-refresh/risk-events', {
      clientId: id,
      trigger: 'adverse_media',
      reason: 'Press reports of fraud charges',
      eddFlag: 'illegal_activity_links',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.result).toMatchObject({ started: true });
    await waitFor(async () => (await kycCases(id)).length === 1, 'the EDD review');
    expect((await stack.db.prisma.kycProfile.findUniqueOrThrow({ where: { clientId: id } })).eddFlags).toEqual(['illegal_activity_links']);
    expect((await kyc1.post('/api/kyc-refresh/risk-events', { clientId: id, trigger: 'other', reason: 'x' })).status).toBe(403);
  });

  it('the worker creates the daily sweep, KYC refresh and hourly re-screening schedules once', async () => {
    const created = await ensureSchedules(stack.temporal, stack.taskQueue);
    expect(created).toEqual(SCHEDULES.map((s) => s.id));
    expect(await ensureSchedules(stack.temporal, stack.taskQueue)).toEqual([]);
    const d = await stack.temporal.schedule.getHandle('monitoring-daily-sweep').describe();
    expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: 'monitoringSweepWorkflow' });
    // run the daily sweep now, as the schedule would at 02:00
    await stack.temporal.schedule.getHandle('monitoring-daily-sweep').trigger();
    const sweep = await waitFor(
      () => stack.db.prisma.monitoringSweep.findFirst({ where: { kind: 'scheduled', status: 'completed' } }),
      'the scheduled sweep',
      60_000,
    );
    expect(sweep.clientsDone).toBe(await stack.db.prisma.client.count());
    for (const s of SCHEDULES) await stack.temporal.schedule.getHandle(s.id).delete();
  });
});
