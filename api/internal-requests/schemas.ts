import { z } from 'zod';
import { KINDS } from '../../workflows/internal-request/states';
import { TaskSchema } from '../tasks/view';
import { CaseBaseSchema } from '../cases/view';

export const CreateRequest = z.object({
  clientId: z.string().min(1).max(100),
  /** the team asked */
  teamId: z.string().min(1).max(100),
  kind: z.enum(KINDS),
  subject: z.string().trim().min(1).max(200),
  details: z.string().trim().min(1).max(10000),
  urgent: z.boolean().default(false),
});

export const RequestSchema = CaseBaseSchema.extend({
  kind: z.string(),
  subject: z.string(),
  details: z.string(),
  urgent: z.boolean(),
  team: z.object({ id: z.string(), name: z.string() }),
  requestedBy: z.object({ id: z.string(), name: z.string() }),
  question: z.string().nullable(),
  answer: z.string().nullable(),
  reply: z.string().nullable(),
  declineReason: z.string().nullable(),
  tasks: z.array(TaskSchema).optional(),
});

export const RequestFilter = {
  kind: z.enum(KINDS).optional(),
  teamId: z.string().max(100).optional(),
  /** only the requests I asked */
  mine: z.boolean().optional(),
};

const text = (max: number) => z.string().trim().min(1).max(max);

/** The receiving team's answer: fulfilled with a reply, declined with a reason, or a question first. */
export const REQUEST_FORMS = {
  fulfil: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('fulfilled'), reply: text(10000) }),
    z.object({ outcome: z.literal('declined'), reason: text(4000) }),
    z.object({ outcome: z.literal('need_info'), question: text(4000) }),
  ]),
};
