import { useQueryClient } from '@tanstack/react-query';
import { useDataProvider, useNotify, useRedirect } from 'react-admin';
import { useCaseTypeOf } from '../caseTypeRegistry';
import type { CrmDataProvider } from '../providers/dataProvider';
import type { AppNotification } from '../types';
import type { NotificationGroup } from './groups';

/** Mark read / mark all read / open what a notification (or a case's group of them) is about. */
export const useNotificationActions = () => {
  const dataProvider = useDataProvider<CrmDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const redirect = useRedirect();
  const caseTypeOf = useCaseTypeOf();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const failed = (error: Error) => notify(error.message, { type: 'error' });

  const markRead = (n: AppNotification) => (n.readAt ? Promise.resolve() : dataProvider.markNotificationRead(n.id).then(refresh, failed));

  // A task opens the task page; a case, its case type's page.
  const go = (n: AppNotification) => {
    const caseLink = n.caseId ? caseTypeOf(n.data?.caseType as string | undefined)?.link(n.caseId) : undefined;
    if (n.taskId) redirect('show', 'tasks', n.taskId);
    else if (caseLink) redirect(caseLink);
  };

  return {
    markRead,
    markAllRead: () =>
      dataProvider
        .markAllRead()
        .then(() => notify('notification.marked_all', { type: 'success' }))
        .then(refresh, failed),
    open: (n: AppNotification) => {
      void markRead(n);
      go(n);
    },
    /** Opens the group's most important notification and marks every notification about that case read. */
    openGroup: (g: NotificationGroup) => {
      go(g.latest);
      return (g.caseId ? dataProvider.markAllRead(g.caseId) : dataProvider.markNotificationRead(g.latest.id)).then(refresh, failed);
    },
  };
};
