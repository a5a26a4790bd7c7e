import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startStack, type Stack } from '../support/stack';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { AGENT1, activeTask, waitFor } from '../support/cases';

// On the time-skipping test server hours pass in milliseconds. The branch works around the clock here,
// so business time equals wall time and the thresholds are easy to state:
// acknowledge target 10 business hours → reminders at 5 h, 7.5 h, 9 h; escalation 1 at 10 h; escalation 2 at 11 h.
const HOUR = 3_600_000;

let env: TestWorkflowEnvironment;
let stack: Stack;

beforeAll(async () => {
  env = await createTimeSkippingEnvironment();
  stack = await startStack({ timeSkipping: env, api: false });
  await stack.db.prisma.branch.update({
    where: { id: 'london' },
    data: { workdays: [1, 2, 3, 4, 5, 6, 7], workStart: '00:00', workEnd: '24:00', holidays: [] },
  });
  await stack.db.prisma.slaPolicy.update({
    where: { id: 'complaint:acknowledge:*:*' },
    data: { businessDays: null, businessHours: 10, escalateAfterMinutes: 60 },
  });
});
afterAll(async () => {
  await stack?.stop();
  await env?.teardown();
});

const notifications = (caseId: string, type: string) =>
  stack.db.prisma.notification.findMany({ where: { caseId, type }, orderBy: { createdAt: 'asc' } });

async function sleepUntil(at: number): Promise<void> {
  const now = await env.currentTimeMs();
  if (at > now) await env.sleep(at - now);
}

describe('SLA clock of a task', () => {
  it('reminds at 50/75/90 %, escalates to the supervisor at 100 % with priority raised, then to the manager', async () => {
    const caseId = randomUUID();
    await stack.temporal.workflow.start('complaintWorkflow', {
      workflowId: `complaint-${caseId}`,
      taskQueue: stack.taskQueue,
      args: [
        {
          caseId,
          clientId: 'c-1001',
          channel: 'phone',
          category: 'fees_charges',
          severity: 'medium',
          description: 'Swap charged twice',
          openedBy: AGENT1,
        },
      ],
    });
    const task = await activeTask(stack.db.prisma, caseId, 'acknowledge');
    const t0 = task.createdAt.getTime();
    expect(task.dueAt.getTime() - t0).toBe(10 * HOUR);
    expect(task.priority).toBe(2);

    await sleepUntil(t0 + 5 * HOUR - 60_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(await notifications(caseId, 'sla_reminder')).toHaveLength(0);

    await sleepUntil(t0 + 5 * HOUR + 60_000);
    const first = await waitFor(async () => {
      const n = await notifications(caseId, 'sla_reminder');
      return n.length > 0 && n;
    }, '50 % reminder');
    // nobody has claimed the task, so the whole team queue is reminded
    expect(new Set(first.map((n) => n.userId))).toEqual(new Set(['u-agent1', 'u-agent2', 'u-supervisor']));
    expect(first.every((n) => (n.data as { percent: number }).percent === 50)).toBe(true);

    await sleepUntil(t0 + 9 * HOUR + 60_000);
    await waitFor(async () => {
      const percents = new Set((await notifications(caseId, 'sla_reminder')).map((n) => (n.data as { percent: number }).percent));
      return percents.size === 3 && [...percents].sort().join() === '50,75,90';
    }, '75 % and 90 % reminders');
    expect(await notifications(caseId, 'sla_escalation')).toHaveLength(0);

    await sleepUntil(t0 + 10 * HOUR + 60_000);
    const level1 = await waitFor(async () => {
      const n = await notifications(caseId, 'sla_escalation');
      return n.length > 0 && n;
    }, 'escalation level 1');
    expect(level1.map((n) => n.userId)).toEqual(['u-supervisor']);
    const escalated = await stack.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(escalated).toMatchObject({ priority: 1, escalationLevel: 1 });

    await sleepUntil(t0 + 11 * HOUR - 120_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(await notifications(caseId, 'sla_escalation')).toHaveLength(1);

    await sleepUntil(t0 + 11 * HOUR + 60_000);
    const level2 = await waitFor(async () => {
      const n = await notifications(caseId, 'sla_escalation');
      return n.length > 1 && n;
    }, 'escalation level 2');
    expect(level2.slice(1).map((n) => n.userId)).toEqual(['u-manager']);
    const timeline = await stack.db.prisma.caseEvent.findMany({
      where: { caseId, type: { in: ['sla_reminder', 'sla_escalated'] } },
      orderBy: { id: 'asc' },
    });
    expect(
      timeline.map((e) => `${e.type}:${(e.data as { percent?: number; level?: number }).percent ?? (e.data as { level: number }).level}`),
    ).toEqual(['sla_reminder:50', 'sla_reminder:75', 'sla_reminder:90', 'sla_escalated:1', 'sla_escalated:2']);
  });

  it('marks the case deadline missed when it passes, and tells the complaints manager', async () => {
    await stack.db.prisma.slaPolicy.update({ where: { id: 'complaint:_case:*:*' }, data: { businessDays: null, businessHours: 30 } });
    const caseId = randomUUID();
    await stack.temporal.workflow.start('complaintWorkflow', {
      workflowId: `complaint-${caseId}`,
      taskQueue: stack.taskQueue,
      args: [
        {
          caseId,
          clientId: 'c-1002',
          channel: 'email',
          category: 'other',
          severity: 'low',
          description: 'Statement missing',
          openedBy: AGENT1,
        },
      ],
    });
    const opened = await waitFor(() => stack.db.prisma.case.findUnique({ where: { id: caseId } }), 'case row');
    expect(opened.dueAt!.getTime() - opened.openedAt.getTime()).toBe(30 * HOUR);
    await sleepUntil(opened.dueAt!.getTime() + 60_000);
    const breached = await waitFor(async () => {
      const c = await stack.db.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
      return c.breachedAt && c;
    }, 'case breach');
    expect(breached.breachedAt!.getTime()).toBeGreaterThanOrEqual(opened.dueAt!.getTime());
    const told = await notifications(caseId, 'sla_escalation');
    expect(told.map((n) => n.userId)).toContain('u-manager');
  });

  it('counts a target in business minutes (a chat desk answers within minutes)', async () => {
    await stack.db.prisma.slaPolicy.update({
      where: { id: 'complaint:acknowledge:*:*' },
      data: { businessDays: null, businessHours: null, businessMinutes: 90 },
    });
    const caseId = randomUUID();
    await stack.temporal.workflow.start('complaintWorkflow', {
      workflowId: `complaint-${caseId}`,
      taskQueue: stack.taskQueue,
      args: [
        {
          caseId,
          clientId: 'c-1003',
          channel: 'chat',
          category: 'platform',
          severity: 'low',
          description: 'Chart does not load',
          openedBy: AGENT1,
        },
      ],
    });
    const task = await activeTask(stack.db.prisma, caseId, 'acknowledge');
    expect(task.dueAt.getTime() - task.createdAt.getTime()).toBe(90 * 60_000);
    expect(task.atRiskAt.getTime() - task.createdAt.getTime()).toBe(67.5 * 60_000);
  });
});
