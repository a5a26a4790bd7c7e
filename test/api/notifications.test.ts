import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';

// What pops up as a toast, per person, and marking one case's notifications read.

let stack: Stack;
let agent1: ApiClient;
let agent2: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  [agent1, agent2] = await Promise.all([
    ApiClient.login(stack.url, 'agent1@example.com'),
    ApiClient.login(stack.url, 'agent2@example.com'),
  ]);
});
afterAll(() => stack?.stop());

describe('notification preferences', () => {
  it('default to toasts for what is about the person, not for every new team task or reminder', async () => {
    const res = await agent1.get('/api/notifications/preferences');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      toast: { task_assigned: true, task_available: false, sla_reminder: false, sla_escalation: true, case_update: true, case_stuck: true },
    });
  });

  it('are kept per person; a change names only the types it changes', async () => {
    const put = await agent1.request('PUT', '/api/notifications/preferences', { toast: { task_available: true, case_update: false } });
    expect(put.status).toBe(200);
    expect(put.body.toast).toMatchObject({ task_available: true, case_update: false, sla_escalation: true });
    expect((await agent1.get('/api/notifications/preferences')).body.toast).toMatchObject({ task_available: true, case_update: false });
    expect((await agent2.get('/api/notifications/preferences')).body.toast).toMatchObject({ task_available: false, case_update: true });
    const again = await agent1.request('PUT', '/api/notifications/preferences', { toast: { sla_reminder: true } });
    expect(again.body.toast).toMatchObject({ task_available: true, case_update: false, sla_reminder: true });
  });

  it('refuses unknown types and values', async () => {
    expect((await agent1.request('PUT', '/api/notifications/preferences', { toast: { everything: true } })).status).toBe(400);
    expect((await agent1.request('PUT', '/api/notifications/preferences', { toast: { task_assigned: 'yes' } })).status).toBe(400);
  });
});

describe('marking read', () => {
  it("marks one case's notifications read, or all", async () => {
    const base = { userId: 'u-agent2', type: 'task_available', title: 'x' };
    await stack.db.prisma.notification.createMany({
      data: [
        { ...base, id: 'n-a1', caseId: 'case-a' },
        { ...base, id: 'n-a2', caseId: 'case-a' },
        { ...base, id: 'n-b1', caseId: 'case-b' },
      ],
    });
    const one = await agent2.post('/api/notifications/read-all', { caseId: 'case-a' });
    expect(one.body).toEqual({ updated: 2 });
    const unread = await stack.db.prisma.notification.findMany({ where: { userId: 'u-agent2', readAt: null }, select: { id: true } });
    expect(unread.map((n) => n.id)).toEqual(['n-b1']);
    expect((await agent2.post('/api/notifications/read-all')).body).toEqual({ updated: 1 });
  });
});
