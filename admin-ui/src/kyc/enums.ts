// The values the KYC screens label (messages under kyc_review.<enum>.<value>); the workflow's own tables where
// it exports them. test/unit/i18n.test.ts checks every value has a label in every language.
import type { KycCaseStatus, KycState } from '../../../workflows/kyc-review/states';
export { REVIEW_KINDS as reviewKinds, RISK_BANDS as riskBands } from '../../../workflows/kyc-review/states';

const all = <T extends string>() => <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)) => list;

export const reviewStatuses = all<KycCaseStatus>()(['open', 'awaiting_client', 'suspended', 'closed']);
export const kycStates = all<KycState>()([
  'collect_documents', 'awaiting_client', 'suspended', 'checks', 'screening_review', 'cdd_review', 'edd', 'senior_approval',
  'approved', 'rejected',
]);
export const checkStatuses = ['pass', 'fail', 'warn', 'not_applicable'] as const;
export const checks = [
  'documents_required', 'document_expiry', 'age_of_majority', 'passport_mrz', 'proof_of_address_age', 'duplicate_identity', 'sanctions', 'pep',
] as const;
export const hitDecisions = ['true_match', 'false_positive'] as const;
/** Risk factors, and the values of those whose values are codes (the others are countries, numbers, yes/no). */
export const riskFactors = [
  'residence', 'nationality', 'pep', 'occupation', 'product', 'leverage', 'channel', 'deposits_vs_income', 'screening',
] as const;
export const screeningValues = ['clear', 'pending_review', 'true_match'] as const;
/** Timeline events of a review: the engine's and the KYC workflow's. */
export const kycEvents = [
  'case_opened', 'task_opened', 'task_claimed', 'task_released', 'task_reassigned', 'task_completed', 'task_cancelled', 'state_changed',
  'document_uploaded', 'client_reminder_sent', 'approval_blocked', 'sanctions_match_confirmed', 'risk_overridden',
  'periodic_review_scheduled', 'sla_reminder', 'sla_escalated', 'case_sla_breached',
] as const;
