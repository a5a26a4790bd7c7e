import NextIcon from '@mui/icons-material/SkipNext';
import { Button, HttpError, useNotify, useRedirect } from 'react-admin';
import { useMutation } from '@tanstack/react-query';
import { post } from '../providers/dataProvider';
import type { Task } from '../types';
import { useRefreshTaskViews } from './enums';

/** Claims the most urgent open task the user may work (POST /api/tasks/next) and opens it. */
export const NextTaskButton = ({ variant }: { variant?: 'text' | 'contained' }) => {
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefreshTaskViews();
  const next = useMutation({
    mutationFn: async () => (await post('/tasks/next')).json as Task,
    onSuccess: (task) => {
      notify('inbox.claimed', { type: 'success' });
      redirect('show', 'tasks', task.id);
    },
    onError: (error: Error) =>
      notify(error instanceof HttpError && error.body?.reason === 'NO_TASK' ? 'inbox.next.none' : error.message, { type: 'info' }),
    onSettled: () => refresh(),
  });
  return (
    <Button label="inbox.next.button" variant={variant} disabled={next.isPending} onClick={() => next.mutate()} data-testid="next-task">
      <NextIcon />
    </Button>
  );
};
