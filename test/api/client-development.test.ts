// The client-development case (lead → funded, active trader) as a sales team meets it, over HTTP on real
// PostgreSQL and Temporal: a lead opens the case with its first task in the account manager's inbox, the
// steps move it to funded and active (through a real KYC review), a lost lead keeps its reason and comes
// back, deadlines follow the lead's temperature, an agent sees only their own cases, and every move is on
// the case's timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';
import { activeTask, waitFor } from '../support/cases';
import { KYC1, KYC2, addDocuments, importSanctionLists, work } from '../support/kyc';
import { book } from '../support/development';
import { recordHistoryIfAsked } from '../support/history';
import { verifyChain } from '../../platform/timeline';

let stack: Stack;
let agent1: ApiClient;
let agent2: ApiClient;
let supervisor: ApiClient;
let admin: ApiClient;

let seq = 0;
const lead = (over: Record<string, unknown> = {}) => {
  const n = ++seq;
  return {
    firstName: 'Lena',
    lastName: `Whitfield${String.fromCharCode(96 + n)}`,
    email: `lena.whitfield.${n}@example.net`,
    country: 'GB',
    source: 'web',
    campaign: 'spring-fx',
    accountManagerId: 'u-agent1',
    ...over,
  };
};

beforeAll(async () => {
  stack = await startStack();
  await importSanctionLists(stack.db.prisma);
  [agent1, agent2, supervisor, admin] = await Promise.all(
    ['agent1@example.com', 'agent2@example.com', 'supervisor@example.com', 'admin@example.com'].map((e) => ApiClient.login(stack.url, e)),
  );
}, 300_000);
afterAll(() => stack?.stop());

/** The case once the workflow has moved it to `stage` (projections are written asynchronously). */
async function caseIn(client: ApiClient, id: string, stage: string) {
  return waitFor(
    async () => {
      const res = await client.get(`/api/client-development/${id}`);
      return res.body?.stage === stage && res.body;
    },
    `case ${id} in ${stage}`,
    30_000,
  );
}

interface InboxTask {
  id: string;
  step: string;
  status: string;
  dueAt: string;
  assigneeId: string | null;
}

/** The lead once its status follows the case (written just after the case's stage). */
const leadIn = (id: string, status: string) =>
  waitFor(async () => {
    const res = await agent1.get(`/api/leads/${id}`);
    return res.body?.status === status && (res.body as { status: string; lostReason: string | null });
  }, `lead ${id} ${status}`);

/** The case's open task of `step`, as the account manager's inbox shows it. */
async function inboxTask(client: ApiClient, caseId: string, step: string) {
  return waitFor(
    async () => {
      const res = await client.get(`/api/tasks?view=mine&filter=${encodeURIComponent(JSON.stringify({ caseId }))}`);
      return (res.body as InboxTask[] | undefined)?.find((t) => t.step === step && (t.status === 'open' || t.status === 'claimed'));
    },
    `${step} task of ${caseId}`,
    30_000,
  );
}

async function complete(client: ApiClient, caseId: string, step: string, body: Record<string, unknown>) {
  const task = await inboxTask(client, caseId, step);
  if (task.status === 'open') expect((await client.post(taskPath(task.id, 'claim'))).status).toBe(200);
  const res = await client.post(taskPath(task.id, 'complete'), body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return task;
}

const timeline = async (client: ApiClient, id: string) => {
  const res = await client.get(`/api/client-development/${id}/timeline`);
  expect(res.status).toBe(200);
  return res.body as { type: string; actor: { id: string; name: string } | null; data: Record<string, unknown> }[];
};

describe('client-development case', () => {
  it('opens with a lead: the first contact is in the account manager’s inbox, due by the lead’s temperature', async () => {
    const hot = await agent1.post('/api/leads', lead({ temperature: 'hot' }));
    expect(hot.status, JSON.stringify(hot.body)).toBe(201);
    expect(hot.body.developmentCase).toMatchObject({
      action: 'started',
      caseId: hot.body.id,
      workflowId: `client-development-${hot.body.id}`,
    });
    const c = await caseIn(agent1, hot.body.id, 'new');
    expect(c).toMatchObject({
      status: 'open',
      temperature: 'hot',
      source: 'web',
      campaign: 'spring-fx',
      accountManager: { id: 'u-agent1' },
      lead: { id: hot.body.id },
    });
    expect(c.reference).toMatch(/^CDV-\d{4}-\d{6}$/);

    const task = await inboxTask(agent1, hot.body.id, 'first_contact');
    expect(task).toMatchObject({ caseType: 'client_development', assigneeId: 'u-agent1', reference: c.reference });
    const cold = await agent1.post('/api/leads', lead({ temperature: 'cold' }));
    const coldTask = await inboxTask(agent1, cold.body.id, 'first_contact');
    // hot: 2 business hours; cold: 3 business days (the branch's calendar)
    expect(Date.parse(task.dueAt)).toBeLessThan(Date.parse(coldTask.dueAt));
    expect(Date.parse(task.dueAt) - Date.now()).toBeLessThanOrEqual(3 * 86_400_000);

    // the same request again is no second case
    const events = await timeline(agent1, hot.body.id);
    expect(events.map((e) => e.type)).toContain('case_opened');
    expect(events.filter((e) => e.type === 'case_opened')).toHaveLength(1);
  });

  it('moves through contact, qualification, application and a real KYC review to funded and an active trader', async () => {
    const created = await agent1.post('/api/leads', lead({ firstName: 'Imogen', lastName: 'Carter', dateOfBirth: '1990-03-14' }));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await complete(agent1, id, 'first_contact', { outcome: 'contacted', note: 'Called, interested in FX' });
    expect((await caseIn(agent1, id, 'contacted')).stages).toHaveProperty('contacted');
    await leadIn(id, 'contacted');
    await complete(agent1, id, 'qualify', { outcome: 'qualified' });
    await caseIn(agent1, id, 'qualified');
    await complete(agent1, id, 'application', { outcome: 'submitted', note: 'Application form signed' });

    // the lead became a client and a KYC review started for it
    const inKyc = await caseIn(agent1, id, 'kyc');
    expect(inKyc.client?.id ?? inKyc.clientId).toBeTruthy();
    const clientId = (inKyc.client?.id ?? inKyc.clientId) as string;
    await leadIn(id, 'converted');
    // the review is a case of its own, in the KYC team's queue
    const kyc = await waitFor(() => stack.db.prisma.case.findUnique({ where: { id: inKyc.kycCaseId } }), 'the KYC review case');
    expect(kyc).toMatchObject({ type: 'kyc_review', clientId });

    await addDocuments(stack.db.prisma, kyc.id, clientId, {
      surname: 'CARTER',
      given: 'IMOGEN',
      birth: '1990-03-14',
      number: '533401372',
      nationality: 'GBR',
      expiry: '2031-01-01',
    });
    await work(stack.temporal, stack.db.prisma, kyc.id, KYC1, { outcome: 'documents_complete' }, 'collect_documents');
    // the lead's date of birth reached the review's checks: approval is offered
    await activeTask(stack.db.prisma, kyc.id, 'cdd_review');
    expect(await stack.db.prisma.kycCheckResult.findFirst({ where: { caseId: kyc.id, check: 'age_of_majority' } })).toMatchObject({
      status: 'pass',
    });
    await work(stack.temporal, stack.db.prisma, kyc.id, KYC2, { outcome: 'approved', note: 'All in order' }, 'cdd_review');

    // approved: the account manager helps the client fund the account
    await caseIn(agent1, id, 'approved');
    await inboxTask(agent1, id, 'first_deposit');
    // the payments system reports the deposit through the transactions feed
    const deposit = await admin.post('/api/transactions', {
      clientId,
      externalId: `dep-${id}`,
      type: 'deposit',
      amount: '1000.00',
      currency: 'USD',
      method: 'card',
      bookedAt: new Date().toISOString(),
    });
    expect(deposit.status).toBe(201);
    const funded = await caseIn(agent1, id, 'funded');
    expect(funded.depositedAt).not.toBeNull();
    // the first-deposit task went away with the deposit
    const tasks = (funded.tasks ?? []) as { step: string; status: string }[];
    expect(tasks.find((t) => t.step === 'first_deposit')?.status).toBe('cancelled');

    await book(stack.db.pool, stack.temporal, { clientId, type: 'trade' });
    const active = await caseIn(agent1, id, 'active');
    expect(active).toMatchObject({ status: 'won' });
    expect(Object.keys(active.stages)).toEqual(['new', 'contacted', 'qualified', 'application', 'kyc', 'approved', 'funded', 'active']);

    // the timeline tells the story, who did what, and its chain verifies
    const events = await timeline(agent1, id);
    const moves = events.filter((e) => e.type === 'state_changed').map((e) => `${e.data.from}>${e.data.to}`);
    expect(moves).toEqual([
      'new>contacted',
      'contacted>qualified',
      'qualified>application',
      'application>kyc',
      'kyc>approved',
      'approved>funded',
      'funded>active',
    ]);
    expect(events.find((e) => e.type === 'state_changed' && e.data.to === 'contacted')?.actor?.id).toBe('u-agent1');
    expect(await verifyChain(stack.db.pool, id)).toBeNull();
    const audit = await stack.db.prisma.auditEvent.findFirst({ where: { action: 'lead_converted', entityId: id } });
    expect(audit).toMatchObject({ actorId: 'u-agent1', entity: 'lead' });

    await recordHistoryIfAsked(stack.temporal.workflow.getHandle(`client-development-${id}`), 'client-development-lead-to-active.json');
  });

  it('loses a lead with its reason, and reopens the case when the lead comes back', async () => {
    const first = await agent1.post('/api/leads', lead({ firstName: 'Pat', lastName: 'Lostley', email: 'pat.lostley@example.net' }));
    const id = first.body.id as string;
    // lost needs a reason the form knows
    const task = await inboxTask(agent1, id, 'first_contact');
    await agent1.post(taskPath(task.id, 'claim'));
    expect((await agent1.post(taskPath(task.id, 'complete'), { outcome: 'lost' })).status).toBe(400);
    expect((await agent1.post(taskPath(task.id, 'complete'), { outcome: 'lost', reason: 'kyc_rejected' })).status).toBe(400);
    expect(
      (await agent1.post(taskPath(task.id, 'complete'), { outcome: 'lost', reason: 'chose_competitor', note: 'Went with a bank' })).status,
    ).toBe(200);

    const lost = await caseIn(agent1, id, 'lost');
    expect(lost).toMatchObject({ status: 'lost', lostReason: 'chose_competitor', lostNote: 'Went with a bank', lostFrom: 'new' });
    expect(await leadIn(id, 'lost')).toMatchObject({ lostReason: 'chose_competitor' });
    const moved = (await timeline(agent1, id)).find((e) => e.type === 'state_changed' && e.data.to === 'lost');
    expect(moved).toMatchObject({
      actor: { id: 'u-agent1', name: 'Alice Agent' },
      data: expect.objectContaining({ reason: 'chose_competitor' }),
    });

    // the same person writes in again: the lost case reopens, with a new first contact
    const again = await agent1.post(
      '/api/leads',
      lead({ firstName: 'Pat', lastName: 'Lostley', email: 'Pat.Lostley@example.net', temperature: 'hot' }),
    );
    expect(again.status).toBe(201);
    expect(again.body.developmentCase).toMatchObject({ action: 'reopened', caseId: id });
    const reopened = await caseIn(agent1, id, 'new');
    expect(reopened).toMatchObject({
      status: 'open',
      reopenCount: 1,
      returnedLeadIds: [again.body.id],
      temperature: 'hot',
      lostReason: null,
    });
    await inboxTask(agent1, id, 'first_contact');
  });

  it('shows an agent only their own cases; supervisors see the branch, administrators none', async () => {
    const mine = await agent1.post('/api/leads', lead({ firstName: 'Scope', lastName: 'Mine' }));
    const id = mine.body.id as string;
    await caseIn(agent1, id, 'new');
    const task = await inboxTask(agent1, id, 'first_contact');

    expect((await agent2.get(`/api/client-development/${id}`)).status).toBe(404);
    expect((await agent2.get(`/api/client-development/${id}/timeline`)).status).toBe(404);
    const list = (client: ApiClient) => client.get(`/api/client-development?range=[0,199]`);
    expect(((await list(agent2)).body as { id: string }[]).map((c) => c.id)).not.toContain(id);
    expect(((await list(agent1)).body as { id: string }[]).map((c) => c.id)).toContain(id);
    // agent2 may not take agent1's task
    expect((await agent2.post(taskPath(task.id, 'claim'))).status).not.toBe(200);

    expect((await supervisor.get(`/api/client-development/${id}`)).status).toBe(200);
    expect(((await list(supervisor)).body as { id: string }[]).map((c) => c.id)).toContain(id);
    const funnel = await supervisor.get('/api/client-development/funnel');
    expect(funnel.status, JSON.stringify(funnel.body)).toBe(200);
    expect((await agent1.get('/api/client-development/funnel')).status).toBe(403);

    expect((await admin.get(`/api/client-development/${id}`)).status).toBe(403);
    expect((await admin.get('/api/client-development')).status).toBe(403);
  });
});
