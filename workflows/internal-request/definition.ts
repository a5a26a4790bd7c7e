// The internal request case type, as the rest of the product sees it.
import { defineCaseType } from '../engine/case-type';
import { STATES, STATUSES, STEPS } from './states';

export const internalRequestCase = defineCaseType({
  type: 'internal_request',
  workflowType: 'internalRequestWorkflow',
  idPrefix: 'internal-request',
  referencePrefix: 'IRQ',
  // the requester picks the receiving team; this is only the fallback
  teamName: 'Complaints',
  // every staff member may ask and works the requests sent to their team; supervisors see their branch's
  roles: {
    supervisor: { scope: 'branch', supervises: true },
    complaints_manager: { scope: 'all', supervises: true },
    compliance_manager: { scope: 'all', supervises: true },
  },
  everyone: 'team',
  escalationRoles: [
    ['supervisor', 'compliance_manager'],
    ['complaints_manager', 'compliance_manager'],
  ],
  steps: STEPS,
  states: STATES,
  statuses: STATUSES,
  settings: {},
});
