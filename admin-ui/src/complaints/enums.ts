// The complaint enumerations come from the workflow's own table (a pure module), so the console offers
// exactly what the API accepts. Labels live under complaint.<enum>.<value> in the messages.
import type { ComplaintState } from '../../../workflows/complaint/states';

export {
  CHANNELS as channels,
  SEVERITIES as severities,
  CATEGORIES as categories,
  ROOT_CAUSES as rootCauses,
} from '../../../workflows/complaint/states';
export const complaintStatuses = ['open', 'awaiting_client', 'closed'] as const;
export { choices } from '../i18n/choices';

const all = <T extends string>() => <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)) => list;
/** Workflow states (labels: complaint.state.<state>). */
export const complaintStates = all<ComplaintState>()([
  'acknowledge', 'investigate', 'awaiting_client', 'propose_resolution', 'approval', 'final_response', 'closed',
]);
/** Timeline events of a complaint: the engine's, the workflow's and comments (labels: complaint.event.<type>). */
export const complaintEvents = [
  'case_opened', 'task_opened', 'task_claimed', 'task_released', 'task_reassigned', 'task_completed', 'task_cancelled', 'state_changed',
  'comment', 'sla_reminder', 'sla_escalated', 'case_sla_breached',
] as const;
/** The dashboard's age buckets as the API names them: "0-2d", "21d+". */
export const AGE_BUCKET = /^(\d+)(?:-(\d+))?d(\+)?$/;
