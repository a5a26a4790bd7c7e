// The complaint enumerations as the console offers and labels them (labels: complaint.<enum>.<value>). The
// console talks to the API over HTTP only, so these are its own lists; test/unit/i18n.test.ts checks they are
// exactly the API's.
export const channels = ['phone', 'email', 'web', 'chat', 'branch'] as const;
export const severities = ['low', 'medium', 'high'] as const;
export const categories = [
  'trade_execution',
  'deposit_withdrawal',
  'account_access',
  'fees_charges',
  'advice_conduct',
  'platform',
  'kyc_onboarding',
  'other',
] as const;
export const rootCauses = ['product', 'process', 'staff', 'system', 'third_party', 'client_misunderstanding', 'other'] as const;
export const complaintStatuses = ['open', 'awaiting_client', 'closed'] as const;
/** The steps that are tasks, in process order (labels: complaint.task.step.<step>). */
export const complaintSteps = ['acknowledge', 'investigate', 'propose_resolution', 'approval', 'final_response'] as const;
/** Workflow states (labels: complaint.state.<state>). */
export const complaintStates = [...complaintSteps, 'awaiting_client', 'closed'] as const;
export { choices } from '../i18n/choices';

/** Timeline events of a complaint: the engine's, the workflow's and comments (labels: complaint.event.<type>). */
export const complaintEvents = [
  'case_opened',
  'task_opened',
  'task_claimed',
  'task_released',
  'task_reassigned',
  'task_completed',
  'task_cancelled',
  'state_changed',
  'comment',
  'sla_reminder',
  'sla_escalated',
  'case_sla_breached',
] as const;
/** The dashboard's age buckets as the API names them: "0-2d", "21d+". */
export const AGE_BUCKET = /^(\d+)(?:-(\d+))?d(\+)?$/;
