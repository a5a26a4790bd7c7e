// The complaint case type, as the rest of the product sees it.
import { defineCaseType } from '../engine/case-type';
import { STATES, STATUSES, STEPS } from './states';

export const complaintCase = defineCaseType({
  type: 'complaint',
  workflowType: 'complaintWorkflow',
  idPrefix: 'complaint',
  referencePrefix: 'CMP',
  teamName: 'Complaints',
  roles: {
    agent: { scope: 'team' },
    supervisor: { scope: 'branch', supervises: true },
    complaints_manager: { scope: 'all', supervises: true },
  },
  escalationRoles: [['supervisor'], ['complaints_manager']],
  steps: STEPS,
  states: STATES,
  statuses: STATUSES,
  settings: {
    /** calendar days after closing in which the client may reopen */
    'complaint.reopenWindowDays': 30,
    /** business days the case waits on the client before investigation resumes anyway */
    'complaint.clientWaitBusinessDays': 10,
  },
});
