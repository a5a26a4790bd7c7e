// The reference adapter: the documented JSON feed of docs/integrations.md. A platform that can send this
// format needs no adapter of its own.
import { z } from 'zod';
import { TRANSACTION_METHODS } from '../monitoring/ingest';
import { findUnstorable } from '../text';
import { FeedFormatError, type Adapter, type FeedEvent } from './types';

const MAX_EVENTS = 500;
const id = z.string().trim().min(1).max(200);
const decimal = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^-?\d{1,15}(\.\d{1,4})?$/, 'must be a decimal number with at most 15 digits before the point and 4 after'));
// margin_level is NUMERIC(12,2)
const percent = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,10}(\.\d{1,4})?$/, 'must be a percentage ≥ 0 with at most 10 digits before the point'));
const amount = decimal.refine((v) => !v.startsWith('-'), 'must not be negative');
const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code such as USD')
  .transform((v) => v.toUpperCase());
const base = {
  id,
  // not ahead of the server by more than a day: an event from the future would hold an account's figures
  occurredAt: z.iso
    .datetime({ offset: true })
    .transform((v) => new Date(v))
    .refine((d) => d.getTime() >= Date.UTC(1970, 0, 1), 'must not be before 1970')
    .refine((d) => d.getTime() <= Date.now() + 86_400_000, 'must not be more than a day ahead of the server’s clock'),
  clientId: id,
};

const AccountIn = z.object({
  ...base,
  type: z.literal('account'),
  platform: id,
  login: id,
  currency,
  leverage: z.number().int().min(1).max(10_000).nullable().default(null),
  balance: decimal,
  equity: decimal,
  marginLevel: percent.nullable().default(null),
  status: z.enum(['active', 'disabled', 'closed']).default('active'),
});
const MoneyIn = z.object({
  ...base,
  type: z.enum(['deposit', 'withdrawal']),
  transactionId: id,
  platform: id.nullable().default(null),
  login: id.nullable().default(null),
  amount,
  currency,
  method: z.enum(TRANSACTION_METHODS),
  status: z.enum(['completed', 'failed']),
});
const TradesIn = z.object({
  ...base,
  type: z.literal('trades'),
  transactionId: id,
  platform: id,
  login: id,
  volume: amount,
  pnl: decimal,
  trades: z.number().int().min(0),
  currency,
});

/** The reference feed's body: `{ "events": [...] }`, at most 500 events. */
export const ReferenceFeed = z.object({
  events: z
    .array(z.discriminatedUnion('type', [AccountIn, MoneyIn, TradesIn]))
    .min(1)
    .max(MAX_EVENTS),
});

export const referenceAdapter: Adapter = {
  name: 'reference',
  parse(raw: Buffer): FeedEvent[] {
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new FeedFormatError([{ path: 'body', message: 'must be JSON' }]);
    }
    const parsed = ReferenceFeed.safeParse(json);
    if (!parsed.success) {
      throw new FeedFormatError(
        parsed.error.issues.slice(0, 20).map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })),
      );
    }
    const unstorable = findUnstorable(parsed.data, ['body']);
    if (unstorable) throw new FeedFormatError([{ path: unstorable.path.join('.'), message: unstorable.reason }]);
    // an event repeated in one delivery is a duplicate like any other: apply.ts applies it once
    return parsed.data.events as FeedEvent[];
  },
};
