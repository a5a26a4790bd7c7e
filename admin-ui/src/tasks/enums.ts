import { useQueryClient } from '@tanstack/react-query';
import { useCaseTypes } from '../caseTypeRegistry';

export const taskStatuses = ['open', 'claimed', 'completed', 'cancelled'] as const;

/** Refetches whatever inbox or case page is on screen after a task changed (case pages list their tasks). */
export const useRefreshTaskViews = () => {
  const queryClient = useQueryClient();
  const caseTypes = useCaseTypes();
  return () =>
    Promise.all(
      ['tasks', ...caseTypes.map((t) => t.resource.name)].map((resource) => queryClient.invalidateQueries({ queryKey: [resource] })),
    );
};
