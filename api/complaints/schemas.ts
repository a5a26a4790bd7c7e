import { z } from 'zod';
import { CATEGORIES, CHANNELS, SEVERITIES } from '../../workflows/complaint/states';
import { TaskSchema } from '../tasks/view';
import { CaseBaseSchema } from '../cases/view';

export const CreateComplaint = z.object({
  clientId: z.string().min(1).max(100),
  channel: z.enum(CHANNELS),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  description: z.string().trim().min(1).max(10000),
});

export const ComplaintSchema = CaseBaseSchema.extend({
  channel: z.string().nullable(),
  category: z.string().nullable(),
  severity: z.string().nullable(),
  description: z.string().nullable(),
  rootCause: z.string().nullable(),
  resolution: z.string().nullable(),
  reopenCount: z.number().int(),
  reopenUntil: z.string().nullable(),
  tasks: z.array(TaskSchema).optional(),
});
export type ComplaintView = z.infer<typeof ComplaintSchema>;

export const ComplaintFilter = {
  severity: z.enum(SEVERITIES).optional(),
  category: z.enum(CATEGORIES).optional(),
};
