// English strings of the KYC screens (namespace `kyc` and resource `kyc-reviews`), merged into en.ts.
export const kycEn = {
  title: 'KYC reviews',
  none: 'None',
  pending: 'Awaiting review',
  blocking: 'blocks approval',
  sections: {
    summary: 'Review',
    tasks: 'Open steps',
    risk: 'Risk score',
    checks: 'Automated checks',
    hits: 'Screening hits',
    documents: 'Documents',
    next_review: 'Next periodic review',
    timeline: 'Timeline',
  },
  column: {
    factor: 'Factor', value: 'Value', points: 'Points', note: 'Why', check: 'Check', result: 'Result', subject: 'Screened name',
    entry: 'Listed as', list: 'List', score: 'Score', decision: 'Decision', kind: 'Kind', file: 'File', size: 'Size', uploaded: 'Uploaded',
  },
  kind: { onboarding: 'Onboarding', periodic: 'Periodic review' },
  status: { open: 'Open', awaiting_client: 'Waiting on the client', suspended: 'Suspended', closed: 'Closed' },
  state: {
    collect_documents: 'Collect documents', awaiting_client: 'Waiting on the client', suspended: 'Suspended', checks: 'Automated checks',
    screening_review: 'Screening review', cdd_review: 'CDD review', edd: 'Enhanced due diligence', senior_approval: 'Senior approval',
    approved: 'Approved', rejected: 'Rejected',
  },
  band: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
  client_status: { pending: 'Pending', in_review: 'In review', approved: 'Approved', rejected: 'Rejected', suspended: 'Suspended' },
  factor: {
    residence: 'Country of residence', nationality: 'Nationality', pep: 'Politically exposed person', occupation: 'Occupation or industry',
    product: 'Product', leverage: 'Leverage', channel: 'Onboarding channel', deposits_vs_income: 'Expected deposits vs income', screening: 'Sanctions screening',
  },
  check: {
    documents_required: 'Required documents', document_expiry: 'Identity document expiry', age_of_majority: 'Age of majority',
    passport_mrz: 'Passport MRZ check digits', proof_of_address_age: 'Proof of address age', duplicate_identity: 'Duplicate identity',
    sanctions: 'Sanctions screening', pep: 'PEP',
  },
  check_status: { pass: 'Passed', fail: 'Failed', warn: 'Check by hand', not_applicable: 'Not applicable' },
  decision: { true_match: 'True match', false_positive: 'False positive' },
  document: {
    identity: 'Identity document', proof_of_address: 'Proof of address', registration: 'Registration documents', beneficial_owners: 'Beneficial owners',
    source_of_funds: 'Source of funds', source_of_wealth: 'Source of wealth', other: 'Other',
  },
  risk: {
    summary: 'Score %{score}',
    computed: 'computed',
    floor: 'At least %{band}: %{reason}',
    override: 'Set to %{band} by %{name}: %{reason}',
  },
  event: {
    case_opened: 'Review opened', task_opened: 'Step opened', task_claimed: 'Step claimed', task_released: 'Step released',
    task_reassigned: 'Step reassigned', task_completed: 'Step completed', task_cancelled: 'Step withdrawn', state_changed: 'Moved on',
    document_uploaded: 'Document uploaded', client_reminder_sent: 'Reminder sent to the client', approval_blocked: 'Approval not offered',
    sanctions_match_confirmed: 'Sanctions match confirmed', risk_overridden: 'Risk band overridden', periodic_review_scheduled: 'Next review scheduled',
    sla_reminder: 'SLA reminder', sla_escalated: 'Escalated', case_sla_breached: 'Review deadline missed',
  },
  dashboard: {
    title: 'Compliance',
    approvals: 'Senior approvals waiting: %{count}',
    overdue: 'Periodic reviews overdue: %{count}',
  },
};

export const kycReviewsResource = {
  name: 'KYC review |||| KYC reviews',
  fields: {
    client: { name: 'Client', kycStatus: 'Client KYC status' },
    kind: 'Kind',
    state: 'Step',
    status: 'Status',
    riskBand: 'Risk band',
    slaState: 'SLA',
    dueAt: 'Due',
    openedAt: 'Opened',
  },
};
