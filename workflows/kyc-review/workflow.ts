import { allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { KycActivities } from '../../activities/kyc-review';
import { CaseEngine, newCaseRow } from '../engine/case-engine';
import { RequestSlot } from '../engine/request-slot';
import { addBusinessDuration } from '../engine/business-time';
import { registerCaseUpdate } from '../engine/updates';
import { conflict, forbidden } from '../engine/failures';
import type { Actor, Role, TaskState } from '../engine/types';
import { kycClientRespondedUpdate, overrideRiskUpdate } from './updates';
import { overrideBand, type RiskAssessment } from './risk';
import {
  OVERRIDABLE,
  STEP_OUTCOMES,
  STEP_ROLES,
  addMonthsUtc,
  clientStatusDuring,
  isFinal,
  needsEdd,
  nextState,
  priorityOf,
  statusOf,
  type KycEvent,
  type KycState,
  type KycStep,
  type ReviewKind,
  type RiskBand,
  type RoutingFacts,
} from './states';

const acts = proxyActivities<KycActivities>({
  // the first screening in a worker builds the list index (seconds)
  startToCloseTimeout: '2 minutes',
  retry: { maximumInterval: '1 minute' },
});

export interface KycReviewInput {
  caseId: string;
  clientId: string;
  kind: ReviewKind;
  /** null when the review was started by the previous review's schedule */
  openedBy: Actor | null;
  note?: string | null;
  previousCaseId?: string | null;
}

export interface KycReviewResult {
  caseId: string;
  state: KycState;
  band: RiskBand | null;
  nextReviewCaseId: string | null;
}

const OVERRIDE_ROLES: Role[] = ['kyc_officer', 'senior_compliance_officer', 'compliance_manager'];

type ClientResponse = { actor: Actor; note: string };

export async function kycReviewWorkflow(input: KycReviewInput): Promise<KycReviewResult> {
  // Registered before the first await (see complaintWorkflow): answers once the first task is projected.
  let engineRef: CaseEngine | undefined;
  setHandler(registerCaseUpdate, async () => {
    await condition(() => (engineRef?.tasksOpened ?? 0) > 0);
    return { caseId: input.caseId };
  });
  const ctx = await acts.loadKycContext({ clientId: input.clientId, kind: input.kind });
  const settings = ctx.settings;
  let state = 'collect_documents' as KycState;
  const engine = new CaseEngine(
    newCaseRow(ctx, {
      id: input.caseId,
      type: 'kyc_review',
      workflowId: workflowInfo().workflowId,
      clientId: input.clientId,
      status: statusOf(state),
      state,
      // the review kind, and the risk band once scored: lists filter on the engine's columns
      category: input.kind,
      description: input.note ?? null,
      priority: priorityOf(null),
      openedById: input.openedBy?.id ?? null,
    }),
    ctx,
    // Level 1 goes to the KYC team's seniors and the compliance manager, level 2 to the branch's compliance managers.
    { escalationRoles: [['senior_compliance_officer', 'compliance_manager'], ['compliance_manager']] },
  );
  engine.installHandlers();
  engineRef = engine;
  const { caseId, clientId } = input;
  const workflowId = engine.row.workflowId;

  let round = 0;
  let version = 0;
  let assessment: RiskAssessment | null = null;
  let blocking: string[] = [];
  let facts: RoutingFacts = { pendingHits: 0, band: 'low', eddFlags: [], trueMatch: false };
  let escalateToEdd = false;
  let clientStatus = ctx.initialKycStatus;
  let lastRequest = '';
  let waits = 0;
  let nextReviewCaseId: string | null = null;
  /** everyone who worked on this case: none of them may give the senior approval (four eyes) */
  const reviewers = new Set<string>();

  const clientResponses = new RequestSlot<ClientResponse>();
  setHandler(kycClientRespondedUpdate, (args) => clientResponses.deliver(args), {
    validator: (_args: ClientResponse) => {
      if ((state !== 'awaiting_client' && state !== 'suspended') || clientResponses.waiting) {
        throw conflict('NOT_AWAITING_CLIENT', 'The review is not waiting on the client');
      }
    },
  });

  const checkOverride = (actor: Actor, reason: string) => {
    if (!OVERRIDE_ROLES.includes(actor.role) && actor.role !== 'admin') throw forbidden('ROLE_NOT_ALLOWED', `Role ${actor.role} cannot override a risk band`);
    if (!OVERRIDABLE.includes(state) || !assessment) throw conflict('NOT_OVERRIDABLE', `The risk band can be overridden during review, not in ${state}`);
    if (!reason.trim()) throw conflict('REASON_REQUIRED', 'A risk override needs a reason');
  };
  setHandler(
    overrideRiskUpdate,
    async ({ actor, band, reason }) => {
      checkOverride(actor, reason);
      const at = Date.now();
      const next = overrideBand(assessment!, { band, reason, actorId: actor.id, at });
      assessment = next;
      facts = { ...facts, band };
      reviewers.add(actor.id);
      setBand(band);
      // Raised into EDD territory during CDD review: the CDD task is withdrawn and EDD starts. The task's
      // status changes before the first await, so a completion racing this override is refused.
      const cdd = state === 'cdd_review' && needsEdd(facts) ? [...engine.tasks.values()].find((t) => t.step === 'cdd_review' && t.status !== 'completed' && t.status !== 'cancelled') : undefined;
      if (cdd) escalateToEdd = true;
      const written = engine.write({ events: [engine.event('risk_overridden', actor.id, { fromBand: next.override!.fromBand, band, reason: next.override!.reason, score: next.score })] });
      const cancelled = cdd ? engine.cancelTask(cdd.id, actor.id, { reason: `risk band raised to ${band}` }) : undefined;
      await Promise.all([
        acts.recordRiskOverride({ caseId, round, version, band, reason: next.override!.reason, actorId: actor.id, at }),
        written,
        cancelled,
      ]);
      return next;
    },
    { validator: ({ actor, reason }) => checkOverride(actor, reason) },
  );

  function setBand(band: RiskBand): void {
    engine.row.severity = band;
    // an escalation may have raised the priority already; scoring never lowers it below that
    engine.row.priority = engine.row.escalationLevel > 0 ? Math.min(engine.row.priority, priorityOf(band)) : priorityOf(band);
  }

  const projectClientStatus = async () => {
    const wanted = clientStatusDuring(state, input.kind) ?? ctx.initialKycStatus;
    if (wanted === clientStatus) return;
    clientStatus = wanted;
    await acts.projectClientKyc({ clientId, kycStatus: wanted });
  };

  const moveTo = async (event: KycEvent, actorId: string | null, data: Record<string, unknown> = {}) => {
    const from = state;
    state = nextState(state, event, facts);
    engine.row.state = state;
    engine.row.status = statusOf(state);
    await engine.write({ events: [engine.event('state_changed', actorId, { from, to: state, event, ...data })] });
    await projectClientStatus();
  };

  const runStep = (step: KycStep, outcomes: readonly string[] = STEP_OUTCOMES[step]) =>
    engine.runTask({
      step,
      teamId: ctx.teamId,
      roles: STEP_ROLES[step],
      target: ctx.targets[step],
      priority: engine.row.priority,
      outcomes: [...outcomes],
      excludeActors: step === 'senior_approval' ? [...reviewers] : [],
    });

  const requestInformation = async (request: string, actorId: string, taskId: string) => {
    lastRequest = request;
    await acts.sendClientMessage({ key: `${taskId}/request`, caseId, clientId, template: 'kyc_information_request', data: { request } });
    engine.pauseCaseClock();
    await moveTo('request_information', actorId, { request, caseMinutesLeft: engine.caseTimeLeft() });
  };

  /** Approval is not offered while a blocking check fails or a sanctions match is confirmed. */
  const decisionOutcomes = async (step: 'cdd_review' | 'senior_approval') => {
    const reasons = [...blocking, ...(facts.trueMatch ? ['sanctions_true_match'] : [])];
    if (reasons.length) await engine.write({ events: [engine.event('approval_blocked', null, { step, reasons })] });
    return STEP_OUTCOMES[step].filter((o) => o !== 'approved' || reasons.length === 0);
  };

  const reviewMonths = (band: RiskBand) =>
    ({ low: settings.reviewMonthsLow, medium: settings.reviewMonthsMedium, high: settings.reviewMonthsHigh, critical: settings.reviewMonthsCritical })[band];

  const decide = async (task: TaskState) => {
    const o = task.outcome!;
    const actorId = task.completedById!;
    if (o.outcome === 'request_information') return requestInformation(String(o.request ?? ''), actorId, task.id);
    const decision = o.outcome as 'approved' | 'rejected';
    const band = facts.band;
    const nextReviewAt = decision === 'approved' ? addMonthsUtc(Date.now(), reviewMonths(band)) : null;
    await acts.projectClientKyc({ clientId, kycStatus: decision, riskBand: band, nextReviewAt });
    clientStatus = decision;
    engine.row.resolution = decision;
    engine.closeCase();
    await moveTo(decision, actorId, { band, score: assessment?.score ?? null, nextReviewAt, note: o.note ?? o.reason ?? null });
    if (nextReviewAt !== null) {
      const next = await acts.scheduleNextReview({ caseId, clientId, at: nextReviewAt });
      nextReviewCaseId = next.caseId;
      await engine.write({ events: [engine.event('periodic_review_scheduled', null, { caseId: next.caseId, workflowId: next.workflowId, startsAt: nextReviewAt })] });
    }
  };

  await engine.openCase(ctx.targets._case, input.openedBy?.id ?? null, { kind: input.kind, previousCaseId: input.previousCaseId ?? null });
  void engine.runCaseClock();
  await projectClientStatus();

  while (!isFinal(state)) {
    switch (state) {
      case 'collect_documents': {
        const task = await runStep('collect_documents');
        reviewers.add(task.completedById!);
        if (task.outcome!.outcome === 'request_information') await requestInformation(String(task.outcome!.request ?? ''), task.completedById!, task.id);
        else await moveTo('documents_complete', task.completedById, { note: task.outcome!.note ?? null });
        break;
      }

      case 'awaiting_client': {
        // Reminders every N business days; suspended after M business days without an answer.
        const since = Date.now();
        const wait = ++waits;
        const suspendAt = addBusinessDuration(ctx.calendar, since, { businessDays: settings.suspendAfterBusinessDays });
        let reminders = 0;
        let response: ClientResponse | null = null;
        for (;;) {
          const nextReminder = addBusinessDuration(ctx.calendar, since, { businessDays: settings.clientReminderBusinessDays * (reminders + 1) });
          response = await clientResponses.receive(Math.min(nextReminder, suspendAt) - Date.now());
          if (response || Date.now() >= suspendAt) break;
          reminders++;
          await acts.sendClientMessage({
            key: `${workflowId}/wait/${wait}/reminder/${reminders}`, caseId, clientId, template: 'kyc_reminder', data: { request: lastRequest, reminder: reminders },
          });
          await engine.write({ events: [engine.event('client_reminder_sent', null, { reminder: reminders })] });
        }
        if (response) {
          engine.resumeCaseClock();
          await moveTo('client_responded', response.actor.id, { note: response.note });
          clientResponses.done();
        } else {
          await acts.sendClientMessage({ key: `${workflowId}/wait/${wait}/suspended`, caseId, clientId, template: 'kyc_suspended', data: {} });
          await moveTo('client_wait_expired', null, { reminders });
        }
        break;
      }

      case 'suspended': {
        // Nothing more happens until the client answers; the case clock stays paused.
        const response = (await clientResponses.receive())!;
        engine.resumeCaseClock();
        await moveTo('client_responded', response.actor.id, { note: response.note });
        clientResponses.done();
        break;
      }

      case 'checks': {
        round++;
        version = 1;
        const summary = await acts.runKycChecks({ caseId, clientId, round });
        assessment = await acts.scoreKycRisk({ caseId, clientId, round, version });
        blocking = summary.blocking;
        facts = { pendingHits: summary.pendingHits, band: assessment.band, eddFlags: summary.eddFlags, trueMatch: false };
        setBand(assessment.band);
        await moveTo('checks_done', null, {
          round,
          failed: summary.results.filter((r) => r.status === 'fail').map((r) => r.check),
          blocking,
          pendingHits: summary.pendingHits,
          score: assessment.score,
          band: assessment.band,
          eddFlags: summary.eddFlags,
        });
        break;
      }

      case 'screening_review': {
        const task = await runStep('screening_review');
        const o = task.outcome!;
        const actorId = task.completedById!;
        reviewers.add(actorId);
        const counts = await acts.recordHitDecisions({
          caseId, round, hitIds: o.hitIds as string[] | undefined, decision: o.outcome as 'true_match' | 'false_positive',
          reason: String(o.reason ?? ''), actorId, at: task.completedAt!,
        });
        const confirmedNow = counts.trueMatches > 0 && !facts.trueMatch;
        version++;
        assessment = await acts.scoreKycRisk({ caseId, clientId, round, version });
        facts = { ...facts, pendingHits: counts.pendingHits, band: assessment.band, trueMatch: counts.trueMatches > 0 };
        setBand(assessment.band);
        if (confirmedNow) {
          await engine.write({
            events: [engine.event('sanctions_match_confirmed', actorId, { round, trueMatches: counts.trueMatches, reason: o.reason })],
            notifications: [
              {
                key: `${workflowId}/true-match/${round}`,
                recipients: { branch: { branchId: ctx.branchId, roles: ['compliance_manager'] } },
                type: 'case_update',
                title: `Confirmed sanctions match: ${ctx.clientName}`,
                body: String(o.reason ?? ''),
                caseId,
                data: { caseType: 'kyc_review', clientName: ctx.clientName, round },
              },
            ],
          });
        }
        await moveTo('hits_reviewed', actorId, { decision: o.outcome, reason: o.reason, ...counts, band: assessment.band });
        break;
      }

      case 'cdd_review': {
        const task = await runStep('cdd_review', await decisionOutcomes('cdd_review'));
        if (task.status === 'cancelled' && escalateToEdd) {
          escalateToEdd = false;
          await moveTo('escalated_to_edd', null, { band: facts.band });
          break;
        }
        reviewers.add(task.completedById!);
        await decide(task);
        break;
      }

      case 'edd': {
        // Source of funds and source of wealth are separate tasks, worked in parallel.
        const done = await Promise.all([runStep('source_of_funds'), runStep('source_of_wealth')]);
        done.forEach((t) => reviewers.add(t.completedById!));
        await moveTo('edd_done', null, { sourceOfFunds: done[0].outcome!.outcome, sourceOfWealth: done[1].outcome!.outcome });
        break;
      }

      case 'senior_approval':
        await decide(await runStep('senior_approval', await decisionOutcomes('senior_approval')));
        break;

      default:
        throw new Error(`KYC review: unexpected state ${state}`);
    }
  }

  await condition(allHandlersFinished);
  return { caseId, state, band: assessment?.band ?? null, nextReviewCaseId };
}
