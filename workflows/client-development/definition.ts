// The client-development case type, as the rest of the product sees it.
import { defineCaseType } from '../engine/case-type';
import { STATES, STATUSES, STEPS } from './states';

export const clientDevelopmentCase = defineCaseType({
  type: 'client_development',
  workflowType: 'clientDevelopmentWorkflow',
  idPrefix: 'client-development',
  referencePrefix: 'CDV',
  // tasks go to the account manager's team; a lead without an account manager to this team of its branch
  teamName: 'Sales',
  // the account manager (agent) works the case; supervisors and branch managers supervise the branch's
  roles: {
    agent: { scope: 'team' },
    supervisor: { scope: 'branch', supervises: true },
    branch_manager: { scope: 'branch', supervises: true },
  },
  escalationRoles: [['supervisor'], ['branch_manager', 'supervisor']],
  steps: STEPS,
  states: STATES,
  statuses: STATUSES,
  settings: {
    /** first-contact attempts without an answer after which the lead is lost as unreachable */
    'cdv.maxContactAttempts': 5,
    /** business days a KYC review may take before the account manager is asked to chase it (again) */
    'cdv.kycStuckBusinessDays': 5,
    /** days after the first deposit without a trade before the account manager follows up */
    'cdv.noTradeDays': 7,
    /** days after a withdrawal without a deposit or trade before the client counts as dormant */
    'cdv.dormantDays': 30,
    /** days an active trader stays watched (dormancy after a withdrawal) before the case closes */
    'cdv.watchDays': 90,
    /** days a lost case waits for its lead to come back before it ends (later comebacks start a new case) */
    'cdv.reopenWindowDays': 365,
  },
});
