import { z } from 'zod';
import type { KycStep } from '../../workflows/kyc-review/states';

const text = (max: number) => z.string().trim().min(1).max(max);
const request = z.object({ outcome: z.literal('request_information'), request: text(4000) });
const decision = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('approved'), note: z.string().max(2000).optional() }),
  z.object({ outcome: z.literal('rejected'), reason: text(2000) }),
  request,
]);
const edd = z.object({ outcome: z.enum(['verified', 'not_verified']), summary: text(10000) });

/** The completion form of each KYC review step; `outcome` picks the branch the process takes. */
export const KYC_FORMS: Record<KycStep, z.ZodType> = {
  collect_documents: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('documents_complete'), note: z.string().max(2000).optional() }),
    request,
  ]),
  // decides the listed hits, or every undecided hit of the round when none are listed
  screening_review: z.object({
    outcome: z.enum(['true_match', 'false_positive']),
    reason: text(2000),
    hitIds: z.array(z.uuid()).max(100).optional(),
  }),
  cdd_review: decision,
  source_of_funds: edd,
  source_of_wealth: edd,
  senior_approval: decision,
};
