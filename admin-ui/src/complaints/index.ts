import ComplaintIcon from '@mui/icons-material/ReportProblem';
import { lazy } from 'react';
import { showPage, type CaseTypeModule } from '../caseTypeModule';
import { supervises } from '../providers/permissions';
import { complaintSteps } from './enums';
import { messages } from './i18n';

/** The complaint case type's console module (registered in admin-ui/src/caseTypes.ts). */
export const complaint: CaseTypeModule = {
  key: 'complaint',
  resource: {
    name: 'complaints',
    list: lazy(() => import('./ComplaintList').then((m) => ({ default: m.ComplaintList }))),
    show: lazy(() => import('./ComplaintShow').then((m) => ({ default: m.ComplaintShow }))),
    create: lazy(() => import('./ComplaintCreate').then((m) => ({ default: m.ComplaintCreate }))),
    icon: ComplaintIcon,
    recordRepresentation: 'reference',
  },
  steps: complaintSteps,
  choiceLabels: { rootCause: 'complaint.root_cause' },
  link: showPage('complaints'),
  // Charts are the heaviest code in the console and only those who supervise complaints see them.
  dashboard: {
    component: lazy(() => import('./ComplaintsDashboard').then((m) => ({ default: m.ComplaintsDashboard }))),
    visible: (p) => supervises(p, 'complaint'),
  },
  TaskCaseSummary: lazy(() => import('./TaskCaseSummary').then((m) => ({ default: m.ComplaintTaskSummary }))),
  clientSection: lazy(() => import('./ClientComplaints').then((m) => ({ default: m.ClientComplaints }))),
  messages,
};
