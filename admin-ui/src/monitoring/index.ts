import AlertIcon from '@mui/icons-material/NotificationImportant';
import RuleIcon from '@mui/icons-material/Rule';
import OverdueIcon from '@mui/icons-material/EventBusy';
import SuppressionIcon from '@mui/icons-material/NotificationsPaused';
import RunsIcon from '@mui/icons-material/PlayCircleOutlined';
import { lazy } from 'react';

// Ongoing monitoring for AML staff and compliance managers (docs/monitoring.md): the alerts (a resource), the
// scenarios with their draft editor and backtests, suppression (snoozes, whitelisted counterparties), on-demand runs
// (sweep, re-screen, KYC refresh) and the KYC refresh overdue list (pages outside a resource).
// Loaded when opened; the menu shows each to the roles the API allows (access.ts).
export const alerts = {
  list: lazy(() => import('./AlertList').then((m) => ({ default: m.AlertList }))),
  icon: AlertIcon,
};
export const ScenarioList = lazy(() => import('./ScenarioList').then((m) => ({ default: m.ScenarioList })));
export const ScenarioShow = lazy(() => import('./ScenarioShow').then((m) => ({ default: m.ScenarioShow })));
export const OverdueList = lazy(() => import('./OverdueList').then((m) => ({ default: m.OverdueList })));
export const Suppression = lazy(() => import('./Suppression').then((m) => ({ default: m.Suppression })));
export const Runs = lazy(() => import('./Runs').then((m) => ({ default: m.Runs })));
export { RuleIcon as ScenarioIcon, OverdueIcon, SuppressionIcon, RunsIcon };
