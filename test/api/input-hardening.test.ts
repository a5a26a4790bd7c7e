// Inputs that once gave 500 or reached PostgreSQL in a form it refuses: each is a 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';
import { waitFor } from '../support/cases';

let stack: Stack;
let agent1: ApiClient;
let supervisor: ApiClient;
let kyc1: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  [agent1, supervisor, kyc1] = await Promise.all(
    ['agent1@example.com', 'supervisor@example.com', 'kyc1@example.com'].map((e) => ApiClient.login(stack.url, e)),
  );
});
afterAll(() => stack?.stop());

const paths = (res: { body: { error: { fields: { path: string }[] } } }) => res.body.error.fields.map((f) => f.path);
const filter = (f: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(f))}`;

async function claimedAcknowledgeTask(): Promise<string> {
  const created = await agent1.post('/api/complaints', {
    clientId: 'c-1001',
    channel: 'phone',
    category: 'other',
    severity: 'low',
    description: 'Hardening',
  });
  expect(created.status).toBe(201);
  const task = await waitFor(async () => (await agent1.get(`/api/tasks?${filter({ caseId: created.body.id })}`)).body[0], 'the first task');
  expect((await agent1.post(taskPath(task.id, 'claim'))).status).toBe(200);
  return task.id;
}

describe('text PostgreSQL cannot store', () => {
  it('refuses a lone surrogate or a NUL in a task completion as a 400 naming body.note', async () => {
    const taskId = await claimedAcknowledgeTask();
    for (const note of ['x\ud800', 'x\u0000', 'x\udc00y']) {
      const res = await agent1.post(taskPath(taskId, 'complete'), { outcome: 'acknowledged', note });
      expect(res.status).toBe(400);
      expect(paths(res)).toEqual(['body.note']);
    }
    const ok = await agent1.post(taskPath(taskId, 'complete'), { outcome: 'acknowledged', note: 'fine 👍' });
    expect(ok.status).toBe(200);
  });

  it('refuses q filters with a NUL or a lone surrogate on every list as a 400, not a 500', async () => {
    const lists = [
      [agent1, '/api/clients'],
      [agent1, '/api/complaints'],
      [supervisor, '/api/users'],
      [kyc1, '/api/kyc-reviews'],
    ] as const;
    for (const [client, path] of lists) {
      for (const q of ['a\u0000', 'x\ud800']) {
        const res = await client.get(`${path}?${filter({ q })}`);
        expect(res.status, `${path} ${JSON.stringify(q)}`).toBe(400);
        expect(paths(res)).toEqual(['query.filter.q']);
      }
    }
    const param = await agent1.get('/api/tasks/a%00b');
    expect(param.status).toBe(400);
    expect(paths(param)).toEqual(['params.id']);
  });
});

describe('malformed requests', () => {
  it('answers JSON nested 5000 levels deep with a 400, on a public route and a staff one', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const login = await new ApiClient(stack.url).request('POST', '/api/auth/login', deep);
    expect(login.status).toBe(400);
    expect(login.body.error.code).toBe('VALIDATION_FAILED');
    const arrays = '['.repeat(100_000) + ']'.repeat(100_000);
    expect((await agent1.request('POST', '/api/complaints', arrays)).status).toBe(400);
    // ordinary nesting still passes
    expect((await new ApiClient(stack.url).post('/api/auth/login', { email: 'agent1@example.com', password: 'wrong' })).status).toBe(401);
  });

  it('treats a sid cookie that is not valid percent-encoding as no session', async () => {
    const headers = { cookie: 'sid=%E0%A4%A' };
    expect((await new ApiClient(stack.url).request('GET', '/api/health', undefined, headers)).status).toBe(200);
    expect((await new ApiClient(stack.url).request('GET', '/api/auth/me', undefined, headers)).status).toBe(401);
    const login = await new ApiClient(stack.url).post(
      '/api/auth/login',
      { email: 'agent2@example.com', password: 'demo-password' },
      headers,
    );
    expect(login.status).toBe(200);
  });
});

describe('dates and periods', () => {
  it('refuses dates outside 1900-2200 in queries and bodies as field errors', async () => {
    const dash = await supervisor.get('/api/dashboard/complaints?from=0000-01-01&to=0000-01-31');
    expect(dash.status).toBe(400);
    expect(paths(dash).sort()).toEqual(['query.from', 'query.to']);
    const profile = await kyc1.request('PUT', '/api/clients/c-1001/kyc-profile', {
      dateOfBirth: '0000-01-01',
      beneficialOwners: [{ name: 'A', sharePercent: 50, dateOfBirth: '9999-12-31' }],
    });
    expect(profile.status).toBe(400);
    expect(paths(profile).sort()).toEqual(['body.beneficialOwners.0.dateOfBirth', 'body.dateOfBirth']);
  });

  it('bounds the dashboard period: a thousand years is a quick 400', async () => {
    const started = Date.now();
    const res = await supervisor.get('/api/dashboard/complaints?from=1000-01-01&to=2026-11-30');
    expect(res.status).toBe(400);
    expect(Date.now() - started).toBeLessThan(1000);
    const year = await supervisor.get('/api/dashboard/complaints?from=2025-12-01&to=2026-11-30');
    expect(year.status).toBe(200);
    expect(year.body.byDay).toHaveLength(365);
    expect((await supervisor.get('/api/dashboard/complaints?from=2024-01-01&to=2026-11-30')).status).toBe(400);
  });
});

describe('search text', () => {
  // Prisma 6.19 (query compiler) passes `contains` into ILIKE '%' || value || '%' unescaped, so
  // textContains escapes; escaping twice would make `100%` find nothing.
  it('matches % and _ literally in q', async () => {
    // Staff names are searched with LIKE (clients have their own word index): the wildcards must be text.
    const base = { branchId: 'london', passwordHash: 'x', roles: ['agent'], teamId: 'london-complaints' };
    await stack.db.prisma.user.createMany({
      data: [
        { ...base, id: 'u-like-1', email: 'like1@example.com', name: '100% Trust' },
        { ...base, id: 'u-like-2', email: 'like2@example.com', name: '1000 Trust' },
        { ...base, id: 'u-like-3', email: 'like3@example.com', name: 'Under_score Ltd' },
        { ...base, id: 'u-like-4', email: 'like4@example.com', name: 'Back\\slash Ltd' },
      ],
    });
    const names = async (q: string) =>
      (await supervisor.get(`/api/users?${filter({ q })}`)).body
        .map((c: { name: string }) => c.name)
        .filter((n: string) => /Trust|Ltd/.test(n))
        .sort();
    expect(await names('100%')).toEqual(['100% Trust']);
    expect(await names('100')).toEqual(expect.arrayContaining(['100% Trust', '1000 Trust']));
    expect(await names('_')).toEqual(['Under_score Ltd']);
    expect(await names('r_s')).toEqual(['Under_score Ltd']);
    expect(await names('%')).toEqual(['100% Trust']);
    expect(await names('k\\s')).toEqual(['Back\\slash Ltd']);
  });
});

describe('task ids', () => {
  it('gives new tasks ids that need no escaping in a URL path, and serves them unencoded', async () => {
    const taskId = await claimedAcknowledgeTask();
    expect(taskId).toMatch(/^[A-Za-z0-9._~-]+$/);
    expect((await agent1.get(`/api/tasks/${taskId}`)).body.id).toBe(taskId);
  });

  it('still serves a task with an old-style id containing /, URL-encoded', async () => {
    const taskId = await claimedAcknowledgeTask();
    const current = await stack.db.prisma.task.findUniqueOrThrow({ where: { id: taskId } });
    const oldId = taskId.replaceAll('.', '/');
    // a task row as the old id format wrote it, of a case whose workflow no longer has it
    await stack.db.prisma.task.create({ data: { ...current, id: oldId, outcome: undefined, status: 'open', assigneeId: null } });
    const got = await agent1.get(taskPath(oldId));
    expect(got.status).toBe(200);
    expect(got.body.id).toBe(oldId);
    expect(oldId).toContain('/');
    // the action reaches the workflow, which answers for its own tasks
    const claim = await agent1.post(taskPath(oldId, 'claim'));
    expect(claim.status).toBe(409);
    expect(claim.body.error.reason).toBe('STEP_NOT_OPEN');
  });
});
