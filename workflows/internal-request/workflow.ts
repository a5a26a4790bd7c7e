import { allHandlersFinished, condition, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { InternalRequestActivities } from '../../activities/internal-request';
import { CaseFlow } from '../engine/case-flow';
import type { CaseEngine } from '../engine/case-engine';
import { startCase } from '../engine/bootstrap';
import { RequestSlot } from '../engine/request-slot';
import { conflict, forbidden } from '../engine/failures';
import type { Actor, CaseContext, NotificationInput } from '../engine/types';
import { internalRequestCase } from './definition';
import { answerRequestUpdate } from './updates';
import { STEP_OUTCOMES, TABLE, priorityOf, statusOf, type RequestEvent, type RequestKind, type RequestState } from './states';

// Cases of this type began after context reads moved into the worker, so only the local activity exists.
const { loadInternalRequestContext } = proxyLocalActivities<InternalRequestActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

export interface InternalRequestInput {
  caseId: string;
  clientId: string;
  /** the team asked */
  teamId: string;
  kind: RequestKind;
  subject: string;
  details: string;
  urgent: boolean;
  openedBy: Actor;
}

/** What a request knows about itself, in the case row's `attributes`. */
export interface InternalRequestAttributes {
  kind: RequestKind;
  subject: string;
  details: string;
  urgent: boolean;
  requestedById: string;
  question?: string;
  answer?: string;
  reply?: string;
  declineReason?: string;
}

type Answer = { actor: Actor; answer: string };

export async function internalRequestWorkflow(input: InternalRequestInput): Promise<{ caseId: string; state: RequestState }> {
  const { engine, ctx } = await startCase(
    internalRequestCase,
    input.caseId,
    () => loadInternalRequestContext({ clientId: input.clientId, teamId: input.teamId, kind: input.kind, urgent: input.urgent }),
    () => ({
      id: input.caseId,
      clientId: input.clientId,
      status: statusOf('fulfil'),
      state: 'fulfil',
      summary: input.subject.slice(0, 200),
      attributes: {
        kind: input.kind,
        subject: input.subject,
        details: input.details,
        urgent: input.urgent,
        requestedById: input.openedBy.id,
      } satisfies InternalRequestAttributes,
      priority: priorityOf(input.urgent),
      openedById: input.openedBy.id,
    }),
  );
  return new InternalRequest(engine, ctx, input).run();
}

class InternalRequest extends CaseFlow<RequestState, RequestEvent, Record<string, never>> {
  private readonly answers = new RequestSlot<Answer>();

  constructor(
    engine: CaseEngine,
    private readonly ctx: CaseContext,
    private readonly input: InternalRequestInput,
  ) {
    super(engine, 'fulfil', TABLE, statusOf);
    setHandler(answerRequestUpdate, (args) => this.answers.deliver(args), {
      validator: ({ actor }: Answer) => {
        if (this.state !== 'awaiting_requester' || this.answers.waiting)
          throw conflict('NOT_AWAITING_REQUESTER', 'Nobody is waiting for an answer');
        if (actor.id !== input.openedBy.id) throw forbidden('NOT_REQUESTER', 'Only the person who asked answers the question');
      },
    });
  }

  protected facts(): Record<string, never> {
    return {};
  }

  private get attributes(): InternalRequestAttributes {
    return this.engine.row.attributes as unknown as InternalRequestAttributes;
  }

  async run(): Promise<{ caseId: string; state: RequestState }> {
    const { engine, input } = this;
    await engine.openCase(this.ctx.targets._case, input.openedBy.id, { kind: input.kind, teamId: input.teamId, urgent: input.urgent });
    void engine.runCaseClock();
    while (this.state !== 'closed') {
      if (this.state === 'fulfil') await this.fulfil();
      else await this.awaitingRequester();
    }
    await condition(allHandlersFinished);
    return { caseId: input.caseId, state: this.state };
  }

  /** Any member of the receiving team may take the request, whatever their role. */
  private async fulfil(): Promise<void> {
    const { engine } = this;
    const task = await engine.runTask({
      step: 'fulfil',
      teamId: this.ctx.teamId,
      roles: [],
      anyRoleInTeam: true,
      target: this.ctx.targets.fulfil,
      priority: engine.row.priority,
      outcomes: [...STEP_OUTCOMES.fulfil],
    });
    const o = task.outcome!;
    const event = o.outcome as RequestEvent;
    if (event === 'fulfilled') this.attributes.reply = String(o.reply ?? '');
    if (event === 'declined') this.attributes.declineReason = String(o.reason ?? '');
    if (event === 'need_info') {
      this.attributes.question = String(o.question ?? '');
      engine.pauseCaseClock();
    } else {
      engine.closeCase();
    }
    // the requester is told before the request reads as closed, so whoever sees it closed finds the reply
    await engine.write({ notifications: [this.toldRequester(event, task.id)] });
    await this.moveTo(event, task.completedById, {});
  }

  private async awaitingRequester(): Promise<void> {
    const answer = (await this.answers.receive())!;
    this.attributes.answer = answer.answer;
    this.engine.resumeCaseClock();
    await this.moveTo('requester_answered', answer.actor.id, { answer: answer.answer });
    this.answers.done();
  }

  private toldRequester(event: RequestEvent, taskId: string): NotificationInput {
    const titles: Record<string, string> = {
      fulfilled: 'Your request was fulfilled',
      declined: 'Your request was declined',
      need_info: 'The team asks a question about your request',
    };
    return {
      key: `${taskId}/requester`,
      recipients: { userIds: [this.input.openedBy.id] },
      type: 'case_update',
      title: `${titles[event]}: ${this.input.subject}`,
      caseId: this.input.caseId,
      data: { caseType: internalRequestCase.type, clientName: this.ctx.clientName, event },
    };
  }
}
