// The values the client-development screens label (messages under client_development.<enum>.<value>);
// test/unit/i18n.test.ts checks they are the API's and that every one has a label in every language.
export const developmentStages = ['new', 'contacted', 'qualified', 'application', 'kyc', 'approved', 'funded', 'active'] as const;
export const developmentStates = [...developmentStages, 'lost'] as const;
export const developmentStatuses = ['open', 'won', 'lost'] as const;
export const developmentSteps = [
  'first_contact',
  'qualify',
  'application',
  'first_deposit',
  'kyc_stuck',
  'deposit_failed',
  'no_trade',
  'dormant',
] as const;
export const temperatures = ['hot', 'warm', 'cold'] as const;
export const lostReasons = ['not_interested', 'unreachable', 'not_eligible', 'chose_competitor', 'kyc_rejected', 'other'] as const;
/** The timeline's events of this case type (the engine's and its own). */
export const developmentEvents = [
  'case_opened',
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
  'follow_up_set',
  'follow_up_due',
  'trigger_fired',
  'deposit_failed',
  'case_closed',
] as const;
export const triggers = ['kyc_stuck', 'deposit_failed', 'no_trade', 'dormant'] as const;
export { choices } from '../i18n/choices';
