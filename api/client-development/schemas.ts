import { z } from 'zod';
import { LOST_REASONS, STAGES, TEMPERATURES } from '../../workflows/client-development/states';
import { TaskSchema } from '../tasks/view';
import { CaseBaseSchema } from '../cases/view';

const note = z.string().trim().max(4000).optional();
/** when the account manager is asked again (ISO date-time); default: one business day on */
const followUpAt = z.iso.datetime({ offset: true }).optional();
const lost = z.object({
  outcome: z.literal('lost'),
  reason: z.enum(LOST_REASONS.filter((r) => r !== 'kyc_rejected') as [string, ...string[]]),
  note,
});

/** The completion form of each step; `outcome` picks where the case goes. */
export const DEVELOPMENT_FORMS = {
  first_contact: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('contacted'), note }),
    z.object({ outcome: z.literal('no_answer'), followUpAt, note }),
    lost,
  ]),
  qualify: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('qualified'), note }),
    z.object({ outcome: z.literal('follow_up'), followUpAt, note }),
    lost,
  ]),
  /** submitted: the lead applied; it becomes a client and the KYC review starts */
  application: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('submitted'), note }),
    z.object({ outcome: z.literal('follow_up'), followUpAt, note }),
    lost,
  ]),
  first_deposit: z.discriminatedUnion('outcome', [z.object({ outcome: z.literal('followed_up'), followUpAt, note }), lost]),
  kyc_stuck: z.object({ outcome: z.literal('chased'), note }),
  deposit_failed: z.object({ outcome: z.literal('followed_up'), note }),
  no_trade: z.object({ outcome: z.literal('followed_up'), note }),
  dormant: z.object({ outcome: z.literal('followed_up'), note }),
};

const Person = z.object({ id: z.string(), name: z.string() });
const ms = z.string().nullable();

export const DevelopmentSchema = CaseBaseSchema.extend({
  lead: Person,
  stage: z.string(),
  temperature: z.enum(TEMPERATURES),
  source: z.string(),
  campaign: z.string().nullable(),
  introducingBrokerId: z.string().nullable(),
  accountManager: Person.nullable(),
  /** when each stage was first reached */
  stages: z.record(z.string(), z.string()),
  kycCaseId: z.string().nullable(),
  depositedAt: ms,
  tradedAt: ms,
  followUpAt: ms,
  lostReason: z.string().nullable(),
  lostNote: z.string().nullable(),
  lostFrom: z.string().nullable(),
  reopenCount: z.number().int(),
  returnedLeadIds: z.array(z.string()),
  tasks: z.array(TaskSchema).optional(),
});

export const DevelopmentFilter = {
  /** the lead a case began with */
  leadId: z.string().max(100).optional(),
  source: z.string().max(60).optional(),
  campaign: z.string().max(120).optional(),
  ib: z.string().max(100).optional(),
  accountManagerId: z.string().max(100).optional(),
  temperature: z.enum(TEMPERATURES).optional(),
  /** only the cases of leads I manage (agents see no others anyway) */
  mine: z.boolean().optional(),
};

export const FUNNEL_DIMENSIONS = ['source', 'campaign', 'ib', 'accountManager'] as const;

const StageFigures = z.object({
  /** cases that reached the stage */
  reached: z.number().int(),
  /** reached / cases opened in the period, in percent */
  conversion: z.number().nullable(),
  /** time in the stage of the cases that left it (to a later stage or lost), in hours */
  left: z.number().int(),
  avgHours: z.number().nullable(),
  medianHours: z.number().nullable(),
});

const FunnelRow = z.object({
  /** the dimension's value; null in the total row */
  key: z.string().nullable(),
  name: z.string().nullable(),
  cases: z.number().int(),
  lost: z.number().int(),
  stages: z.record(z.enum(STAGES), StageFigures),
});

export const FunnelSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.enum(FUNNEL_DIMENSIONS),
  stages: z.array(z.enum(STAGES)),
  total: FunnelRow,
  rows: z.array(FunnelRow),
});
