// The internal request case type (added through the case-type modules) over HTTP, on real PostgreSQL
// and Temporal: one team asks another, the other team answers, the requester is told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';

let stack: Stack;
let agent1: ApiClient;
let agent2: ApiClient;
let kyc1: ApiClient;
let kyc2: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  [agent1, agent2, kyc1, kyc2, admin] = await Promise.all(
    ['agent1@example.com', 'agent2@example.com', 'kyc1@example.com', 'kyc2@example.com', 'admin@example.com'].map((e) =>
      ApiClient.login(stack.url, e),
    ),
  );
});
afterAll(() => stack?.stop());

const ask = (over: Record<string, unknown> = {}) => ({
  clientId: 'c-1001',
  teamId: 'london-kyc',
  kind: 'document',
  subject: 'Copy of the proof of address on file',
  details: 'The client disputes a fee; we need the address evidence used at onboarding.',
  ...over,
});

/** The request once the workflow has moved it to `status` (the task's answer comes before the case moves). */
async function requestIn(client: ApiClient, id: string, status: string) {
  for (let i = 0; i < 200; i++) {
    const res = await client.get(`/api/internal-requests/${id}`);
    if (res.body?.status === status) return res.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`request ${id} never reached ${status}`);
}

async function activeTask(client: ApiClient, caseId: string) {
  for (let i = 0; i < 200; i++) {
    const res = await client.get(`/api/tasks?view=team&filter=${encodeURIComponent(JSON.stringify({ caseId }))}`);
    if (res.body?.[0]) return res.body[0];
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no active task for ${caseId}`);
}

describe('internal requests', () => {
  it('go to the team asked, who may ask back; the requester answers and is told the reply', async () => {
    const created = await agent1.post('/api/internal-requests', ask());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'fulfil', status: 'open', team: { id: 'london-kyc' }, requestedBy: { id: 'u-agent1' } });
    expect(created.body.reference).toMatch(/^IRQ-\d{4}-000001$/);
    const id = created.body.id;

    // the KYC team's queue has it, any member may take it; the asking agent's team does not
    const task = await activeTask(kyc1, id);
    expect(task).toMatchObject({ caseType: 'internal_request', step: 'fulfil', teamId: 'london-kyc', reference: created.body.reference });
    expect(task.id).not.toContain('/');
    // a step without roles is any team member's: the API offers them the claim
    expect(task.can).toMatchObject({ claim: true, complete: false });
    expect((await agent1.post(taskPath(task.id, 'claim'))).status).toBe(404);
    expect((await kyc1.post(taskPath(task.id, 'claim'))).status).toBe(200);
    const asked = await kyc1.post(taskPath(task.id, 'complete'), {
      outcome: 'need_info',
      question: 'Which onboarding: 2023 or the 2025 re-papering?',
    });
    expect(asked.status).toBe(200);

    // only the requester answers
    const waiting = { body: await requestIn(agent1, id, 'awaiting_requester') };
    expect(waiting.body).toMatchObject({ status: 'awaiting_requester', question: 'Which onboarding: 2023 or the 2025 re-papering?' });
    expect((await agent2.post(`/api/internal-requests/${id}/answer`, { answer: 'x' })).status).toBe(403);
    expect((await agent1.post(`/api/internal-requests/${id}/answer`, { answer: 'The 2025 one.' })).status).toBe(200);

    const again = await activeTask(kyc2, id);
    expect(again.id).toMatch(/\.fulfil\.2$/);
    expect((await kyc2.post(taskPath(again.id, 'claim'))).status).toBe(200);
    expect(
      (
        await kyc2.post(taskPath(again.id, 'complete'), {
          outcome: 'fulfilled',
          reply: 'Uploaded to the client file: utility bill of 3 March 2025.',
        })
      ).status,
    ).toBe(200);

    const done = { body: await requestIn(agent1, id, 'closed') };
    expect(done.body).toMatchObject({
      status: 'closed',
      state: 'closed',
      answer: 'The 2025 one.',
      reply: 'Uploaded to the client file: utility bill of 3 March 2025.',
    });
    const told = await stack.db.prisma.notification.findMany({ where: { userId: 'u-agent1', caseId: id, type: 'case_update' } });
    expect(told.map((n) => n.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/asks a question/), expect.stringMatching(/was fulfilled/)]),
    );
    const timeline = await agent1.get(`/api/internal-requests/${id}/timeline`);
    expect(timeline.body.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['case_opened', 'task_opened', 'state_changed', 'task_completed']),
    );
  });

  it('checks the client, the team and the body; an administrator neither asks nor sees requests', async () => {
    const bad = await agent1.post('/api/internal-requests', ask({ teamId: 'shanghai-kyc', kind: 'gossip', subject: '' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['body.kind', 'body.subject']));
    const otherBranch = await agent1.post('/api/internal-requests', ask({ teamId: 'shanghai-kyc' }));
    expect(otherBranch.status).toBe(400);
    expect(otherBranch.body.error.fields[0].path).toBe('body.teamId');
    expect((await admin.post('/api/internal-requests', ask())).status).toBe(403);
    expect((await admin.get('/api/internal-requests')).status).toBe(403);
  });

  it('lists my own requests and finds one by its reference', async () => {
    const mine = await agent2.post(
      '/api/internal-requests',
      ask({ subject: 'Callback about the swap charge', kind: 'callback', teamId: 'london-complaints' }),
    );
    expect(mine.status).toBe(201);
    const list = await agent2.get(`/api/internal-requests?filter=${encodeURIComponent(JSON.stringify({ mine: true }))}`);
    expect(list.body.map((r: { id: string }) => r.id)).toEqual([mine.body.id]);
    const found = await agent2.get(
      `/api/internal-requests?filter=${encodeURIComponent(JSON.stringify({ q: mine.body.reference.toLowerCase() }))}`,
    );
    expect(found.body.map((r: { id: string }) => r.id)).toEqual([mine.body.id]);
  });
});

describe('GET /api/case-types', () => {
  it('tells each person the case types they take part in, with their scope', async () => {
    const types = async (c: ApiClient) =>
      ((await c.get('/api/case-types')).body as { type: string; scope: string }[]).map((t) => `${t.type}:${t.scope}`);
    expect(await types(agent1)).toEqual(['complaint:team', 'internal_request:team', 'client_development:team']);
    expect(await types(kyc1)).toEqual(['kyc_review:branch', 'internal_request:team']);
    expect(await types(admin)).toEqual([]);
  });
});
