// The internal request as a pure state table: one team asks another for something about a client (a
// document, a callback, a data correction); the receiving team fulfils it, declines it, or asks the
// requester a question first. docs/case-types/internal-request.md draws the same table.
import { nextStateIn, type StateTable } from '../engine/state-table';

export const KINDS = ['document', 'callback', 'data_correction', 'other'] as const;
export type RequestKind = (typeof KINDS)[number];

export const STEPS = ['fulfil'] as const;
export type RequestStep = (typeof STEPS)[number];
export type RequestState = RequestStep | 'awaiting_requester' | 'closed';

export const STEP_OUTCOMES = {
  fulfil: ['fulfilled', 'declined', 'need_info'],
} as const satisfies Record<RequestStep, readonly string[]>;

export type RequestEvent = (typeof STEP_OUTCOMES)['fulfil'][number] | 'requester_answered';

export const TABLE: StateTable<RequestState, RequestEvent, Record<string, never>> = {
  fulfil: { fulfilled: 'closed', declined: 'closed', need_info: 'awaiting_requester' },
  awaiting_requester: { requester_answered: 'fulfil' },
  closed: {},
};

export const nextState = (state: RequestState, event: RequestEvent): RequestState =>
  nextStateIn('internal request', TABLE, state, event, {});

export const STATES = Object.keys(TABLE) as RequestState[];
export const STATUSES = ['open', 'awaiting_requester', 'closed'] as const;

export function statusOf(state: RequestState): (typeof STATUSES)[number] {
  return state === 'closed' || state === 'awaiting_requester' ? state : 'open';
}

/** An urgent request sits at the top of the receiving team's queue. */
export const priorityOf = (urgent: boolean) => (urgent ? 1 : 3);
