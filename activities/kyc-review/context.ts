import type { Db } from '../../platform/db';
import { loadCaseContext } from '../../platform/case-context';
import type { ReviewKind } from '../../workflows/kyc-review/states';
import { kycReviewCase } from '../../workflows/kyc-review/definition';
import { DomainError } from '../../platform/errors';
import type { CaseContext } from '../../workflows/engine/types';

/** KYC settings an operator may change (table `settings`); the defaults are in the case type's definition. */
export const KYC_SETTINGS = kycReviewCase.settings;

export interface KycContext extends CaseContext {
  clientType: 'individual' | 'corporate';
  /** the client's KYC status when the review started, restored when a suspension ends */
  initialKycStatus: string;
}

export async function loadKycContext({ prisma, pool }: Db, input: { clientId: string; kind: ReviewKind }): Promise<KycContext> {
  const ctx = await loadCaseContext(pool, {
    clientId: input.clientId,
    caseType: kycReviewCase.type,
    teamName: kycReviewCase.teamName,
    steps: [...kycReviewCase.steps],
    category: input.kind,
    severity: '*',
    settings: KYC_SETTINGS,
  });
  const client = await prisma.client.findUnique({ where: { id: input.clientId } });
  if (!client) throw new DomainError('CLIENT_NOT_FOUND', `Client ${input.clientId} not found`);
  return {
    ...ctx,
    clientType: client.type === 'corporate' ? 'corporate' : 'individual',
    initialKycStatus: client.kycStatus,
  };
}
