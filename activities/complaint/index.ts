import type { Db } from '../../api/db';
import { loadCaseContext } from '../engine/context';
import { STEPS } from '../../workflows/complaint/states';
import type { CaseContext } from '../../workflows/engine/types';

/** Complaint settings an operator may change (table `settings`); these are the defaults. */
export const COMPLAINT_SETTINGS = {
  /** calendar days after closing in which the client may reopen */
  'complaint.reopenWindowDays': 30,
  /** business days the case waits on the client before investigation resumes anyway */
  'complaint.clientWaitBusinessDays': 10,
};

export function createComplaintActivities(db: Db) {
  return {
    async loadComplaintContext(input: { clientId: string; category: string; severity: string }): Promise<CaseContext> {
      const ctx = await loadCaseContext(db.prisma, {
        ...input,
        caseType: 'complaint',
        teamName: 'Complaints',
        steps: [...STEPS],
        settings: COMPLAINT_SETTINGS,
      });
      return {
        ...ctx,
        settings: {
          reopenWindowDays: ctx.settings['complaint.reopenWindowDays'],
          clientWaitBusinessDays: ctx.settings['complaint.clientWaitBusinessDays'],
        },
      };
    },
  };
}

export type ComplaintActivities = ReturnType<typeof createComplaintActivities>;
