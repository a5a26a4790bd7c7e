import { loadCaseContext } from '../../platform/case-context';
import { defineCaseTypeActivities, type SlaPolicyDefault } from '../engine/case-type';
import { complaintCase } from '../../workflows/complaint/definition';
import type { CaseContext } from '../../workflows/engine/types';

/** step → [business days, business hours for high severity] */
const STEP_TARGETS: Record<string, [number, number]> = {
  acknowledge: [1, 4],
  investigate: [5, 16],
  propose_resolution: [2, 8],
  approval: [1, 4],
  final_response: [1, 4],
};

const SLA_DEFAULTS: SlaPolicyDefault[] = [
  // Case deadline: 8 weeks (40 business days) as the UK rule (FCA DISP 1.6), 15 business days for high severity.
  { step: '_case', businessDays: 40 },
  { step: '_case', severity: 'high', businessDays: 15 },
  ...Object.entries(STEP_TARGETS).flatMap(([step, [days, highHours]]) => [
    { step, businessDays: days },
    { step, severity: 'high', businessHours: highHours, escalateAfterMinutes: 120 },
  ]),
];

export const complaintActivities = defineCaseTypeActivities({
  definition: complaintCase,
  slaDefaults: SLA_DEFAULTS,
  create: (db) => ({
    async loadComplaintContext(input: { clientId: string; category: string; severity: string }): Promise<CaseContext> {
      const ctx = await loadCaseContext(db.pool, {
        ...input,
        caseType: complaintCase.type,
        teamName: complaintCase.teamName,
        steps: [...complaintCase.steps],
        settings: complaintCase.settings,
      });
      return {
        ...ctx,
        settings: {
          reopenWindowDays: ctx.settings['complaint.reopenWindowDays'],
          clientWaitBusinessDays: ctx.settings['complaint.clientWaitBusinessDays'],
        },
      };
    },
  }),
});

export type ComplaintActivities = ReturnType<typeof complaintActivities.create>;
