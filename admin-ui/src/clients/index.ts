import ClientIcon from '@mui/icons-material/People';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ClientList').then((m) => ({ default: m.ClientList }))),
  show: lazy(() => import('./ClientShow').then((m) => ({ default: m.ClientShow }))),
  icon: ClientIcon,
  recordRepresentation: 'name',
};
