import { z } from 'zod';
import { ROOT_CAUSES, type ComplaintStep } from '../../workflows/complaint/states';

const text = (max: number) => z.string().trim().min(1).max(max);

/** The completion form of each complaint step; `outcome` picks the branch the process takes. */
export const COMPLAINT_FORMS: Record<ComplaintStep, z.ZodType> = {
  acknowledge: z.object({ outcome: z.literal('acknowledged'), note: z.string().max(2000).optional() }),
  investigate: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('findings_recorded'), findings: text(10000) }),
    z.object({ outcome: z.literal('awaiting_client'), request: text(4000) }),
  ]),
  propose_resolution: z.object({
    outcome: z.literal('proposed'),
    resolution: text(10000),
    compensation: z.number().nonnegative().max(1e9).optional(),
  }),
  approval: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('approved'), note: z.string().max(2000).optional() }),
    z.object({ outcome: z.literal('rejected'), note: text(2000) }),
  ]),
  final_response: z.object({ outcome: z.literal('sent'), responseSummary: text(10000), rootCause: z.enum(ROOT_CAUSES) }),
};
