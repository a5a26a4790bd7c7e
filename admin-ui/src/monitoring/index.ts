import AlertIcon from '@mui/icons-material/NotificationImportant';
import RuleIcon from '@mui/icons-material/Rule';
import OverdueIcon from '@mui/icons-material/EventBusy';
import { lazy } from 'react';

// Ongoing monitoring for AML staff and compliance managers (docs/monitoring.md): the alerts (a resource), the
// scenarios with their draft editor and backtests, and the KYC refresh overdue list (pages outside a resource).
// Loaded when opened; the menu shows each to the roles the API allows (access.ts).
export const alerts = {
  list: lazy(() => import('./AlertList').then((m) => ({ default: m.AlertList }))),
  icon: AlertIcon,
};
export const ScenarioList = lazy(() => import('./ScenarioList').then((m) => ({ default: m.ScenarioList })));
export const ScenarioShow = lazy(() => import('./ScenarioShow').then((m) => ({ default: m.ScenarioShow })));
export const OverdueList = lazy(() => import('./OverdueList').then((m) => ({ default: m.OverdueList })));
export { RuleIcon as ScenarioIcon, OverdueIcon };
