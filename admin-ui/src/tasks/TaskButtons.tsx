import CheckIcon from '@mui/icons-material/TaskAlt';
import ClaimIcon from '@mui/icons-material/PanTool';
import ReleaseIcon from '@mui/icons-material/Undo';
import type { MouseEvent } from 'react';
import { Button, LinkBase, useRecordContext } from 'react-admin';
import type { Task } from '../types';
import { useTaskMutation } from './useTaskMutation';

// Each button shows only when the API says the user may take that action now (the task's `can`): an agent sees
// no Claim on a step only supervisors approve. Buttons sit inside clickable rows: a click must not also open the row.
const only = (action: () => void) => (event: MouseEvent) => {
  event.stopPropagation();
  action();
};

export const ClaimButton = () => {
  const task = useRecordContext<Task>();
  const claim = useTaskMutation((dp, id: string) => dp.claimTask(id), 'inbox.claimed');
  if (!task?.can?.claim) return null;
  return (
    <Button label="inbox.actions.claim" data-testid="task-claim" disabled={claim.isPending} onClick={only(() => claim.mutate([task.id]))}>
      <ClaimIcon />
    </Button>
  );
};

export const ReleaseButton = () => {
  const task = useRecordContext<Task>();
  const release = useTaskMutation((dp, id: string) => dp.releaseTask(id), 'inbox.released');
  if (!task?.can?.release) return null;
  return (
    <Button
      label="inbox.actions.release"
      data-testid="task-release"
      disabled={release.isPending}
      onClick={only(() => release.mutate([task.id]))}
    >
      <ReleaseIcon />
    </Button>
  );
};

/** Opens the task page, where the step's form is, once the current user holds the task. */
export const CompleteLink = () => {
  const task = useRecordContext<Task>();
  if (!task?.can?.complete) return null;
  return (
    <Button
      // react-admin's Button only navigates when rendered as a link
      component={LinkBase}
      to={`/tasks/${encodeURIComponent(task.id)}/show`}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      label="inbox.actions.complete"
      data-testid="task-complete-link"
    >
      <CheckIcon />
    </Button>
  );
};
