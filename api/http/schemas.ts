import { z } from 'zod';

/** Every error code the API answers with (AppError takes only these, so the document stays complete). */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'IDEMPOTENCY_KEY_REUSED',
  'CASE_STUCK',
  'ENGINE_UNAVAILABLE',
  'INVALID_CREDENTIALS',
  'INVALID_CODE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNKNOWN_PARTY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    reason: z.string().optional(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const IdParams = z.object({ id: z.string().min(1).max(200) });

/** A calendar day (YYYY-MM-DD) in a range PostgreSQL and people can use: years 1900 to 2200. */
export const Day = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2200-12-31', 'a date between 1900-01-01 and 2200-12-31');
/**
 * An instant, ISO 8601 with an offset, between 1900 and 2200, passed on as UTC (`…Z`). ISO allows offsets
 * PostgreSQL refuses (it takes up to ±15:59: `+20:18` gave a 500), and years it cannot compare sensibly.
 */
export const Timestamp = z.iso
  .datetime({ offset: true })
  .refine((s) => {
    const year = new Date(s).getUTCFullYear();
    return year >= 1900 && year <= 2200;
  }, 'a time between 1900 and 2200')
  .transform((s) => new Date(s).toISOString());
