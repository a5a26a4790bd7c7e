import { loadCaseContext } from '../../platform/case-context';
import { defineCaseTypeActivities } from '../engine/case-type';
import { internalRequestCase } from '../../workflows/internal-request/definition';
import type { CaseContext } from '../../workflows/engine/types';

export const internalRequestActivities = defineCaseTypeActivities({
  definition: internalRequestCase,
  // urgent requests are the `urgent` severity of the policy table
  slaDefaults: [
    { step: '_case', businessDays: 3 },
    { step: '_case', severity: 'urgent', businessDays: 1 },
    { step: 'fulfil', businessDays: 2 },
    { step: 'fulfil', severity: 'urgent', businessHours: 4, escalateAfterMinutes: 120 },
  ],
  create: (db) => ({
    loadInternalRequestContext(input: { clientId: string; teamId: string; kind: string; urgent: boolean }): Promise<CaseContext> {
      return loadCaseContext(db.pool, {
        clientId: input.clientId,
        caseType: internalRequestCase.type,
        teamName: internalRequestCase.teamName,
        teamId: input.teamId,
        steps: [...internalRequestCase.steps],
        category: input.kind,
        severity: input.urgent ? 'urgent' : 'normal',
        settings: internalRequestCase.settings,
      });
    },
  }),
});

export type InternalRequestActivities = ReturnType<typeof internalRequestActivities.create>;
