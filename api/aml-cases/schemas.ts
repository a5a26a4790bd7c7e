import { z } from 'zod';
import { CLOSURES } from '../../workflows/aml-case/states';
import { TaskSchema } from '../tasks/view';
import { CaseBaseSchema } from '../cases/view';
import { AlertSchema } from '../monitoring/schemas';

const text = (max: number) => z.string().trim().min(1).max(max);

/** The completion form of each step. */
export const AML_FORMS = {
  investigate: z.object({ outcome: z.literal('findings_recorded'), findings: text(20_000) }),
  decide: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('false_positive'), reason: text(4000) }),
    z.object({ outcome: z.literal('escalate'), reason: text(4000) }),
  ]),
  /** the report's narrative as the investigator edited it (start from GET /api/aml-cases/:id/sar) */
  sar_draft: z.object({ outcome: z.literal('submitted'), narrative: text(50_000) }),
  sar_approval: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('approved'), note: z.string().trim().max(4000).optional() }),
    z.object({ outcome: z.literal('rejected'), reason: text(4000) }),
  ]),
  /** the regulator's reference for the filed report */
  file_sar: z.object({ outcome: z.literal('filed'), reference: text(200) }),
};

export const AmlFilter = {
  scenario: z.string().max(100).optional(),
  closure: z.enum(CLOSURES).optional(),
};

export const SarSchema = z.object({
  status: z.string(),
  narrative: z.string(),
  generatedNarrative: z.string(),
  preparedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  submittedAt: z.string().nullable(),
  approvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  approvedAt: z.string().nullable(),
  filedAt: z.string().nullable(),
  filingReference: z.string().nullable(),
  /** true when no report exists yet: this is the generated draft, not stored */
  preview: z.boolean(),
});

export const AmlCaseSchema = CaseBaseSchema.extend({
  alertIds: z.array(z.string()),
  scenarios: z.array(z.string()),
  findings: z.string().nullable(),
  decision: z.string().nullable(),
  decisionReason: z.string().nullable(),
  closure: z.string().nullable(),
  sarReference: z.string().nullable(),
  reopenCount: z.number(),
  alerts: z.array(AlertSchema).optional(),
  tasks: z.array(TaskSchema).optional(),
});
