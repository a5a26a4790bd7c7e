import { z } from 'zod';
import { Day } from '../http/schemas';

const inRange = (d: Date) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 2200;
/** An instant (ISO 8601 with offset, or a day meaning its start in UTC) between 1900 and 2200. */
export const Instant = z
  .union([z.iso.datetime({ offset: true }), Day])
  .transform((s) => new Date(s))
  .refine(inRange, 'a time between 1900 and 2200');

/** The contract of POST /api/transactions (issue 10). */
export const TransactionIn = z.object({
  clientId: z.string().min(1).max(100),
  externalId: z.string().trim().min(1).max(200),
  /** the sending system; with externalId the transaction's identity (default `api`) */
  source: z.string().trim().min(1).max(100).optional(),
  type: z.enum(['deposit', 'withdrawal', 'trade']),
  amount: z.union([z.number().nonnegative().max(1e15), z.string().regex(/^\d{1,15}(\.\d{1,4})?$/, 'a decimal amount, e.g. 9500.00')]),
  currency: z.string().regex(/^[A-Za-z]{3,5}$/, 'a currency code, e.g. USD'),
  method: z.enum(['cash', 'card', 'bank_transfer', 'crypto', 'internal']),
  bookedAt: Instant,
  counterparty: z
    .object({
      name: z.string().trim().max(300).nullish(),
      country: z
        .string()
        .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 country code')
        .nullish(),
    })
    .nullish(),
  accountId: z.string().min(1).max(100).optional(),
});

export const AlertSchema = z.object({
  id: z.string(),
  scenario: z.string(),
  scenarioName: z.string(),
  scenarioVersion: z.number(),
  scenarioVersionId: z.string(),
  clientId: z.string(),
  clientName: z.string().nullable(),
  status: z.string(),
  source: z.string(),
  caseId: z.string().nullable(),
  caseReference: z.string().nullable(),
  windowStart: z.string(),
  windowEnd: z.string(),
  transactionIds: z.array(z.string()),
  evidence: z.record(z.string(), z.unknown()),
  /** the red flag the scenario follows, as a message code and parameters for the console to say in the user's language; `text`: English, as in exports */
  redFlag: z.object({ code: z.string(), params: z.record(z.string(), z.unknown()), text: z.string() }).nullable(),
  sweepId: z.string().nullable(),
  createdAt: z.string(),
});

export const TransactionOut = z.object({
  id: z.string(),
  created: z.boolean(),
  alerts: z.array(AlertSchema),
  suppressed: z.array(z.object({ scenarioId: z.string(), by: z.string() })),
});

export const AlertFilter = z.object({
  clientId: z.string().max(100).optional(),
  scenario: z.string().max(100).optional(),
  status: z.enum(['new', 'open', 'confirmed', 'dismissed', 'withdrawn']).optional(),
  caseId: z.string().max(100).optional(),
  source: z.enum(['inline', 'sweep', 'rescreen']).optional(),
  sweepId: z.string().max(100).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  id: z.array(z.string().max(100)).max(200).optional(),
});

/** Longest period a sweep on demand looks at. */
export const SWEEP_MAX_DAYS = 366;

export const SweepIn = z
  .object({
    clientIds: z.array(z.string().min(1).max(100)).min(1).max(10_000).optional(),
    /** the period of transactions looked at (anchors); default: the last `monitoring.sweepLookbackDays` */
    from: Instant.optional(),
    to: Instant.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.to && b.to.getTime() > Date.now() + 60_000)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period cannot end in the future' });
    if (b.from && b.to && b.from.getTime() >= b.to.getTime())
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'The period must start before it ends' });
    const end = b.to?.getTime() ?? Date.now();
    if (b.from && end - b.from.getTime() > SWEEP_MAX_DAYS * 86_400_000)
      ctx.addIssue({ code: 'custom', path: ['from'], message: `A sweep looks at ${SWEEP_MAX_DAYS} days at most` });
  });

export const SweepSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['running', 'completed', 'failed']),
  from: z.string(),
  to: z.string(),
  clientIds: z.array(z.string()).nullable(),
  scenarioId: z.string().nullable(),
  versionIds: z.array(z.string()),
  progress: z.object({
    clientsDone: z.number(),
    totalClients: z.number(),
    batchesDone: z.number(),
    percent: z.number(),
    cursor: z.string().nullable(),
  }),
  alertsCreated: z.number(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  workflowId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
