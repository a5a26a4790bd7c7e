// The case engine: tasks with SLA clocks, escalation ladder, case deadline and timeline, shared by every
// case type. It runs inside workflow code, so it is deterministic: time is Date.now() of the workflow
// task, and all I/O goes through activities.
import { condition, setHandler } from '@temporalio/workflow';
import { hasChange } from './changes';
import { addBusinessDuration, type BusinessDuration } from './business-time';
import { buildSchedule, pauseClock, resumeClock, type SlaSchedule, type SlaTarget } from './sla';
import { conflict, forbidden } from './failures';
import { caseBreached, slaEscalation, slaReminder, taskAssigned, taskAvailable } from './notices';
import { ProjectionWriter } from './projection-writer';
import {
  claimTaskUpdate,
  completeTaskUpdate,
  getCaseStateQuery,
  reassignTaskUpdate,
  releaseTaskUpdate,
  type TaskActionArgs,
} from './updates';
import {
  rolesOf,
  type Actor,
  type CaseContext,
  type CaseEventInput,
  type CaseProjection,
  type NotificationInput,
  type Role,
  type TaskProjection,
  type TaskSpec,
  type TaskState,
} from './types';

export interface EngineOptions {
  /** who is notified at each escalation level: [level 1 roles (the team), level 2 roles (the branch)] */
  escalationRoles: [Role[], Role[]];
  /** roles that may release and reassign other people's tasks */
  supervising: Role[];
}

type Threshold = { kind: 'reminder'; percent: number; at: number } | { kind: 'escalation'; level: number; at: number };

const isDone = (t: TaskState) => t.status === 'completed' || t.status === 'cancelled';

export class CaseEngine {
  readonly tasks = new Map<string, TaskState>();
  private readonly attempts = new Map<string, number>();
  private eventSeq = 0;
  private caseSchedule: SlaSchedule | null = null;
  private caseClockVersion = 0;
  private closed = false;
  /** tasks whose projection has been written */
  tasksOpened = 0;
  /** running tasks whose opening has been written (the timeline has their task_opened) */
  private readonly openingWritten = new Set<string>();
  /** finished tasks whose final projection has been written */
  private readonly settled = new Set<string>();
  /** events waiting to go out with the next write (the case's opening, with its first task) */
  private pendingEvents: CaseEventInput[] = [];
  private readonly writer: ProjectionWriter;

  constructor(
    readonly row: CaseProjection,
    readonly ctx: CaseContext,
    private readonly options: EngineOptions,
  ) {
    this.writer = new ProjectionWriter(row);
  }

  installHandlers(): void {
    setHandler(getCaseStateQuery, () => ({
      caseId: this.row.id,
      state: this.row.state,
      status: this.row.status,
      dueAt: this.row.dueAt,
      stuck: this.writer.stuck,
      tasks: [...this.tasks.values()].map((t) => this.taskProjection(t)),
    }));
    this.writer.installHandlers();

    setHandler(
      claimTaskUpdate,
      async ({ taskId, actor }) => {
        const task = this.checkClaim(taskId, actor);
        task.status = 'claimed';
        task.assigneeId = actor.id;
        task.claimedAt = Date.now();
        return this.afterTaskChange(task, 'task_claimed', actor.id, {});
      },
      { validator: ({ taskId, actor }) => void this.checkClaim(this.checkOpened(taskId), actor) },
    );

    setHandler(
      releaseTaskUpdate,
      async ({ taskId, actor }) => {
        const task = this.checkRelease({ taskId, actor });
        const previous = task.assigneeId;
        task.status = 'open';
        task.assigneeId = null;
        task.claimedAt = null;
        return this.afterTaskChange(task, 'task_released', actor.id, { previousAssigneeId: previous });
      },
      { validator: (args) => void this.checkRelease({ ...args, taskId: this.checkOpened(args.taskId) }) },
    );

    setHandler(
      reassignTaskUpdate,
      async ({ taskId, actor, assignee }) => {
        const task = this.checkReassign(taskId, actor, assignee);
        const previous = task.assigneeId;
        task.status = 'claimed';
        task.assigneeId = assignee.id;
        task.claimedAt = Date.now();
        const data = { previousAssigneeId: previous, assigneeId: assignee.id };
        return this.afterTaskChange(task, 'task_reassigned', actor.id, data, [taskAssigned(task, this.about, assignee.id)]);
      },
      { validator: ({ taskId, actor, assignee }) => void this.checkReassign(this.checkOpened(taskId), actor, assignee) },
    );

    setHandler(
      completeTaskUpdate,
      async ({ taskId, actor, outcome }) => {
        const task = this.checkComplete(taskId, actor, outcome.outcome);
        task.status = 'completed';
        task.outcome = outcome;
        task.completedAt = Date.now();
        task.completedById = actor.id;
        const view = await this.afterTaskChange(task, 'task_completed', actor.id, { outcome });
        this.settled.add(task.id);
        return view;
      },
      { validator: ({ taskId, actor, outcome }) => void this.checkComplete(this.checkOpened(taskId), actor, outcome.outcome) },
    );
  }

  private get about() {
    return { row: this.row, clientName: this.ctx.clientName };
  }

  // --- validation: the same checks run in the validator (to reject early) and in the handler
  // (because two updates accepted together run one after the other: the second must lose).

  /**
   * Validators only: no task action while the case's first write is in flight as a local activity (only
   * regular activities record the order of writes in flight together). Not re-checked in the handlers: nothing
   * between a validator and its handler starts that write, and histories from before it must replay as they are.
   */
  private checkOpened(taskId: string): string {
    if (this.writer.openingLocally) throw conflict('CASE_OPENING', 'The case is still being opened; try again in a moment');
    return taskId;
  }

  private activeTask(taskId: string): TaskState {
    const task = this.tasks.get(taskId);
    if (!task || isDone(task)) throw conflict('STEP_NOT_OPEN', `Task ${taskId} is not open`);
    return task;
  }

  /** Whether a person may work on a task: a role the step allows (administrators decide nothing), and four eyes. */
  private checkEligible(task: TaskState, user: Actor): void {
    const allowed = task.anyRoleInTeam ? !!user.teamId && user.teamId === task.teamId : rolesOf(user).some((r) => task.roles.includes(r));
    if (!allowed) throw forbidden('ROLE_NOT_ALLOWED', `${user.id} cannot work on step ${task.step}`);
    if ([...task.excludeActors()].includes(user.id)) {
      throw forbidden('FOUR_EYES', `Four eyes: ${user.id} already worked on this case and cannot ${task.step} it`);
    }
  }

  private supervises(actor: Actor): boolean {
    return rolesOf(actor).some((r) => this.options.supervising.includes(r));
  }

  private checkClaim(taskId: string, actor: Actor): TaskState {
    const task = this.activeTask(taskId);
    if (task.status === 'claimed') {
      throw conflict('TASK_ALREADY_CLAIMED', `Task is already claimed by ${task.assigneeId}`);
    }
    this.checkEligible(task, actor);
    return task;
  }

  private checkRelease({ taskId, actor }: TaskActionArgs): TaskState {
    const task = this.activeTask(taskId);
    if (task.status !== 'claimed') throw conflict('TASK_NOT_CLAIMED', 'Task is not claimed');
    if (task.assigneeId !== actor.id && !this.supervises(actor)) {
      throw forbidden('NOT_ASSIGNEE', 'Only the assignee or a supervisor of this work can release this task');
    }
    return task;
  }

  private checkReassign(taskId: string, actor: Actor, assignee: Actor): TaskState {
    if (!this.supervises(actor)) throw forbidden('ROLE_NOT_ALLOWED', 'Only supervisors of this work can reassign');
    const task = this.activeTask(taskId);
    if (task.assigneeId === assignee.id) throw conflict('ALREADY_ASSIGNED', 'Task is already assigned to that user');
    this.checkEligible(task, assignee);
    return task;
  }

  private checkComplete(taskId: string, actor: Actor, outcome: string): TaskState {
    const task = this.activeTask(taskId);
    if (task.status !== 'claimed' || task.assigneeId !== actor.id) {
      throw conflict('NOT_ASSIGNEE', 'Claim the task before completing it');
    }
    this.checkEligible(task, actor);
    if (!task.outcomes.includes(outcome)) {
      throw conflict('OUTCOME_NOT_ALLOWED', `Outcome ${outcome} is not allowed at step ${task.step}`);
    }
    return task;
  }

  private async afterTaskChange(
    task: TaskState,
    eventType: string,
    actorId: string | null,
    data: Record<string, unknown>,
    notifications: NotificationInput[] = [],
  ): Promise<TaskProjection> {
    task.revision++;
    this.row.assigneeId = task.assigneeId;
    await this.write({
      tasks: [this.taskProjection(task)],
      events: [this.event(eventType, actorId, { taskId: task.id, step: task.step, ...data })],
      notifications,
    });
    return this.taskProjection(task);
  }

  // --- tasks

  /**
   * Withdraws an open task because the case takes another path; its runTask resolves with status
   * `cancelled` and no outcome. The status changes at once, so a completion racing it is refused.
   */
  async cancelTask(taskId: string, actorId: string | null, data: Record<string, unknown>): Promise<void> {
    const task = this.activeTask(taskId);
    task.status = 'cancelled';
    task.completedAt = Date.now();
    await this.afterTaskChange(task, 'task_cancelled', actorId, data);
    this.settled.add(task.id);
  }

  /** Whether a running task's opening has been written (a change written before it would read out of order). */
  openingIsWritten(taskId: string): boolean {
    return this.openingWritten.has(taskId);
  }

  /** Opens a step as a task and resolves when it is completed. The SLA clock runs meanwhile. */
  async runTask(spec: TaskSpec): Promise<TaskState> {
    const attempt = (this.attempts.get(spec.step) ?? 0) + 1;
    this.attempts.set(spec.step, attempt);
    const now = Date.now();
    // Ids of new tasks need no escaping in a URL path; tasks opened before this change keep theirs.
    const sep = hasChange('url-safe-task-ids') ? '.' : '/';
    const exclude = spec.excludeActors;
    const task: TaskState = {
      id: [this.row.workflowId, spec.step, attempt].join(sep),
      step: spec.step,
      attempt,
      status: spec.assigneeId ? 'claimed' : 'open',
      teamId: spec.teamId,
      roles: spec.roles,
      assigneeId: spec.assigneeId ?? null,
      priority: spec.priority,
      excludeActors: typeof exclude === 'function' ? exclude : () => exclude ?? [],
      anyRoleInTeam: spec.anyRoleInTeam ?? false,
      outcomes: spec.outcomes,
      schedule: buildSchedule(this.ctx.calendar, now, spec.target),
      escalateAfterMinutes: spec.target.escalateAfterMinutes,
      remindersSent: [],
      escalationLevel: 0,
      createdAt: now,
      claimedAt: spec.assigneeId ? now : null,
      completedAt: null,
      completedById: null,
      outcome: null,
      revision: 1,
    };
    this.tasks.set(task.id, task);
    this.row.assigneeId = task.assigneeId;
    // a step that belongs to one person (an account manager's lead) opens as theirs, and they are told
    const assigned = task.assigneeId ? { assigneeId: task.assigneeId } : {};
    await this.write({
      tasks: [this.taskProjection(task)],
      events: [this.event('task_opened', null, { taskId: task.id, step: task.step, dueAt: task.schedule.dueAt, ...assigned })],
      notifications: [task.assigneeId ? taskAssigned(task, this.about, task.assigneeId) : taskAvailable(task, this.about)],
    });
    this.tasksOpened++;
    this.openingWritten.add(task.id);
    await this.runTaskClock(task);
    this.tasks.delete(task.id);
    this.openingWritten.delete(task.id);
    return task;
  }

  private async runTaskClock(task: TaskState): Promise<void> {
    for (let next = this.nextThreshold(task); next && !isDone(task); next = this.nextThreshold(task)) {
      const wait = next.at - Date.now();
      if (wait > 0 && (await condition(() => isDone(task), wait))) break;
      if (!isDone(task)) await this.fireThreshold(task, next);
    }
    await condition(() => isDone(task));
    // The step's outcome is written before the case moves on, so the timeline reads in causal order.
    // Cases started before this change move on at once (their histories say so).
    if (hasChange('timeline-causal-order')) await condition(() => this.settled.has(task.id));
  }

  private nextThreshold(task: TaskState): Threshold | undefined {
    const pending: Threshold[] = [
      ...task.schedule.reminders
        .filter((r) => !task.remindersSent.includes(r.percent))
        .map((r) => ({ kind: 'reminder' as const, percent: r.percent, at: r.at })),
      ...task.schedule.escalations
        .filter((e) => e.level > task.escalationLevel)
        .map((e) => ({ kind: 'escalation' as const, level: e.level, at: e.at })),
    ];
    return pending.sort((a, b) => a.at - b.at)[0];
  }

  private async fireThreshold(task: TaskState, threshold: Threshold): Promise<void> {
    if (threshold.kind === 'reminder') {
      task.remindersSent.push(threshold.percent);
      await this.write({
        events: [this.event('sla_reminder', null, { taskId: task.id, step: task.step, percent: threshold.percent })],
        notifications: [slaReminder(task, this.about, threshold.percent)],
      });
      return;
    }
    const level = threshold.level;
    task.escalationLevel = level;
    task.priority = level === 1 ? Math.max(1, task.priority - 1) : 1;
    task.revision++;
    this.row.escalationLevel = Math.max(this.row.escalationLevel, level);
    this.row.priority = Math.min(this.row.priority, task.priority);
    await this.write({
      tasks: [this.taskProjection(task)],
      events: [this.event('sla_escalated', null, { taskId: task.id, step: task.step, level, priority: task.priority })],
      notifications: [slaEscalation(task, this.about, level, this.options.escalationRoles[level - 1])],
    });
  }

  // --- the case and its deadline

  /**
   * Starts the case's deadline clock and records its opening. The opening goes out with the first
   * task's write (one activity instead of two); cases started before this change wrote it at once.
   */
  async openCase(target: SlaTarget, actorId: string | null, data: Record<string, unknown>): Promise<void> {
    this.setCaseSchedule(buildSchedule(this.ctx.calendar, this.row.openedAt, target));
    const opened = this.event('case_opened', actorId, data);
    if (hasChange('case-opened-with-first-task')) this.pendingEvents.push(opened);
    else await this.write({ events: [opened] });
  }

  /** Runs until the case closes: marks the breach of the case deadline and escalates it. */
  async runCaseClock(): Promise<void> {
    while (!this.closed) {
      const version = this.caseClockVersion;
      const schedule = this.caseSchedule;
      const armed = schedule && this.row.slaPausedAt === null && this.row.breachedAt === null;
      const changed = () => this.closed || this.caseClockVersion !== version;
      if (!armed) {
        await condition(changed);
        continue;
      }
      if (await condition(changed, Math.max(1, schedule.dueAt - Date.now()))) continue;
      this.row.breachedAt = Date.now();
      this.row.escalationLevel = Math.max(this.row.escalationLevel, 1);
      await this.write({
        events: [this.event('case_sla_breached', null, { dueAt: schedule.dueAt })],
        notifications: [caseBreached(this.about, this.caseClockVersion, this.options.escalationRoles[1])],
      });
    }
  }

  /** Stops the case deadline while the case waits on the client. */
  pauseCaseClock(): void {
    this.row.slaPausedAt = Date.now();
    this.caseClockVersion++;
  }

  /** Restarts the deadline with the business time that was left when it paused. */
  resumeCaseClock(): void {
    if (this.caseSchedule && this.row.slaPausedAt !== null) {
      this.setCaseSchedule(resumeClock(this.ctx.calendar, this.caseSchedule, this.row.slaPausedAt, Date.now(), 0));
    }
    this.row.slaPausedAt = null;
  }

  /** Business minutes of the case deadline left now (for the timeline when the clock pauses). */
  caseTimeLeft(): number | null {
    return this.caseSchedule ? pauseClock(this.ctx.calendar, this.caseSchedule, Date.now()).remainingMinutes : null;
  }

  /** A reopened case gets a fresh deadline. */
  restartCaseClock(target: SlaTarget): void {
    this.closed = false;
    this.row.breachedAt = null;
    this.setCaseSchedule(buildSchedule(this.ctx.calendar, Date.now(), target));
  }

  closeCase(): void {
    this.closed = true;
    this.row.closedAt = Date.now();
    this.caseClockVersion++;
  }

  /** Adds business time to now in the case's branch calendar. */
  businessDeadline(duration: BusinessDuration): number {
    return addBusinessDuration(this.ctx.calendar, Date.now(), duration);
  }

  private setCaseSchedule(schedule: SlaSchedule): void {
    this.caseSchedule = schedule;
    this.row.dueAt = schedule.dueAt;
    this.row.atRiskAt = schedule.atRiskAt;
    this.caseClockVersion++;
  }

  // --- projection

  event(type: string, actorId: string | null, data: Record<string, unknown>): CaseEventInput {
    return { key: `${this.row.workflowId}/event/${++this.eventSeq}`, caseId: this.row.id, type, actorId, at: Date.now(), data };
  }

  /**
   * One atomic write of the case row (always: it is small) plus what else changed. Every write gets the
   * next revision, so when a handler's write and the main flow's write overtake each other, the
   * projection keeps the later snapshot.
   */
  async write(batch: { tasks?: TaskProjection[]; events?: CaseEventInput[]; notifications?: NotificationInput[] }): Promise<void> {
    this.row.revision++;
    const events = this.pendingEvents.length ? [...this.pendingEvents, ...(batch.events ?? [])] : batch.events;
    this.pendingEvents = [];
    await this.writer.write({ case: { ...this.row }, ...batch, events });
  }

  taskProjection(task: TaskState): TaskProjection {
    return {
      id: task.id,
      caseId: this.row.id,
      branchId: this.row.branchId,
      caseType: this.row.type,
      step: task.step,
      status: task.status,
      teamId: task.teamId,
      roles: task.roles,
      assigneeId: task.assigneeId,
      priority: task.priority,
      dueAt: task.schedule.dueAt,
      atRiskAt: task.schedule.atRiskAt,
      breachAt: task.schedule.dueAt,
      escalationLevel: task.escalationLevel,
      outcomes: task.outcomes,
      outcome: task.outcome,
      completedById: task.completedById,
      createdAt: task.createdAt,
      claimedAt: task.claimedAt,
      completedAt: task.completedAt,
      revision: task.revision,
    };
  }
}
