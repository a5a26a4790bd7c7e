import TaskIcon from '@mui/icons-material/AssignmentTurnedIn';
import { lazy } from 'react';
import { TaskList } from './TaskList';

// The inbox is the page staff open first: in the main bundle. The task page loads when opened.
export default {
  list: TaskList,
  show: lazy(() => import('./TaskShow').then((m) => ({ default: m.TaskShow }))),
  icon: TaskIcon,
};
