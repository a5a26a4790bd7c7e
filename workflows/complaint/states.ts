// The complaint process as a pure state table: which outcome of which step leads where.
// docs/case-types/complaint.md draws the same table.
import type { Role } from '../engine/types';
import { nextStateIn, type StateTable } from '../engine/state-table';

export const CHANNELS = ['phone', 'email', 'web', 'chat', 'branch'] as const;
export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const CATEGORIES = [
  'trade_execution',
  'deposit_withdrawal',
  'account_access',
  'fees_charges',
  'advice_conduct',
  'platform',
  'kyc_onboarding',
  'other',
] as const;
export const ROOT_CAUSES = ['product', 'process', 'staff', 'system', 'third_party', 'client_misunderstanding', 'other'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STEPS = ['acknowledge', 'investigate', 'propose_resolution', 'approval', 'final_response'] as const;
export type ComplaintStep = (typeof STEPS)[number];
export type ComplaintState = ComplaintStep | 'awaiting_client' | 'closed';

export const STEP_OUTCOMES = {
  acknowledge: ['acknowledged'],
  investigate: ['findings_recorded', 'awaiting_client'],
  propose_resolution: ['proposed'],
  approval: ['approved', 'rejected'],
  final_response: ['sent'],
} as const satisfies Record<ComplaintStep, readonly string[]>;

export type StepOutcome = (typeof STEP_OUTCOMES)[ComplaintStep][number];
export type ComplaintEvent = StepOutcome | 'client_responded' | 'client_wait_expired' | 'reopened';

const HANDLERS: Role[] = ['agent', 'supervisor', 'complaints_manager'];
/** Approval is the four-eyes step: only supervisors and managers, never the investigator. */
export const STEP_ROLES: Record<ComplaintStep, Role[]> = {
  acknowledge: HANDLERS,
  investigate: HANDLERS,
  propose_resolution: HANDLERS,
  approval: ['supervisor', 'complaints_manager'],
  final_response: HANDLERS,
};

export interface ComplaintFacts {
  severity: Severity;
}

export const TABLE: StateTable<ComplaintState, ComplaintEvent, ComplaintFacts> = {
  acknowledge: { acknowledged: 'investigate' },
  investigate: { findings_recorded: 'propose_resolution', awaiting_client: 'awaiting_client' },
  awaiting_client: { client_responded: 'investigate', client_wait_expired: 'investigate' },
  propose_resolution: { proposed: (f) => (f.severity === 'high' ? 'approval' : 'final_response') },
  approval: { approved: 'final_response', rejected: 'propose_resolution' },
  final_response: { sent: 'closed' },
  closed: { reopened: 'investigate' },
};

export const nextState = (state: ComplaintState, event: ComplaintEvent, facts: ComplaintFacts): ComplaintState =>
  nextStateIn('complaint', TABLE, state, event, facts);

export function isStep(state: ComplaintState): state is ComplaintStep {
  return (STEPS as readonly string[]).includes(state);
}

export const STATES = [...STEPS, 'awaiting_client', 'closed'] as const satisfies readonly ComplaintState[];
export const STATUSES = ['open', 'awaiting_client', 'closed'] as const;
export type ComplaintStatus = (typeof STATUSES)[number];

export function statusOf(state: ComplaintState): ComplaintStatus {
  return state === 'closed' || state === 'awaiting_client' ? state : 'open';
}

/** Higher severity starts nearer the top of the queue (1 is the highest priority). */
export function initialPriority(severity: Severity): number {
  return { high: 1, medium: 2, low: 3 }[severity];
}
