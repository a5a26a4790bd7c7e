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
  /** Failed logins for one e-mail from one address before each further try waits (1 s, 2 s, 4 s, ...). */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  /** Failed logins for one e-mail from addresses it never logged in from, before tries wait. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(20),
  /** Failed logins from one address (any e-mail) before tries from it wait. */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(50),
  /** The longest wait between tries, in minutes; failures older than an hour are forgotten. */
  LOGIN_BACKOFF_MAX_MINUTES: z.coerce.number().positive().default(15),
  /** Marks the session cookie Secure and sends HSTS. Default: true when NODE_ENV=production, else false. */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  /**
   * The origin(s) users reach the console at, comma-separated (https://crm.example.com). Writes with the
   * session cookie and socket.io connections from a browser must come from one of them, or from the
   * host the request was sent to.
   */
  PUBLIC_ORIGIN: z
    .string()
    .default('http://localhost:3000')
    .transform((v, ctx) => {
      const origins: string[] = [];
      for (const part of v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        try {
          origins.push(new URL(part).origin);
        } catch {
          ctx.addIssue({ code: 'custom', message: `${part} is not an origin such as https://crm.example.com` });
        }
      }
      return origins;
    }),
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
  /**
   * Feed adapters' shared secrets, from INTEGRATION_SECRET_<ADAPTER> (e.g. INTEGRATION_SECRET_REFERENCE),
   * keyed by the adapter's name in lower case. An adapter without one is not served.
   */
  INTEGRATION_SECRETS: z.record(z.string(), z.string().min(32, 'must be at least 32 characters')).default({}),
});

const EnvSchemaResolved = EnvSchema.transform(({ COOKIE_SECURE, ...env }) => ({
  ...env,
  COOKIE_SECURE: COOKIE_SECURE === undefined ? env.NODE_ENV === 'production' : COOKIE_SECURE === 'true',
}));

export type Env = z.infer<typeof EnvSchemaResolved>;

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    const m = /^INTEGRATION_SECRET_([A-Z0-9_]+)$/.exec(key);
    if (m && value) secrets[m[1].toLowerCase()] = value;
  }
  const parsed = EnvSchemaResolved.safeParse({ ...source, INTEGRATION_SECRETS: secrets });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
