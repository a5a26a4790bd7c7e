// The KYC review process as a pure state table. docs/case-types/kyc-review.md draws the same table.
import type { Role } from '../engine/types';
import { nextStateIn, type StateTable } from '../engine/state-table';

export const REVIEW_KINDS = ['onboarding', 'periodic'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const RISK_BANDS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/** Flags staff set on a client's KYC profile; any one of them sends the review to enhanced due diligence. */
export const EDD_FLAGS = [
  'sanctioned_country_link',
  'shell_company',
  'unusual_transactions',
  'questionable_financial_history',
  'illegal_activity_links',
  'fines_or_non_compliance',
  'outstanding_debts_or_liens',
] as const;
export type EddFlag = (typeof EDD_FLAGS)[number];

/** Steps that are tasks for people. `edd` is not one: it runs source_of_funds and source_of_wealth together. */
export const STEPS = [
  'collect_documents',
  'screening_review',
  'cdd_review',
  'source_of_funds',
  'source_of_wealth',
  'senior_approval',
] as const;
export type KycStep = (typeof STEPS)[number];
export type KycState =
  | 'collect_documents'
  | 'awaiting_client'
  | 'suspended'
  | 'checks'
  | 'screening_review'
  | 'cdd_review'
  | 'edd'
  | 'senior_approval'
  | 'approved'
  | 'rejected';

export const DECISIONS = ['approved', 'rejected', 'request_information'] as const;

export const STEP_OUTCOMES = {
  collect_documents: ['documents_complete', 'request_information'],
  screening_review: ['false_positive', 'true_match'],
  cdd_review: DECISIONS,
  source_of_funds: ['verified', 'not_verified'],
  source_of_wealth: ['verified', 'not_verified'],
  senior_approval: DECISIONS,
} as const satisfies Record<KycStep, readonly string[]>;

const OFFICERS: Role[] = ['kyc_officer', 'senior_compliance_officer', 'compliance_manager'];
/** Senior approval is the four-eyes step of enhanced due diligence. */
export const STEP_ROLES: Record<KycStep, Role[]> = {
  collect_documents: OFFICERS,
  screening_review: OFFICERS,
  cdd_review: OFFICERS,
  source_of_funds: OFFICERS,
  source_of_wealth: OFFICERS,
  senior_approval: ['senior_compliance_officer'],
};

export type KycEvent =
  | 'documents_complete'
  | 'request_information'
  | 'client_responded'
  | 'client_wait_expired'
  | 'checks_done'
  | 'hits_reviewed'
  | 'edd_done'
  | 'approved'
  | 'rejected'
  /** an override raised the band while the case was in CDD review */
  | 'escalated_to_edd';

export interface RoutingFacts {
  /** hits at or above the review threshold that nobody has decided on yet */
  pendingHits: number;
  band: RiskBand;
  eddFlags: readonly string[];
  trueMatch: boolean;
}

/** Enhanced due diligence: a high or critical band, any EDD flag, or a confirmed sanctions match. */
export function needsEdd(f: RoutingFacts): boolean {
  return f.band === 'high' || f.band === 'critical' || f.eddFlags.length > 0 || f.trueMatch;
}

const route = (f: RoutingFacts): KycState => (f.pendingHits > 0 ? 'screening_review' : needsEdd(f) ? 'edd' : 'cdd_review');

export const TABLE: StateTable<KycState, KycEvent, RoutingFacts> = {
  collect_documents: { documents_complete: 'checks', request_information: 'awaiting_client' },
  awaiting_client: { client_responded: 'collect_documents', client_wait_expired: 'suspended' },
  suspended: { client_responded: 'collect_documents' },
  checks: { checks_done: route },
  screening_review: { hits_reviewed: route },
  cdd_review: { approved: 'approved', rejected: 'rejected', request_information: 'awaiting_client', escalated_to_edd: 'edd' },
  edd: { edd_done: 'senior_approval' },
  senior_approval: { approved: 'approved', rejected: 'rejected', request_information: 'awaiting_client' },
  approved: {},
  rejected: {},
};

export const nextState = (state: KycState, event: KycEvent, facts: RoutingFacts): KycState =>
  nextStateIn('KYC review', TABLE, state, event, facts);

export const STATES = Object.keys(TABLE) as KycState[];

export const isFinal = (s: KycState) => s === 'approved' || s === 'rejected';

export const STATUSES = ['open', 'awaiting_client', 'suspended', 'closed'] as const;
export type KycCaseStatus = (typeof STATUSES)[number];
export function statusOf(state: KycState): KycCaseStatus {
  if (isFinal(state)) return 'closed';
  if (state === 'awaiting_client' || state === 'suspended') return state;
  return 'open';
}

/**
 * States in which a person may override the risk band: after the final scoring of this round (hits
 * reviewed), before the decision. New documents mean new checks and a new score, which replaces it.
 */
export const OVERRIDABLE: readonly KycState[] = ['cdd_review', 'edd', 'senior_approval'];

/** Client KYC status while a review runs (kept as it was during a periodic review of an approved client). */
export function clientStatusDuring(state: KycState, kind: ReviewKind): string | null {
  if (state === 'suspended') return 'suspended';
  if (state === 'approved' || state === 'rejected') return state;
  return kind === 'onboarding' ? 'in_review' : null;
}

/** Higher risk sits nearer the top of the queue (1 is the highest priority). */
export function priorityOf(band: RiskBand | null): number {
  return band === null ? 3 : { low: 3, medium: 3, high: 2, critical: 1 }[band];
}

/** Months until the next periodic review, by band (defaults; operators change them in `settings`). */
export const REVIEW_INTERVAL_SETTINGS: Record<RiskBand, string> = {
  low: 'kyc.reviewMonths.low',
  medium: 'kyc.reviewMonths.medium',
  high: 'kyc.reviewMonths.high',
  critical: 'kyc.reviewMonths.critical',
};

/** The same wall-clock moment `months` later in UTC (day clamped to the end of a shorter month). */
export function addMonthsUtc(ms: number, months: number): number {
  const d = new Date(ms);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}
