// Administrators tune SLA policies and settings through the API; cases opened afterwards follow them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';

let stack: Stack;
let admin: ApiClient;
let supervisor: ApiClient;
let agent: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  [admin, supervisor, agent] = await Promise.all(
    ['admin@example.com', 'supervisor@example.com', 'agent1@example.com'].map((e) => ApiClient.login(stack.url, e)),
  );
});
afterAll(() => stack?.stop());

const request = (c: ApiClient, method: string, path: string, body?: unknown) => c.request(method, path, body);

describe('SLA policies and settings', () => {
  it('lists every case type’s installed defaults to administrators only', async () => {
    const list = await admin.get('/api/sla-policies');
    expect(list.status).toBe(200);
    const types = new Set(list.body.map((p: { caseType: string }) => p.caseType));
    expect([...types].sort()).toEqual(['aml_case', 'client_development', 'complaint', 'internal_request', 'kyc_review']);
    expect((await supervisor.get('/api/sla-policies')).status).toBe(403);
    expect((await agent.get('/api/settings')).status).toBe(403);
  });

  it('changes a policy, audited before and after; the next case gets the new deadline', async () => {
    const changed = await request(admin, 'PUT', `/api/sla-policies/${encodeURIComponent('complaint:acknowledge:*:*')}`, {
      businessDays: 3,
      businessHours: null,
      escalateAfterMinutes: 60,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ businessDays: 3, escalateAfterMinutes: 60 });
    const audited = await stack.db.prisma.auditEvent.findFirst({ where: { action: 'sla_policy_changed' } });
    expect(audited?.data).toMatchObject({ before: { businessDays: 1 }, after: { businessDays: 3 } });

    const opened = await agent.post('/api/complaints', {
      clientId: 'c-1001',
      channel: 'phone',
      category: 'platform',
      severity: 'low',
      description: 'Chart froze',
    });
    expect(opened.status).toBe(201);
    const task = opened.body.tasks[0];
    const businessDays = (Date.parse(task.dueAt) - Date.parse(task.createdAt)) / 86_400_000;
    expect(businessDays).toBeGreaterThan(2.9);

    const minutes = await request(admin, 'PUT', `/api/sla-policies/${encodeURIComponent('complaint:acknowledge:*:*')}`, {
      businessDays: null,
      businessHours: null,
      businessMinutes: 45,
      escalateAfterMinutes: 15,
    });
    expect(minutes.body).toMatchObject({ businessDays: null, businessHours: null, businessMinutes: 45 });

    const bad = await request(admin, 'PUT', `/api/sla-policies/${encodeURIComponent('complaint:acknowledge:*:*')}`, {
      businessDays: null,
      businessHours: null,
      escalateAfterMinutes: 1,
    });
    expect(bad.status).toBe(400);
  });

  it('adds a more specific policy for a known step only, and changes a declared setting', async () => {
    const added = await admin.post('/api/sla-policies', {
      caseType: 'complaint',
      step: 'investigate',
      category: 'platform',
      businessDays: 2,
      businessHours: null,
      escalateAfterMinutes: 120,
    });
    expect(added.status).toBe(201);
    expect(added.body.id).toBe('complaint:investigate:platform:*');
    expect(
      (
        await admin.post('/api/sla-policies', {
          caseType: 'complaint',
          step: 'dance',
          businessDays: 2,
          businessHours: null,
          escalateAfterMinutes: 1,
        })
      ).status,
    ).toBe(400);

    const settings = await admin.get('/api/settings');
    expect(settings.body).toEqual(
      expect.arrayContaining([
        { id: 'complaint.reopenWindowDays', key: 'complaint.reopenWindowDays', caseType: 'complaint', value: 30, default: 30 },
      ]),
    );
    expect(settings.headers.get('content-range')).toMatch(/^settings 0-\d+\/\d+$/);
    const put = await request(admin, 'PUT', '/api/settings/complaint.reopenWindowDays', { value: 14 });
    expect(put.body).toMatchObject({ value: 14, default: 30 });
    expect((await request(admin, 'PUT', '/api/settings/no.such', { value: 1 })).status).toBe(404);
  });
});
