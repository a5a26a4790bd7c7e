import { ApplicationFailure } from '@temporalio/activity';
import type { PrismaClient } from '@prisma/client';
import { loadCaseContext } from '../engine/context';
import { STEPS, type ReviewKind } from '../../workflows/kyc-review/states';
import type { CaseContext } from '../../workflows/engine/types';

/** KYC settings an operator may change (table `settings`); these are the defaults. */
export const KYC_SETTINGS = {
  /** business days between reminders to a client who has not answered a request */
  'kyc.clientReminderBusinessDays': 5,
  /** business days without an answer after which the review (and the client's KYC) is suspended */
  'kyc.suspendAfterBusinessDays': 15,
  'kyc.ageOfMajority': 18,
  /** a proof of address older than this many months is refused */
  'kyc.proofOfAddressMaxMonths': 3,
  /** an identity document expiring within this many days is flagged */
  'kyc.expiryWarningDays': 30,
  'kyc.reviewMonths.low': 36,
  'kyc.reviewMonths.medium': 24,
  'kyc.reviewMonths.high': 12,
  'kyc.reviewMonths.critical': 6,
};
export type KycSettingKey = keyof typeof KYC_SETTINGS;

export interface KycContext extends CaseContext {
  clientType: 'individual' | 'corporate';
  /** the client's KYC status when the review started, restored when a suspension ends */
  initialKycStatus: string;
}

export async function loadKycContext(prisma: PrismaClient, input: { clientId: string; kind: ReviewKind }): Promise<KycContext> {
  const ctx = await loadCaseContext(prisma, {
    clientId: input.clientId,
    caseType: 'kyc_review',
    teamName: 'KYC',
    steps: [...STEPS],
    category: input.kind,
    severity: '*',
    settings: KYC_SETTINGS,
  });
  const client = await prisma.client.findUnique({ where: { id: input.clientId } });
  if (!client) throw ApplicationFailure.nonRetryable(`Client ${input.clientId} not found`, 'CLIENT_NOT_FOUND');
  return {
    ...ctx,
    clientType: client.type === 'corporate' ? 'corporate' : 'individual',
    initialKycStatus: client.kycStatus,
  };
}
