import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startStack, type Stack } from '../support/stack';
import { recordHistoryIfAsked } from '../support/history';
import { createTimeSkippingEnvironment } from '../support/temporal';
import { activeTask, staff, waitFor } from '../support/cases';
import { KYC1, KYC2, SENIOR, SENIOR2, addDocuments, importSanctionLists, startReview, work } from '../support/kyc';
import { claimTaskUpdate, completeTaskUpdate } from '../../workflows/engine/updates';
import { kycClientRespondedUpdate, overrideRiskUpdate } from '../../workflows/kyc-review/updates';
import { addMonthsUtc } from '../../workflows/kyc-review/states';
import { verifyChain } from '../../platform/timeline';

const DAY = 86_400_000;
const passport = (surname: string, given: string, birth: string) => ({
  surname,
  given,
  birth,
  number: '533401372',
  nationality: 'GBR',
  expiry: '2031-01-01',
});

describe('KYC review on a real Temporal server', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ api: false });
    await importSanctionLists(stack.db.prisma);
  }, 300_000);
  afterAll(() => stack?.stop());

  const prisma = () => stack.db.prisma;
  const caseRow = (id: string) => prisma().case.findUniqueOrThrow({ where: { id } });
  const until = (caseId: string, state: string) =>
    waitFor(
      async () => {
        const c = await caseRow(caseId);
        return c.state === state && c;
      },
      `state ${state}`,
      30_000,
    );
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e) => e.cause as { type: string; details: string[] },
    );

  it('takes a low-risk client through checks and CDD review to approval, and has the server hold the next periodic review', async () => {
    const { caseId } = await startReview(stack.temporal, stack.taskQueue, { clientId: 'c-1001' });
    expect((await prisma().client.findUniqueOrThrow({ where: { id: 'c-1001' } })).kycStatus).toBe('in_review');
    await addDocuments(prisma(), caseId, 'c-1001', passport('BENNETT', 'OLIVER', '1985-04-12'));
    await work(stack.temporal, prisma(), caseId, KYC1, { outcome: 'documents_complete' }, 'collect_documents');

    await activeTask(prisma(), caseId, 'cdd_review');
    const checks = await prisma().kycCheckResult.findMany({ where: { caseId }, orderBy: { check: 'asc' } });
    expect(Object.fromEntries(checks.map((c) => [c.check, c.status]))).toEqual({
      age_of_majority: 'pass',
      document_expiry: 'pass',
      documents_required: 'pass',
      duplicate_identity: 'pass',
      passport_mrz: 'pass',
      pep: 'pass',
      proof_of_address_age: 'pass',
      sanctions: 'pass',
    });
    expect((checks.find((c) => c.check === 'sanctions')!.detail as { lists: string[] }).lists).toHaveLength(3);
    const risk = await prisma().riskAssessment.findFirstOrThrow({ where: { caseId } });
    expect(risk.band).toBe('low');
    expect((risk.factors as { factor: string; points: number }[]).reduce((s, f) => s + f.points, 0)).toBe(risk.score);

    const before = Date.now();
    await work(stack.temporal, prisma(), caseId, KYC2, { outcome: 'approved', note: 'All in order' }, 'cdd_review');
    const closed = await until(caseId, 'approved');
    expect(closed).toMatchObject({ status: 'closed', attributes: { decision: 'approved', riskBand: 'low' } });
    const client = await prisma().client.findUniqueOrThrow({ where: { id: 'c-1001' } });
    expect(client).toMatchObject({ kycStatus: 'approved', riskBand: 'low' });
    expect(client.nextReviewAt!.getTime()).toBeGreaterThanOrEqual(addMonthsUtc(before, 36) - 1000);
    expect(client.nextReviewAt!.getTime()).toBeLessThanOrEqual(addMonthsUtc(Date.now(), 36));

    const scheduled = await waitFor(
      () => prisma().caseEvent.findFirst({ where: { caseId, type: 'periodic_review_scheduled' } }),
      'periodic review scheduled',
    );
    const next = scheduled.data as { workflowId: string; caseId: string; startsAt: number };
    expect(next.startsAt).toBe(client.nextReviewAt!.getTime());
    const handle = stack.temporal.workflow.getHandle(next.workflowId);
    const described = await handle.describe();
    expect(described.status.name).toBe('RUNNING');
    expect(described.type).toBe('kycReviewWorkflow');
    // Held by the server until the review date: the first workflow task runs then.
    expect(Math.abs(described.executionTime!.getTime() - next.startsAt)).toBeLessThan(60_000);
    expect(await prisma().case.findUnique({ where: { id: next.caseId } })).toBeNull();
    await handle.terminate('test cleanup');
    expect(await verifyChain(stack.db.pool, caseId)).toBeNull();
  });

  it('sends a confirmed sanctions match to EDD, tells the compliance manager, enforces four eyes and refuses approval', async () => {
    await prisma().client.create({
      data: {
        id: 'c-9001',
        name: 'Ayman al-Zawahiri',
        country: 'GB',
        branchId: 'london',
        email: 'c-9001@clients.example.com',
        kycStatus: 'pending',
      },
    });
    await prisma().kycProfile.create({
      data: {
        clientId: 'c-9001',
        dateOfBirth: new Date('1951-06-19'),
        nationality: 'EG',
        residence: 'GB',
        occupation: 'professional',
        declaredIncome: 50_000,
        expectedDeposits: 5_000,
        products: ['shares'],
        channel: 'online',
      },
    });
    const { caseId, workflowId } = await startReview(stack.temporal, stack.taskQueue, { clientId: 'c-9001' });
    await addDocuments(prisma(), caseId, 'c-9001', passport('ZAWAHIRI', 'AYMAN', '1951-06-19'));
    await work(stack.temporal, prisma(), caseId, KYC1, { outcome: 'documents_complete' }, 'collect_documents');

    await activeTask(prisma(), caseId, 'screening_review');
    const hits = await prisma().screeningHit.findMany({ where: { caseId } });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.score >= 0.8 && h.decision === null)).toBe(true);
    expect(hits.map((h) => h.entryName).join(' ')).toMatch(/ZAWAHIRI/i);

    await work(
      stack.temporal,
      prisma(),
      caseId,
      KYC2,
      { outcome: 'true_match', reason: 'Name, date of birth and nationality match' },
      'screening_review',
    );
    const told = await waitFor(
      () => prisma().notification.findFirst({ where: { caseId, type: 'case_update', userId: 'u-compliance' } }),
      'compliance manager told',
    );
    expect(told.title).toMatch(/Confirmed sanctions match/);

    // EDD: both tasks open at once
    const [sof, sow] = await Promise.all([
      activeTask(prisma(), caseId, 'source_of_funds'),
      activeTask(prisma(), caseId, 'source_of_wealth'),
    ]);
    expect(sof.status).toBe('open');
    expect(sow.status).toBe('open');
    expect((await caseRow(caseId)).attributes).toMatchObject({ riskBand: 'critical' });
    await work(stack.temporal, prisma(), caseId, SENIOR, { outcome: 'not_verified', summary: 'No evidence of wealth' }, 'source_of_wealth');
    await work(stack.temporal, prisma(), caseId, KYC1, { outcome: 'verified', summary: 'Salary slips' }, 'source_of_funds');

    const approval = await activeTask(prisma(), caseId, 'senior_approval');
    const handle = stack.temporal.workflow.getHandle(workflowId);
    const claim = (actor: typeof SENIOR) => handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: approval.id, actor }] });
    expect((await refusal(claim(SENIOR)))!.details[0]).toBe('FOUR_EYES');
    expect((await refusal(claim(KYC2)))!.details[0]).toBe('ROLE_NOT_ALLOWED');
    await claim(SENIOR2);
    const complete = (outcome: Record<string, unknown>) =>
      handle.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: approval.id, actor: SENIOR2, outcome: outcome as { outcome: string } }],
      });
    expect((await refusal(complete({ outcome: 'approved' })))!.details[0]).toBe('OUTCOME_NOT_ALLOWED');
    await complete({ outcome: 'rejected', reason: 'Confirmed sanctions match' });

    await until(caseId, 'rejected');
    expect(await prisma().client.findUniqueOrThrow({ where: { id: 'c-9001' } })).toMatchObject({
      kycStatus: 'rejected',
      riskBand: 'critical',
      nextReviewAt: null,
    });
    const events = (await prisma().caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } })).map((e) => e.type);
    expect(events).toContain('sanctions_match_confirmed');
    expect(events).toContain('approval_blocked');
    expect(events).not.toContain('periodic_review_scheduled');
    await recordHistoryIfAsked(handle, 'kyc-review-sanctions-edd.json');
  });

  it('moves a CDD review to EDD when a person raises the risk band, and audits the override', async () => {
    const { caseId, workflowId } = await startReview(stack.temporal, stack.taskQueue, { clientId: 'c-1002', kind: 'periodic' });
    await addDocuments(prisma(), caseId, 'c-1002', passport('CLARKE', 'AMELIA', '1991-09-30'));
    await work(stack.temporal, prisma(), caseId, KYC1, { outcome: 'documents_complete' }, 'collect_documents');
    const cdd = await activeTask(prisma(), caseId, 'cdd_review');
    // a periodic review leaves an approved client approved while it runs
    expect((await prisma().client.findUniqueOrThrow({ where: { id: 'c-1002' } })).kycStatus).toBe('approved');

    const handle = stack.temporal.workflow.getHandle(workflowId);
    const override = (reason: string) => handle.executeUpdate(overrideRiskUpdate, { args: [{ actor: SENIOR, band: 'high', reason }] });
    expect((await refusal(override('  ')))!.details[0]).toBe('REASON_REQUIRED');
    const agentTry = handle.executeUpdate(overrideRiskUpdate, { args: [{ actor: staff('u-agent1', 'agent'), band: 'high', reason: 'x' }] });
    expect((await refusal(agentTry))!.details[0]).toBe('ROLE_NOT_ALLOWED');
    const result = await override('Adverse media: employer under investigation');
    expect(result).toMatchObject({
      band: 'high',
      computedBand: 'low',
      override: { fromBand: 'low', reason: 'Adverse media: employer under investigation' },
    });

    expect((await prisma().task.findUniqueOrThrow({ where: { id: cdd.id } })).status).toBe('cancelled');
    await activeTask(prisma(), caseId, 'source_of_funds');
    const row = await prisma().riskAssessment.findFirstOrThrow({ where: { caseId }, orderBy: { version: 'desc' } });
    expect(row).toMatchObject({ band: 'high', computedBand: 'low', overrideBand: 'high', overrideById: 'u-senior' });
    const audited = await prisma().caseEvent.findFirstOrThrow({ where: { caseId, type: 'risk_overridden' } });
    expect(audited).toMatchObject({ actorId: 'u-senior', data: expect.objectContaining({ fromBand: 'low', band: 'high' }) });

    await work(stack.temporal, prisma(), caseId, KYC1, { outcome: 'verified', summary: 'Payslips' }, 'source_of_funds');
    await work(stack.temporal, prisma(), caseId, KYC2, { outcome: 'verified', summary: 'Inheritance papers' }, 'source_of_wealth');
    // the person who overrode the band worked on the case: another senior approves
    const approval = await activeTask(prisma(), caseId, 'senior_approval');
    expect((await refusal(handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: approval.id, actor: SENIOR }] })))!.details[0]).toBe(
      'FOUR_EYES',
    );
    await work(stack.temporal, prisma(), caseId, SENIOR2, { outcome: 'approved' }, 'senior_approval');
    await until(caseId, 'approved');
    const client = await prisma().client.findUniqueOrThrow({ where: { id: 'c-1002' } });
    expect(client).toMatchObject({ kycStatus: 'approved', riskBand: 'high' });
    // high band: reviewed again in 12 months
    expect(Math.abs(client.nextReviewAt!.getTime() - addMonthsUtc(Date.now(), 12))).toBeLessThan(120_000);
    const scheduled = await waitFor(
      () => prisma().caseEvent.findFirst({ where: { caseId, type: 'periodic_review_scheduled' } }),
      'scheduled',
    );
    await stack.temporal.workflow.getHandle((scheduled.data as { workflowId: string }).workflowId).terminate('test cleanup');
  });
});

describe('KYC review waiting on the client (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let stack: Stack;
  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    stack = await startStack({ timeSkipping: env, api: false });
    // around the clock, so that business days are calendar days
    await stack.db.prisma.branch.update({
      where: { id: 'london' },
      data: { workdays: [1, 2, 3, 4, 5, 6, 7], workStart: '00:00', workEnd: '24:00', holidays: [] },
    });
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
    await env?.teardown();
  });

  const sleepUntil = async (at: number) => {
    const now = await env.currentTimeMs();
    if (at > now) await env.sleep(at - now);
  };
  const outbox = (caseId: string) => stack.db.prisma.outboxMessage.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });

  it('e-mails the request, reminds every 5 business days, suspends after 15, and resumes collection when the client answers', async () => {
    const caseId = randomUUID();
    const workflowId = `kyc-review-${caseId}`;
    await stack.temporal.workflow.start('kycReviewWorkflow', {
      workflowId,
      taskQueue: stack.taskQueue,
      args: [{ caseId, clientId: 'c-1005', kind: 'onboarding', openedBy: KYC1 }],
    });
    const collect = await activeTask(stack.db.prisma, caseId, 'collect_documents');
    const handle = stack.temporal.workflow.getHandle(workflowId);
    await handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: collect.id, actor: KYC1 }] });
    await handle.executeUpdate(completeTaskUpdate, {
      args: [
        {
          taskId: collect.id,
          actor: KYC1,
          outcome: { outcome: 'request_information', request: 'Please send a proof of address from the last 3 months.' },
        },
      ],
    });
    const waiting = await waitFor(async () => {
      const c = await stack.db.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
      return c.status === 'awaiting_client' && c;
    }, 'awaiting client');
    expect(waiting.slaPausedAt).not.toBeNull();
    const asked = await outbox(caseId);
    expect(asked.map((m) => m.template)).toEqual(['kyc_information_request']);
    expect(asked[0]).toMatchObject({ recipient: 'c-1005@clients.example.com', sentAt: null });
    expect(asked[0].body).toContain('proof of address from the last 3 months');

    const t0 = (
      await stack.db.prisma.caseEvent.findFirstOrThrow({ where: { caseId, type: 'state_changed' }, orderBy: { id: 'desc' } })
    ).at.getTime();
    await sleepUntil(t0 + 5 * DAY - 60_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(await outbox(caseId)).toHaveLength(1);
    await sleepUntil(t0 + 10 * DAY + 60_000);
    await waitFor(async () => (await outbox(caseId)).filter((m) => m.template === 'kyc_reminder').length === 2, 'two reminders');
    expect((await stack.db.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('awaiting_client');

    await sleepUntil(t0 + 15 * DAY + 60_000);
    const suspended = await waitFor(async () => {
      const c = await stack.db.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
      return c.status === 'suspended' && c;
    }, 'suspended');
    expect(suspended.state).toBe('suspended');
    expect((await stack.db.prisma.client.findUniqueOrThrow({ where: { id: 'c-1005' } })).kycStatus).toBe('suspended');
    expect((await outbox(caseId)).map((m) => m.template)).toEqual([
      'kyc_information_request',
      'kyc_reminder',
      'kyc_reminder',
      'kyc_suspended',
    ]);

    await handle.executeUpdate(kycClientRespondedUpdate, { args: [{ actor: KYC2, note: 'Bank statement received by post' }] });
    const resumed = await stack.db.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(resumed).toMatchObject({ status: 'open', state: 'collect_documents', slaPausedAt: null });
    expect((await activeTask(stack.db.prisma, caseId, 'collect_documents')).id).toMatch(/\.collect_documents\.2$/);
    await waitFor(
      async () => (await stack.db.prisma.client.findUniqueOrThrow({ where: { id: 'c-1005' } })).kycStatus === 'in_review',
      'client back in review',
    );
  });
});
