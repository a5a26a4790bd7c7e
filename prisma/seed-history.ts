// Months of history for the demo, so that dashboards and charts mean something on first start: complaints
// and KYC reviews that opened and closed over the past DAYS days (escalated steps, breached deadlines,
// rejected proposals, reopenings, KYC approvals and rejections). Each case walks its type's real state table
// (workflows/<type>/states.ts) on the SLA schedule of its branch calendar and policies, and every transition is
// written through the projection activity the workflows use (applyProjection), back-dated: the rows, the
// hash-chained timeline and the gapless references are what the workflows would have written (a case that would
// still be open today is not written: it would need its workflow). These cases have
// no running workflow (they finished): a reopen answers 409 CASE_FINISHED, as for any finished case.
import type pg from 'pg';
import type { PrismaClient } from '@prisma/client';
import { applyProjection } from '../activities/engine/projection';
import { loadCaseContext } from '../platform/case-context';
import { buildSchedule } from '../workflows/engine/sla';
import { addBusinessMinutes } from '../workflows/engine/business-time';
import type { CaseContext, CaseEventInput, CaseProjection, ProjectionBatch, TaskProjection, TaskStatus } from '../workflows/engine/types';
import { complaintCase } from '../workflows/complaint/definition';
import {
  CATEGORIES,
  CHANNELS,
  ROOT_CAUSES,
  STEP_ROLES,
  initialPriority,
  nextState,
  statusOf,
  type ComplaintState,
  type Severity,
} from '../workflows/complaint/states';
import { kycReviewCase } from '../workflows/kyc-review/definition';
import { STEP_ROLES as KYC_ROLES } from '../workflows/kyc-review/states';

const DAYS = 150;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A fixed seed: every first start shows the same history. */
function prng(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return {
    next,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
    between: (lo: number, hi: number) => lo + next() * (hi - lo),
    /** a whole number of milliseconds (PostgreSQL keeps milliseconds; the timeline's hashes cover them) */
    ms: (lo: number, hi: number, unit: number) => Math.round((lo + next() * (hi - lo)) * unit),
  };
}
type Rng = ReturnType<typeof prng>;

interface Staff {
  handlers: string[];
  approvers: string[];
}
const COMPLAINT_STAFF: Record<string, Staff> = {
  london: { handlers: ['u-agent1', 'u-agent2'], approvers: ['u-supervisor', 'u-manager'] },
  shanghai: { handlers: ['u-agent-sh'], approvers: ['u-supervisor-sh'] },
};
const KYC_STAFF: Record<string, Staff> = {
  london: { handlers: ['u-kyc1', 'u-kyc2'], approvers: ['u-senior', 'u-senior2'] },
  shanghai: { handlers: ['u-kyc-sh'], approvers: ['u-senior-sh'] },
};

const DESCRIPTIONS: Record<string, string[]> = {
  trade_execution: ['Stop loss filled far from the level during the news release.', 'Order rejected with “off quotes” at market open.'],
  deposit_withdrawal: ['Withdrawal to bank card pending for a week.', 'Deposit by bank transfer not credited.'],
  account_access: ['Locked out after changing phone.', 'Password reset e-mail never arrives.'],
  fees_charges: ['Overnight swap charged twice.', 'Inactivity fee charged on an active account.'],
  advice_conduct: ['Account manager pushed a high-leverage product.', 'Promised bonus not paid.'],
  platform: ['Platform froze and positions closed at market.', 'Charts show wrong prices after the update.'],
  kyc_onboarding: ['Account opening stuck on document upload.', 'Asked for the same documents three times.'],
  other: ['Rude reply from the support chat.', 'Statement in the wrong currency.'],
};

/** Writes one case's life as the workflow would have, transition by transition, at back-dated times. */
class CaseHistory {
  private eventSeq = 0;
  private readonly batches: ProjectionBatch[] = [];
  readonly row: CaseProjection;

  constructor(
    private readonly pool: pg.Pool,
    row: Omit<CaseProjection, 'revision' | 'reference'>,
  ) {
    this.row = { ...row, revision: 0 };
  }

  private event(type: string, actorId: string | null, at: number, data: Record<string, unknown>): CaseEventInput {
    return { key: `${this.row.workflowId}/event/${++this.eventSeq}`, caseId: this.row.id, type, actorId, at, data };
  }

  private write(events: CaseEventInput[], tasks: TaskProjection[] = []): void {
    this.row.revision++;
    for (const t of tasks) t.revision++;
    this.batches.push(structuredClone({ case: this.row, tasks, events }));
  }

  /** Writes the case, batch by batch as its workflow would have. */
  async flush(): Promise<void> {
    for (const batch of this.batches) await applyProjection(this.pool, batch);
  }

  open(at: number, actorId: string, data: Record<string, unknown>): void {
    this.write([this.event('case_opened', actorId, at, data)]);
  }

  /** A task from opening to completion: claimed, maybe escalated past its deadline, completed with an outcome. */
  task(
    step: string,
    attempt: number,
    roles: string[],
    at: { opened: number; claimed: number; completed: number; due: number; atRisk: number },
    who: string,
    outcome: Record<string, unknown>,
  ): void {
    const id = `${this.row.workflowId}.${step}.${attempt}`;
    const t: TaskProjection = {
      id,
      caseId: this.row.id,
      branchId: this.row.branchId,
      caseType: this.row.type,
      step,
      status: 'open' as TaskStatus,
      teamId: this.row.teamId,
      roles,
      assigneeId: null,
      priority: this.row.priority,
      dueAt: at.due,
      atRiskAt: at.atRisk,
      breachAt: at.due,
      escalationLevel: 0,
      outcome: null,
      completedById: null,
      createdAt: at.opened,
      claimedAt: null,
      completedAt: null,
      revision: 0,
    };
    this.row.assigneeId = null;
    this.write([this.event('task_opened', null, at.opened, { taskId: id, step, dueAt: at.due })], [t]);
    Object.assign(t, { status: 'claimed', assigneeId: who, claimedAt: at.claimed });
    this.row.assigneeId = who;
    this.write([this.event('task_claimed', who, at.claimed, { taskId: id, step })], [t]);
    if (at.completed > at.due) {
      t.escalationLevel = 1;
      t.priority = Math.max(1, t.priority - 1);
      this.write([this.event('sla_escalated', null, at.due, { taskId: id, step, level: 1, priority: t.priority })], [t]);
    }
    Object.assign(t, { status: 'completed', outcome, completedById: who, completedAt: at.completed });
    this.write([this.event('task_completed', who, at.completed, { taskId: id, step, outcome })], [t]);
  }

  moveTo(state: string, status: string, actorId: string | null, at: number, data: Record<string, unknown>): void {
    const from = this.row.state;
    Object.assign(this.row, { state, status });
    this.write([this.event('state_changed', actorId, at, { from, to: state, ...data })]);
  }

  breach(at: number): void {
    this.row.breachedAt = at;
    this.row.escalationLevel = Math.max(this.row.escalationLevel, 1);
    this.write([this.event('case_sla_breached', null, at, { dueAt: this.row.dueAt })]);
  }
}

/** Business-time step timing: how long a person took, mostly within the step's target, sometimes past it. */
function stepTimes(ctx: CaseContext, rng: Rng, step: string, opened: number, late: boolean, quick = false) {
  const schedule = buildSchedule(ctx.calendar, opened, ctx.targets[step] ?? ctx.targets._case);
  const span = schedule.dueAt - opened;
  const claimed = opened + rng.ms(0.02, 0.15, span);
  const pace = quick ? rng.ms(0.05, 0.3, schedule.dueAt - claimed) : rng.ms(0.2, 0.9, schedule.dueAt - claimed);
  const completed = late ? schedule.dueAt + rng.ms(0.1, 0.8, span) : claimed + pace;
  return { opened, claimed, completed, due: schedule.dueAt, atRisk: schedule.atRiskAt };
}

async function complaintHistory(
  pool: pg.Pool,
  rng: Rng,
  n: number,
  clientId: string,
  branchId: string,
  opened: number,
  now: number,
  quick: boolean,
) {
  const severity = rng.pick(['low', 'low', 'medium', 'medium', 'high'] as const satisfies readonly Severity[]);
  const category = rng.pick(CATEGORIES);
  const ctx = await loadCaseContext(pool, {
    clientId,
    category,
    severity,
    caseType: complaintCase.type,
    teamName: complaintCase.teamName,
    steps: [...complaintCase.steps],
    settings: complaintCase.settings,
  });
  const staff = COMPLAINT_STAFF[branchId];
  const handler = rng.pick(staff.handlers);
  const description = rng.pick(DESCRIPTIONS[category]);
  let caseSchedule = buildSchedule(ctx.calendar, opened, ctx.targets._case);
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const h = new CaseHistory(pool, {
    id,
    type: complaintCase.type,
    workflowId: `${complaintCase.idPrefix}-${id}`,
    referencePrefix: complaintCase.referencePrefix,
    clientId,
    branchId,
    teamId: ctx.teamId,
    status: 'open',
    state: 'acknowledge',
    summary: description,
    attributes: { channel: rng.pick(CHANNELS), category, severity, description, reopenCount: 0 },
    priority: initialPriority(severity),
    assigneeId: null,
    openedById: handler,
    dueAt: caseSchedule.dueAt,
    atRiskAt: caseSchedule.atRiskAt,
    slaPausedAt: null,
    escalationLevel: 0,
    openedAt: opened,
    closedAt: null,
    breachedAt: null,
  });
  h.open(opened, handler, { channel: h.row.attributes.channel, category, severity });
  // a slow case runs late at every step, so some breach the whole case deadline too
  const slow = !quick && rng.chance(severity === 'high' ? 0.3 : 0.12);
  const attempts: Record<string, number> = {};
  let state: ComplaintState = 'acknowledge';
  let at = opened;
  let reopened = false;
  for (;;) {
    if (state === 'closed') {
      h.row.closedAt = at;
      h.row.attributes.reopenUntil = at + 30 * DAY;
      if (h.row.breachedAt === null && at > caseSchedule.dueAt) h.breach(caseSchedule.dueAt);
      h.moveTo('closed', 'closed', h.row.assigneeId, at, { event: 'sent' });
      if (reopened || !rng.chance(0.06) || at + 3 * DAY > now) return { history: h, closedAt: at };
      // the client disputed the answer within the window
      reopened = true;
      at += rng.ms(1, 3, DAY);
      (h.row.attributes as { reopenCount: number }).reopenCount++;
      Object.assign(h.row, { closedAt: null, breachedAt: null });
      caseSchedule = buildSchedule(ctx.calendar, at, ctx.targets._case);
      Object.assign(h.row, { dueAt: caseSchedule.dueAt, atRiskAt: caseSchedule.atRiskAt });
      h.moveTo('investigate', 'open', handler, at, { event: 'reopened', reason: 'The client disputes the answer.' });
      state = 'investigate';
      continue;
    }
    const step = state as Exclude<ComplaintState, 'closed' | 'awaiting_client'>;
    const attempt = (attempts[step] = (attempts[step] ?? 0) + 1);
    const times = stepTimes(ctx, rng, step, at, slow ? rng.chance(0.5) : !quick && rng.chance(0.06), quick);
    // half the slow investigations drag on past the case deadline (waiting on a third party, a backlog)
    if (slow && step === 'investigate' && rng.chance(0.5))
      times.completed = Math.max(times.completed, caseSchedule.dueAt + rng.ms(0.5, 8, DAY));
    const who = step === 'approval' ? rng.pick(staff.approvers.filter((a) => a !== handler)) : handler;
    const outcome = complaintOutcome(rng, step, attempt);
    h.task(step, attempt, STEP_ROLES[step], times, who, outcome);
    at = times.completed;
    if (h.row.breachedAt === null && at > caseSchedule.dueAt) h.breach(caseSchedule.dueAt);
    if (step === 'propose_resolution') h.row.attributes.resolution = String(outcome.resolution);
    if (step === 'final_response') h.row.attributes.rootCause = String(outcome.rootCause);
    const next = nextState(state, outcome.outcome as never, { severity });
    if (next === 'closed') {
      state = next;
      continue;
    }
    h.moveTo(next, statusOf(next), who, at, { event: outcome.outcome });
    state = next;
    at += rng.ms(0.1, 2, HOUR);
  }
}

function complaintOutcome(rng: Rng, step: string, attempt: number): Record<string, unknown> & { outcome: string } {
  switch (step) {
    case 'acknowledge':
      return { outcome: 'acknowledged', note: 'Called the client and confirmed receipt.' };
    case 'investigate':
      return {
        outcome: 'findings_recorded',
        findings: 'Logs and recordings reviewed; the account history confirms the client’s account of events.',
      };
    case 'propose_resolution':
      return { outcome: 'proposed', resolution: 'Refund the difference and apologise.', compensation: Math.round(rng.between(20, 900)) };
    case 'approval':
      return attempt === 1 && rng.chance(0.25)
        ? { outcome: 'rejected', note: 'The compensation does not cover the loss.' }
        : { outcome: 'approved' };
    default:
      return { outcome: 'sent', responseSummary: 'Final response sent with the outcome of the review.', rootCause: rng.pick(ROOT_CAUSES) };
  }
}

/** A KYC review: documents, automated checks, the officer's decision; for high bands the senior's approval. */
async function kycHistory(pool: pg.Pool, rng: Rng, n: number, clientId: string, branchId: string, opened: number) {
  const kind = rng.chance(0.7) ? 'periodic' : 'onboarding';
  const ctx = await loadCaseContext(pool, {
    clientId,
    caseType: kycReviewCase.type,
    teamName: kycReviewCase.teamName,
    steps: [...kycReviewCase.steps],
    category: kind,
    severity: '*',
    settings: {},
  });
  const staff = KYC_STAFF[branchId];
  const officer = rng.pick(staff.handlers);
  const band = rng.pick(['low', 'low', 'medium', 'medium', 'high'] as const);
  const caseSchedule = buildSchedule(ctx.calendar, opened, ctx.targets._case);
  const id = `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
  const h = new CaseHistory(pool, {
    id,
    type: kycReviewCase.type,
    workflowId: `${kycReviewCase.idPrefix}-${id}`,
    referencePrefix: kycReviewCase.referencePrefix,
    clientId,
    branchId,
    teamId: ctx.teamId,
    status: 'open',
    state: 'collect_documents',
    summary: null,
    attributes: { kind, note: null },
    priority: 2,
    assigneeId: null,
    openedById: officer,
    dueAt: caseSchedule.dueAt,
    atRiskAt: caseSchedule.atRiskAt,
    slaPausedAt: null,
    escalationLevel: 0,
    openedAt: opened,
    closedAt: null,
    breachedAt: null,
  });
  h.open(opened, officer, { kind });
  const late = rng.chance(0.1);
  let t = stepTimes(ctx, rng, 'collect_documents', opened, late);
  h.task('collect_documents', 1, KYC_ROLES.collect_documents, t, officer, {
    outcome: 'documents_complete',
    note: 'ID, proof of address and source of funds on file.',
  });
  h.moveTo('checks', 'open', officer, t.completed, { event: 'documents_complete' });
  const checked = t.completed + 2 * 60_000;
  h.row.attributes.riskBand = band;
  const review = band === 'high' ? 'senior_approval' : 'cdd_review';
  h.moveTo('cdd_review', 'open', null, checked, { event: 'checks_done', band, failed: [], pendingHits: 0 });
  t = stepTimes(ctx, rng, 'cdd_review', addBusinessMinutes(ctx.calendar, checked, 5), late);
  const rejected = rng.chance(0.12);
  const decision = rejected
    ? { outcome: 'rejected', reason: 'Source of funds not evidenced.' }
    : { outcome: 'approved', summary: 'Profile consistent with declared activity.' };
  let who = officer;
  if (review === 'senior_approval' && !rejected) {
    h.task('cdd_review', 1, KYC_ROLES.cdd_review, t, officer, {
      outcome: 'approved',
      summary: 'Enhanced checks complete; for senior approval.',
    });
    h.moveTo('senior_approval', 'open', officer, t.completed, { event: 'approved' });
    who = rng.pick(staff.approvers);
    t = stepTimes(ctx, rng, 'senior_approval', t.completed, late);
    h.task('senior_approval', 1, KYC_ROLES.senior_approval, t, who, decision);
  } else {
    h.task('cdd_review', 1, KYC_ROLES.cdd_review, t, officer, decision);
  }
  if (t.completed > caseSchedule.dueAt) h.breach(caseSchedule.dueAt);
  h.row.closedAt = t.completed;
  h.row.attributes.decision = decision.outcome;
  h.moveTo(decision.outcome, 'closed', who, t.completed, { event: decision.outcome });
  return { history: h, closedAt: t.completed, band, decision: decision.outcome };
}

/**
 * Writes the history. Only cases that finished before now are kept (a case still open needs its workflow, which
 * the live demo cases have). Clients get their last review's band and next review date; some are overdue.
 */
export async function seedHistory(
  prisma: PrismaClient,
  pool: pg.Pool,
  now = Date.now(),
): Promise<{ complaints: number; kycReviews: number }> {
  const rng = prng(20261130);
  const clients = await prisma.client.findMany({ select: { id: true, branchId: true }, orderBy: { id: 'asc' } });
  let complaints = 0;
  let kycReviews = 0;
  let n = 0;
  for (let d = DAYS; d >= 1; d--) {
    const day = Math.floor(now / DAY) * DAY - d * DAY;
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    // a busier stretch a few weeks back (a platform incident) makes the daily chart tell a story
    const perDay = d > 40 && d < 48 ? 6 : Math.round(rng.between(1, 3.5));
    for (let i = 0; i < perDay; i++) {
      const c = rng.pick(clients);
      const opened = day + rng.ms(8, 16, HOUR);
      // the last weeks' complaints are the quickly handled ones: the others are still open, and an open case
      // needs its workflow (the live demo cases)
      const complaint = await complaintHistory(pool, rng, ++n, c.id, c.branchId, opened, now, d <= 21);
      if (complaint.closedAt > now) continue;
      await complaint.history.flush();
      complaints++;
    }
    if (rng.chance(0.6)) {
      const c = rng.pick(clients);
      const review = await kycHistory(pool, rng, ++n, c.id, c.branchId, day + rng.ms(8, 12, HOUR));
      if (review.closedAt > now) continue;
      await review.history.flush();
      kycReviews++;
      if (review.decision === 'approved') {
        // the next periodic review: a year for low and medium bands, six months for high; demo clients came due sooner
        const months = review.band === 'high' ? 6 : 12;
        const next = review.closedAt + months * 30 * DAY - rng.ms(150, 400, DAY);
        await prisma.client.update({ where: { id: c.id }, data: { riskBand: review.band, nextReviewAt: new Date(next) } });
      }
    }
  }
  return { complaints, kycReviews };
}
