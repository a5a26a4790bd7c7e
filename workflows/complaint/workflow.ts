import { allHandlersFinished, condition, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { ComplaintActivities } from '../../activities/complaint';
import { CaseFlow } from '../engine/case-flow';
import { startCase } from '../engine/bootstrap';
import type { CaseEngine } from '../engine/case-engine';
import { RequestSlot } from '../engine/request-slot';
import { conflict } from '../engine/failures';
import type { Actor, CaseContext, TaskState } from '../engine/types';
import { complaintCase } from './definition';
import { clientRespondedUpdate, reopenCaseUpdate } from './updates';
import {
  STEP_OUTCOMES,
  STEP_ROLES,
  TABLE,
  initialPriority,
  isStep,
  statusOf,
  type ComplaintEvent,
  type ComplaintFacts,
  type ComplaintState,
  type ComplaintStep,
  type Severity,
} from './states';

const CONTEXT_OPTIONS = { startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } } as const;
const remote = proxyActivities<ComplaintActivities>(CONTEXT_OPTIONS);
const local = proxyLocalActivities<ComplaintActivities>(CONTEXT_OPTIONS);

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
type ClientResponse = { actor: Actor; note: string };
type ReopenRequest = { actor: Actor; reason: string };

/** What a complaint knows about itself, in the case row's `attributes`. */
export interface ComplaintAttributes {
  channel: string;
  category: string;
  severity: Severity;
  description: string;
  resolution?: string;
  rootCause?: string;
  reopenCount: number;
  /** until when the client may reopen the closed complaint (fixed when it closes) */
  reopenUntil?: number;
}

export async function complaintWorkflow(input: ComplaintInput): Promise<ComplaintResult> {
  const { engine, ctx } = await startCase(
    complaintCase,
    input.caseId,
    (inWorker) =>
      (inWorker ? local : remote).loadComplaintContext({ clientId: input.clientId, category: input.category, severity: input.severity }),
    () => ({
      id: input.caseId,
      clientId: input.clientId,
      status: statusOf('acknowledge'),
      state: 'acknowledge',
      summary: input.description.slice(0, 200),
      attributes: {
        channel: input.channel,
        category: input.category,
        severity: input.severity,
        description: input.description,
        reopenCount: 0,
      } satisfies ComplaintAttributes,
      priority: initialPriority(input.severity),
      openedById: input.openedBy.id,
    }),
  );
  return new Complaint(engine, ctx, input).run();
}

class Complaint extends CaseFlow<ComplaintState, ComplaintEvent, ComplaintFacts> {
  private readonly clientResponses = new RequestSlot<ClientResponse>();
  private readonly reopenRequests = new RequestSlot<ReopenRequest>();
  /** Investigators may not approve their own proposal (four eyes). */
  private readonly investigators = new Set<string>();

  constructor(
    engine: CaseEngine,
    private readonly ctx: CaseContext,
    private readonly input: ComplaintInput,
  ) {
    super(engine, 'acknowledge', TABLE, statusOf);
    setHandler(clientRespondedUpdate, (args) => this.clientResponses.deliver(args), {
      validator: (_args: ClientResponse) => {
        if (this.state !== 'awaiting_client' || this.clientResponses.waiting) {
          throw conflict('NOT_AWAITING_CLIENT', 'The case is not waiting on the client');
        }
      },
    });
    setHandler(reopenCaseUpdate, (args) => this.reopenRequests.deliver(args), {
      validator: (_args: ReopenRequest) => {
        if (this.state !== 'closed' || this.reopenRequests.waiting) throw conflict('NOT_CLOSED', 'Only a closed complaint can be reopened');
        if (Date.now() > (this.attributes.reopenUntil ?? 0)) throw conflict('REOPEN_WINDOW_PASSED', 'The reopen window has passed');
      },
    });
  }

  protected facts(): ComplaintFacts {
    return { severity: this.input.severity };
  }

  private get attributes(): ComplaintAttributes {
    return this.engine.row.attributes as unknown as ComplaintAttributes;
  }

  async run(): Promise<ComplaintResult> {
    const { input, engine } = this;
    await engine.openCase(this.ctx.targets._case, input.openedBy.id, {
      channel: input.channel,
      category: input.category,
      severity: input.severity,
    });
    void engine.runCaseClock();
    for (;;) {
      if (isStep(this.state)) await this.step(this.state);
      else if (this.state === 'awaiting_client') await this.awaitingClient();
      else if (!(await this.closed())) break;
    }
    await condition(allHandlersFinished);
    return { caseId: input.caseId, state: this.state, reopenCount: this.attributes.reopenCount };
  }

  private async step(step: ComplaintStep): Promise<void> {
    const { engine } = this;
    const task = await engine.runTask({
      step,
      teamId: this.ctx.teamId,
      roles: STEP_ROLES[step],
      target: this.ctx.targets[step],
      priority: engine.row.priority,
      outcomes: [...STEP_OUTCOMES[step]],
      excludeActors: step === 'approval' ? () => this.investigators : [],
    });
    const outcome = task.outcome!;
    this.record(step, task);
    const event = outcome.outcome as ComplaintEvent;
    if (event === 'awaiting_client') engine.pauseCaseClock();
    if (event === 'sent') {
      engine.closeCase();
      // fixed now, not when the loop reaches `closed`: the case reads as closed as soon as it is written
      this.attributes.reopenUntil = Date.now() + this.ctx.settings.reopenWindowDays * DAY_MS;
    }
    const data = event === 'awaiting_client' ? { request: outcome.request, caseMinutesLeft: engine.caseTimeLeft() } : {};
    await this.moveTo(event, task.completedById, data);
  }

  /** What a finished step tells the case: who investigated, the proposed resolution, the root cause. */
  private record(step: ComplaintStep, task: TaskState): void {
    const outcome = task.outcome!;
    if (step === 'investigate' || step === 'propose_resolution') this.investigators.add(task.completedById!);
    if (step === 'propose_resolution') this.attributes.resolution = String(outcome.resolution ?? '');
    if (step === 'final_response') this.attributes.rootCause = String(outcome.rootCause ?? '');
  }

  private async awaitingClient(): Promise<void> {
    const { engine } = this;
    const waitUntil = engine.businessDeadline({ businessDays: this.ctx.settings.clientWaitBusinessDays });
    const response = await this.clientResponses.receive(waitUntil - Date.now());
    engine.resumeCaseClock();
    await this.moveTo(
      response ? 'client_responded' : 'client_wait_expired',
      response?.actor.id ?? null,
      response ? { note: response.note } : {},
    );
    if (response) this.clientResponses.done();
  }

  /** Closed: the client may reopen within the window. Returns false when the window passes (the workflow ends). */
  private async closed(): Promise<boolean> {
    const { engine } = this;
    const request = await this.reopenRequests.receive((this.attributes.reopenUntil ?? 0) - Date.now());
    if (!request) return false;
    this.attributes.reopenCount++;
    engine.row.closedAt = null;
    engine.restartCaseClock(this.ctx.targets._case);
    await this.moveTo('reopened', request.actor.id, { reason: request.reason });
    this.reopenRequests.done();
    void engine.runCaseClock();
    return true;
  }
}
