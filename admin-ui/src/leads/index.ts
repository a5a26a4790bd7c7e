import LeadIcon from '@mui/icons-material/PersonAddAlt';
import { lazy } from 'react';

// Leads (api/leads): the list with its filters and the duplicate review queue (the list filtered to leads with open
// findings), a lead's page with its findings and the Merge into / Not a duplicate actions, and manual entry. Loaded
// when opened; the menu shows it to the roles the API allows (access.ts).
export default {
  list: lazy(() => import('./LeadList').then((m) => ({ default: m.LeadList }))),
  show: lazy(() => import('./LeadShow').then((m) => ({ default: m.LeadShow }))),
  create: lazy(() => import('./LeadCreate').then((m) => ({ default: m.LeadCreate }))),
  icon: LeadIcon,
  recordRepresentation: (l: { firstName: string; lastName: string }) => `${l.firstName} ${l.lastName}`,
};
