import { z } from 'zod';

/** Sanctions screening review threshold when SCREENING_REVIEW_THRESHOLD is unset. */
export const DEFAULT_REVIEW_THRESHOLD = 0.8;

// The environment is parsed once, here; everything else receives the typed result.
// Every variable is documented in .env.example.
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Unset: `npm start` runs embedded PostgreSQL and sets it. */
  DATABASE_URL: z.string().url().optional(),
  /** Unset: `npm start` runs the Temporal dev server on 127.0.0.1:7233. */
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('broker-crm'),
  /** Session lifetime in hours. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Failed logins for one e-mail before it is locked for LOGIN_LOCK_MINUTES. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /** Marks the session cookie Secure (set behind HTTPS). */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Directory of the built console; served at /. */
  CONSOLE_DIR: z.string().default('dist/console'),
  /** Where embedded PostgreSQL and the Temporal dev server keep their files. */
  DATA_DIR: z.string().default('data'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Sanctions screening: hits scoring at or above this go to a compliance officer for review. */
  SCREENING_REVIEW_THRESHOLD: z.coerce
    .number()
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .default(DEFAULT_REVIEW_THRESHOLD),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
