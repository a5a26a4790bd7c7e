export const caseTypes = ['complaint'] as const;
export const taskStatuses = ['open', 'claimed', 'completed', 'cancelled'] as const;
export const steps = ['acknowledge', 'investigate', 'propose_resolution', 'approval', 'final_response'] as const;

export interface OutcomeField {
  name: string;
  kind: 'text' | 'number' | 'rootCause';
  required: boolean;
}

/** What each step's completion form accepts (docs/api.md, "Complaint steps and their completion forms"). */
export const stepOutcomes: Record<string, Record<string, OutcomeField[]>> = {
  acknowledge: { acknowledged: [{ name: 'note', kind: 'text', required: false }] },
  investigate: {
    findings_recorded: [{ name: 'findings', kind: 'text', required: true }],
    awaiting_client: [{ name: 'request', kind: 'text', required: true }],
  },
  propose_resolution: {
    proposed: [
      { name: 'resolution', kind: 'text', required: true },
      { name: 'compensation', kind: 'number', required: false },
    ],
  },
  approval: {
    approved: [{ name: 'note', kind: 'text', required: false }],
    rejected: [{ name: 'note', kind: 'text', required: true }],
  },
  final_response: {
    sent: [
      { name: 'responseSummary', kind: 'text', required: true },
      { name: 'rootCause', kind: 'rootCause', required: true },
    ],
  },
};
