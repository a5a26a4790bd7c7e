// Request bodies and filters of the client endpoints.
import { z } from 'zod';
import { Day, Timestamp } from '../http/schemas';

export const TIERS = ['standard', 'silver', 'gold', 'platinum'] as const;
export const Iso2 = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code, e.g. GB');
/** a date YYYY-MM-DD between 1900 and 2200 (PostgreSQL has no year 0000: such a date was a 500) */
export const DateOnly = Day;
export const Language = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language tag, e.g. en or zh-CN');
const text = (max: number) => z.string().trim().min(1).max(max);

export const ContactIn = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('email'), value: z.email().max(254), label: text(40).optional(), primary: z.boolean().optional() }),
  z.object({ kind: z.literal('phone'), value: text(40), label: text(40).optional(), primary: z.boolean().optional() }),
]);

export const RelatedPersonIn = z
  .object({
    role: z.enum(['director', 'beneficial_owner', 'authorised_signatory', 'shareholder']),
    firstName: text(100).optional(),
    lastName: text(100).optional(),
    name: text(200).optional(),
    dateOfBirth: DateOnly.optional(),
    nationality: Iso2.optional(),
    sharePercent: z.number().gt(0).max(100).optional(),
  })
  .refine((p) => p.name || (p.firstName && p.lastName), { message: 'a name, or a first and last name', path: ['name'] })
  .refine((p) => p.role !== 'beneficial_owner' || (p.sharePercent ?? 0) >= 25, {
    message: 'a beneficial owner holds 25 % or more: give sharePercent',
    path: ['sharePercent'],
  });

export const ClientPatch = z
  .object({
    firstName: text(100).nullable().optional(),
    lastName: text(100).nullable().optional(),
    legalName: text(200).nullable().optional(),
    registrationNumber: text(60).nullable().optional(),
    dateOfBirth: DateOnly.nullable().optional(),
    nationality: Iso2.nullable().optional(),
    nationalId: text(40).nullable().optional(),
    country: Iso2.nullable().optional(),
    tier: z.enum(TIERS).optional(),
    language: Language.nullable().optional(),
    segment: text(40).nullable().optional(),
    tags: z.array(text(40)).max(50).optional(),
    contacts: z.array(ContactIn).max(20).optional(),
    relatedPersons: z.array(RelatedPersonIn).max(50).optional(),
    /** supervisors only: owner, branch and introducing broker */
    accountManagerId: z.string().min(1).max(100).nullable().optional(),
    introducingBrokerId: z.string().min(1).max(100).nullable().optional(),
    branchId: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type ClientPatch = z.infer<typeof ClientPatch>;

/** Fields only a role that supervises client books may change. */
export const OWNER_FIELDS = ['accountManagerId', 'introducingBrokerId', 'branchId'] as const;

export const ClientFilter = z
  .object({
    /** search text: name (fuzzy, any script), e-mail, phone in any format, account login, document number, client id */
    q: z.string().max(200).optional(),
    branchId: z.string().max(100).optional(),
    accountManagerId: z.string().max(100).optional(),
    introducingBrokerId: z.string().max(100).optional(),
    tier: z.enum(TIERS).optional(),
    tag: z.string().max(40).optional(),
    kycStatus: z.string().max(40).optional(),
    id: z.array(z.string()).max(200).optional(),
  })
  .strict();

/**
 * A bound on a time (when a transaction was booked, an interaction happened): a time with its offset (ISO 8601),
 * or a day (YYYY-MM-DD, in UTC): `from` a day's start, `to` its end (the day is included). As an ISO instant (UTC).
 */
export const timeBound = (edge: 'from' | 'to') =>
  z
    .string()
    .max(40)
    .transform((s, ctx) => {
      const day = /^\d{4}-\d{2}-\d{2}$/.test(s);
      const parsed = (day ? Day : Timestamp).safeParse(s);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'a day (YYYY-MM-DD) or a time with its offset (ISO 8601)' });
        return z.NEVER;
      }
      if (!day) return parsed.data;
      const d = new Date(`${s}T00:00:00Z`);
      if (edge === 'to') d.setUTCDate(d.getUTCDate() + 1);
      return d.toISOString();
    });

/** `to` after `from`, when both are given. */
const fromBeforeTo = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from < f.to;

export const TRANSACTION_TYPES = ['deposit', 'withdrawal', 'transfer', 'trade'] as const;
export const TRANSACTION_STATUSES = ['pending', 'completed', 'failed', 'cancelled', 'reversed'] as const;

/** The filter of a client's transactions; the cross-client list (GET /api/transactions) adds the client. */
const transactionFilterFields = {
  type: z.enum(TRANSACTION_TYPES).optional(),
  status: z.enum(TRANSACTION_STATUSES).optional(),
  accountId: z.string().max(100).optional(),
  /** booked at or after */
  from: timeBound('from').optional(),
  /** booked before (a day: on or before that day) */
  to: timeBound('to').optional(),
};

export const TransactionFilter = z
  .object(transactionFilterFields)
  .strict()
  .refine(fromBeforeTo, { message: 'must be after from', path: ['to'] });

/** GET /api/transactions: a client's filter, and the client. */
export const TransactionListFilter = z
  .object({ ...transactionFilterFields, clientId: z.string().max(100).optional() })
  .strict()
  .refine(fromBeforeTo, { message: 'must be after from', path: ['to'] });

export const INTERACTION_KINDS = ['call', 'email', 'chat', 'meeting', 'note', 'system'] as const;
export const INTERACTION_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;

/** GET /api/interactions */
export const InteractionListFilter = z
  .object({
    kind: z.enum(INTERACTION_KINDS).optional(),
    /** as the sending system names it (phone, web chat, WhatsApp…): exact */
    channel: z.string().max(40).optional(),
    direction: z.enum(INTERACTION_DIRECTIONS).optional(),
    agentId: z.string().max(100).optional(),
    clientId: z.string().max(100).optional(),
    /** happened at or after */
    from: timeBound('from').optional(),
    /** happened before (a day: on or before that day) */
    to: timeBound('to').optional(),
  })
  .strict()
  .refine(fromBeforeTo, { message: 'must be after from', path: ['to'] });

/** GET /api/accounts */
export const AccountListFilter = z
  .object({
    platform: z.string().max(40).optional(),
    currency: z
      .string()
      .regex(/^[A-Z0-9]{3,6}$/, 'a currency code, e.g. USD')
      .optional(),
    clientId: z.string().max(100).optional(),
    /** the login on its platform: exact */
    login: z.string().max(100).optional(),
    status: z.enum(['active', 'disabled', 'closed']).optional(),
  })
  .strict();

export const HandoverBody = z
  .object({
    from: z.string().min(1).max(100),
    to: z.string().min(1).max(100),
    /** only these clients of `from` (default: the whole book in your scope) */
    clientIds: z.array(z.string().min(1).max(100)).min(1).max(10_000).optional(),
    /** also move `from`'s open leads (default true) */
    leads: z.boolean().default(true),
    reason: text(500).optional(),
  })
  .strict()
  .refine((b) => b.from !== b.to, { message: 'from and to are the same person', path: ['to'] });

export const InteractionBase = z.object({
  kind: z.enum(INTERACTION_KINDS),
  direction: z.enum(INTERACTION_DIRECTIONS).optional(),
  channel: text(40).optional(),
  subject: text(300).optional(),
  body: z.string().max(20_000).optional(),
  durationSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .optional(),
  outcome: text(80).optional(),
  /** a call recording or the message in the e-mail system */
  link: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  occurredAt: Timestamp.optional(),
  externalId: text(200).optional(),
});

export const ClientInteractionBody = InteractionBase.extend({
  /** who had the interaction (default: you) */
  agentId: z.string().min(1).max(100).optional(),
}).strict();
