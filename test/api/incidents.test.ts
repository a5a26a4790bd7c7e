// A case whose projection PostgreSQL refuses holds as an incident instead of retrying forever; the
// request that caused it gets 503 CASE_STUCK; an administrator repairs it over the API and it moves on.
// Validation refuses such text (test/api/input-hardening.test.ts), so the Update goes straight to the
// workflow here, as a client other than the API could send it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';
import { waitFor } from '../support/cases';
import { sendUpdateWithin } from '../../api/temporal/updates';
import { completeTaskUpdate, getCaseStateQuery } from '../../workflows/engine/updates';

let stack: Stack;
let agent1: ApiClient;
let supervisor: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  [agent1, supervisor, admin] = await Promise.all(
    ['agent1@example.com', 'supervisor@example.com', 'admin@example.com'].map((e) => ApiClient.login(stack.url, e)),
  );
});
afterAll(() => stack?.stop());

const filter = (f: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(f))}`;
const AGENT1 = { id: 'u-agent1', roles: ['agent'], teamId: 'london-complaints' };

async function openTask(caseId: string, step: string) {
  return waitFor(async () => {
    const tasks = (await agent1.get(`/api/tasks?${filter({ caseId })}`)).body as { id: string; step: string }[];
    return tasks.find((t) => t.step === step);
  }, `the ${step} task`);
}

describe('a case that cannot be saved', () => {
  it('holds as an incident, tells the admins, and moves on after a sanitize repair', async () => {
    const created = await agent1.post('/api/complaints', {
      clientId: 'c-1001',
      channel: 'email',
      category: 'other',
      severity: 'low',
      description: 'Stuck',
    });
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;
    const workflowId = `complaint-${caseId}`;
    const task = await openTask(caseId, 'acknowledge');
    expect((await agent1.post(taskPath(task.id, 'claim'))).status).toBe(200);

    // the Update is accepted, its write is refused for good: the caller is answered, not left hanging
    const started = Date.now();
    const outcome = { outcome: 'acknowledged', note: 'x\ud800' };
    await expect(
      sendUpdateWithin(2000, stack.temporal, workflowId, completeTaskUpdate, { taskId: task.id, actor: AGENT1, outcome }),
    ).rejects.toMatchObject({
      status: 503,
      code: 'CASE_STUCK',
    });
    expect(Date.now() - started).toBeLessThan(10_000);

    const incident = await waitFor(
      async () => (await admin.get(`/api/incidents?${filter({ status: 'open', caseId })}`)).body[0],
      'the incident',
    );
    expect(incident).toMatchObject({ status: 'open', caseId, caseType: 'complaint', reference: created.body.reference, resolvedAt: null });
    expect(incident.code).toMatch(/^PG_22/);
    expect(incident.message).not.toBe('');
    const notes = (await admin.get('/api/notifications')).body as { type: string; caseId: string }[];
    expect(notes.some((n) => n.type === 'case_stuck' && n.caseId === caseId)).toBe(true);
    expect((await agent1.get('/api/incidents')).status).toBe(403);
    expect((await supervisor.post(`/api/incidents/${incident.id}/repair`, { mode: 'sanitize' })).status).toBe(403);

    // the task cannot be worked meanwhile, yet the workflow answers
    const again = await agent1.post(taskPath(task.id, 'complete'), { outcome: 'acknowledged', note: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toBe('STEP_NOT_OPEN');
    expect((await agent1.post(taskPath(task.id, 'release'))).status).toBe(409);
    const state = await stack.temporal.workflow.getHandle(workflowId).query(getCaseStateQuery);
    expect(state.stuck?.code).toBe(incident.code);

    // retry as is: the write fails again and the incident stays open
    expect((await admin.post(`/api/incidents/${incident.id}/repair`, { mode: 'delete' })).status).toBe(400);
    const retried = await admin.post(`/api/incidents/${incident.id}/repair`, { mode: 'retry' });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'open', resolvedAt: null });

    const repaired = await admin.post(`/api/incidents/${incident.id}/repair`, { mode: 'sanitize' });
    expect(repaired.status).toBe(200);
    expect(repaired.body).toMatchObject({ status: 'resolved', resolution: 'sanitize', resolvedById: 'u-admin' });
    const row = await stack.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row).toMatchObject({ status: 'completed', completedById: 'u-agent1', outcome: { outcome: 'acknowledged', note: 'x\uFFFD' } });
    await openTask(caseId, 'investigate');
    expect((await stack.temporal.workflow.getHandle(workflowId).query(getCaseStateQuery)).stuck).toBeNull();

    expect((await admin.post(`/api/incidents/${incident.id}/repair`, { mode: 'retry' })).status).toBe(409);
    const all = (await admin.get('/api/incidents')).body as { id: string; status: string }[];
    expect(all.find((i) => i.id === incident.id)?.status).toBe('resolved');
    const audits = await stack.db.prisma.auditEvent.findMany({ where: { action: 'case_repair_requested', entityId: incident.id } });
    expect(audits.map((a) => (a.data as { mode: string }).mode)).toEqual(['retry', 'sanitize']);
  });

  it('answers a registration whose first write is refused with 503 CASE_STUCK, and a retry after the fix opens the case', async () => {
    // a constraint the first write breaks: a trigger stands in for any permanent refusal
    await stack.db.pool.query(`CREATE FUNCTION refuse_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.summary = 'refuse me' THEN RAISE EXCEPTION 'refused by the test' USING ERRCODE = '23514'; END IF; RETURN NEW; END $$`);
    await stack.db.pool.query('CREATE TRIGGER refuse_case BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION refuse_case()');
    const started = Date.now();
    const res = await agent1.post('/api/complaints', {
      clientId: 'c-1001',
      channel: 'email',
      category: 'other',
      severity: 'low',
      description: 'refuse me',
    });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('CASE_STUCK');
    expect(Date.now() - started).toBeLessThan(30_000);

    const incidents = (await admin.get(`/api/incidents?${filter({ status: 'open' })}`)).body as {
      id: string;
      code: string;
      reference: string | null;
      caseId: string;
    }[];
    const incident = incidents.find((i) => i.code === 'PG_23514')!;
    expect(incident).toMatchObject({ reference: null });
    expect(await stack.db.prisma.case.count({ where: { id: incident.caseId } })).toBe(0);

    await stack.db.pool.query('DROP TRIGGER refuse_case ON cases');
    const repaired = await admin.post(`/api/incidents/${incident.id}/repair`, { mode: 'retry' });
    expect(repaired.body).toMatchObject({ status: 'resolved', resolution: 'retry' });
    expect(repaired.body.reference).toMatch(/^CMP-\d{4}-\d{6}$/);
    await openTask(incident.caseId, 'acknowledge');
  });
});
