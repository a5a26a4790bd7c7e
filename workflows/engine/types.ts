// Plain data shared by workflows, activities and the API. Everything here crosses Temporal as JSON.
import type { BusinessCalendar } from './business-time';
import type { SlaSchedule, SlaTarget } from './sla';

/** A role name. Case types declare their roles (see case-type.ts); the engine knows none of them. */
export type Role = string;

/** The platform's own role: administers (users, policies, repairs) and decides no case. */
export const ADMIN_ROLE = 'admin';

export interface Actor {
  id: string;
  /** every role the person holds */
  roles: Role[];
  /** the person's team, for steps any member of the task's team may work on */
  teamId?: string | null;
  /** histories recorded before people could hold several roles carry one `role` */
  role?: Role;
}

/** The roles of an actor, also for actors recorded before `roles` existed. */
export function rolesOf(actor: Actor): Role[] {
  return actor.roles ?? (actor.role ? [actor.role] : []);
}

export type TaskStatus = 'open' | 'claimed' | 'completed' | 'cancelled';

/** What a case type asks the engine for when it opens a step. */
export interface TaskSpec {
  step: string;
  teamId: string;
  /** roles that may claim and complete it */
  roles: Role[];
  target: SlaTarget;
  priority: number;
  /**
   * Four eyes: these people may not claim or complete it. A function is asked again at every claim and
   * completion, so someone who touches the decision after the task opened is excluded too.
   */
  excludeActors?: string[] | (() => Iterable<string>);
  /** any member of the task's team may work on it, whatever their role (requests between teams) */
  anyRoleInTeam?: boolean;
  /** outcomes the completion form may carry */
  outcomes: string[];
  /**
   * A step that belongs to one person (the lead's account manager): the task opens already claimed by
   * them, and they are told it is theirs. Supervisors may still reassign it.
   */
  assigneeId?: string | null;
}

export interface TaskState {
  id: string;
  step: string;
  attempt: number;
  status: TaskStatus;
  teamId: string;
  roles: Role[];
  assigneeId: string | null;
  priority: number;
  excludeActors: () => Iterable<string>;
  anyRoleInTeam: boolean;
  outcomes: string[];
  schedule: SlaSchedule;
  /** business minutes after the breach before the second escalation */
  escalateAfterMinutes: number;
  remindersSent: number[];
  escalationLevel: number;
  createdAt: number;
  claimedAt: number | null;
  completedAt: number | null;
  completedById: string | null;
  outcome: TaskOutcome | null;
  revision: number;
}

/** The completion form: `outcome` picks the branch; the other fields are the step's data. */
export interface TaskOutcome {
  outcome: string;
  [field: string]: unknown;
}

/** Recipients are resolved to users by the activity, at the time it writes. */
export interface Recipients {
  userIds?: string[];
  /** everyone active who holds one of these roles, in any branch */
  roles?: Role[];
  team?: { teamId: string; roles?: Role[] };
  branch?: { branchId: string; roles: Role[] };
}

export type NotificationType = 'task_assigned' | 'task_available' | 'sla_reminder' | 'sla_escalation' | 'case_update' | 'case_stuck';

export interface NotificationInput {
  /** idempotency key; one notification per key and user */
  key: string;
  recipients: Recipients;
  type: NotificationType;
  title: string;
  body?: string;
  caseId?: string;
  taskId?: string;
  data?: Record<string, unknown>;
}

export interface CaseEventInput {
  /** idempotency key of the event */
  key: string;
  caseId: string;
  type: string;
  actorId: string | null;
  at: number;
  data: Record<string, unknown>;
}

/** The engine's case row: the lifecycle every case type shares, and the case type's own `attributes`. */
export interface CaseProjection {
  id: string;
  type: string;
  workflowId: string;
  /** prefix of the human reference, numbered when the case is first written (e.g. CMP) */
  referencePrefix: string;
  /** the reference once the projection has numbered it */
  reference?: string | null;
  /** null while a case is about a lead that is not a client yet (client development) */
  clientId: string | null;
  /** the lead a case is about (client development); absent for the other case types */
  leadId?: string | null;
  branchId: string;
  teamId: string;
  status: string;
  state: string;
  /** the line people recognise the case by */
  summary: string | null;
  /** what the case type knows about the case (JSON); typed by the case type */
  attributes: Record<string, unknown>;
  priority: number;
  assigneeId: string | null;
  openedById: string | null;
  dueAt: number | null;
  atRiskAt: number | null;
  slaPausedAt: number | null;
  escalationLevel: number;
  openedAt: number;
  closedAt: number | null;
  breachedAt: number | null;
  revision: number;
}

export interface TaskProjection {
  id: string;
  /** the outcomes the completion may carry now (a blocked approval is not among them) */
  outcomes?: string[];
  caseId: string;
  branchId: string;
  caseType: string;
  step: string;
  status: TaskStatus;
  teamId: string;
  roles: Role[];
  assigneeId: string | null;
  priority: number;
  dueAt: number;
  atRiskAt: number;
  breachAt: number;
  escalationLevel: number;
  outcome: TaskOutcome | null;
  completedById: string | null;
  createdAt: number;
  claimedAt: number | null;
  completedAt: number | null;
  revision: number;
}

/** One atomic write of what a transition changed. */
export interface ProjectionBatch {
  case?: CaseProjection;
  tasks?: TaskProjection[];
  events?: CaseEventInput[];
  notifications?: NotificationInput[];
  /** an administrator's repair: replace text PostgreSQL cannot store (NUL, lone surrogates) */
  sanitize?: boolean;
}

/** What a case needs to know about where it lives, loaded once by an activity. */
export interface CaseContext {
  branchId: string;
  calendar: BusinessCalendar;
  teamId: string;
  clientName: string;
  /** SLA target per step, and `_case` for the whole case */
  targets: Record<string, SlaTarget>;
  settings: Record<string, number>;
}
