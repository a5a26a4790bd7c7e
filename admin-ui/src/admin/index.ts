import IncidentIcon from '@mui/icons-material/ReportGmailerrorred';
import SettingsIcon from '@mui/icons-material/Tune';
import SlaIcon from '@mui/icons-material/Timer';
import { lazy } from 'react';

// What administrators look after (role `admin`): stuck cases, SLA policies and the case types' settings. Loaded
// when opened; shown in the menu to administrators only.
export const incidents = {
  list: lazy(() => import('./IncidentList').then((m) => ({ default: m.IncidentList }))),
  icon: IncidentIcon,
};
export const slaPolicies = {
  list: lazy(() => import('./SlaPolicyList').then((m) => ({ default: m.SlaPolicyList }))),
  icon: SlaIcon,
};
export const settings = {
  list: lazy(() => import('./SettingList').then((m) => ({ default: m.SettingList }))),
  icon: SettingsIcon,
};
