// Shapes of the API resources (docs/api.md, "Shapes").
import type { Identifier, RaRecord } from 'react-admin';
import type { JsonSchema } from './tasks/completionForm';

export interface User {
  id: string;
  email: string;
  name: string;
  /** every role the user holds; `role` is the first */
  roles: string[];
  role: string;
  teamId: string | null;
  branchId: string;
  locale: string;
  /** from /auth/me: enrolled in two-factor authentication, and whether a role requires it */
  twoFactor?: { enabled: boolean; required: boolean };
}

export type SlaState = 'on_track' | 'at_risk' | 'breached' | 'paused';

export interface Task extends RaRecord {
  id: string;
  caseId: string;
  caseType: string;
  step: string;
  status: 'open' | 'claimed' | 'completed' | 'cancelled';
  teamId: string;
  assignee: { id: string; name: string } | null;
  assigneeId: string | null;
  priority: number;
  dueAt: string;
  atRiskAt: string;
  breachAt: string;
  slaState: SlaState;
  escalationLevel: number;
  createdAt: string;
  completedAt: string | null;
  /** the case's reference (CMP-2026-000123) */
  reference: string;
  client: { id: string; name: string };
  case: { reference: string; state: string; status: string; summary: string | null; attributes: Record<string, unknown> };
  /** the outcomes the step offers now (empty: every outcome of the form) */
  outcomes: string[];
  /** what the signed-in user may do with the task now */
  can: { claim: boolean; release: boolean; complete: boolean; reassign: boolean };
  outcome?: Record<string, unknown> | null;
  /** the step's completion form; only `GET /api/tasks/:id` sends it */
  form?: JsonSchema | null;
}

export interface Complaint extends RaRecord {
  id: string;
  reference: string;
  clientId: string;
  client: { id: string; name: string };
  channel: string;
  category: string;
  severity: string;
  description: string;
  status: 'open' | 'awaiting_client' | 'closed';
  state: string;
  priority: number;
  assignee: { id: string; name: string } | null;
  dueAt: string | null;
  slaState: SlaState;
  openedAt: string;
  closedAt: string | null;
  rootCause: string | null;
  resolution: string | null;
  reopenCount: number;
  escalationLevel: number;
  reopenUntil: string | null;
  tasks: Task[];
}

export interface AppNotification extends RaRecord {
  id: string;
  type: string;
  title: string;
  body: string | null;
  caseId: string | null;
  taskId: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
  readAt: string | null;
}

export interface TimelineEvent {
  id: Identifier;
  type: string;
  at: string;
  actor?: { id: string; name: string } | null;
  data?: Record<string, unknown>;
  /** who a task went to and who had it before (reassignment, release) */
  assignee?: { id: string; name: string } | null;
  previousAssignee?: { id: string; name: string } | null;
}

export interface Dashboard {
  byState: { state: string; count: number }[];
  slaCompliance: { from: string; to: string; met: number; total: number; percent: number | null };
  breaches: { open: number; inPeriod: number };
  aging: { bucket: string; count: number }[];
  byDay: { day: string; opened: number; closed: number; breached: number }[];
}

export interface BulkResult {
  results: { id: string; ok: boolean; error?: string; reason?: string }[];
}
