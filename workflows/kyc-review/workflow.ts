import { allHandlersFinished, condition, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { KycActivities } from '../../activities/kyc-review';
import type { KycContext } from '../../activities/kyc-review/context';
import { CaseFlow } from '../engine/case-flow';
import type { CaseEngine } from '../engine/case-engine';
import { startCase } from '../engine/bootstrap';
import { RequestSlot } from '../engine/request-slot';
import { addBusinessDuration } from '../engine/business-time';
import { conflict, forbidden } from '../engine/failures';
import { rolesOf, type Actor, type Role, type TaskState } from '../engine/types';
import { kycReviewCase } from './definition';
import { kycClientRespondedUpdate, overrideRiskUpdate, watchKycSignal, type KycDecision } from './updates';
import { overrideBand, type RiskAssessment } from './risk';
import {
  OVERRIDABLE,
  STEP_OUTCOMES,
  STEP_ROLES,
  TABLE,
  addMonthsUtc,
  clientStatusDuring,
  isFinal,
  needsEdd,
  priorityOf,
  statusOf,
  type KycEvent,
  type KycState,
  type KycStep,
  type ReviewKind,
  type RiskBand,
  type RoutingFacts,
} from './states';

// An attempt lost with a crashed worker is retried only after its start-to-close timeout, so the
// timeout is as short as the work allows: writes take milliseconds; only the checks are slow (the first
// screening in a worker builds the list index, seconds).
const acts = proxyActivities<KycActivities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } });
const checksActs = proxyActivities<KycActivities>({ startToCloseTimeout: '2 minutes', retry: { maximumInterval: '1 minute' } });
const local = proxyLocalActivities<KycActivities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } });

export interface KycReviewInput {
  caseId: string;
  clientId: string;
  kind: ReviewKind;
  /** null when the review was started by the previous review's schedule */
  openedBy: Actor | null;
  note?: string | null;
  previousCaseId?: string | null;
  /** workflows told the decision (kycDecided signal): a client-development case that started the review */
  watchers?: string[];
}

export interface KycReviewResult {
  caseId: string;
  state: KycState;
  band: RiskBand | null;
  nextReviewCaseId: string | null;
}

/** What a KYC review knows about itself, in the case row's `attributes`. */
export interface KycAttributes {
  kind: ReviewKind;
  note: string | null;
  riskBand?: RiskBand;
  decision?: 'approved' | 'rejected';
}

const OVERRIDE_ROLES: Role[] = ['kyc_officer', 'senior_compliance_officer', 'compliance_manager'];

type ClientResponse = { actor: Actor; note: string };

export async function kycReviewWorkflow(input: KycReviewInput): Promise<KycReviewResult> {
  const { engine, ctx } = await startCase(
    kycReviewCase,
    input.caseId,
    (inWorker) => (inWorker ? local : acts).loadKycContext({ clientId: input.clientId, kind: input.kind }),
    () => ({
      id: input.caseId,
      clientId: input.clientId,
      status: statusOf('collect_documents'),
      state: 'collect_documents',
      summary: input.note?.slice(0, 200) ?? null,
      attributes: { kind: input.kind, note: input.note ?? null } satisfies KycAttributes,
      priority: priorityOf(null),
      openedById: input.openedBy?.id ?? null,
    }),
  );
  return new KycReview(engine, ctx, input).run();
}

class KycReview extends CaseFlow<KycState, KycEvent, RoutingFacts> {
  private round = 0;
  private version = 0;
  private assessment: RiskAssessment | null = null;
  private blocking: string[] = [];
  private routing: RoutingFacts = { pendingHits: 0, band: 'low', eddFlags: [], trueMatch: false };
  private escalateToEdd = false;
  private clientStatus: string;
  private lastRequest = '';
  private waits = 0;
  private nextReviewCaseId: string | null = null;
  /** everyone who touched the decision: none of them may give the senior approval (four eyes) */
  private readonly reviewers = new Set<string>();
  private readonly clientResponses = new RequestSlot<ClientResponse>();
  /** workflows waiting for the decision (client-development cases), and the decision once made */
  private readonly watchers: Set<string>;
  private decision: KycDecision | null = null;

  constructor(
    engine: CaseEngine,
    private readonly ctx: KycContext,
    private readonly input: KycReviewInput,
  ) {
    super(engine, 'collect_documents', TABLE, statusOf);
    this.clientStatus = ctx.initialKycStatus;
    this.watchers = new Set(input.watchers ?? []);
    // A watcher that asks after the decision is told at once; run() waits for this handler before it ends.
    setHandler(watchKycSignal, async ({ workflowId }) => {
      if (this.watchers.has(workflowId)) return;
      this.watchers.add(workflowId);
      if (this.decision) await acts.notifyKycWatchers({ watchers: [workflowId], decision: this.decision });
    });
    setHandler(kycClientRespondedUpdate, (args) => this.clientResponses.deliver(args), {
      validator: (_args: ClientResponse) => {
        if ((this.state !== 'awaiting_client' && this.state !== 'suspended') || this.clientResponses.waiting) {
          throw conflict('NOT_AWAITING_CLIENT', 'The review is not waiting on the client');
        }
      },
    });
    setHandler(overrideRiskUpdate, (args) => this.override(args), {
      validator: ({ actor, reason }) => this.checkOverride(actor, reason),
    });
  }

  protected facts(): RoutingFacts {
    return this.routing;
  }

  private get attributes(): KycAttributes {
    return this.engine.row.attributes as unknown as KycAttributes;
  }

  private get settings() {
    return this.ctx.settings;
  }

  async run(): Promise<KycReviewResult> {
    const { engine, input } = this;
    await engine.openCase(this.ctx.targets._case, input.openedBy?.id ?? null, {
      kind: input.kind,
      previousCaseId: input.previousCaseId ?? null,
    });
    void engine.runCaseClock();
    await this.projectClientStatus();
    while (!isFinal(this.state)) await this.handle(this.state);
    await condition(allHandlersFinished);
    return { caseId: input.caseId, state: this.state, band: this.assessment?.band ?? null, nextReviewCaseId: this.nextReviewCaseId };
  }

  private handle(state: KycState): Promise<void> {
    switch (state) {
      case 'collect_documents':
        return this.collectDocuments();
      case 'awaiting_client':
        return this.awaitingClient();
      case 'suspended':
        return this.suspended();
      case 'checks':
        return this.checks();
      case 'screening_review':
        return this.screeningReview();
      case 'cdd_review':
        return this.cddReview();
      case 'edd':
        return this.edd();
      case 'senior_approval':
        return this.seniorApproval();
      default:
        throw new Error(`KYC review: unexpected state ${state}`);
    }
  }

  // --- states

  private async collectDocuments(): Promise<void> {
    const task = await this.runStep('collect_documents');
    const o = task.outcome!;
    this.reviewers.add(task.completedById!);
    if (o.outcome === 'request_information') await this.requestInformation(String(o.request ?? ''), task.completedById!, task.id);
    else await this.moveTo('documents_complete', task.completedById, { note: o.note ?? null });
  }

  /** Reminders every N business days; suspended after M business days without an answer. */
  private async awaitingClient(): Promise<void> {
    const { engine, ctx, settings, input } = this;
    const workflowId = engine.row.workflowId;
    const since = Date.now();
    const wait = ++this.waits;
    const suspendAt = addBusinessDuration(ctx.calendar, since, { businessDays: settings.suspendAfterBusinessDays });
    let reminders = 0;
    let response: ClientResponse | null;
    for (;;) {
      const nextReminder = addBusinessDuration(ctx.calendar, since, {
        businessDays: settings.clientReminderBusinessDays * (reminders + 1),
      });
      response = await this.clientResponses.receive(Math.min(nextReminder, suspendAt) - Date.now());
      if (response || Date.now() >= suspendAt) break;
      reminders++;
      await acts.sendClientMessage({
        key: `${workflowId}/wait/${wait}/reminder/${reminders}`,
        caseId: input.caseId,
        clientId: input.clientId,
        template: 'kyc_reminder',
        data: { request: this.lastRequest, reminder: reminders },
      });
      await engine.write({ events: [engine.event('client_reminder_sent', null, { reminder: reminders })] });
    }
    if (response) {
      engine.resumeCaseClock();
      await this.moveTo('client_responded', response.actor.id, { note: response.note });
      this.clientResponses.done();
      return;
    }
    const message = { key: `${workflowId}/wait/${wait}/suspended`, caseId: input.caseId, clientId: input.clientId };
    await acts.sendClientMessage({ ...message, template: 'kyc_suspended', data: {} });
    await this.moveTo('client_wait_expired', null, { reminders });
  }

  /** Nothing more happens until the client answers; the case clock stays paused. */
  private async suspended(): Promise<void> {
    const response = (await this.clientResponses.receive())!;
    this.engine.resumeCaseClock();
    await this.moveTo('client_responded', response.actor.id, { note: response.note });
    this.clientResponses.done();
  }

  private async checks(): Promise<void> {
    const { caseId, clientId } = this.input;
    const round = ++this.round;
    this.version = 1;
    const summary = await checksActs.runKycChecks({ caseId, clientId, round });
    const assessment = await acts.scoreKycRisk({ caseId, clientId, round, version: this.version });
    this.assessment = assessment;
    this.blocking = summary.blocking;
    this.routing = { pendingHits: summary.pendingHits, band: assessment.band, eddFlags: summary.eddFlags, trueMatch: false };
    this.setBand(assessment.band);
    await this.moveTo('checks_done', null, {
      round,
      failed: summary.results.filter((r) => r.status === 'fail').map((r) => r.check),
      blocking: this.blocking,
      pendingHits: summary.pendingHits,
      score: assessment.score,
      band: assessment.band,
      eddFlags: summary.eddFlags,
    });
  }

  private async screeningReview(): Promise<void> {
    const { caseId, clientId } = this.input;
    const task = await this.runStep('screening_review');
    const o = task.outcome!;
    const actorId = task.completedById!;
    this.reviewers.add(actorId);
    const counts = await acts.recordHitDecisions({
      caseId,
      round: this.round,
      hitIds: o.hitIds as string[] | undefined,
      decision: o.outcome as 'true_match' | 'false_positive',
      reason: String(o.reason ?? ''),
      actorId,
      at: task.completedAt!,
    });
    const confirmedNow = counts.trueMatches > 0 && !this.routing.trueMatch;
    this.version++;
    const assessment = await acts.scoreKycRisk({ caseId, clientId, round: this.round, version: this.version });
    this.assessment = assessment;
    this.routing = { ...this.routing, pendingHits: counts.pendingHits, band: assessment.band, trueMatch: counts.trueMatches > 0 };
    this.setBand(assessment.band);
    if (confirmedNow) await this.announceTrueMatch(actorId, counts.trueMatches, o.reason);
    await this.moveTo('hits_reviewed', actorId, { decision: o.outcome, reason: o.reason, ...counts, band: assessment.band });
  }

  private async announceTrueMatch(actorId: string, trueMatches: number, reason: unknown): Promise<void> {
    const { engine, ctx } = this;
    await engine.write({
      events: [engine.event('sanctions_match_confirmed', actorId, { round: this.round, trueMatches, reason })],
      notifications: [
        {
          key: `${engine.row.workflowId}/true-match/${this.round}`,
          recipients: { branch: { branchId: ctx.branchId, roles: ['compliance_manager'] } },
          type: 'case_update',
          title: `Confirmed sanctions match: ${ctx.clientName}`,
          body: String(reason ?? ''),
          caseId: this.input.caseId,
          data: { caseType: 'kyc_review', clientName: ctx.clientName, round: this.round },
        },
      ],
    });
  }

  private async cddReview(): Promise<void> {
    const task = await this.runStep('cdd_review', await this.decisionOutcomes('cdd_review'));
    if (task.status === 'cancelled' && this.escalateToEdd) {
      this.escalateToEdd = false;
      await this.moveTo('escalated_to_edd', null, { band: this.routing.band });
      return;
    }
    this.reviewers.add(task.completedById!);
    await this.decide(task);
  }

  /** Source of funds and source of wealth are separate tasks, worked in parallel. */
  private async edd(): Promise<void> {
    const done = await Promise.all([this.runStep('source_of_funds'), this.runStep('source_of_wealth')]);
    done.forEach((t) => this.reviewers.add(t.completedById!));
    await this.moveTo('edd_done', null, { sourceOfFunds: done[0].outcome!.outcome, sourceOfWealth: done[1].outcome!.outcome });
  }

  private async seniorApproval(): Promise<void> {
    await this.decide(await this.runStep('senior_approval', await this.decisionOutcomes('senior_approval')));
  }

  // --- helpers

  private runStep(step: KycStep, outcomes: readonly string[] = STEP_OUTCOMES[step]): Promise<TaskState> {
    const { engine, ctx } = this;
    return engine.runTask({
      step,
      teamId: ctx.teamId,
      roles: STEP_ROLES[step],
      target: ctx.targets[step],
      priority: engine.row.priority,
      outcomes: [...outcomes],
      // asked at every claim and completion, so whoever overrides the band later is excluded too
      excludeActors: step === 'senior_approval' ? () => this.reviewers : [],
    });
  }

  /** Every move also keeps the client's KYC status in step with the review. */
  protected override async moveTo(event: KycEvent, actorId: string | null, data: Record<string, unknown> = {}): Promise<void> {
    await super.moveTo(event, actorId, data);
    await this.projectClientStatus();
  }

  private async projectClientStatus(): Promise<void> {
    const wanted = clientStatusDuring(this.state, this.input.kind) ?? this.ctx.initialKycStatus;
    if (wanted === this.clientStatus) return;
    this.clientStatus = wanted;
    await acts.projectClientKyc({ clientId: this.input.clientId, kycStatus: wanted });
  }

  private setBand(band: RiskBand): void {
    const row = this.engine.row;
    this.attributes.riskBand = band;
    // an escalation may have raised the priority already; scoring never lowers it below that
    row.priority = row.escalationLevel > 0 ? Math.min(row.priority, priorityOf(band)) : priorityOf(band);
  }

  private async requestInformation(request: string, actorId: string, taskId: string): Promise<void> {
    const { engine, input } = this;
    this.lastRequest = request;
    await acts.sendClientMessage({
      key: `${taskId}/request`,
      caseId: input.caseId,
      clientId: input.clientId,
      template: 'kyc_information_request',
      data: { request },
    });
    engine.pauseCaseClock();
    await this.moveTo('request_information', actorId, { request, caseMinutesLeft: engine.caseTimeLeft() });
  }

  /** Approval is not offered while a blocking check fails or a sanctions match is confirmed. */
  private async decisionOutcomes(step: 'cdd_review' | 'senior_approval'): Promise<string[]> {
    const reasons = [...this.blocking, ...(this.routing.trueMatch ? ['sanctions_true_match'] : [])];
    if (reasons.length) await this.engine.write({ events: [this.engine.event('approval_blocked', null, { step, reasons })] });
    return STEP_OUTCOMES[step].filter((o) => o !== 'approved' || reasons.length === 0);
  }

  private reviewMonths(band: RiskBand): number {
    const s = this.settings;
    return { low: s.reviewMonthsLow, medium: s.reviewMonthsMedium, high: s.reviewMonthsHigh, critical: s.reviewMonthsCritical }[band];
  }

  private async decide(task: TaskState): Promise<void> {
    const { engine, input } = this;
    const o = task.outcome!;
    const actorId = task.completedById!;
    if (o.outcome === 'request_information') return this.requestInformation(String(o.request ?? ''), actorId, task.id);
    const decision = o.outcome as 'approved' | 'rejected';
    const band = this.routing.band;
    const nextReviewAt = decision === 'approved' ? addMonthsUtc(Date.now(), this.reviewMonths(band)) : null;
    await acts.projectClientKyc({ clientId: input.clientId, kycStatus: decision, riskBand: band, nextReviewAt });
    this.clientStatus = decision;
    this.attributes.decision = decision;
    engine.closeCase();
    await this.moveTo(decision, actorId, { band, score: this.assessment?.score ?? null, nextReviewAt, note: o.note ?? o.reason ?? null });
    // Only reviews with watchers call this (none did before it existed), so older histories replay as they were.
    this.decision = { caseId: input.caseId, decision, at: Date.now() };
    if (this.watchers.size) await acts.notifyKycWatchers({ watchers: [...this.watchers], decision: this.decision });
    if (nextReviewAt === null) return;
    const next = await acts.scheduleNextReview({ caseId: input.caseId, clientId: input.clientId, at: nextReviewAt });
    this.nextReviewCaseId = next.caseId;
    await engine.write({
      events: [
        engine.event('periodic_review_scheduled', null, { caseId: next.caseId, workflowId: next.workflowId, startsAt: nextReviewAt }),
      ],
    });
  }

  // --- the risk override (an Update)

  private checkOverride(actor: Actor, reason: string): void {
    if (!rolesOf(actor).some((r) => OVERRIDE_ROLES.includes(r)))
      throw forbidden('ROLE_NOT_ALLOWED', `${actor.id} cannot override a risk band`);
    if (!OVERRIDABLE.includes(this.state) || !this.assessment) {
      throw conflict('NOT_OVERRIDABLE', `The risk band can be overridden during review, not in ${this.state}`);
    }
    if (!reason.trim()) throw conflict('REASON_REQUIRED', 'A risk override needs a reason');
  }

  private async override({ actor, band, reason }: { actor: Actor; band: RiskBand; reason: string }): Promise<RiskAssessment> {
    const { engine } = this;
    this.checkOverride(actor, reason);
    const at = Date.now();
    const next = overrideBand(this.assessment!, { band, reason, actorId: actor.id, at });
    this.assessment = next;
    this.routing = { ...this.routing, band };
    this.reviewers.add(actor.id);
    this.setBand(band);
    // Raised into EDD territory during CDD review: the CDD task is withdrawn and EDD starts. The task's
    // status changes before the first await, so a completion racing this override is refused.
    const cdd =
      this.state === 'cdd_review' && needsEdd(this.routing)
        ? [...engine.tasks.values()].find((t) => t.step === 'cdd_review' && t.status !== 'completed' && t.status !== 'cancelled')
        : undefined;
    if (cdd) this.escalateToEdd = true;
    const event = engine.event('risk_overridden', actor.id, {
      fromBand: next.override!.fromBand,
      band,
      reason: next.override!.reason,
      score: next.score,
    });
    const written = engine.write({ events: [event] });
    const cancelled = cdd ? engine.cancelTask(cdd.id, actor.id, { reason: `risk band raised to ${band}` }) : undefined;
    const recorded = acts.recordRiskOverride({
      caseId: this.input.caseId,
      round: this.round,
      version: this.version,
      band,
      reason: next.override!.reason,
      actorId: actor.id,
      at,
    });
    await Promise.all([recorded, written, cancelled]);
    return next;
  }
}
