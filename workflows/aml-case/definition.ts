// The AML case type, as the rest of the product sees it.
import { defineCaseType } from '../engine/case-type';
import { STATES, STATUSES, STEPS } from './states';

export const amlCase = defineCaseType({
  type: 'aml_case',
  workflowType: 'amlCaseWorkflow',
  idPrefix: 'aml-case',
  referencePrefix: 'AML',
  teamName: 'AML',
  roles: {
    /** investigates and drafts reports for the clients of their branch */
    aml_analyst: { scope: 'branch' },
    /** the money laundering reporting officer: decides, approves and files, firm-wide */
    mlro: { scope: 'all', supervises: true },
    compliance_manager: { scope: 'all', supervises: true },
  },
  escalationRoles: [['mlro'], ['mlro', 'compliance_manager']],
  steps: STEPS,
  states: STATES,
  statuses: STATUSES,
  settings: {
    /** calendar days after closing in which an AML case may be reopened */
    'aml.reopenWindowDays': 90,
    /** 1: escalating a case starts an enhanced-due-diligence KYC review of the client at once */
    'aml.eddReviewOnEscalation': 1,
  },
});
