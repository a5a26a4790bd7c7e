import type { QueryClient } from '@tanstack/react-query';
import { STEPS as COMPLAINT_STEPS } from '../../../workflows/complaint/states';
import { STEPS as KYC_STEPS } from '../../../workflows/kyc-review/states';

export const caseTypes = ['complaint', 'kyc_review'] as const;
export const taskStatuses = ['open', 'claimed', 'completed', 'cancelled'] as const;
export const steps = [...COMPLAINT_STEPS, ...KYC_STEPS] as const;

const CASE_RESOURCES: Record<(typeof caseTypes)[number], string> = { complaint: 'complaints', kyc_review: 'kyc-reviews' };
/** The console resource that shows a task's case. */
export const caseResource = (caseType: string) => CASE_RESOURCES[caseType as keyof typeof CASE_RESOURCES] ?? 'complaints';

/** Refetches whatever inbox or case page is on screen after a task changed (case pages list their tasks). */
export const refreshTaskViews = (queryClient: QueryClient) =>
  Promise.all(['tasks', ...Object.values(CASE_RESOURCES)].map((resource) => queryClient.invalidateQueries({ queryKey: [resource] })));
