// The case engine: tasks with SLA clocks, escalation ladder, case deadline and timeline, shared by every
// case type. It runs inside workflow code, so it is deterministic: time is Date.now() of the workflow
// task, all I/O goes through the `project` local activity.
import { condition, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { EngineActivities } from '../../activities/engine';
import { addBusinessDuration, type BusinessDuration } from './business-time';
import { buildSchedule, pauseClock, resumeClock, type SlaSchedule, type SlaTarget } from './sla';
import { conflict, forbidden } from './failures';
import {
  claimTaskUpdate,
  completeTaskUpdate,
  getCaseStateQuery,
  reassignTaskUpdate,
  releaseTaskUpdate,
  type TaskActionArgs,
} from './updates';
import type {
  Actor,
  CaseContext,
  CaseEventInput,
  CaseProjection,
  NotificationInput,
  Role,
  TaskProjection,
  TaskSpec,
  TaskState,
} from './types';

// A regular activity, not a local one: an Update handler's write and the main flow's write may be in
// flight together, and only regular activities record their order in history, so replay stays exact.
const { project } = proxyActivities<EngineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 ms', maximumInterval: '30 seconds' },
});

/** Roles that supervise work: they may reassign and release others' tasks. */
const SUPERVISING: Role[] = ['supervisor', 'complaints_manager', 'compliance_manager', 'admin'];

export interface EngineOptions {
  /** who is notified at each escalation level: [level 1 roles (the team), level 2 roles (the branch)] */
  escalationRoles: [Role[], Role[]];
}

/** A new case's row: what the case type knows at the start, and empty deadlines and outcomes. */
export function newCaseRow(
  ctx: CaseContext,
  init: Pick<CaseProjection, 'id' | 'type' | 'workflowId' | 'clientId' | 'status' | 'state' | 'priority' | 'openedById'> &
    Partial<Pick<CaseProjection, 'channel' | 'category' | 'severity' | 'description'>>,
): CaseProjection {
  return {
    channel: null,
    category: null,
    severity: null,
    description: null,
    ...init,
    branchId: ctx.branchId,
    teamId: ctx.teamId,
    assigneeId: null,
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
  };
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
  /** finished tasks whose final projection has been written */
  private readonly settled = new Set<string>();

  constructor(
    readonly row: CaseProjection,
    readonly ctx: CaseContext,
    private readonly options: EngineOptions,
  ) {}

  installHandlers(): void {
    setHandler(getCaseStateQuery, () => ({
      caseId: this.row.id,
      state: this.row.state,
      status: this.row.status,
      dueAt: this.row.dueAt,
      tasks: [...this.tasks.values()].map((t) => this.taskProjection(t)),
    }));

    setHandler(
      claimTaskUpdate,
      async ({ taskId, actor }) => {
        const task = this.checkClaim(taskId, actor);
        task.status = 'claimed';
        task.assigneeId = actor.id;
        task.claimedAt = Date.now();
        return this.afterTaskChange(task, 'task_claimed', actor.id, {});
      },
      { validator: ({ taskId, actor }) => void this.checkClaim(taskId, actor) },
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
      { validator: (args) => void this.checkRelease(args) },
    );

    setHandler(
      reassignTaskUpdate,
      async ({ taskId, actor, assignee }) => {
        const task = this.checkReassign(taskId, actor, assignee);
        const previous = task.assigneeId;
        task.status = 'claimed';
        task.assigneeId = assignee.id;
        task.claimedAt = Date.now();
        return this.afterTaskChange(task, 'task_reassigned', actor.id, { previousAssigneeId: previous, assigneeId: assignee.id }, [
          {
            key: `${task.id}/assigned/${task.revision}`,
            recipients: { userIds: [assignee.id] },
            type: 'task_assigned',
            title: `Task assigned to you: ${task.step}`,
            caseId: this.row.id,
            taskId: task.id,
            data: { step: task.step, caseType: this.row.type, clientName: this.ctx.clientName },
          },
        ]);
      },
      { validator: ({ taskId, actor, assignee }) => void this.checkReassign(taskId, actor, assignee) },
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
      { validator: ({ taskId, actor, outcome }) => void this.checkComplete(taskId, actor, outcome.outcome) },
    );
  }

  // --- validation: the same checks run in the validator (to reject early) and in the handler
  // (because two updates accepted together run one after the other: the second must lose).

  private activeTask(taskId: string): TaskState {
    const task = this.tasks.get(taskId);
    if (!task || isDone(task)) throw conflict('STEP_NOT_OPEN', `Task ${taskId} is not open`);
    return task;
  }

  private checkEligible(task: TaskState, user: Actor): void {
    if (!task.roles.includes(user.role) && user.role !== 'admin') {
      throw forbidden('ROLE_NOT_ALLOWED', `Role ${user.role} cannot work on step ${task.step}`);
    }
    if (task.excludeActors.includes(user.id)) {
      throw forbidden('FOUR_EYES', `Four eyes: ${user.id} already worked on this case and cannot ${task.step} it`);
    }
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
    if (task.assigneeId !== actor.id && !SUPERVISING.includes(actor.role)) {
      throw forbidden('NOT_ASSIGNEE', 'Only the assignee or a supervisor can release this task');
    }
    return task;
  }

  private checkReassign(taskId: string, actor: Actor, assignee: Actor): TaskState {
    if (!SUPERVISING.includes(actor.role)) throw forbidden('ROLE_NOT_ALLOWED', 'Only supervisors can reassign');
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

  /** Opens a step as a task and resolves when it is completed. The SLA clock runs meanwhile. */
  async runTask(spec: TaskSpec): Promise<TaskState> {
    const attempt = (this.attempts.get(spec.step) ?? 0) + 1;
    this.attempts.set(spec.step, attempt);
    const now = Date.now();
    const task: TaskState = {
      id: `${this.row.workflowId}/${spec.step}/${attempt}`,
      step: spec.step,
      attempt,
      status: 'open',
      teamId: spec.teamId,
      roles: spec.roles,
      assigneeId: null,
      priority: spec.priority,
      excludeActors: spec.excludeActors ?? [],
      outcomes: spec.outcomes,
      schedule: buildSchedule(this.ctx.calendar, now, spec.target),
      escalateAfterMinutes: spec.target.escalateAfterMinutes,
      remindersSent: [],
      escalationLevel: 0,
      createdAt: now,
      claimedAt: null,
      completedAt: null,
      completedById: null,
      outcome: null,
      revision: 1,
    };
    this.tasks.set(task.id, task);
    this.row.assigneeId = null;
    await this.write({
      tasks: [this.taskProjection(task)],
      events: [this.event('task_opened', null, { taskId: task.id, step: task.step, dueAt: task.schedule.dueAt })],
      notifications: [
        {
          key: `${task.id}/available`,
          recipients: { team: { teamId: task.teamId, roles: task.roles } },
          type: 'task_available',
          title: `New task in your queue: ${task.step}`,
          caseId: this.row.id,
          taskId: task.id,
          data: { step: task.step, caseType: this.row.type, clientName: this.ctx.clientName },
        },
      ],
    });
    this.tasksOpened++;
    await this.runTaskClock(task);
    this.tasks.delete(task.id);
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
    if (patched('timeline-causal-order')) await condition(() => this.settled.has(task.id));
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
    const common = { caseId: this.row.id, taskId: task.id };
    const data = { step: task.step, caseType: this.row.type, clientName: this.ctx.clientName, dueAt: task.schedule.dueAt };
    if (threshold.kind === 'reminder') {
      task.remindersSent.push(threshold.percent);
      await this.write({
        events: [this.event('sla_reminder', null, { taskId: task.id, step: task.step, percent: threshold.percent })],
        notifications: [
          {
            key: `${task.id}/reminder/${threshold.percent}`,
            recipients: task.assigneeId
              ? { userIds: [task.assigneeId] }
              : { team: { teamId: task.teamId, roles: task.roles } },
            type: 'sla_reminder',
            title: `${threshold.percent}% of the time for ${task.step} has passed`,
            ...common,
            data: { ...data, percent: threshold.percent },
          },
        ],
      });
      return;
    }
    const level = threshold.level;
    task.escalationLevel = level;
    task.priority = level === 1 ? Math.max(1, task.priority - 1) : 1;
    task.revision++;
    this.row.escalationLevel = Math.max(this.row.escalationLevel, level);
    this.row.priority = Math.min(this.row.priority, task.priority);
    const roles = this.options.escalationRoles[level - 1];
    await this.write({
      tasks: [this.taskProjection(task)],
      events: [this.event('sla_escalated', null, { taskId: task.id, step: task.step, level, priority: task.priority })],
      notifications: [
        {
          key: `${task.id}/escalation/${level}`,
          recipients:
            level === 1
              ? { team: { teamId: task.teamId, roles } }
              : { branch: { branchId: this.row.branchId, roles } },
          type: 'sla_escalation',
          title: `Escalation level ${level}: ${task.step} is overdue`,
          ...common,
          data: { ...data, level },
        },
      ],
    });
  }

  // --- the case and its deadline

  /** Writes the opened case and starts its deadline clock. */
  async openCase(target: SlaTarget, actorId: string | null, data: Record<string, unknown>): Promise<void> {
    this.setCaseSchedule(buildSchedule(this.ctx.calendar, this.row.openedAt, target));
    await this.write({ events: [this.event('case_opened', actorId, data)] });
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
        notifications: [
          {
            key: `${this.row.workflowId}/case-breach/${this.caseClockVersion}`,
            recipients: { branch: { branchId: this.row.branchId, roles: this.options.escalationRoles[1] } },
            type: 'sla_escalation',
            title: `Case deadline missed for ${this.ctx.clientName}`,
            caseId: this.row.id,
            data: { caseType: this.row.type, clientName: this.ctx.clientName, level: 1 },
          },
        ],
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
    await project({ case: { ...this.row }, ...batch });
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
      outcome: task.outcome,
      completedById: task.completedById,
      createdAt: task.createdAt,
      claimedAt: task.claimedAt,
      completedAt: task.completedAt,
      revision: task.revision,
    };
  }
}
