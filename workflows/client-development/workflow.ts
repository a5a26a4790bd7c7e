import { allHandlersFinished, condition, patched, proxyActivities, proxyLocalActivities, setHandler, sleep } from '@temporalio/workflow';
import type { DevelopmentActivities, DevelopmentContext } from '../../activities/client-development';
import { CaseFlow } from '../engine/case-flow';
import type { CaseEngine } from '../engine/case-engine';
import { startCase } from '../engine/bootstrap';
import type { TaskState } from '../engine/types';
import { kycDecidedSignal, type KycDecision } from '../kyc-review/updates';
import { clientDevelopmentCase } from './definition';
import { leadReturnedSignal, milestoneSignal, type Milestone } from './updates';
import {
  STAGE_STEP,
  STEP_OUTCOMES,
  WORKERS,
  TABLE,
  leadStatusOf,
  priorityOf,
  statusOf,
  type DevelopmentEvent,
  type DevelopmentState,
  type DevelopmentStep,
  type LostReason,
  type Stage,
  type Temperature,
} from './states';

const acts = proxyActivities<DevelopmentActivities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } });
const local = proxyLocalActivities<DevelopmentActivities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } });

const DAY = 86_400_000;

/**
 * A task on its way (its account manager is being looked up, or its opening is being written) counts as open:
 * a step made moot meanwhile (the first deposit arriving while its follow-up opens, a trade while the no-trade
 * follow-up opens, the KYC decision while kyc_stuck opens) is withdrawn once it has opened, after its
 * task_opened on the timeline, instead of staying open for good; and a second failed deposit or dormancy does
 * not open a second task beside it. Cases that met such a race before this change keep what their histories say.
 */
const TASK_ON_ITS_WAY = 'cdv-task-on-its-way';

export interface ClientDevelopmentInput {
  /** the lead's id: one case per lead */
  caseId: string;
  leadId: string;
}

/** What a client-development case knows about itself, in the case row's `attributes`. */
export interface DevelopmentAttributes {
  leadId: string;
  leadName: string;
  source: string;
  campaign: string | null;
  introducingBrokerId: string | null;
  /** who worked the last task given to a person (the account manager) */
  accountManagerId: string | null;
  temperature: Temperature;
  clientId: string | null;
  /** when each stage was first reached (ms): the funnel's conversion and time in stage */
  stages: Partial<Record<Stage, number>>;
  contactAttempts: number;
  kycCaseId: string | null;
  depositedAt: number | null;
  tradedAt: number | null;
  lostReason: LostReason | null;
  lostNote: string | null;
  lostFrom: Stage | null;
  lostAt: number | null;
  reopenCount: number;
  returnedLeadIds: string[];
  /** open follow-up: when the account manager is asked again */
  followUpAt: number | null;
}

export interface ClientDevelopmentResult {
  caseId: string;
  state: DevelopmentState;
}

type Returned = { leadId: string; temperature: Temperature; at: number };

export async function clientDevelopmentWorkflow(input: ClientDevelopmentInput): Promise<ClientDevelopmentResult> {
  const { engine, ctx } = await startCase(
    clientDevelopmentCase,
    input.caseId,
    // cases of this type began after context reads moved into the worker: only the local activity exists
    () => local.loadDevelopmentContext({ leadId: input.leadId }),
    (c) => ({
      id: input.caseId,
      clientId: c.lead.clientId,
      leadId: input.leadId,
      status: statusOf('new'),
      state: 'new',
      summary: `${c.lead.name} · ${c.lead.source}${c.lead.campaign ? ` · ${c.lead.campaign}` : ''}`.slice(0, 200),
      attributes: {
        leadId: input.leadId,
        leadName: c.lead.name,
        source: c.lead.source,
        campaign: c.lead.campaign,
        introducingBrokerId: c.lead.introducingBrokerId,
        accountManagerId: c.lead.accountManagerId,
        temperature: c.lead.temperature,
        clientId: c.lead.clientId,
        stages: { new: Date.now() },
        contactAttempts: 0,
        kycCaseId: null,
        depositedAt: null,
        tradedAt: null,
        lostReason: null,
        lostNote: null,
        lostFrom: null,
        lostAt: null,
        reopenCount: 0,
        returnedLeadIds: [],
        followUpAt: null,
      } satisfies DevelopmentAttributes as unknown as Record<string, unknown>,
      priority: priorityOf(c.lead.temperature),
      openedById: null,
    }),
  );
  return new ClientDevelopment(engine, ctx as DevelopmentContext, input).run();
}

class ClientDevelopment extends CaseFlow<DevelopmentState, DevelopmentEvent, Record<string, never>> {
  /** transactions counted already (a repeated signal changes nothing) */
  private readonly seen = new Set<string>();
  private kyc: KycDecision | null = null;
  /** decisions of KYC reviews, by review: one may arrive before this case knows the review's id */
  private readonly decisions = new Map<string, KycDecision>();
  private kycAttempt = 0;
  private returned: Returned | null = null;
  private readonly failedDeposits: Milestone[] = [];
  /** the latest withdrawal not yet followed by a deposit or trade */
  private withdrawalAt: number | null = null;
  private lastActivityAt = 0;
  private finished = false;
  /** trigger tasks running beside the main flow */
  private readonly background = new Set<Promise<void>>();
  /** steps whose task is on its way (its account manager is being looked up): how many */
  private readonly opening = new Map<DevelopmentStep, number>();

  constructor(
    engine: CaseEngine,
    private readonly ctx: DevelopmentContext,
    private readonly input: ClientDevelopmentInput,
  ) {
    super(engine, 'new', TABLE, statusOf);
    setHandler(milestoneSignal, (m) => this.onMilestone(m));
    // only the decision of the review this case waits for counts (an older attempt's is stale)
    setHandler(kycDecidedSignal, (d) => {
      this.decisions.set(d.caseId, d);
      if (!this.kyc && d.caseId === this.attributes.kycCaseId) this.kyc = d;
    });
    setHandler(leadReturnedSignal, (r) => {
      if (this.state === 'lost' && !this.returned && !this.attributes.returnedLeadIds.includes(r.leadId)) this.returned = r;
    });
  }

  protected facts(): Record<string, never> {
    return {};
  }

  private get attributes(): DevelopmentAttributes {
    return this.engine.row.attributes as unknown as DevelopmentAttributes;
  }

  private get settings() {
    return this.ctx.settings;
  }

  async run(): Promise<ClientDevelopmentResult> {
    const { engine, input } = this;
    const a = this.attributes;
    await engine.openCase(this.ctx.targets._case, null, {
      leadId: input.leadId,
      source: a.source,
      campaign: a.campaign,
      temperature: a.temperature,
    });
    this.spawn(this.watchFailedDeposits());
    this.spawn(this.watchDormancy());
    while (!this.finished) await this.handle(this.state);
    await this.cancelOpenTasks('case ended');
    await Promise.all([...this.background]);
    await condition(allHandlersFinished);
    return { caseId: input.caseId, state: this.state };
  }

  private handle(state: DevelopmentState): Promise<void> {
    switch (state) {
      case 'new':
        return this.firstContact();
      case 'contacted':
        return this.qualify();
      case 'qualified':
        return this.application();
      case 'application':
        return this.startKyc();
      case 'kyc':
        return this.awaitKyc();
      case 'approved':
        return this.awaitDeposit();
      case 'funded':
        return this.awaitTrade();
      case 'active':
        return this.watchActive();
      case 'lost':
        return this.awaitReturn();
    }
  }

  // --- stages worked by the account manager

  private async firstContact(): Promise<void> {
    const task = await this.runStep('first_contact', { target: this.ctx.firstContact[this.attributes.temperature] });
    const o = task.outcome!;
    if (o.outcome === 'contacted') return this.moveTo('contacted', task.completedById, { note: o.note ?? null });
    if (o.outcome === 'lost') return this.lose(o.reason as LostReason, o.note, task.completedById);
    // no answer: try again at the follow-up time, until the attempts run out
    const attempts = ++this.attributes.contactAttempts;
    if (attempts >= this.settings['cdv.maxContactAttempts']) {
      return this.lose('unreachable', `No answer after ${attempts} attempts`, task.completedById);
    }
    await this.followUp(o.followUpAt, task, { attempts });
  }

  private async qualify(): Promise<void> {
    const task = await this.runStep('qualify');
    const o = task.outcome!;
    if (o.outcome === 'qualified') return this.moveTo('qualified', task.completedById, { note: o.note ?? null });
    if (o.outcome === 'lost') return this.lose(o.reason as LostReason, o.note, task.completedById);
    await this.followUp(o.followUpAt, task);
  }

  /** The lead applies: it becomes a client (or joins a client it duplicates) and the KYC review follows. */
  private async application(): Promise<void> {
    const task = await this.runStep('application');
    const o = task.outcome!;
    if (o.outcome === 'lost') return this.lose(o.reason as LostReason, o.note, task.completedById);
    if (o.outcome === 'follow_up') return this.followUp(o.followUpAt, task);
    const converted = await acts.convertLead({
      leadId: this.input.leadId,
      clientId: (o.clientId as string | undefined) ?? null,
      actorId: task.completedById,
    });
    this.engine.row.clientId = converted.clientId;
    this.attributes.clientId = converted.clientId;
    await this.moveTo('submitted', task.completedById, { clientId: converted.clientId, newClient: converted.created });
  }

  // --- stages that wait for the client

  private async startKyc(): Promise<void> {
    const { engine } = this;
    const started = await acts.startOnboardingReview({
      caseId: this.input.caseId,
      workflowId: engine.row.workflowId,
      clientId: this.attributes.clientId!,
      attempt: ++this.kycAttempt,
    });
    this.attributes.kycCaseId = started.kycCaseId;
    this.kyc =
      started.decision && started.kycCaseId
        ? { caseId: started.kycCaseId, decision: started.decision, at: Date.now() }
        : (started.kycCaseId && this.decisions.get(started.kycCaseId)) || null;
    if (!started.kycCaseId) return this.moveTo('kyc_not_needed', null, { reason: 'client already approved' });
    await this.moveTo('kyc_started', null, { kycCaseId: started.kycCaseId });
  }

  /**
   * Waits for the review's decision, which it signals when it decides. Every N business days without one
   * the case reads the review's projection (a safety net: a decision whose signal was lost still arrives)
   * and, if it is still undecided, asks the account manager to chase the client (KYC stuck).
   */
  private async awaitKyc(): Promise<void> {
    const { engine } = this;
    while (!this.kyc) {
      const deadline = engine.businessDeadline({ businessDays: this.settings['cdv.kycStuckBusinessDays'] });
      if (await condition(() => this.kyc !== null, Math.max(1, deadline - Date.now()))) break;
      const kycCaseId = this.attributes.kycCaseId!;
      const decided = await acts.kycDecisionOf({ kycCaseId });
      if (decided) {
        this.kyc = { caseId: kycCaseId, decision: decided, at: Date.now() };
        break;
      }
      if (!this.hasTask('kyc_stuck')) {
        await engine.write({ events: [engine.event('trigger_fired', null, { trigger: 'kyc_stuck', kycCaseId })] });
        this.spawnTrigger('kyc_stuck');
      }
    }
    await this.cancelTask('kyc_stuck', 'the KYC review decided');
    const { decision, caseId } = this.kyc!;
    if (decision === 'rejected') return this.lose('kyc_rejected', null, null, { kycCaseId: caseId });
    await this.moveTo('kyc_approved', null, { kycCaseId: caseId });
  }

  /** KYC approved: the account manager helps the client fund the account until the first deposit arrives. */
  private async awaitDeposit(): Promise<void> {
    await this.checkActivity();
    while (this.attributes.depositedAt === null) {
      const followUpAt = this.attributes.followUpAt;
      if (followUpAt !== null) {
        if (!(await condition(() => this.attributes.depositedAt !== null, Math.max(1, followUpAt - Date.now())))) await this.followUpDue();
        continue;
      }
      const task = await this.raceStep('first_deposit', () => this.attributes.depositedAt !== null, 'the first deposit arrived');
      if (!task || task.status === 'cancelled') break;
      const o = task.outcome!;
      if (o.outcome === 'lost') return this.lose(o.reason as LostReason, o.note, task.completedById);
      this.attributes.followUpAt = this.followUpTime(o.followUpAt);
      await this.engine.write({
        events: [this.engine.event('follow_up_set', task.completedById, { step: task.step, followUpAt: this.attributes.followUpAt })],
      });
    }
    this.attributes.followUpAt = null;
    await this.moveTo('deposited', null, { depositedAt: this.attributes.depositedAt });
  }

  /** Funded: waits for the first trade; after N days without one the account manager follows up (once). */
  private async awaitTrade(): Promise<void> {
    await this.checkActivity();
    const traded = () => this.attributes.tradedAt !== null;
    if (!traded()) {
      const waitMs = this.settings['cdv.noTradeDays'] * DAY;
      const fundedAt = this.attributes.stages.funded ?? Date.now();
      if (!(await condition(traded, Math.max(1, fundedAt + waitMs - Date.now())))) {
        await this.checkActivity();
        if (!traded()) {
          await this.engine.write({
            events: [this.engine.event('trigger_fired', null, { trigger: 'no_trade', days: this.settings['cdv.noTradeDays'] })],
          });
          this.spawnTrigger('no_trade');
        }
      }
      await condition(traded);
    }
    await this.cancelTask('no_trade', 'the client traded');
    await this.moveTo('traded', null, { tradedAt: this.attributes.tradedAt });
  }

  /** An active trader stays watched for a while (dormancy after a withdrawal), then the case closes. */
  private async watchActive(): Promise<void> {
    const until = (this.attributes.stages.active ?? Date.now()) + this.settings['cdv.watchDays'] * DAY;
    await sleep(Math.max(1, until - Date.now()));
    // a dormancy follow-up still open (or on its way) is finished first
    if (this.anyOnItsWay() && patched(TASK_ON_ITS_WAY)) await condition(() => !this.anyOnItsWay());
    await condition(() => !this.openTask('dormant') && !this.openTask('deposit_failed'));
    this.engine.closeCase();
    await this.engine.write({ events: [this.engine.event('case_closed', null, { outcome: 'active_trader' })] });
    this.finished = true;
  }

  /** Lost: closed until a new lead that duplicates this one comes in (within the reopen window). */
  private async awaitReturn(): Promise<void> {
    const windowMs = this.settings['cdv.reopenWindowDays'] * DAY;
    const lostAt = this.attributes.lostAt ?? Date.now();
    if (!(await condition(() => this.returned !== null, Math.max(1, lostAt + windowMs - Date.now())))) {
      this.finished = true;
      return;
    }
    const r = this.returned!;
    this.returned = null;
    const a = this.attributes;
    a.returnedLeadIds.push(r.leadId);
    a.reopenCount++;
    a.temperature = r.temperature;
    a.contactAttempts = 0;
    a.lostReason = null;
    a.lostNote = null;
    a.lostFrom = null;
    a.lostAt = null;
    this.engine.row.priority = priorityOf(r.temperature);
    this.engine.restartCaseClock(this.ctx.targets._case);
    this.engine.row.closedAt = null;
    await this.moveTo('lead_returned', null, { leadId: r.leadId, reopenCount: a.reopenCount });
  }

  // --- triggers: the client's behaviour opens tasks beside the main flow

  private onMilestone(m: Milestone): void {
    const key = `${m.kind}:${m.transactionId}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const a = this.attributes;
    if (m.kind === 'deposit' || m.kind === 'trade') {
      if (m.kind === 'deposit') a.depositedAt = a.depositedAt === null ? m.at : Math.min(a.depositedAt, m.at);
      else a.tradedAt = a.tradedAt === null ? m.at : Math.min(a.tradedAt, m.at);
      this.lastActivityAt = Math.max(this.lastActivityAt, m.at);
    } else if (m.kind === 'withdrawal') {
      // reordered feeds: a withdrawal older than the latest activity does not make the client dormant
      if (m.at > this.lastActivityAt && m.at > (this.withdrawalAt ?? 0)) this.withdrawalAt = m.at;
    } else {
      this.failedDeposits.push(m);
    }
  }

  /** A failed deposit opens a follow-up once the client is approved (one open at a time). */
  private async watchFailedDeposits(): Promise<void> {
    for (;;) {
      await condition(() => this.finished || this.failedDeposits.length > 0);
      if (this.finished) return;
      const m = this.failedDeposits.shift()!;
      if (this.state === 'lost' || this.hasTask('deposit_failed')) {
        await this.engine.write({
          events: [
            this.engine.event('deposit_failed', null, {
              transactionId: m.transactionId,
              amount: m.amount ?? null,
              currency: m.currency ?? null,
              task: false,
            }),
          ],
        });
        continue;
      }
      await this.engine.write({
        events: [
          this.engine.event('trigger_fired', null, {
            trigger: 'deposit_failed',
            transactionId: m.transactionId,
            amount: m.amount ?? null,
            currency: m.currency ?? null,
          }),
        ],
      });
      this.spawnTrigger('deposit_failed');
    }
  }

  /**
   * A withdrawal followed by N days without a deposit or trade: the client is dormant. Any later withdrawal
   * restarts the count; a deposit or trade after it ends it. Checked against the transactions before the
   * task opens (a signal may have been missed).
   */
  private async watchDormancy(): Promise<void> {
    const days = this.settings['cdv.dormantDays'];
    for (;;) {
      await condition(() => this.finished || this.withdrawalAt !== null);
      if (this.finished) return;
      const since = this.withdrawalAt!;
      const resumed = () => this.finished || this.lastActivityAt > since || this.withdrawalAt !== since;
      if (await condition(resumed, Math.max(1, since + days * DAY - Date.now()))) {
        if (this.withdrawalAt === since && this.lastActivityAt > since) this.withdrawalAt = null;
        continue;
      }
      this.withdrawalAt = null;
      const clientId = this.attributes.clientId;
      const activity = clientId ? await acts.clientActivity({ clientId, since }) : null;
      if (activity?.lastActivityAt) {
        this.lastActivityAt = Math.max(this.lastActivityAt, activity.lastActivityAt);
        continue;
      }
      if (this.state === 'lost' || this.hasTask('dormant')) continue;
      await this.engine.write({ events: [this.engine.event('trigger_fired', null, { trigger: 'dormant', withdrawalAt: since, days })] });
      this.spawnTrigger('dormant');
    }
  }

  // --- helpers

  /** Opens a step for the account manager (or the team's queue when there is none who may work it). */
  private async runStep(step: DevelopmentStep, opts: { target?: DevelopmentContext['targets'][string] } = {}): Promise<TaskState> {
    const { engine, ctx } = this;
    this.opening.set(step, (this.opening.get(step) ?? 0) + 1);
    let owner: Awaited<ReturnType<typeof acts.accountManagerOf>>;
    try {
      owner = await acts.accountManagerOf({ leadId: this.input.leadId, clientId: this.attributes.clientId });
    } finally {
      // runTask opens the task before its first await: the step goes from on its way to open with nothing between
      this.opening.set(step, this.opening.get(step)! - 1);
    }
    if (owner) this.attributes.accountManagerId = owner.id;
    return engine.runTask({
      step,
      teamId: owner?.teamId ?? ctx.teamId,
      roles: WORKERS,
      target: opts.target ?? ctx.targets[step],
      priority: engine.row.priority,
      outcomes: [...STEP_OUTCOMES[step]],
      assigneeId: owner?.id ?? null,
    });
  }

  /** Runs a step that the client's behaviour may make moot: it is withdrawn when `moot` turns true. */
  private async raceStep(step: DevelopmentStep, moot: () => boolean, why: string): Promise<TaskState | null> {
    if (moot()) return null;
    let done = false;
    const running = this.runStep(step).finally(() => {
      done = true;
    });
    await condition(() => done || moot());
    if (!done) await this.cancelTask(step, why);
    return running;
  }

  /** A trigger's task, beside the main flow (what fired it is on the timeline just before it). */
  private spawnTrigger(step: DevelopmentStep): void {
    this.spawn(this.runStep(step).then(() => undefined));
  }

  private spawn(p: Promise<void>): void {
    const tracked: Promise<void> = p.finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  private openTask(step: DevelopmentStep): TaskState | undefined {
    return [...this.engine.tasks.values()].find((t) => t.step === step && (t.status === 'open' || t.status === 'claimed'));
  }

  /** A task of the step is on its way: its account manager is being looked up, or its opening is being written. */
  private onItsWay(step: DevelopmentStep): boolean {
    const open = this.openTask(step);
    return open ? !this.engine.openingIsWritten(open.id) : (this.opening.get(step) ?? 0) > 0;
  }

  private anyOnItsWay(): boolean {
    return [...this.opening.keys()].some((step) => this.onItsWay(step));
  }

  /** A task of the step is open, or on its way (not for condition() predicates: patched() records a marker). */
  private hasTask(step: DevelopmentStep): boolean {
    if (this.openTask(step)) return true;
    return this.onItsWay(step) && patched(TASK_ON_ITS_WAY);
  }

  /** Withdraws the step's open task; one still on its way is withdrawn as soon as it opens. */
  private async cancelTask(step: DevelopmentStep, reason: string): Promise<void> {
    if (this.onItsWay(step) && patched(TASK_ON_ITS_WAY)) await condition(() => !this.onItsWay(step));
    const task = this.openTask(step);
    if (task) await this.engine.cancelTask(task.id, null, { reason });
  }

  private async cancelOpenTasks(reason: string): Promise<void> {
    if (this.anyOnItsWay() && patched(TASK_ON_ITS_WAY)) await condition(() => !this.anyOnItsWay());
    for (const t of [...this.engine.tasks.values()]) {
      if (t.status === 'open' || t.status === 'claimed') await this.engine.cancelTask(t.id, null, { reason });
    }
  }

  /** The transactions as stored: a deposit or trade booked before the case listened still counts. */
  private async checkActivity(): Promise<void> {
    const clientId = this.attributes.clientId;
    if (!clientId) return;
    const a = this.attributes;
    const seen = await acts.clientActivity({ clientId, since: 0 });
    if (seen.depositedAt !== null && (a.depositedAt === null || seen.depositedAt < a.depositedAt)) a.depositedAt = seen.depositedAt;
    if (seen.tradedAt !== null && (a.tradedAt === null || seen.tradedAt < a.tradedAt)) a.tradedAt = seen.tradedAt;
    if (seen.lastActivityAt) this.lastActivityAt = Math.max(this.lastActivityAt, seen.lastActivityAt);
  }

  /** When the account manager is asked again: the time they gave, else one business day on. */
  private followUpTime(given: unknown): number {
    const at = typeof given === 'string' ? Date.parse(given) : NaN;
    return Number.isFinite(at) && at > Date.now() ? at : this.engine.businessDeadline({ businessDays: 1 });
  }

  /** Waits until the follow-up time; the stage's step then opens again (the account manager is told). */
  private async followUp(given: unknown, task: TaskState, data: Record<string, unknown> = {}): Promise<void> {
    const at = this.followUpTime(given);
    this.attributes.followUpAt = at;
    await this.engine.write({
      events: [
        this.engine.event('follow_up_set', task.completedById, {
          step: task.step,
          followUpAt: at,
          note: task.outcome?.note ?? null,
          ...data,
        }),
      ],
    });
    await sleep(Math.max(1, at - Date.now()));
    await this.followUpDue();
  }

  private async followUpDue(): Promise<void> {
    const at = this.attributes.followUpAt;
    this.attributes.followUpAt = null;
    await this.engine.write({
      events: [this.engine.event('follow_up_due', null, { step: STAGE_STEP[this.state] ?? null, followUpAt: at })],
    });
  }

  private async lose(reason: LostReason, note: unknown, actorId: string | null, data: Record<string, unknown> = {}): Promise<void> {
    const a = this.attributes;
    a.lostReason = reason ?? 'other';
    a.lostNote = typeof note === 'string' && note ? note : null;
    a.lostFrom = this.state === 'lost' ? null : this.state;
    a.lostAt = Date.now();
    a.followUpAt = null;
    await this.cancelOpenTasks(`lost: ${a.lostReason}`);
    this.engine.closeCase();
    await this.moveTo('lost', actorId, { reason: a.lostReason, note: a.lostNote, ...data });
  }

  /** Every move records when a stage was first reached and keeps the lead's status in step. */
  protected override async moveTo(event: DevelopmentEvent, actorId: string | null, data: Record<string, unknown> = {}): Promise<void> {
    const before = leadStatusOf(this.state);
    const from = this.state;
    if (event !== 'lost') {
      // the stage about to be entered
      const to = TABLE[from][event] as DevelopmentState;
      if (to !== 'lost') this.attributes.stages[to] ??= Date.now();
    }
    await super.moveTo(event, actorId, data);
    const after = leadStatusOf(this.state);
    if (after !== before || this.state === 'lost') {
      await acts.projectLead({ leadId: this.input.leadId, status: after, lostReason: this.attributes.lostReason });
    }
  }
}
