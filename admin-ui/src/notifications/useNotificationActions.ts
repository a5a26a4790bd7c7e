import { useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRedirect } from 'react-admin';
import { useCaseTypeOf } from '../caseTypeRegistry';
import type { CrmDataProvider } from '../providers/dataProvider';
import type { AppNotification } from '../types';

/** Mark read / mark all read / open what a notification is about. */
export const useNotificationActions = () => {
  const dataProvider = useDataProvider<CrmDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const redirect = useRedirect();
  const caseTypeOf = useCaseTypeOf();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const failed = (error: Error) => notify(error.message, { type: 'error' });

  const markRead = (n: AppNotification) =>
    n.readAt ? Promise.resolve() : dataProvider.markNotificationRead(n.id).then(refresh, failed);

  return {
    markRead,
    markAllRead: () =>
      dataProvider
        .markAllRead()
        .then(() => notify('notification.marked_all', { type: 'success' }))
        .then(refresh, failed),
    open: (n: AppNotification) => {
      void markRead(n);
      // A task opens the task page; a case, its case type's page.
      const caseLink = n.caseId ? caseTypeOf(n.data?.caseType as string | undefined)?.link(n.caseId) : undefined;
      if (n.taskId) redirect('show', 'tasks', n.taskId);
      else if (caseLink) redirect(caseLink);
    },
  };
};
