import { allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ComplaintActivities } from '../../activities/complaint';
import { CaseEngine, newCaseRow } from '../engine/case-engine';
import { registerCaseUpdate } from '../engine/updates';
import { RequestSlot } from '../engine/request-slot';
import { conflict } from '../engine/failures';
import type { Actor } from '../engine/types';
import { clientRespondedUpdate, reopenCaseUpdate } from './updates';
import {
  STEP_OUTCOMES,
  STEP_ROLES,
  initialPriority,
  isStep,
  nextState,
  statusOf,
  type ComplaintEvent,
  type ComplaintState,
  type Severity,
} from './states';

const { loadComplaintContext } = proxyActivities<ComplaintActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

export interface ComplaintInput {
  caseId: string;
  clientId: string;
  channel: string;
  category: string;
  severity: Severity;
  description: string;
  openedBy: Actor;
}

export interface ComplaintResult {
  caseId: string;
  state: ComplaintState;
  reopenCount: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function complaintWorkflow(input: ComplaintInput): Promise<ComplaintResult> {
  // Registered before the first await: an Update that arrives with the start and finds no handler at the
  // end of the first activation is rejected. It answers once the first task is in the projection, so
  // the API's 201 already shows the case in its first step.
  let engineRef: CaseEngine | undefined;
  setHandler(registerCaseUpdate, async () => {
    await condition(() => (engineRef?.tasksOpened ?? 0) > 0);
    return { caseId: input.caseId };
  });
  const ctx = await loadComplaintContext({ clientId: input.clientId, category: input.category, severity: input.severity });
  const facts = { severity: input.severity };
  let state = 'acknowledge' as ComplaintState;
  const engine = new CaseEngine(
    newCaseRow(ctx, {
      id: input.caseId,
      type: 'complaint',
      workflowId: workflowInfo().workflowId,
      clientId: input.clientId,
      status: statusOf(state),
      state,
      channel: input.channel,
      category: input.category,
      severity: input.severity,
      description: input.description,
      priority: initialPriority(input.severity),
      openedById: input.openedBy.id,
    }),
    ctx,
    { escalationRoles: [['supervisor'], ['complaints_manager']] },
  );
  engine.installHandlers();
  engineRef = engine;

  type ClientResponse = { actor: Actor; note: string };
  const clientResponses = new RequestSlot<ClientResponse>();
  setHandler(clientRespondedUpdate, (args) => clientResponses.deliver(args), {
    validator: (_args: ClientResponse) => {
      if (state !== 'awaiting_client' || clientResponses.waiting) {
        throw conflict('NOT_AWAITING_CLIENT', 'The case is not waiting on the client');
      }
    },
  });

  let reopenUntil = 0;
  type ReopenRequest = { actor: Actor; reason: string };
  const reopenRequests = new RequestSlot<ReopenRequest>();
  setHandler(reopenCaseUpdate, (args) => reopenRequests.deliver(args), {
    validator: (_args: ReopenRequest) => {
      if (state !== 'closed' || reopenRequests.waiting) throw conflict('NOT_CLOSED', 'Only a closed complaint can be reopened');
      if (Date.now() > reopenUntil) throw conflict('REOPEN_WINDOW_PASSED', 'The reopen window has passed');
    },
  });

  await engine.openCase(ctx.targets._case, input.openedBy.id, {
    channel: input.channel,
    category: input.category,
    severity: input.severity,
  });
  void engine.runCaseClock();

  // Investigators may not approve their own proposal (four eyes).
  const investigators = new Set<string>();

  const moveTo = async (event: ComplaintEvent, actorId: string | null, data: Record<string, unknown> = {}) => {
    const from = state;
    state = nextState(state, event, facts);
    engine.row.state = state;
    engine.row.status = statusOf(state);
    await engine.write({ events: [engine.event('state_changed', actorId, { from, to: state, event, ...data })] });
  };

  for (;;) {
    if (isStep(state)) {
      const step = state;
      const task = await engine.runTask({
        step,
        teamId: ctx.teamId,
        roles: STEP_ROLES[step],
        target: ctx.targets[step],
        priority: engine.row.priority,
        outcomes: [...STEP_OUTCOMES[step]],
        excludeActors: step === 'approval' ? [...investigators] : [],
      });
      const outcome = task.outcome!;
      if (step === 'investigate' || step === 'propose_resolution') investigators.add(task.completedById!);
      if (step === 'propose_resolution') engine.row.resolution = String(outcome.resolution ?? '');
      if (step === 'final_response') engine.row.rootCause = String(outcome.rootCause ?? '');
      const event = outcome.outcome as ComplaintEvent;
      if (event === 'awaiting_client') engine.pauseCaseClock();
      if (event === 'sent') {
        engine.closeCase();
        // fixed now, not when the loop reaches `closed`: the case reads as closed as soon as it is written
        reopenUntil = Date.now() + ctx.settings.reopenWindowDays * DAY_MS;
      }
      await moveTo(
        event,
        task.completedById,
        event === 'awaiting_client' ? { request: outcome.request, caseMinutesLeft: engine.caseTimeLeft() } : {},
      );
      continue;
    }

    if (state === 'awaiting_client') {
      const waitUntil = engine.businessDeadline({ businessDays: ctx.settings.clientWaitBusinessDays });
      const response = await clientResponses.receive(waitUntil - Date.now());
      engine.resumeCaseClock();
      await moveTo(
        response ? 'client_responded' : 'client_wait_expired',
        response?.actor.id ?? null,
        response ? { note: response.note } : {},
      );
      if (response) clientResponses.done();
      continue;
    }

    // closed: the client may reopen within the window; after it the workflow ends.
    const request = await reopenRequests.receive(reopenUntil - Date.now());
    if (!request) break;
    engine.row.reopenCount++;
    engine.row.closedAt = null;
    engine.restartCaseClock(ctx.targets._case);
    await moveTo('reopened', request.actor.id, { reason: request.reason });
    reopenRequests.done();
    void engine.runCaseClock();
  }

  await condition(allHandlersFinished);
  return { caseId: input.caseId, state, reopenCount: engine.row.reopenCount };
}
