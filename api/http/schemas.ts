import { z } from 'zod';

export const ErrorSchema = z.object({
  error: z.object({
    code: z.enum(['VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REUSED', 'CASE_STUCK', 'ENGINE_UNAVAILABLE', 'INVALID_CREDENTIALS', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL']),
    message: z.string(),
    reason: z.string().optional(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const IdParams = z.object({ id: z.string().min(1).max(200) });

/** A calendar day (YYYY-MM-DD) in a range PostgreSQL and people can use: years 1900 to 2200. */
export const Day = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2200-12-31', 'a date between 1900-01-01 and 2200-12-31');
