import RequestIcon from '@mui/icons-material/ForwardToInbox';
import { lazy } from 'react';
import { showPage, type CaseTypeModule } from '../caseTypeModule';
import { requestSteps } from './enums';
import { messages } from './i18n';

/** The internal request case type's console module (registered in admin-ui/src/caseTypes.ts). */
export const internalRequest: CaseTypeModule = {
  key: 'internal_request',
  resource: {
    name: 'internal-requests',
    list: lazy(() => import('./RequestList').then((m) => ({ default: m.RequestList }))),
    show: lazy(() => import('./RequestShow').then((m) => ({ default: m.RequestShow }))),
    create: lazy(() => import('./RequestCreate').then((m) => ({ default: m.RequestCreate }))),
    icon: RequestIcon,
    recordRepresentation: 'reference',
  },
  // every staff member asks and answers requests (administrators take no part: the API does not list it for them)
  steps: requestSteps,
  link: showPage('internal-requests'),
  TaskCaseSummary: lazy(() => import('./TaskCaseSummary').then((m) => ({ default: m.RequestTaskSummary }))),
  messages,
};
