// The AML investigation as a pure state table: investigate the client's alerts, decide (false positive or
// escalate), and for an escalated case draft, approve (four eyes) and file a suspicious-activity report.
// docs/case-types/aml-case.md draws the same table.
import type { Role } from '../engine/types';
import { nextStateIn, type StateTable } from '../engine/state-table';

export const STEPS = ['investigate', 'decide', 'sar_draft', 'sar_approval', 'file_sar'] as const;
export type AmlStep = (typeof STEPS)[number];
export type AmlState = AmlStep | 'closed';

export const STEP_OUTCOMES = {
  investigate: ['findings_recorded'],
  decide: ['false_positive', 'escalate'],
  sar_draft: ['submitted'],
  sar_approval: ['approved', 'rejected'],
  file_sar: ['filed'],
} as const satisfies Record<AmlStep, readonly string[]>;

/** How a case ended. */
export const CLOSURES = ['false_positive', 'sar_filed', 'withdrawn'] as const;
export type Closure = (typeof CLOSURES)[number];

export type AmlEvent =
  | (typeof STEP_OUTCOMES)[AmlStep][number]
  /** every alert of the case was withdrawn (the list entry it matched was removed) before a decision */
  | 'alerts_withdrawn'
  | 'reopened';

const ANALYSTS: Role[] = ['aml_analyst', 'mlro', 'compliance_manager'];
const DECIDERS: Role[] = ['mlro', 'compliance_manager'];
/** Deciding and approving are for the MLRO and compliance managers; approval is four eyes. */
export const STEP_ROLES: Record<AmlStep, Role[]> = {
  investigate: ANALYSTS,
  decide: DECIDERS,
  sar_draft: ANALYSTS,
  sar_approval: DECIDERS,
  file_sar: DECIDERS,
};

export const TABLE: StateTable<AmlState, AmlEvent, Record<string, never>> = {
  investigate: { findings_recorded: 'decide', alerts_withdrawn: 'closed' },
  decide: { false_positive: 'closed', escalate: 'sar_draft', alerts_withdrawn: 'closed' },
  sar_draft: { submitted: 'sar_approval' },
  sar_approval: { approved: 'file_sar', rejected: 'sar_draft' },
  file_sar: { filed: 'closed' },
  closed: { reopened: 'investigate' },
};

export const nextState = (state: AmlState, event: AmlEvent): AmlState => nextStateIn('aml case', TABLE, state, event, {});

export const STATES = [...STEPS, 'closed'] as const satisfies readonly AmlState[];
export const STATUSES = ['open', 'closed'] as const;

export const statusOf = (state: AmlState): (typeof STATUSES)[number] => (state === 'closed' ? 'closed' : 'open');

export function isStep(state: AmlState): state is AmlStep {
  return (STEPS as readonly string[]).includes(state);
}

/** Steps before a decision: a case whose alerts are all withdrawn here closes by itself. */
export const BEFORE_DECISION: readonly AmlState[] = ['investigate', 'decide'];

/** More alerts, higher priority (1 is the highest); a sanctions match is always 1. */
export function priorityOf(alerts: number, sanctions: boolean): number {
  if (sanctions || alerts >= 5) return 1;
  return alerts >= 2 ? 2 : 3;
}
