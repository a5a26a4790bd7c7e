import NotificationsIcon from '@mui/icons-material/Notifications';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./NotificationList').then((m) => ({ default: m.NotificationList }))),
  icon: NotificationsIcon,
};
