import DevelopmentIcon from '@mui/icons-material/TrendingUp';
import { lazy } from 'react';
import { showPage, type CaseTypeModule } from '../caseTypeModule';
import { supervises } from '../providers/permissions';
import { developmentSteps } from './enums';
import { messages } from './i18n';

/** The client-development case type's console module (registered in admin-ui/src/caseTypes.ts). Cases start
 * from leads (POST /api/leads, imports), so it has no create page. */
export const clientDevelopment: CaseTypeModule = {
  key: 'client_development',
  resource: {
    name: 'client-development',
    list: lazy(() => import('./DevelopmentList').then((m) => ({ default: m.DevelopmentList }))),
    show: lazy(() => import('./DevelopmentShow').then((m) => ({ default: m.DevelopmentShow }))),
    icon: DevelopmentIcon,
    recordRepresentation: 'reference',
  },
  steps: developmentSteps,
  choiceLabels: { reason: 'client_development.lost_reason' },
  link: showPage('client-development'),
  // the funnel is for those who supervise the branch's sales
  dashboard: {
    component: lazy(() => import('./FunnelCard').then((m) => ({ default: m.FunnelCard }))),
    visible: (p) => supervises(p, 'client_development'),
  },
  TaskCaseSummary: lazy(() => import('./TaskCaseSummary').then((m) => ({ default: m.DevelopmentTaskSummary }))),
  messages,
};
