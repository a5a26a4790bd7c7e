// What reaches a client-development case from outside: the client's money and trading (from the feed and
// imports), the KYC review's decision, and a lost lead coming back. Signals: the senders do not wait for
// the case, and each signal is idempotent (a repeated one changes nothing).
import { defineSignal } from '@temporalio/workflow';
import type { Temperature } from './states';

export type MilestoneKind = 'deposit' | 'deposit_failed' | 'withdrawal' | 'trade';

export interface Milestone {
  kind: MilestoneKind;
  /** the transaction (transactions.id): the case counts each one once */
  transactionId: string;
  /** when it was booked (ms) */
  at: number;
  amount?: string;
  currency?: string;
}

export const milestoneSignal = defineSignal<[Milestone]>('developmentMilestone');

/** A new lead that duplicates this case's lost lead came in: the case reopens. */
export const leadReturnedSignal = defineSignal<[{ leadId: string; temperature: Temperature; at: number }]>('leadReturned');
