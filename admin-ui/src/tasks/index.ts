import TaskIcon from '@mui/icons-material/AssignmentTurnedIn';
import { lazy, memo } from 'react';
import { TaskList } from './TaskList';

// The inbox is the page staff open first: in the main bundle. The task page loads when opened.
export default {
  // memo: react-admin re-renders the whole layout while it settles (permissions, resource definitions)
  list: memo(TaskList),
  show: lazy(() => import('./TaskShow').then((m) => ({ default: m.TaskShow }))),
  icon: TaskIcon,
};
