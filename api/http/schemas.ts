import { z } from 'zod';

export const ErrorSchema = z.object({
  error: z.object({
    code: z.enum(['VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL']),
    message: z.string(),
    reason: z.string().optional(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const IdParams = z.object({ id: z.string().min(1).max(200) });
