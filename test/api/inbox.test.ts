import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';
import { activeTask } from '../support/cases';

// The inbox's search and filters, the supervisors' workload and "next task".

let stack: Stack;
let agent1: ApiClient;
let agent2: ApiClient;
let supervisor: ApiClient;

const filter = (f: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(f))}`;
const complaint = async (clientId: string, severity: 'low' | 'medium' | 'high') => {
  const res = await agent1.post('/api/complaints', {
    clientId,
    channel: 'email',
    category: 'other',
    severity,
    description: `About ${clientId}`,
  });
  expect(res.status).toBe(201);
  await activeTask(stack.db.prisma, res.body.id, 'acknowledge');
  return res.body as { id: string; reference: string };
};

beforeAll(async () => {
  stack = await startStack();
  [agent1, agent2, supervisor] = await Promise.all(
    ['agent1', 'agent2', 'supervisor'].map((u) => ApiClient.login(stack.url, `${u}@example.com`)),
  );
});
afterAll(() => stack?.stop());

describe('the inbox', () => {
  it('finds tasks by their case reference or client name, and filters by assignee and client', async () => {
    const a = await complaint('c-1001', 'low');
    const b = await complaint('c-1004', 'low');
    const byRef = (await agent1.get(`/api/tasks?view=team&${filter({ q: a.reference.toLowerCase() })}`)).body;
    expect(byRef.map((t: { caseId: string }) => t.caseId)).toEqual([a.id]);
    const byName = (await agent1.get(`/api/tasks?view=team&${filter({ q: 'volkov' })}`)).body;
    expect(byName.map((t: { caseId: string }) => t.caseId)).toEqual([b.id]);
    expect((await agent1.get(`/api/tasks?view=team&${filter({ q: '100%' })}`)).body).toEqual([]);

    const task = await activeTask(stack.db.prisma, b.id, 'acknowledge');
    expect((await agent2.post(taskPath(task.id, 'claim'))).status).toBe(200);
    const mine = (await supervisor.get(`/api/tasks?view=team&${filter({ assigneeId: 'u-agent2' })}`)).body;
    expect(mine.map((t: { id: string }) => t.id)).toEqual([task.id]);
    const ofClient = (await supervisor.get(`/api/tasks?view=team&${filter({ clientId: 'c-1001' })}`)).body;
    expect(ofClient.map((t: { caseId: string }) => t.caseId)).toEqual([a.id]);
  });

  it('gives supervisors the workload per assignee, the queue as one row; agents may not ask', async () => {
    const res = await supervisor.get('/api/tasks/workload');
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.map((r: { assignee: { name: string } | null }) => [r.assignee?.name ?? 'queue', r]));
    expect(byName['Boris Agent']).toMatchObject({ claimed: 1, open: 0 });
    expect(byName.queue.open).toBeGreaterThanOrEqual(1);
    expect((await agent1.get('/api/tasks/workload')).status).toBe(403);
  });

  it('"next task" claims the most urgent open task the person may work', async () => {
    const urgent = await complaint('c-1005', 'high');
    const next = await agent1.post('/api/tasks/next');
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ caseId: urgent.id, status: 'claimed', assigneeId: 'u-agent1', can: { complete: true } });
    // again and again until nothing is left
    for (;;) {
      const more = await agent1.post('/api/tasks/next');
      if (more.status === 404) {
        expect(more.body.error.reason).toBe('NO_TASK');
        break;
      }
      expect(more.status).toBe(200);
    }
    const open = await stack.db.prisma.task.count({
      where: { status: 'open', teamId: 'london-complaints', requiredRole: { has: 'agent' } },
    });
    expect(open).toBe(0);
  });
});
