import { allHandlersFinished, condition, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { AmlActivities, AmlContext } from '../../activities/aml-case';
import { CaseFlow } from '../engine/case-flow';
import { startCase } from '../engine/bootstrap';
import type { CaseEngine } from '../engine/case-engine';
import { RequestSlot } from '../engine/request-slot';
import { conflict, forbidden } from '../engine/failures';
import { rolesOf, type Actor, type TaskState } from '../engine/types';
import { amlCase } from './definition';
import { alertsAddedSignal, alertsWithdrawnSignal, reopenAmlCaseUpdate } from './updates';
import {
  BEFORE_DECISION,
  STEP_OUTCOMES,
  STEP_ROLES,
  TABLE,
  isStep,
  priorityOf,
  statusOf,
  type AmlEvent,
  type AmlState,
  type AmlStep,
  type Closure,
} from './states';

const OPTIONS = { startToCloseTimeout: '1 minute', retry: { maximumInterval: '1 minute' } } as const;
const acts = proxyActivities<AmlActivities>(OPTIONS);
const local = proxyLocalActivities<AmlActivities>(OPTIONS);

export interface AmlCaseInput {
  caseId: string;
  clientId: string;
  /** the alerts that opened the case */
  alertIds: string[];
}

export interface AmlCaseResult {
  caseId: string;
  state: AmlState;
  closure: Closure | null;
}

/** What an AML case knows about itself, in the case row's `attributes`. */
export interface AmlAttributes {
  alertIds: string[];
  scenarios: string[];
  findings?: string;
  decision?: 'false_positive' | 'escalate';
  decisionReason?: string;
  closure?: Closure;
  sarReference?: string;
  sarRejections: number;
  reopenCount: number;
  reopenUntil?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const REOPEN_ROLES = ['mlro', 'compliance_manager'];
type Reopen = { actor: Actor; reason: string };

export async function amlCaseWorkflow(input: AmlCaseInput): Promise<AmlCaseResult> {
  const { engine, ctx } = await startCase(
    amlCase,
    input.caseId,
    (inWorker) => (inWorker ? local : acts).loadAmlContext({ clientId: input.clientId, alertIds: input.alertIds }),
    (c) => ({
      id: input.caseId,
      clientId: input.clientId,
      status: statusOf('investigate'),
      state: 'investigate',
      summary: summaryOf(c.scenarios, input.alertIds.length),
      attributes: {
        alertIds: [...new Set(input.alertIds)],
        scenarios: c.scenarios,
        sarRejections: 0,
        reopenCount: 0,
      } satisfies AmlAttributes,
      priority: priorityOf(input.alertIds.length, c.scenarios.includes('sanctions_match')),
      openedById: null,
    }),
  );
  return new AmlInvestigation(engine, ctx, input).run();
}

const summaryOf = (scenarios: string[], alerts: number) =>
  `${alerts} alert${alerts === 1 ? '' : 's'}: ${scenarios.join(', ')}`.slice(0, 200);

class AmlInvestigation extends CaseFlow<AmlState, AmlEvent, Record<string, never>> {
  /** everyone who investigated, decided or drafted the report: none of them approves it (four eyes) */
  private readonly touched = new Set<string>();
  private readonly reopens = new RequestSlot<Reopen>();
  private readonly incoming: string[] = [];
  private readonly withdrawn = new Set<string>();
  private closed = false;

  constructor(
    engine: CaseEngine,
    private readonly ctx: AmlContext,
    private readonly input: AmlCaseInput,
  ) {
    super(engine, 'investigate', TABLE, statusOf);
    setHandler(alertsAddedSignal, ({ alertIds }) => {
      if (!this.closed) this.incoming.push(...alertIds.filter((id) => !this.attributes.alertIds.includes(id)));
    });
    setHandler(alertsWithdrawnSignal, ({ alertIds }) => this.withdraw(alertIds));
    setHandler(reopenAmlCaseUpdate, (args) => this.reopen(args), {
      validator: ({ actor }: Reopen) => {
        if (this.state !== 'closed' || this.reopens.waiting) throw conflict('NOT_CLOSED', 'Only a closed AML case can be reopened');
        if (Date.now() > (this.attributes.reopenUntil ?? 0)) throw conflict('REOPEN_WINDOW_PASSED', 'The reopen window has passed');
        if (!rolesOf(actor).some((r) => REOPEN_ROLES.includes(r)))
          throw forbidden('ROLE_NOT_ALLOWED', 'Only the MLRO or a compliance manager reopens');
      },
    });
  }

  protected facts(): Record<string, never> {
    return {};
  }

  private get attributes(): AmlAttributes {
    return this.engine.row.attributes as unknown as AmlAttributes;
  }

  async run(): Promise<AmlCaseResult> {
    const { engine } = this;
    await engine.openCase(this.ctx.targets._case, null, { alertIds: this.attributes.alertIds, scenarios: this.attributes.scenarios });
    void engine.runCaseClock();
    void this.takeAlerts();
    for (;;) {
      if (isStep(this.state)) await this.step(this.state);
      else if (!(await this.closedState())) break;
    }
    await condition(allHandlersFinished);
    return { caseId: this.input.caseId, state: this.state, closure: this.attributes.closure ?? null };
  }

  /** Alerts attached while the case is open join it: the summary, priority and timeline say so. */
  private async takeAlerts(): Promise<void> {
    for (;;) {
      await condition(() => this.incoming.length > 0);
      const ids = [...new Set(this.incoming.splice(0))].filter((id) => !this.attributes.alertIds.includes(id));
      if (!ids.length || this.closed) continue;
      const { scenarios } = await acts.describeAlerts({ alertIds: ids });
      const a = this.attributes;
      a.alertIds.push(...ids);
      a.scenarios = [...new Set([...a.scenarios, ...scenarios])];
      this.engine.row.summary = summaryOf(a.scenarios, a.alertIds.length);
      this.engine.row.priority = Math.min(this.engine.row.priority, priorityOf(a.alertIds.length, a.scenarios.includes('sanctions_match')));
      await this.engine.write({ events: [this.engine.event('alerts_added', null, { alertIds: ids, scenarios })] });
    }
  }

  private withdraw(alertIds: string[]): void {
    for (const id of alertIds) if (this.attributes.alertIds.includes(id)) this.withdrawn.add(id);
    if (!this.allWithdrawn() || !BEFORE_DECISION.includes(this.state)) return;
    const open = [...this.engine.tasks.values()].find((t) => t.step === this.state && (t.status === 'open' || t.status === 'claimed'));
    if (open) void this.engine.cancelTask(open.id, null, { reason: 'alerts_withdrawn' });
  }

  private allWithdrawn(): boolean {
    return this.attributes.alertIds.length > 0 && this.attributes.alertIds.every((id) => this.withdrawn.has(id));
  }

  private async step(step: AmlStep): Promise<void> {
    if (step === 'sar_draft') await acts.prepareSar({ caseId: this.input.caseId });
    const task = await this.engine.runTask({
      step,
      teamId: this.ctx.teamId,
      roles: STEP_ROLES[step],
      target: this.ctx.targets[step],
      priority: this.engine.row.priority,
      outcomes: [...STEP_OUTCOMES[step]],
      excludeActors: step === 'sar_approval' ? () => this.touched : [],
    });
    if (task.status === 'cancelled') return this.close('alerts_withdrawn', 'withdrawn', null, {});
    const actorId = task.completedById!;
    const o = task.outcome!;
    const event = o.outcome as AmlEvent;
    if (step !== 'sar_approval' && step !== 'file_sar') this.touched.add(actorId);
    switch (step) {
      case 'investigate':
        this.attributes.findings = String(o.findings ?? '');
        return this.moveTo(event, actorId, {});
      case 'decide':
        return this.decide(task, event);
      case 'sar_draft':
        await acts.recordSar({
          caseId: this.input.caseId,
          event: 'submitted',
          actorId,
          at: task.completedAt!,
          narrative: String(o.narrative ?? ''),
        });
        return this.moveTo(event, actorId, {});
      case 'sar_approval':
        if (event === 'rejected') this.attributes.sarRejections++;
        await acts.recordSar({
          caseId: this.input.caseId,
          event: event as 'approved' | 'rejected',
          actorId,
          at: task.completedAt!,
          reason: o.reason as string | undefined,
        });
        return this.moveTo(event, actorId, event === 'rejected' ? { reason: o.reason ?? null } : {});
      case 'file_sar': {
        const reference = String(o.reference ?? '');
        this.attributes.sarReference = reference;
        await acts.recordSar({ caseId: this.input.caseId, event: 'filed', actorId, at: task.completedAt!, reference });
        return this.close(event, 'sar_filed', actorId, { reference });
      }
    }
  }

  private async decide(task: TaskState, event: AmlEvent): Promise<void> {
    const actorId = task.completedById!;
    const reason = String(task.outcome!.reason ?? '');
    const a = this.attributes;
    a.decision = event as 'false_positive' | 'escalate';
    a.decisionReason = reason;
    const live = a.alertIds.filter((id) => !this.withdrawn.has(id));
    if (event === 'false_positive') {
      await acts.settleAlerts({ caseId: this.input.caseId, alertIds: live, status: 'dismissed' });
      return this.close(event, 'false_positive', actorId, { reason });
    }
    await acts.settleAlerts({ caseId: this.input.caseId, alertIds: live, status: 'confirmed' });
    // a confirmed alert raises the client's risk: the KYC review date comes forward (and EDD may start now)
    await acts.raiseClientRisk({
      clientId: this.input.clientId,
      caseId: this.input.caseId,
      reason: `AML case escalated: ${reason}`.slice(0, 500),
    });
    await this.moveTo(event, actorId, { reason });
  }

  /** Closes the case: the group closes in the database (alerts that came too late go to a new case). */
  private async close(event: AmlEvent, closure: Closure, actorId: string | null, data: Record<string, unknown>): Promise<void> {
    const { engine } = this;
    this.closed = true;
    this.attributes.closure = closure;
    this.attributes.reopenUntil = Date.now() + this.ctx.settings.reopenWindowDays * DAY_MS;
    await acts.closeAmlGroup({
      caseId: this.input.caseId,
      clientId: this.input.clientId,
      knownAlertIds: this.attributes.alertIds,
      closure,
      actorId,
    });
    engine.closeCase();
    await this.moveTo(event, actorId, { closure, ...data });
  }

  /** Closed: an MLRO may reopen within the window. Returns false when the window passes. */
  private async closedState(): Promise<boolean> {
    const request = await this.reopens.receive((this.attributes.reopenUntil ?? 0) - Date.now());
    if (!request) return false;
    const { engine } = this;
    const a = this.attributes;
    a.reopenCount++;
    a.closure = undefined;
    a.decision = undefined;
    this.closed = false;
    this.touched.clear();
    engine.row.closedAt = null;
    engine.restartCaseClock(this.ctx.targets._case);
    await this.moveTo('reopened', request.actor.id, { reason: request.reason });
    this.reopens.done();
    void engine.runCaseClock();
    return true;
  }

  /** The group reopens in the database first: refused while another case of the client is open. */
  private async reopen(args: Reopen): Promise<void> {
    const r = await acts.reopenAmlGroup({
      caseId: this.input.caseId,
      clientId: this.input.clientId,
      actorId: args.actor.id,
      reason: args.reason,
    });
    if (!r.reopened) throw conflict('OTHER_CASE_OPEN', `Case ${r.openCaseId} of this client is open: add to it instead`);
    if (this.state !== 'closed' || this.reopens.waiting) throw conflict('NOT_CLOSED', 'The case is being reopened already');
    await this.reopens.deliver(args);
  }
}
