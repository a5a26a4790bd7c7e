import { useMutation } from '@tanstack/react-query';
import { useDataProvider, useNotify } from 'react-admin';
import type { CrmDataProvider } from '../providers/dataProvider';
import { useRefreshTaskViews } from './enums';

/** A task command (claim, release, reassign...) with the shared side effects: a toast, and a refetch of
 * inboxes and case pages whether it worked or not (a 409 means our copy is stale). */
export const useTaskMutation = <Args extends unknown[]>(
  run: (dataProvider: CrmDataProvider, ...args: Args) => Promise<unknown>,
  successMessage: string,
) => {
  const dataProvider = useDataProvider<CrmDataProvider>();
  const notify = useNotify();
  const refreshTaskViews = useRefreshTaskViews();
  return useMutation({
    mutationFn: (args: Args) => run(dataProvider, ...args),
    onSuccess: () => notify(successMessage, { type: 'success' }),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => refreshTaskViews(),
  });
};
