// Client development as a pure state table: a lead is worked from its first contact to an active trader
// (docs/case-types/client-development.md draws the same table). The states are the funnel's stages; a
// stage is the last milestone reached, and the work of a stage is getting to the next one.
import { nextStateIn, type StateTable } from '../engine/state-table';
import type { Role } from '../engine/types';

/** The funnel, in order. `approved`: KYC approved, waiting for the first deposit. */
export const STAGES = ['new', 'contacted', 'qualified', 'application', 'kyc', 'approved', 'funded', 'active'] as const;
export type Stage = (typeof STAGES)[number];
export type DevelopmentState = Stage | 'lost';

export const TEMPERATURES = ['hot', 'warm', 'cold'] as const;
export type Temperature = (typeof TEMPERATURES)[number];

export const LOST_REASONS = ['not_interested', 'unreachable', 'not_eligible', 'chose_competitor', 'kyc_rejected', 'other'] as const;
export type LostReason = (typeof LOST_REASONS)[number];

/**
 * Steps that are tasks for people. The first four move the lead along; the last four are opened by the
 * client's behaviour (triggers): KYC stuck, a failed deposit, funded without trading, dormant after a withdrawal.
 */
export const STEPS = [
  'first_contact',
  'qualify',
  'application',
  'first_deposit',
  'kyc_stuck',
  'deposit_failed',
  'no_trade',
  'dormant',
] as const;
export type DevelopmentStep = (typeof STEPS)[number];

export const STEP_OUTCOMES = {
  first_contact: ['contacted', 'no_answer', 'lost'],
  qualify: ['qualified', 'follow_up', 'lost'],
  application: ['submitted', 'follow_up', 'lost'],
  first_deposit: ['followed_up', 'lost'],
  kyc_stuck: ['chased'],
  deposit_failed: ['followed_up'],
  no_trade: ['followed_up'],
  dormant: ['followed_up'],
} as const satisfies Record<DevelopmentStep, readonly string[]>;

/** The account manager works the case; supervisors (and branch managers) may take over any step. */
export const WORKERS: Role[] = ['agent', 'supervisor', 'branch_manager'];

/** The task the case opens in each stage that waits for a person (the others wait for the client). */
export const STAGE_STEP: Partial<Record<DevelopmentState, DevelopmentStep>> = {
  new: 'first_contact',
  contacted: 'qualify',
  qualified: 'application',
  approved: 'first_deposit',
};

export type DevelopmentEvent =
  | 'contacted'
  | 'qualified'
  | 'submitted'
  | 'kyc_started'
  /** the client was approved already (an existing client's new lead): no review needed */
  | 'kyc_not_needed'
  | 'kyc_approved'
  | 'kyc_rejected'
  | 'deposited'
  | 'traded'
  | 'lost'
  /** a new lead that duplicates this lost one came in */
  | 'lead_returned';

const LOSABLE = { lost: 'lost' } as const;

export const TABLE: StateTable<DevelopmentState, DevelopmentEvent, Record<string, never>> = {
  new: { contacted: 'contacted', ...LOSABLE },
  contacted: { qualified: 'qualified', ...LOSABLE },
  qualified: { submitted: 'application', ...LOSABLE },
  application: { kyc_started: 'kyc', kyc_not_needed: 'approved', ...LOSABLE },
  kyc: { kyc_approved: 'approved', kyc_rejected: 'lost', ...LOSABLE },
  approved: { deposited: 'funded', ...LOSABLE },
  funded: { traded: 'active' },
  active: {},
  lost: { lead_returned: 'new' },
};

export const nextState = (state: DevelopmentState, event: DevelopmentEvent): DevelopmentState =>
  nextStateIn('client development', TABLE, state, event, {});

export const STATES = Object.keys(TABLE) as DevelopmentState[];
/** open: being worked; won: an active trader (watched for a while, then closed); lost: until the lead comes back */
export const STATUSES = ['open', 'won', 'lost'] as const;
export type DevelopmentStatus = (typeof STATUSES)[number];

export function statusOf(state: DevelopmentState): DevelopmentStatus {
  return state === 'lost' ? 'lost' : state === 'active' ? 'won' : 'open';
}

/** What the lead's own status shows for a stage (leads.status). */
export function leadStatusOf(state: DevelopmentState): 'new' | 'contacted' | 'qualified' | 'converted' | 'lost' {
  if (state === 'new' || state === 'contacted' || state === 'qualified' || state === 'lost') return state;
  return 'converted';
}

/** A hot lead's first contact sits at the top of the queue. */
export const priorityOf = (temperature: Temperature) => (temperature === 'hot' ? 1 : temperature === 'warm' ? 2 : 3);

export const stageIndex = (s: Stage) => STAGES.indexOf(s);
