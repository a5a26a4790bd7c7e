// Plain data shared by workflows, activities and the API. Everything here crosses Temporal as JSON.
import type { BusinessCalendar } from './business-time';
import type { SlaSchedule, SlaTarget } from './sla';

export const ROLES = [
  'agent',
  'supervisor',
  'complaints_manager',
  'kyc_officer',
  'senior_compliance_officer',
  'compliance_manager',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  role: Role;
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
  /** four eyes: these users may not claim or complete it */
  excludeActors?: string[];
  /** outcomes the completion form may carry */
  outcomes: string[];
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
  excludeActors: string[];
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
  team?: { teamId: string; roles?: Role[] };
  branch?: { branchId: string; roles: Role[] };
}

export type NotificationType = 'task_assigned' | 'task_available' | 'sla_reminder' | 'sla_escalation' | 'case_update';

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

export interface CaseProjection {
  id: string;
  type: string;
  workflowId: string;
  clientId: string;
  branchId: string;
  teamId: string;
  status: string;
  state: string;
  channel?: string | null;
  category?: string | null;
  severity?: string | null;
  description?: string | null;
  priority: number;
  assigneeId: string | null;
  openedById: string | null;
  dueAt: number | null;
  atRiskAt: number | null;
  slaPausedAt: number | null;
  rootCause?: string | null;
  resolution?: string | null;
  reopenCount: number;
  escalationLevel: number;
  openedAt: number;
  closedAt: number | null;
  breachedAt: number | null;
  revision: number;
}

export interface TaskProjection {
  id: string;
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
