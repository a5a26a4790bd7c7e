import AmlIcon from '@mui/icons-material/Policy';
import { lazy } from 'react';
import { showPage, type CaseTypeModule } from '../caseTypeModule';
import { amlSteps } from './enums';
import { messages } from './i18n';

/** The AML case type's console module (registered in admin-ui/src/caseTypes.ts). Cases open from monitoring
 * alerts (docs/case-types/aml-case.md), so there is no create page. */
export const amlCase: CaseTypeModule = {
  key: 'aml_case',
  resource: {
    name: 'aml-cases',
    list: lazy(() => import('./AmlCaseList').then((m) => ({ default: m.AmlCaseList }))),
    show: lazy(() => import('./AmlCaseShow').then((m) => ({ default: m.AmlCaseShow }))),
    icon: AmlIcon,
    recordRepresentation: 'reference',
  },
  steps: amlSteps,
  link: showPage('aml-cases'),
  TaskCaseSummary: lazy(() => import('./TaskCaseSummary').then((m) => ({ default: m.AmlTaskSummary }))),
  formInputs: { narrative: lazy(() => import('./NarrativeInput').then((m) => ({ default: m.NarrativeInput }))) },
  clientSection: lazy(() => import('./ClientAmlCases').then((m) => ({ default: m.ClientAmlCases }))),
  messages,
};
