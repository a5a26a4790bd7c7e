import { z } from 'zod';
import { EDD_FLAGS, REVIEW_KINDS, RISK_BANDS } from '../../workflows/kyc-review/states';
import { SLA_STATES, TaskSchema } from '../tasks/view';
import { Day } from '../http/schemas';
import { cleanFileName } from './file-types';

const Person = z.object({ id: z.string(), name: z.string() });
const country = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code, e.g. GB');

export const PRODUCTS = ['shares', 'etf', 'bonds', 'fx_spot', 'options', 'cfd', 'crypto_cfd'] as const;
export const CHANNELS = ['in_person', 'online', 'introducer', 'non_face_to_face'] as const;

/** What KYC staff record about a client; every field optional so a PUT may change a few. */
export const ProfileInput = z.object({
  dateOfBirth: Day.nullable().optional(),
  nationality: country.nullable().optional(),
  residence: country.nullable().optional(),
  occupation: z.string().trim().min(1).max(100).nullable().optional(),
  industry: z.string().trim().min(1).max(100).nullable().optional(),
  declaredIncome: z.number().int().min(0).max(1e12).nullable().optional(),
  expectedDeposits: z.number().int().min(0).max(1e12).nullable().optional(),
  products: z.array(z.enum(PRODUCTS)).max(PRODUCTS.length).optional(),
  maxLeverage: z.number().int().min(1).max(2000).nullable().optional(),
  channel: z.enum(CHANNELS).nullable().optional(),
  pep: z.boolean().optional(),
  eddFlags: z.array(z.enum(EDD_FLAGS)).max(EDD_FLAGS.length).optional(),
  beneficialOwners: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(200),
        sharePercent: z.number().min(0).max(100),
        dateOfBirth: Day.optional(),
        nationality: country.optional(),
      }),
    )
    .max(50)
    .optional(),
});
export type ProfileInput = z.infer<typeof ProfileInput>;

export const CreateReview = z.object({
  clientId: z.string().min(1).max(100),
  kind: z.enum(REVIEW_KINDS).default('onboarding'),
  note: z.string().trim().max(2000).optional(),
  profile: ProfileInput.optional(),
});

export const DOCUMENT_KINDS = [
  'identity',
  'proof_of_address',
  'registration',
  'beneficial_owners',
  'source_of_funds',
  'source_of_wealth',
  'other',
] as const;

/** Document metadata travels in the query string; the body is the file itself. */
export const UploadQuery = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  /** control and bidirectional characters are removed, so the stored name reads as it displays */
  fileName: z
    .string()
    .transform(cleanFileName)
    .pipe(
      z
        .string()
        .trim()
        .min(1)
        .max(200)
        .regex(/^[^/\\]+$/, 'a file name, without folders'),
    ),
  docType: z.string().trim().min(1).max(50).optional(),
  number: z.string().trim().min(1).max(50).optional(),
  country: country.optional(),
  issuedAt: Day.optional(),
  expiresAt: Day.optional(),
  mrz: z.string().max(100).optional(),
});

export const DocumentSchema = z.object({
  id: z.string(),
  kind: z.string(),
  docType: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  number: z.string().nullable(),
  country: z.string().nullable(),
  issuedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  mrz: z.string().nullable(),
  uploadedBy: Person,
  uploadedAt: z.string(),
});

export const KycSummarySchema = z.object({
  clientId: z.string(),
  kycStatus: z.string(),
  riskBand: z.string().nullable(),
  nextReviewAt: z.string().nullable(),
  openReview: z.object({ id: z.string(), state: z.string(), status: z.string() }).nullable(),
});

const RiskSchema = z.object({
  round: z.number().int(),
  version: z.number().int(),
  score: z.number(),
  computedBand: z.enum(RISK_BANDS),
  band: z.enum(RISK_BANDS),
  factors: z.array(z.object({ factor: z.string(), value: z.unknown(), points: z.number(), note: z.string() })),
  floors: z.array(z.object({ band: z.string(), reason: z.string() })),
  override: z.object({ band: z.string(), reason: z.string(), by: Person, at: z.string() }).nullable(),
  createdAt: z.string(),
});

export const ReviewSchema = z.object({
  reference: z.string(),
  id: z.string(),
  kind: z.string().nullable(),
  client: Person.extend({ type: z.string(), kycStatus: z.string(), riskBand: z.string().nullable(), nextReviewAt: z.string().nullable() }),
  status: z.string(),
  state: z.string(),
  riskBand: z.string().nullable(),
  priority: z.number().int(),
  assignee: Person.nullable(),
  dueAt: z.string().nullable(),
  slaState: z.enum(SLA_STATES),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  decision: z.string().nullable(),
  note: z.string().nullable(),
  escalationLevel: z.number().int(),
  tasks: z.array(TaskSchema).optional(),
  checks: z
    .array(
      z.object({
        round: z.number(),
        check: z.string(),
        status: z.string(),
        blocking: z.boolean(),
        detail: z.unknown(),
        checkedAt: z.string(),
      }),
    )
    .optional(),
  risk: RiskSchema.nullable().optional(),
  hits: z
    .array(
      z.object({
        id: z.string(),
        round: z.number(),
        subject: z.string(),
        subjectRole: z.string(),
        list: z.string(),
        entryId: z.string(),
        entryName: z.string(),
        matchedName: z.string(),
        score: z.number(),
        explanation: z.unknown(),
        decision: z.string().nullable(),
        reason: z.string().nullable(),
        decidedBy: Person.nullable(),
        decidedAt: z.string().nullable(),
      }),
    )
    .optional(),
  documents: z.array(DocumentSchema).optional(),
  messages: z
    .array(
      z.object({
        id: z.string(),
        template: z.string(),
        subject: z.string(),
        recipient: z.string(),
        createdAt: z.string(),
        sentAt: z.string().nullable(),
      }),
    )
    .optional(),
  nextReview: z.object({ caseId: z.string(), startsAt: z.string() }).nullable().optional(),
});
export type ReviewView = z.infer<typeof ReviewSchema>;
