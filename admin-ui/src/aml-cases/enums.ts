// The values the AML case screens label (messages under aml_case.<enum>.<value>). The console talks to the API over
// HTTP only, so these are its own lists: test/unit/i18n.test.ts checks they are the API's and that every one has a
// label in every language.
/** The steps that are tasks, in process order (labels: aml_case.task.step.<step>). */
export const amlSteps = ['investigate', 'decide', 'sar_draft', 'sar_approval', 'file_sar'] as const;
export const amlStates = [...amlSteps, 'closed'] as const;
export const amlStatuses = ['open', 'closed'] as const;
/** How a case ended. */
export const closures = ['false_positive', 'sar_filed', 'withdrawn'] as const;
/** The report's status (GET /api/aml-cases/:id/sar; `none` before a draft is stored). */
export const sarStatuses = ['none', 'draft', 'submitted', 'approved', 'filed'] as const;
/** Timeline events of an AML case: the engine's and the AML workflow's. */
export const amlEvents = [
  'case_opened',
  'alerts_added',
  'task_opened',
  'task_claimed',
  'task_released',
  'task_reassigned',
  'task_completed',
  'task_cancelled',
  'state_changed',
  'sla_reminder',
  'sla_escalated',
  'case_sla_breached',
] as const;
export { choices } from '../i18n/choices';
