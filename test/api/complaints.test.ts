import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';
import { applyProjection } from '../../activities/engine/projection';
import { verifyChain } from '../../platform/timeline';

let stack: Stack;
let agent1: ApiClient;
let agent2: ApiClient;
let supervisor: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  [agent1, agent2, supervisor] = await Promise.all(
    ['agent1@example.com', 'agent2@example.com', 'supervisor@example.com'].map((e) => ApiClient.login(stack.url, e)),
  );
});
afterAll(() => stack?.stop());

const complaint = (over: Record<string, unknown> = {}) => ({
  clientId: 'c-1001',
  channel: 'phone',
  category: 'trade_execution',
  severity: 'medium',
  description: 'Order filled at a worse price than quoted.',
  ...over,
});

async function openTaskOf(caseId: string, client = agent1) {
  const res = await client.get(`/api/tasks?view=team&filter=${encodeURIComponent(JSON.stringify({ caseId }))}`);
  expect(res.status).toBe(200);
  return res.body[0];
}

async function waitForStep(caseId: string, step: string): Promise<void> {
  for (let i = 0; i < 200 && (await openTaskOf(caseId))?.step !== step; i++) await new Promise((r) => setTimeout(r, 50));
}

async function countRows(table: string): Promise<number> {
  return (await stack.db.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
}

describe('registering a complaint', () => {
  it('answers 400 with each bad field and its reason, and starts nothing', async () => {
    const before = await countRows('cases');
    const res = await agent1.post('/api/complaints', { clientId: 'c-1001', channel: 'pigeon', severity: 'urgent', description: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = Object.fromEntries(res.body.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(Object.keys(fields).sort()).toEqual(['body.category', 'body.channel', 'body.description', 'body.severity']);
    expect(fields['body.severity']).toMatch(/low.*medium.*high/);
    expect(await countRows('cases')).toBe(before);
  });

  it('refuses a client outside the agent’s branch as a field error, with no case written', async () => {
    const before = await countRows('cases');
    const res = await agent1.post('/api/complaints', complaint({ clientId: 'c-2001' }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('body.clientId');
    expect(await countRows('cases')).toBe(before);
  });

  it('returns 201 with a case that GET already finds, and puts the first task in the team queue', async () => {
    const res = await agent1.post('/api/complaints', complaint());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'acknowledge', status: 'open', client: { name: 'Oliver Bennett' }, slaState: 'on_track' });
    const got = await agent2.get(`/api/complaints/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.tasks).toHaveLength(1);
    const task = await openTaskOf(res.body.id, agent2);
    expect(task).toMatchObject({ step: 'acknowledge', status: 'open', assignee: null, caseType: 'complaint' });
    expect(new Date(task.dueAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('with the same Idempotency-Key, a retried request returns the same case instead of opening a second', async () => {
    const before = await countRows('cases');
    const headers = { 'idempotency-key': 'retry-test-1' };
    const [a, b] = await Promise.all([
      agent1.post('/api/complaints', complaint({ description: 'Retried' }), headers),
      agent1.post('/api/complaints', complaint({ description: 'Retried' }), headers),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(await countRows('cases')).toBe(before + 1);
  });

  it('hides complaints of another branch (404)', async () => {
    const res = await agent1.post('/api/complaints', complaint());
    const shanghai = await ApiClient.login(stack.url, 'li.wei@example.com');
    expect((await shanghai.get(`/api/complaints/${res.body.id}`)).status).toBe(404);
    expect((await shanghai.post(taskPath((await openTaskOf(res.body.id)).id, 'claim'))).status).toBe(404);
  });
});

describe('working the inbox', () => {
  it('of two racing claims exactly one wins; the other gets 409', async () => {
    for (let round = 0; round < 3; round++) {
      const { body } = await agent1.post('/api/complaints', complaint());
      const task = await openTaskOf(body.id);
      const results = await Promise.all([agent1.post(taskPath(task.id, 'claim')), agent2.post(taskPath(task.id, 'claim'))]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(loser.body.error.reason).toBe('TASK_ALREADY_CLAIMED');
      const winner = results.find((r) => r.status === 200)!;
      const after = await agent1.get(taskPath(task.id));
      expect(after.body.assigneeId).toBe(winner.body.assigneeId);
    }
  });

  it('shows a claimed task in "my tasks", refuses completion by someone else (409) and a bad form (400) without changing it', async () => {
    const { body } = await agent1.post('/api/complaints', complaint());
    const task = await openTaskOf(body.id);
    expect((await agent1.post(taskPath(task.id, 'claim'))).status).toBe(200);
    // a retried claim (its first answer lost) is answered, not refused; someone else's is refused
    expect((await agent1.post(taskPath(task.id, 'claim'))).status).toBe(200);
    expect((await agent2.post(taskPath(task.id, 'claim'))).status).toBe(409);
    const mine = await agent1.get('/api/tasks?view=mine');
    expect(mine.body.map((t: { id: string }) => t.id)).toContain(task.id);
    expect(Number(mine.headers.get('content-range')!.split('/')[1])).toBe(mine.body.length);

    const notMine = await agent2.post(taskPath(task.id, 'complete'), { outcome: 'acknowledged' });
    expect(notMine.status).toBe(409);
    const badForm = await agent1.post(taskPath(task.id, 'complete'), { outcome: 'findings_recorded' });
    expect(badForm.status).toBe(400);
    expect((await agent1.get(taskPath(task.id))).body.status).toBe('claimed');

    const done = await agent1.post(taskPath(task.id, 'complete'), { outcome: 'acknowledged', note: 'Called back' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    // the same completion retried answers the same; another outcome now is refused
    const retried = await agent1.post(taskPath(task.id, 'complete'), { outcome: 'acknowledged', note: 'Called back' });
    expect(retried.status).toBe(200);
    expect(retried.body.completedAt).toBe(done.body.completedAt);
    expect((await agent1.post(taskPath(task.id, 'claim'))).status).toBe(409);
  });

  it('releases a task back to the queue and lets a supervisor reassign in bulk', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push((await openTaskOf((await agent1.post('/api/complaints', complaint())).body.id)).id);
    await agent1.post(taskPath(ids[0], 'claim'));
    const released = await agent1.post(taskPath(ids[0], 'release'));
    expect(released.body).toMatchObject({ status: 'open', assignee: null });
    const bulk = await supervisor.post('/api/tasks/bulk-reassign', {
      taskIds: [...ids, 'complaint-none/acknowledge/1'],
      assigneeId: 'u-agent2',
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false]);
    const mine = await agent2.get('/api/tasks?view=mine');
    expect(mine.body.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(ids));
    expect(mine.body.find((t: { id: string }) => t.id === ids[0]).assignee.name).toBe('Boris Agent');
  });

  it('filters and sorts the queue by SLA state and due time', async () => {
    const res = await agent1.get(
      `/api/tasks?view=team&sort=${encodeURIComponent('["dueAt","ASC"]')}&range=[0,9]&filter=${encodeURIComponent('{"slaState":"on_track"}')}`,
    );
    expect(res.status).toBe(200);
    const due = res.body.map((t: { dueAt: string }) => t.dueAt);
    expect(due).toEqual([...due].sort());
    expect(res.body.every((t: { slaState: string }) => t.slaState === 'on_track')).toBe(true);
    const bad = await agent1.get(`/api/tasks?filter=${encodeURIComponent('{"slaState":"late"}')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toMatch(/^query\.filter/);
  });
});

describe('the timeline', () => {
  it('records every transition with actor and time, hash-chained and append-only', async () => {
    const { body } = await agent1.post('/api/complaints', complaint());
    const task = await openTaskOf(body.id);
    await agent1.post(taskPath(task.id, 'claim'));
    await agent1.post(taskPath(task.id, 'complete'), { outcome: 'acknowledged' });
    // the next step opens right after the completion is recorded
    await waitForStep(body.id, 'investigate');
    await agent2.post(`/api/complaints/${body.id}/comments`, { text: 'Client called again' });
    const timeline = await agent1.get(`/api/complaints/${body.id}/timeline`);
    const types = timeline.body.map((e: { type: string }) => e.type);
    expect(types.slice(0, 5)).toEqual(['case_opened', 'task_opened', 'task_claimed', 'task_completed', 'state_changed']);
    expect(types).toContain('comment');
    expect(timeline.body.find((e: { type: string }) => e.type === 'task_claimed').actor.name).toBe('Alice Agent');
    expect(await verifyChain(stack.db.pool, body.id)).toBeNull();
    await expect(stack.db.pool.query(`UPDATE case_events SET type = 'x' WHERE case_id = $1`, [body.id])).rejects.toThrow(/append-only/);
    await expect(stack.db.pool.query(`DELETE FROM case_events WHERE case_id = $1`, [body.id])).rejects.toThrow(/append-only/);
  });
});

describe('projection writes', () => {
  it('are all or nothing: a batch that fails half way leaves no trace', async () => {
    const { body } = await agent1.post('/api/complaints', complaint());
    const before = await stack.db.pool.query(`SELECT state, revision FROM cases WHERE id = $1`, [body.id]);
    const eventsBefore = await countRows('case_events');
    await expect(
      applyProjection(stack.db.pool, {
        case: { ...(await caseRow(body.id)), state: 'investigate', revision: before.rows[0].revision + 1 },
        events: [{ key: `test/${body.id}`, caseId: body.id, type: 'x', actorId: null, at: Date.now(), data: {} }],
        tasks: [{ ...(await taskRow(body.id)), id: 'broken', teamId: 'no-such-team', revision: 1 }],
      }),
    ).rejects.toThrow();
    expect((await stack.db.pool.query(`SELECT state FROM cases WHERE id = $1`, [body.id])).rows[0].state).toBe('acknowledge');
    expect(await countRows('case_events')).toBe(eventsBefore);
  });
});

async function caseRow(id: string) {
  const c = await stack.db.prisma.case.findUniqueOrThrow({ where: { id } });
  const ms = (d: Date | null) => d?.getTime() ?? null;
  return {
    ...c,
    referencePrefix: 'CMP',
    attributes: c.attributes as Record<string, unknown>,
    dueAt: ms(c.dueAt),
    atRiskAt: ms(c.atRiskAt),
    slaPausedAt: ms(c.slaPausedAt),
    openedAt: c.openedAt.getTime(),
    closedAt: ms(c.closedAt),
    breachedAt: ms(c.breachedAt),
  };
}
async function taskRow(caseId: string) {
  const t = await stack.db.prisma.task.findFirstOrThrow({ where: { caseId } });
  return {
    ...t,
    status: t.status as 'open',
    roles: t.requiredRole,
    outcome: null,
    dueAt: t.dueAt.getTime(),
    atRiskAt: t.atRiskAt.getTime(),
    breachAt: t.breachAt.getTime(),
    createdAt: t.createdAt.getTime(),
    claimedAt: null,
    completedAt: null,
  };
}

describe('hostile input', () => {
  it('refuses a NUL character as a field error instead of failing in the database', async () => {
    const { body } = await agent1.post('/api/complaints', complaint());
    const res = await agent1.post(`/api/complaints/${body.id}/comments`, { text: 'before\u0000after' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('body.text');
    const created = await agent1.post('/api/complaints', complaint({ description: 'x\u0000' }));
    expect(created.status).toBe(400);
  });
});
