// The values the KYC screens offer and label (messages under kyc_review.<enum>.<value>). The console talks to the
// API over HTTP only, so these are its own lists: test/unit/i18n.test.ts checks they are exactly the API's and
// that every value has a label in every language.
export const reviewKinds = ['onboarding', 'periodic'] as const;
export const riskBands = ['low', 'medium', 'high', 'critical'] as const;
export const reviewStatuses = ['open', 'awaiting_client', 'suspended', 'closed'] as const;
/** The steps that are tasks, in process order (labels: kyc_review.task.step.<step>). */
export const kycSteps = [
  'collect_documents',
  'screening_review',
  'cdd_review',
  'source_of_funds',
  'source_of_wealth',
  'senior_approval',
] as const;
export const kycStates = [
  'collect_documents',
  'awaiting_client',
  'suspended',
  'checks',
  'screening_review',
  'cdd_review',
  'edd',
  'senior_approval',
  'approved',
  'rejected',
] as const;
/** The document types the upload offers (`docType`, free text to the API; the MRZ check reads `passport`). */
export const documentTypes = [
  'passport',
  'national_id',
  'driving_licence',
  'utility_bill',
  'bank_statement',
  'company_registration',
] as const;
/** What a document is (POST /api/kyc-reviews/:id/documents `kind`). */
export const documentKinds = [
  'identity',
  'proof_of_address',
  'registration',
  'beneficial_owners',
  'source_of_funds',
  'source_of_wealth',
  'other',
] as const;
export const checkStatuses = ['pass', 'fail', 'warn', 'not_applicable'] as const;
export const checks = [
  'documents_required',
  'document_expiry',
  'age_of_majority',
  'passport_mrz',
  'proof_of_address_age',
  'duplicate_identity',
  'sanctions',
  'pep',
] as const;
export const hitDecisions = ['true_match', 'false_positive'] as const;
/** Risk factors, and the values of those whose values are codes (the others are countries, numbers, yes/no). */
export const riskFactors = [
  'residence',
  'nationality',
  'pep',
  'occupation',
  'product',
  'leverage',
  'channel',
  'deposits_vs_income',
  'screening',
] as const;
export const screeningValues = ['clear', 'pending_review', 'true_match'] as const;
/** Timeline events of a review: the engine's and the KYC workflow's. */
export const kycEvents = [
  'case_opened',
  'task_opened',
  'task_claimed',
  'task_released',
  'task_reassigned',
  'task_completed',
  'task_cancelled',
  'state_changed',
  'document_uploaded',
  'client_reminder_sent',
  'approval_blocked',
  'sanctions_match_confirmed',
  'risk_overridden',
  'periodic_review_scheduled',
  'sla_reminder',
  'sla_escalated',
  'case_sla_breached',
] as const;
