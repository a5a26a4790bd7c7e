// What each kind of import takes (docs/crm.md "Imports"): its fields, the columns that map to them by
// default (the name folded: lower case, letters and digits only, so "First Name", first_name and firstName
// are one column) and the zod schema a row must pass. Leads use POST /api/leads's schema.
import { z } from 'zod';
import { CreateLeadBody, Country, Day, Language } from '../crm/lead-input';
import { TRANSACTION_METHODS, TRANSACTION_TYPES } from '../monitoring/ingest';

export const IMPORT_KINDS = ['leads', 'clients', 'accounts', 'transactions'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const Iso2 = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code, e.g. GB'));
const Currency = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code, e.g. USD'));
/** a decimal written with a point, at most 4 decimals, kept as text (never a binary float) */
const decimal = (opts: { negative?: boolean } = {}) =>
  z
    .string()
    .trim()
    .regex(
      opts.negative ? /^-?\d{1,16}(\.\d{1,4})?$/ : /^\d{1,16}(\.\d{1,4})?$/,
      `a decimal number${opts.negative ? '' : ' ≥ 0'}, e.g. 1250.50`,
    );
/** an instant: ISO 8601 with an offset, or a day (read as midnight UTC) */
const Instant = z
  .string()
  .trim()
  .transform((s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s))
  .pipe(z.iso.datetime({ offset: true }))
  .transform((s) => new Date(s))
  .refine((d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 2200, 'a time between 1900 and 2200');

export const ClientRow = z
  .object({
    /** the client's id in the CRM (e.g. the back office's client number): a second import of it changes nothing */
    id: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'letters, digits and . _ : - (at most 64)'),
    type: z.enum(['individual', 'corporate']).default('individual'),
    firstName: text(100).optional(),
    lastName: text(100).optional(),
    legalName: text(200).optional(),
    dateOfBirth: Day.optional(),
    nationality: Iso2.optional(),
    nationalId: text(40).optional(),
    country: Iso2.optional(),
    branchId: text(100).optional(),
    accountManagerId: text(100).optional(),
    ib: text(100).optional(),
    tier: z.enum(['standard', 'silver', 'gold', 'platinum']).optional(),
    language: Language.optional(),
    segment: text(40).optional(),
    email: z.email().max(254).optional(),
    phone: text(40).optional(),
    kycStatus: z.enum(['pending', 'in_review', 'approved', 'rejected', 'expired']).optional(),
  })
  .strict()
  .refine((c) => (c.type === 'corporate' ? !!c.legalName : !!(c.firstName && c.lastName)), {
    message: 'an individual needs firstName and lastName, a corporate client legalName',
    path: ['lastName'],
  });

export const AccountRow = z
  .object({
    clientId: text(100),
    platform: text(40),
    login: text(64),
    currency: Currency,
    leverage: z
      .string()
      .trim()
      .regex(/^\d{1,5}$/, 'a whole number, e.g. 100')
      .transform(Number)
      .optional(),
    balance: decimal({ negative: true }).default('0'),
    equity: decimal({ negative: true }).default('0'),
    marginLevel: decimal().optional(),
    status: z.enum(['active', 'disabled', 'closed']).default('active'),
    /** when the figures were true (default: the upload): older figures than the account holds change nothing */
    asOf: Instant.optional(),
  })
  .strict();

export const TransactionRow = z
  .object({
    clientId: text(100),
    /** the transaction's id in the system it comes from: each is stored once per source */
    externalId: text(100),
    type: z.enum(TRANSACTION_TYPES),
    amount: decimal(),
    currency: Currency,
    method: z.enum(TRANSACTION_METHODS).optional(),
    status: z.enum(['pending', 'completed', 'failed', 'cancelled', 'reversed']).default('completed'),
    bookedAt: Instant,
    platform: text(40).optional(),
    login: text(64).optional(),
    counterpartyName: text(200).optional(),
    counterpartyCountry: Country.optional(),
    instrument: text(40).optional(),
    pnl: decimal({ negative: true }).optional(),
  })
  .strict()
  .refine((t) => !t.login || t.platform, { message: 'a login needs its platform', path: ['platform'] })
  .refine((t) => t.type === 'trade' || t.method, { message: 'deposits, withdrawals and transfers need a method', path: ['method'] });

const LEAD_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'country',
  'source',
  'campaign',
  'ib',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'utmTerm',
  'utmContent',
  'dateOfBirth',
  'language',
  'temperature',
] as const;

export interface KindSpec {
  fields: readonly string[];
  /** fields the header must map (leads: source unless the job gives one) */
  required: readonly string[];
  schema: z.ZodType;
}

const fieldsOf = (schema: z.ZodObject) => Object.keys(schema.shape);

export const KINDS: Record<ImportKind, KindSpec> = {
  leads: { fields: LEAD_FIELDS, required: ['firstName', 'lastName'], schema: CreateLeadBody },
  clients: { fields: fieldsOf(ClientRow), required: ['id'], schema: ClientRow },
  accounts: { fields: fieldsOf(AccountRow), required: ['clientId', 'platform', 'login', 'currency'], schema: AccountRow },
  transactions: {
    fields: fieldsOf(TransactionRow),
    required: ['clientId', 'externalId', 'type', 'amount', 'currency', 'bookedAt'],
    schema: TransactionRow,
  },
};

export const fold = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Aliases a file may use besides the field's own name. */
const ALIASES: Record<string, string> = { introducingbrokerid: 'ib', introducingbroker: 'ib', accountlogin: 'login' };

/** What each field holds, as GET /api/imports/kinds tells the console (one entry per field of every kind). */
const DESCRIPTIONS: Record<string, string> = {
  id: "the client's id in the CRM, e.g. the back office's client number (letters, digits and . _ : -, at most 64); an id the CRM has is refused",
  type: 'clients: individual (default) or corporate; transactions: deposit, withdrawal, transfer or trade',
  firstName: 'first name (an individual needs it)',
  lastName: 'last name (an individual needs it)',
  legalName: "a corporate client's registered name",
  email: 'e-mail address',
  phone: 'phone number, with its country code or a country column',
  country: 'country of residence, ISO 3166-1 alpha-2 (GB)',
  source: 'where the lead came from (required unless the import gives one)',
  campaign: 'the marketing campaign',
  ib: "the introducing broker's id",
  utmSource: 'utm_source of the landing page',
  utmMedium: 'utm_medium of the landing page',
  utmCampaign: 'utm_campaign of the landing page',
  utmTerm: 'utm_term of the landing page',
  utmContent: 'utm_content of the landing page',
  dateOfBirth: 'date of birth, YYYY-MM-DD',
  language: 'preferred language, a language tag (en, zh-CN)',
  temperature: 'cold, warm or hot',
  nationality: 'nationality, ISO 3166-1 alpha-2',
  nationalId: 'national id number',
  branchId: "the branch's id (default: the uploader's branch)",
  accountManagerId: "the account manager's user id",
  tier: 'standard, silver, gold or platinum',
  segment: 'a free segment label',
  kycStatus: 'pending, in_review, approved, rejected or expired',
  clientId: "the client's id in the CRM",
  platform: 'the trading platform, e.g. MT5',
  login: 'the account login on the platform (a transaction: with its platform)',
  currency: 'ISO 4217 currency code (USD)',
  leverage: 'a whole number, e.g. 100',
  balance: 'a decimal with a point, e.g. 1250.50 (default 0)',
  equity: 'a decimal with a point (default 0)',
  marginLevel: 'a decimal ≥ 0',
  status: 'accounts: active (default), disabled or closed; transactions: completed (default), pending, failed, cancelled or reversed',
  asOf: 'when the figures were true (ISO 8601 or a day; default the upload): older figures than the account holds change nothing',
  externalId: 'the transaction id in the system it comes from: stored once per source',
  amount: 'a decimal ≥ 0 with a point, e.g. 500.00',
  method: `how money moved: ${TRANSACTION_METHODS.join(', ')} (deposits, withdrawals and transfers need it)`,
  bookedAt: 'when it was booked: ISO 8601 with an offset, or a day (midnight UTC)',
  counterpartyName: 'who paid or was paid',
  counterpartyCountry: "the counterparty's country, ISO 3166-1 alpha-2",
  instrument: 'the traded instrument, e.g. EURUSD',
  pnl: 'profit or loss of a trade, a decimal (may be negative)',
};

export interface KindField {
  name: string;
  /** the header must have a column for it (leads' source: unless the import gives one) */
  required: boolean;
  description: string;
  /** other column names that fill it, folded (lower case, letters and digits only) */
  aliases: string[];
}

/** The fields of a kind as GET /api/imports/kinds gives them, in file order. */
export const kindFields = (kind: ImportKind): KindField[] =>
  KINDS[kind].fields.map((name) => ({
    name,
    required: KINDS[kind].required.includes(name),
    description: DESCRIPTIONS[name] ?? name,
    aliases: Object.entries(ALIASES)
      .filter(([, f]) => f === name)
      .map(([a]) => a),
  }));

export interface ColumnMapping {
  /** per file column, the field it fills, or '' when it is left out */
  fields: string[];
  errors: { path: string; message: string }[];
}

/**
 * The field of each column: the explicit mapping (file column → field, '' to leave a column out) first,
 * else the column's folded name. Unknown columns, a field filled twice and required fields missing are errors.
 */
export function mapColumns(
  kind: ImportKind,
  header: string[],
  mapping: Record<string, string> | undefined,
  hasSource: boolean,
): ColumnMapping {
  const spec = KINDS[kind];
  const byFold = new Map(spec.fields.map((f) => [fold(f), f]));
  const errors: { path: string; message: string }[] = [];
  for (const [column, field] of Object.entries(mapping ?? {})) {
    if (!header.includes(column)) errors.push({ path: `body.mapping.${column}`, message: 'the file has no such column' });
    if (field !== '' && !spec.fields.includes(field))
      errors.push({
        path: `body.mapping.${column}`,
        message: `not a field of ${kind}: one of ${spec.fields.join(', ')}, or '' to leave it out`,
      });
  }
  const fields = header.map((h) => {
    if (mapping && Object.hasOwn(mapping, h)) return spec.fields.includes(mapping[h]) ? mapping[h] : '';
    const f = byFold.get(fold(h)) ?? byFold.get(ALIASES[fold(h)] ? fold(ALIASES[fold(h)]) : '');
    if (!f) errors.push({ path: 'body.content', message: `unknown column "${h}": map it to a field (mapping) or to '' to leave it out` });
    return f ?? '';
  });
  const seen = new Set<string>();
  for (const f of fields) {
    if (f && seen.has(f)) errors.push({ path: 'body.mapping', message: `two columns fill the field ${f}` });
    seen.add(f);
  }
  for (const r of spec.required)
    if (!fields.includes(r)) errors.push({ path: 'body.content', message: `the header lacks the column ${r}` });
  if (kind === 'leads' && !fields.includes('source') && !hasSource)
    errors.push({ path: 'body.content', message: 'the header lacks the column source (or give the job a source)' });
  return { fields, errors };
}
