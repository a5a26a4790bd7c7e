// Client development's clocks and behaviour triggers on a time-skipping Temporal server: a hot lead's first
// contact escalates to the supervisor when it is late, unanswered calls are tried again a business day later
// until the lead is lost as unreachable, and the client's behaviour opens the account manager's follow-ups
// (KYC stuck, a failed deposit, no trade after 7 days, dormant after a withdrawal), each in their inbox with its
// deadline. Business time is calendar time here (the branch works around the clock).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createActivities } from '../../activities';
import type { DevelopmentActivities } from '../../activities/client-development';
import { developmentWorkflowId } from '../../platform/crm/development';
import { kycDecidedSignal } from '../../workflows/kyc-review/updates';
import { startStack, workflowBundle, type Stack } from '../support/stack';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { activeTask, waitFor } from '../support/cases';
import { recordHistoryIfAsked } from '../support/history';
import { AM1, book, caseOf, newLead, untilState, workStep } from '../support/development';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('client development on a time-skipping server', () => {
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
    // the lead's status is written after the case's row (another activity): wait for it, do not read it once
    const lead = await waitFor(async () => {
      const l = await prisma().lead.findUniqueOrThrow({ where: { id: caseId } });
      return l.status === 'lost' && l;
    }, 'lead lost');
    expect(lead.lostReason).toBe('unreachable');
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

  // --- the client's behaviour: follow-ups in the account manager's inbox

  /** A lead of an approved client who has never deposited, worked to `approved` (no KYC review is needed). */
  const approvedCase = async (name: string) => {
    const clientId = `c-${name}-${Date.now()}`;
    await prisma().client.create({
      data: { id: clientId, name: `Nora ${name}`, country: 'GB', branchId: 'london', accountManagerId: 'u-agent1', kycStatus: 'approved' },
    });
    const { intake } = await newLead(stack.db.pool, stack.temporal, stack.taskQueue);
    const caseId = (intake as { caseId: string }).caseId;
    await workStep(stack.temporal, prisma(), caseId, 'first_contact', { outcome: 'contacted' });
    await workStep(stack.temporal, prisma(), caseId, 'qualify', { outcome: 'qualified' });
    await workStep(stack.temporal, prisma(), caseId, 'application', { outcome: 'submitted', clientId });
    await untilState(prisma(), caseId, 'approved');
    return { caseId, clientId };
  };
  const tasksOf = (caseId: string, step: string) => prisma().task.findMany({ where: { caseId, step }, orderBy: { createdAt: 'asc' } });
  const fired = async (caseId: string, trigger: string) =>
    (await events(caseId)).filter((e) => e.type === 'trigger_fired' && e.data.trigger === trigger);
  const serverNow = async () => new Date(await env.currentTimeMs());
  /** The follow-up is the account manager's: in their inbox (assigned to them), they were told, its deadline stands. */
  const expectInInbox = async (
    task: { id: string; assigneeId: string | null; status: string; dueAt: Date; createdAt: Date },
    deadline: number,
  ) => {
    expect(task).toMatchObject({ assigneeId: 'u-agent1', status: 'claimed' });
    expect(Math.abs(task.dueAt.getTime() - task.createdAt.getTime() - deadline)).toBeLessThanOrEqual(60_000);
    await waitFor(
      () => prisma().notification.findFirst({ where: { taskId: task.id, userId: 'u-agent1', type: 'task_assigned' } }),
      `${task.id} told to the account manager`,
    );
  };

  it('asks the account manager to chase a KYC review that has not decided after 5 business days, again 5 days after they chased, and withdraws it when the review decides', async () => {
    // a new client (the lead becomes one), so a real onboarding review starts and waits for documents
    const { intake } = await newLead(stack.db.pool, stack.temporal, stack.taskQueue);
    const caseId = (intake as { caseId: string }).caseId;
    await workStep(stack.temporal, prisma(), caseId, 'first_contact', { outcome: 'contacted' });
    await workStep(stack.temporal, prisma(), caseId, 'qualify', { outcome: 'qualified' });
    await workStep(stack.temporal, prisma(), caseId, 'application', { outcome: 'submitted' });
    const inKyc = await untilState(prisma(), caseId, 'kyc');
    const { kycCaseId, stages } = inKyc.attributes as { kycCaseId: string; stages: { kyc: number } };
    expect(await waitFor(() => prisma().case.findUnique({ where: { id: kycCaseId } }), 'the KYC review case')).toMatchObject({
      type: 'kyc_review',
    });

    // nothing before 5 business days
    await sleepUntil(stages.kyc + 5 * DAY - HOUR);
    await new Promise((r) => setTimeout(r, 300));
    expect(await tasksOf(caseId, 'kyc_stuck')).toHaveLength(0);
    await sleepUntil(stages.kyc + 5 * DAY + HOUR);
    const first = await activeTask(prisma(), caseId, 'kyc_stuck');
    expect(first.id).toMatch(/\.kyc_stuck\.1$/);
    await expectInInbox(first, DAY);
    expect((await fired(caseId, 'kyc_stuck')).map((e) => e.data)).toEqual([{ trigger: 'kyc_stuck', kycCaseId }]);

    // 5 more days without a decision while the first is still open: no second one beside it
    await sleepUntil(stages.kyc + 10 * DAY + HOUR);
    await new Promise((r) => setTimeout(r, 300));
    expect((await tasksOf(caseId, 'kyc_stuck')).map((t) => t.status)).toEqual(['claimed']);
    expect(await fired(caseId, 'kyc_stuck')).toHaveLength(1);

    // the account manager chased the client; 5 business days later the review still has not decided
    const chasedAt = await env.currentTimeMs();
    await workStep(stack.temporal, prisma(), caseId, 'kyc_stuck', { outcome: 'chased', note: 'Asked for a passport scan' });
    await waitFor(async () => (await prisma().task.findUniqueOrThrow({ where: { id: first.id } })).status === 'completed', 'chased');
    await sleepUntil(chasedAt + 5 * DAY + HOUR);
    const second = await activeTask(prisma(), caseId, 'kyc_stuck');
    expect(second.id).toMatch(/\.kyc_stuck\.2$/);
    await expectInInbox(second, DAY);
    expect(await fired(caseId, 'kyc_stuck')).toHaveLength(2);

    // the review decides (its signal, as the review sends it): the follow-up goes away and the client is approved
    await stack.temporal.workflow
      .getHandle(developmentWorkflowId(caseId))
      .signal(kycDecidedSignal, { caseId: kycCaseId, decision: 'approved', at: await env.currentTimeMs() });
    await untilState(prisma(), caseId, 'approved');
    await waitFor(
      async () => (await prisma().task.findUniqueOrThrow({ where: { id: second.id } })).status === 'cancelled',
      'chase withdrawn',
    );
    await activeTask(prisma(), caseId, 'first_deposit');
  });

  it('opens one failed-deposit follow-up at a time, with 4 business hours to work it, and another once it is done', async () => {
    const { caseId, clientId } = await approvedCase('declined');
    const firstDeposit = await activeTask(prisma(), caseId, 'first_deposit');

    // the card is declined twice in a row: one follow-up, the second failure only on the timeline
    await book(stack.db.pool, stack.temporal, { clientId, type: 'deposit', status: 'failed', amount: '250', bookedAt: await serverNow() });
    await book(stack.db.pool, stack.temporal, { clientId, type: 'deposit', status: 'failed', amount: '200', bookedAt: await serverNow() });
    await waitFor(async () => (await events(caseId)).some((e) => e.type === 'deposit_failed'), 'second failure recorded');
    const followUp = await activeTask(prisma(), caseId, 'deposit_failed');
    await expectInInbox(followUp, 4 * HOUR);
    expect((await fired(caseId, 'deposit_failed')).map((e) => e.data.amount)).toEqual(['250']);
    expect((await events(caseId)).filter((e) => e.type === 'deposit_failed').map((e) => e.data)).toMatchObject([
      { amount: '200', task: false },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await tasksOf(caseId, 'deposit_failed')).toHaveLength(1);
    // the first-deposit follow-up goes on beside it
    expect((await prisma().task.findUniqueOrThrow({ where: { id: firstDeposit.id } })).status).toBe('claimed');

    // worked: the next failure opens a new one
    await workStep(stack.temporal, prisma(), caseId, 'deposit_failed', {
      outcome: 'followed_up',
      note: 'Card limit; will use a bank transfer',
    });
    await waitFor(async () => (await prisma().task.findUniqueOrThrow({ where: { id: followUp.id } })).status === 'completed', 'worked');
    await book(stack.db.pool, stack.temporal, { clientId, type: 'deposit', status: 'failed', amount: '300', bookedAt: await serverNow() });
    const next = await activeTask(prisma(), caseId, 'deposit_failed');
    expect(next.id).toMatch(/\.deposit_failed\.2$/);
    await expectInInbox(next, 4 * HOUR);
    expect((await fired(caseId, 'deposit_failed')).map((e) => e.data.amount)).toEqual(['250', '300']);

    // the transfer arrives: funded (an open failed-deposit follow-up stays the account manager's to close)
    await book(stack.db.pool, stack.temporal, { clientId, type: 'deposit', bookedAt: await serverNow() });
    await untilState(prisma(), caseId, 'funded');
    expect((await prisma().task.findUniqueOrThrow({ where: { id: firstDeposit.id } })).status).toBe('cancelled');
  });

  it('asks the account manager to call a client who withdrew and then neither deposited nor traded for 30 days', async () => {
    const { caseId, clientId } = await approvedCase('dormant');
    await book(stack.db.pool, stack.temporal, { clientId, type: 'deposit', bookedAt: await serverNow() });
    await untilState(prisma(), caseId, 'funded');
    await book(stack.db.pool, stack.temporal, { clientId, type: 'trade', bookedAt: await serverNow() });
    await untilState(prisma(), caseId, 'active');

    const withdrawnAt = await env.currentTimeMs();
    await book(stack.db.pool, stack.temporal, { clientId, type: 'withdrawal', bookedAt: new Date(withdrawnAt) });
    await sleepUntil(withdrawnAt + 30 * DAY - HOUR);
    await new Promise((r) => setTimeout(r, 300));
    expect(await tasksOf(caseId, 'dormant')).toHaveLength(0);
    await sleepUntil(withdrawnAt + 30 * DAY + HOUR);
    const call = await activeTask(prisma(), caseId, 'dormant');
    await expectInInbox(call, 2 * DAY);
    expect((await fired(caseId, 'dormant')).map((e) => e.data)).toEqual([{ trigger: 'dormant', withdrawalAt: withdrawnAt, days: 30 }]);
    await workStep(stack.temporal, prisma(), caseId, 'dormant', { outcome: 'followed_up', note: 'Moving funds to another broker' });
    await waitFor(async () => (await prisma().task.findUniqueOrThrow({ where: { id: call.id } })).status === 'completed', 'called');

    // another withdrawal, but the client deposits the next day: no call
    const again = await env.currentTimeMs();
    await book(stack.db.pool, stack.temporal, { clientId, type: 'withdrawal', bookedAt: new Date(again) });
    await sleepUntil(again + DAY);
    await book(stack.db.pool, stack.temporal, { clientId, type: 'deposit', bookedAt: await serverNow() });
    // and another withdrawal followed by a trade (an active trader's trades are not signalled: the case reads
    // the transactions before it calls)
    await sleepUntil(again + 2 * DAY);
    const third = await env.currentTimeMs();
    await book(stack.db.pool, stack.temporal, { clientId, type: 'withdrawal', bookedAt: new Date(third) });
    await sleepUntil(third + DAY);
    await book(stack.db.pool, stack.temporal, { clientId, type: 'trade', bookedAt: await serverNow() });
    await sleepUntil(third + 30 * DAY + HOUR);
    await new Promise((r) => setTimeout(r, 500));
    expect(await tasksOf(caseId, 'dormant')).toHaveLength(1);
    expect(await fired(caseId, 'dormant')).toHaveLength(1);
    expect((await caseOf(prisma(), caseId)).state).toBe('active');
  });

  it('moves to funded when the first deposit arrives while the first-deposit task is still being opened, and withdraws that task', async () => {
    // The race of a signal with the activity that looks up the account manager, made certain: a worker whose
    // lookup for this client waits until the deposit's signal has been handled.
    const clientId = `c-race-${Date.now()}`;
    await prisma().client.create({
      data: { id: clientId, name: 'Nora Race', country: 'GB', branchId: 'london', accountManagerId: 'u-agent1', kycStatus: 'approved' },
    });
    const activities = createActivities(stack.db) as unknown as DevelopmentActivities;
    let entered!: () => void;
    let release!: () => void;
    const inLookup = new Promise<void>((r) => (entered = r));
    const released = new Promise<void>((r) => (release = r));
    let gate = true;
    // this case runs on a task queue of its own, served by that worker only
    const taskQueue = `${stack.taskQueue}-gated`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue,
      workflowBundle: await workflowBundle(),
      activities: {
        ...createActivities(stack.db),
        async accountManagerOf(input: Parameters<DevelopmentActivities['accountManagerOf']>[0]) {
          // the first lookup with the client is the first-deposit task's
          if (gate && input.clientId === clientId) {
            gate = false;
            entered();
            await released;
          }
          return activities.accountManagerOf(input);
        },
      },
    });
    const running = worker.run();
    let recorded: string | undefined;
    try {
      const { intake } = await newLead(stack.db.pool, stack.temporal, taskQueue);
      const caseId = (intake as { caseId: string }).caseId;
      recorded = caseId;
      await workStep(stack.temporal, prisma(), caseId, 'first_contact', { outcome: 'contacted' });
      await workStep(stack.temporal, prisma(), caseId, 'qualify', { outcome: 'qualified' });
      await workStep(stack.temporal, prisma(), caseId, 'application', { outcome: 'submitted', clientId });
      await inLookup;
      const handle = stack.temporal.workflow.getHandle(developmentWorkflowId(caseId));
      await book(stack.db.pool, stack.temporal, { clientId, type: 'deposit', bookedAt: await serverNow() });
      // the workflow handled the signal (a workflow task completed after it) before the lookup answers
      await waitFor(async () => {
        const history = (await handle.fetchHistory()).events ?? [];
        const signalled = history.find((e) => Number(e.eventType) === SIGNALED);
        return !!signalled && history.some((e) => Number(e.eventType) === TASK_COMPLETED && Number(e.eventId) > Number(signalled.eventId));
      }, 'signal handled');
      release();
      await untilState(prisma(), caseId, 'funded');
      const task = await waitFor(
        async () => (await tasksOf(caseId, 'first_deposit')).find((t) => t.status === 'cancelled'),
        'task withdrawn',
      );
      expect(task.assigneeId).toBe(AM1.id);
      expect((await events(caseId)).filter((e) => e.data.step === 'first_deposit').map((e) => e.type)).toEqual([
        'task_opened',
        'task_cancelled',
      ]);
    } finally {
      release();
      const name = process.env.RECORD_HISTORY?.startsWith('client-development-deposit-race') ? process.env.RECORD_HISTORY : '';
      if (recorded && name) await recordHistoryIfAsked(stack.temporal.workflow.getHandle(developmentWorkflowId(recorded)), name);
      worker.shutdown();
      await running;
    }
  });
});

// history event types (temporal.api.enums.v1.EventType)
const SIGNALED = 26;
const TASK_COMPLETED = 7;
