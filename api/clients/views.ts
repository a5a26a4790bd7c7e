// What the client endpoints answer, and the masking applied to it.
import { z } from 'zod';
import { maskIdentifier } from '../../platform/crm/names';
import type { ClientGrant } from '../access';

const Person = z.object({ id: z.string(), name: z.string() });
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A row of the client list and search; the same fields head the client 360. */
export const ClientSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  legalName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  country: z.string().nullable(),
  branchId: z.string(),
  accountManagerId: z.string().nullable(),
  introducingBrokerId: z.string().nullable(),
  tier: z.string(),
  tags: z.array(z.string()),
  segment: z.string().nullable(),
  kycStatus: z.string(),
  riskBand: z.string().nullable(),
  nextReviewAt: z.string().nullable(),
  createdAt: z.string(),
  /** search only: what the text matched and how well (1 = exact) */
  matched: z.array(z.string()).optional(),
  score: z.number().optional(),
});
export type ClientView = z.infer<typeof ClientSchema>;

/** The columns a client row is read with (timestamps without zone are UTC). */
export const CLIENT_COLUMNS = `c.id, c.name, c.type, c.first_name, c.last_name, c.legal_name, c.registration_number,
  c.date_of_birth::text AS date_of_birth, c.nationality, c.national_id, c.email, c.phone, c.country, c.branch_id,
  c.account_manager_id, c.introducing_broker_id, c.tier, c.language, c.tags, c.segment, c.kyc_status, c.risk_band,
  c.next_review_at AT TIME ZONE 'UTC' AS next_review_at, c.created_at AT TIME ZONE 'UTC' AS created_at,
  c.updated_at AT TIME ZONE 'UTC' AS updated_at`;

export interface ClientRow {
  id: string;
  name: string;
  type: string;
  first_name: string | null;
  last_name: string | null;
  legal_name: string | null;
  registration_number: string | null;
  date_of_birth: string | null;
  nationality: string | null;
  national_id: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  branch_id: string;
  account_manager_id: string | null;
  introducing_broker_id: string | null;
  tier: string;
  language: string | null;
  tags: string[];
  segment: string | null;
  kyc_status: string;
  risk_band: string | null;
  next_review_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const toClientView = (c: ClientRow): ClientView => ({
  id: c.id,
  name: c.name,
  type: c.type,
  firstName: c.first_name,
  lastName: c.last_name,
  legalName: c.legal_name,
  email: c.email,
  phone: c.phone,
  country: c.country,
  branchId: c.branch_id,
  accountManagerId: c.account_manager_id,
  introducingBrokerId: c.introducing_broker_id,
  tier: c.tier,
  tags: c.tags,
  segment: c.segment,
  kycStatus: c.kyc_status,
  riskBand: c.risk_band,
  nextReviewAt: iso(c.next_review_at),
  createdAt: c.created_at.toISOString(),
});

/** Identity as the user may see it: national id masked unless the grant allows it. */
export function identityOf(c: ClientRow, grant: ClientGrant) {
  return {
    registrationNumber: c.registration_number,
    dateOfBirth: c.date_of_birth,
    nationality: c.nationality,
    nationalId: grant.nationalId ? c.national_id : maskIdentifier(c.national_id),
    language: c.language,
    updatedAt: c.updated_at.toISOString(),
  };
}

export const ContactSchema = z.object({
  kind: z.enum(['email', 'phone']),
  value: z.string(),
  normalized: z.string(),
  label: z.string().nullable(),
  primary: z.boolean(),
});

export const RelatedPersonSchema = z.object({
  id: z.string(),
  role: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  name: z.string(),
  dateOfBirth: z.string().nullable(),
  nationality: z.string().nullable(),
  sharePercent: z.number().nullable(),
});

export const AccountSchema = z.object({
  id: z.string(),
  platform: z.string(),
  login: z.string(),
  currency: z.string(),
  leverage: z.number().nullable(),
  balance: z.string(),
  equity: z.string(),
  marginLevel: z.string().nullable(),
  status: z.string(),
  openedAt: z.string(),
  updatedAt: z.string(),
});

/** Money is a decimal string (no binary rounding). */
export const TransactionSchema = z.object({
  id: z.string(),
  accountId: z.string().nullable(),
  source: z.string(),
  externalId: z.string(),
  type: z.string(),
  amount: z.string(),
  currency: z.string(),
  method: z.string().nullable(),
  status: z.string(),
  bookedAt: z.string(),
  counterparty: z.object({ name: z.string().nullable(), country: z.string().nullable() }),
  instrument: z.string().nullable(),
  pnl: z.string().nullable(),
});

export const TradingSummarySchema = z.object({
  byCurrency: z.array(
    z.object({
      currency: z.string(),
      trades: z.number().int(),
      volume: z.string(),
      pnl: z.string(),
      deposits: z.string(),
      withdrawals: z.string(),
      lastTradeAt: z.string().nullable(),
    }),
  ),
  lastTradeAt: z.string().nullable(),
});

export const TimelineItemSchema = z.object({
  id: z.string(),
  at: z.string(),
  /** interaction (call, e-mail, chat, meeting, note, system), case (a case event) or audit (a client edit) */
  source: z.enum(['interaction', 'case', 'audit']),
  type: z.string(),
  actor: Person.nullable(),
  caseId: z.string().nullable(),
  caseType: z.string().nullable(),
  reference: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});

export const DocumentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.string(),
  docType: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  number: z.string().nullable(),
  country: z.string().nullable(),
  issuedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  uploadedAt: z.string(),
});

export const Client360Schema = ClientSchema.extend({
  registrationNumber: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  nationality: z.string().nullable(),
  /** masked (all but the last characters) for roles that may not see it */
  nationalId: z.string().nullable(),
  language: z.string().nullable(),
  updatedAt: z.string(),
  branch: Person,
  accountManager: Person.nullable(),
  introducingBroker: Person.nullable(),
  kyc: z.object({ status: z.string(), riskBand: z.string().nullable(), nextReviewAt: z.string().nullable() }),
  contacts: z.array(ContactSchema),
  relatedPersons: z.array(RelatedPersonSchema),
  accounts: z.array(AccountSchema),
  tradingSummary: TradingSummarySchema,
  transactions: z.object({ items: z.array(TransactionSchema), total: z.number().int() }),
  openCases: z.array(
    z.object({
      id: z.string(),
      caseType: z.string(),
      reference: z.string(),
      state: z.string(),
      status: z.string(),
      summary: z.string().nullable(),
      assigneeId: z.string().nullable(),
      dueAt: z.string().nullable(),
      openedAt: z.string(),
    }),
  ),
  openTasks: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      caseType: z.string(),
      step: z.string(),
      status: z.string(),
      assigneeId: z.string().nullable(),
      dueAt: z.string(),
    }),
  ),
  /** null when the user may not see documents */
  documents: z.array(DocumentSchema).nullable(),
  timeline: z.array(TimelineItemSchema),
  /** what was hidden from this user */
  masked: z.array(z.enum(['nationalId', 'documents'])),
  /** the user may edit the client and log interactions with it (PATCH, POST interactions) */
  mayEdit: z.boolean(),
});
