import type { QueryClient } from '@tanstack/react-query';
import { CASE_TYPES } from '../caseTypes';

export const taskStatuses = ['open', 'claimed', 'completed', 'cancelled'] as const;

/** Refetches whatever inbox or case page is on screen after a task changed (case pages list their tasks). */
export const refreshTaskViews = (queryClient: QueryClient) =>
  Promise.all(
    ['tasks', ...CASE_TYPES.map((t) => t.resource.name)].map((resource) => queryClient.invalidateQueries({ queryKey: [resource] })),
  );
