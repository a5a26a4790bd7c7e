// Shapes of the API resources (docs/api.md, "Shapes").
import type { Identifier, RaRecord } from 'react-admin';
import type { JsonSchema } from './tasks/completionForm';

export type Role =
  | 'agent'
  | 'supervisor'
  | 'complaints_manager'
  | 'kyc_officer'
  | 'senior_compliance_officer'
  | 'compliance_manager'
  | 'admin';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
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
  client: { id: string; name: string };
  case: { category: string; severity: string; state: string };
  /** the step's completion form; only `GET /api/tasks/:id` sends it */
  form?: JsonSchema | null;
}

export interface Complaint extends RaRecord {
  id: string;
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
}

export interface Dashboard {
  byState: { state: string; count: number }[];
  slaCompliance: { from: string; to: string; met: number; total: number; percent: number };
  breaches: { open: number; inPeriod: number };
  aging: { bucket: string; count: number }[];
  byDay: { day: string; opened: number; closed: number; breached: number }[];
}

export interface BulkResult {
  results: { id: string; ok: boolean; error?: { code: string; message: string; reason?: string } }[];
}
