import { allHandlersFinished, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ComplaintActivities } from '../../activities/complaint';
import { CaseEngine } from '../engine/case-engine';
import { registerCaseUpdate } from '../engine/updates';
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
    {
      id: input.caseId,
      type: 'complaint',
      workflowId: workflowInfo().workflowId,
      clientId: input.clientId,
      branchId: ctx.branchId,
      teamId: ctx.teamId,
      status: statusOf(state),
      state,
      channel: input.channel,
      category: input.category,
      severity: input.severity,
      description: input.description,
      priority: initialPriority(input.severity),
      assigneeId: null,
      openedById: input.openedBy.id,
      dueAt: null,
      atRiskAt: null,
      slaPausedAt: null,
      rootCause: null,
      resolution: null,
      reopenCount: 0,
      escalationLevel: 0,
      openedAt: Date.now(),
      closedAt: null,
      breachedAt: null,
      revision: 0,
    },
    ctx,
    { escalationRoles: [['supervisor'], ['complaints_manager']] },
  );
  engine.installHandlers();
  engineRef = engine;

  // Counts written transitions, so an Update can answer once the change it caused is in the projection.
  let transitions = 0;

  type ClientResponse = { actor: Actor; note: string };
  let clientResponse: ClientResponse | null = null;
  setHandler(
    clientRespondedUpdate,
    async (args) => {
      const seen = transitions;
      clientResponse = args;
      await condition(() => transitions > seen);
    },
    {
      validator: (_args: ClientResponse) => {
        if (state !== 'awaiting_client') throw conflict('NOT_AWAITING_CLIENT', 'The case is not waiting on the client');
      },
    },
  );

  let reopenUntil = 0;
  type ReopenRequest = { actor: Actor; reason: string };
  let reopenRequest: ReopenRequest | null = null;
  setHandler(
    reopenCaseUpdate,
    async (args) => {
      const seen = transitions;
      reopenRequest = args;
      await condition(() => transitions > seen);
    },
    {
      validator: (_args: ReopenRequest) => {
        if (state !== 'closed') throw conflict('NOT_CLOSED', 'Only a closed complaint can be reopened');
        if (Date.now() > reopenUntil) throw conflict('REOPEN_WINDOW_PASSED', 'The reopen window has passed');
      },
    },
  );

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
    transitions++;
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
      if (event === 'sent') engine.closeCase();
      await moveTo(
        event,
        task.completedById,
        event === 'awaiting_client' ? { request: outcome.request, caseMinutesLeft: engine.caseTimeLeft() } : {},
      );
      continue;
    }

    if (state === 'awaiting_client') {
      const waitUntil = engine.businessDeadline({ businessDays: ctx.settings.clientWaitBusinessDays });
      clientResponse = null;
      const responded = await condition(() => clientResponse !== null, Math.max(1, waitUntil - Date.now()));
      const response = clientResponse as ClientResponse | null;
      engine.resumeCaseClock();
      await moveTo(
        responded ? 'client_responded' : 'client_wait_expired',
        response?.actor.id ?? null,
        response ? { note: response.note } : {},
      );
      continue;
    }

    // closed: the client may reopen within the window; after it the workflow ends.
    reopenUntil = Date.now() + ctx.settings.reopenWindowDays * DAY_MS;
    reopenRequest = null;
    if (!(await condition(() => reopenRequest !== null, Math.max(1, reopenUntil - Date.now())))) break;
    const request = reopenRequest as unknown as ReopenRequest;
    engine.row.reopenCount++;
    engine.row.closedAt = null;
    engine.restartCaseClock(ctx.targets._case);
    await moveTo('reopened', request.actor.id, { reason: request.reason });
    void engine.runCaseClock();
  }

  await condition(allHandlersFinished);
  return { caseId: input.caseId, state, reopenCount: engine.row.reopenCount };
}
