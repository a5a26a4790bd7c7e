// The KYC review case type, as the rest of the product sees it.
import { defineCaseType } from '../engine/case-type';
import { STATES, STATUSES, STEPS } from './states';

export const kycReviewCase = defineCaseType({
  type: 'kyc_review',
  workflowType: 'kycReviewWorkflow',
  idPrefix: 'kyc-review',
  referencePrefix: 'KYC',
  teamName: 'KYC',
  roles: {
    kyc_officer: { scope: 'branch' },
    senior_compliance_officer: { scope: 'branch' },
    compliance_manager: { scope: 'all', supervises: true },
  },
  // Level 1 goes to the KYC team's seniors and the compliance manager, level 2 to the branch's compliance managers.
  escalationRoles: [['senior_compliance_officer', 'compliance_manager'], ['compliance_manager']],
  steps: STEPS,
  states: STATES,
  statuses: STATUSES,
  settings: {
    /** business days between reminders to a client who has not answered a request */
    'kyc.clientReminderBusinessDays': 5,
    /** business days without an answer after which the review (and the client's KYC) is suspended */
    'kyc.suspendAfterBusinessDays': 15,
    'kyc.ageOfMajority': 18,
    /** a proof of address older than this many months is refused */
    'kyc.proofOfAddressMaxMonths': 3,
    /** an identity document expiring within this many days is flagged */
    'kyc.expiryWarningDays': 30,
    'kyc.reviewMonths.low': 36,
    'kyc.reviewMonths.medium': 24,
    'kyc.reviewMonths.high': 12,
    'kyc.reviewMonths.critical': 6,
  },
});
