import { describe, expect, it } from 'vitest';
import { eventsOf } from '../../workflows/engine/state-table';
import {
  LOST_REASONS,
  STAGES,
  STAGE_STEP,
  STATES,
  STATUSES,
  TEMPERATURES,
  WORKERS,
  STEPS,
  STEP_OUTCOMES,
  TABLE,
  leadStatusOf,
  nextState,
  priorityOf,
  stageIndex,
  statusOf,
  type DevelopmentEvent,
  type DevelopmentState,
} from '../../workflows/client-development/states';
import { clientDevelopmentCase } from '../../workflows/client-development/definition';

const walk = (events: DevelopmentEvent[], from: DevelopmentState = 'new') =>
  events.reduce<DevelopmentState[]>((path, e) => [...path, nextState(path[path.length - 1], e)], [from]);

describe('client-development state table', () => {
  it('takes a lead through every stage to an active trader', () => {
    expect(walk(['contacted', 'qualified', 'submitted', 'kyc_started', 'kyc_approved', 'deposited', 'traded'])).toEqual([...STAGES]);
  });

  it('skips the KYC stage for a client approved already', () => {
    expect(walk(['submitted', 'kyc_not_needed'], 'qualified')).toEqual(['qualified', 'application', 'approved']);
  });

  it('loses a lead from any stage before funding, and a KYC rejection loses it too', () => {
    for (const s of ['new', 'contacted', 'qualified', 'application', 'kyc', 'approved'] as const) expect(nextState(s, 'lost')).toBe('lost');
    expect(nextState('kyc', 'kyc_rejected')).toBe('lost');
    expect(() => nextState('funded', 'lost')).toThrow(/no transition/);
    expect(() => nextState('active', 'lost')).toThrow(/no transition/);
  });

  it('reopens a lost case when its lead comes back, and nothing else moves a lost case', () => {
    expect(eventsOf(TABLE, 'lost')).toEqual(['lead_returned']);
    expect(nextState('lost', 'lead_returned')).toBe('new');
  });

  it('has a status and a lead status for every state, and the definition lists them', () => {
    expect(STATES.map(statusOf)).toEqual(['open', 'open', 'open', 'open', 'open', 'open', 'open', 'won', 'lost']);
    expect(STATES.map(leadStatusOf)).toEqual([
      'new',
      'contacted',
      'qualified',
      'converted',
      'converted',
      'converted',
      'converted',
      'converted',
      'lost',
    ]);
    expect(clientDevelopmentCase.states).toEqual(STATES);
    expect(clientDevelopmentCase.steps).toEqual(STEPS);
    expect(Object.keys(STEP_OUTCOMES)).toEqual([...STEPS]);
    expect([priorityOf('hot'), priorityOf('warm'), priorityOf('cold')]).toEqual([1, 2, 3]);
  });

  it('refuses every event a state does not name (the whole table, both ways)', () => {
    const events: DevelopmentEvent[] = [
      'contacted',
      'qualified',
      'submitted',
      'kyc_started',
      'kyc_not_needed',
      'kyc_approved',
      'kyc_rejected',
      'deposited',
      'traded',
      'lost',
      'lead_returned',
    ];
    const expected: Record<DevelopmentState, Partial<Record<DevelopmentEvent, DevelopmentState>>> = {
      new: { contacted: 'contacted', lost: 'lost' },
      contacted: { qualified: 'qualified', lost: 'lost' },
      qualified: { submitted: 'application', lost: 'lost' },
      application: { kyc_started: 'kyc', kyc_not_needed: 'approved', lost: 'lost' },
      kyc: { kyc_approved: 'approved', kyc_rejected: 'lost', lost: 'lost' },
      approved: { deposited: 'funded', lost: 'lost' },
      funded: { traded: 'active' },
      active: {},
      lost: { lead_returned: 'new' },
    };
    expect(STATES).toEqual(Object.keys(expected));
    for (const s of STATES) {
      for (const e of events) {
        const to = expected[s][e];
        if (to) expect(nextState(s, e)).toBe(to);
        else expect(() => nextState(s, e), `${s} --${e}-->`).toThrow(/no transition/);
      }
    }
  });

  it('opens a task for a person only in the stages that wait for one, and every step offers a way on', () => {
    expect(STAGE_STEP).toEqual({ new: 'first_contact', contacted: 'qualify', qualified: 'application', approved: 'first_deposit' });
    // a stage's task can move the lead on or lose it; trigger tasks only record that someone followed up
    expect(STEP_OUTCOMES.first_contact).toContain('contacted');
    expect(STEP_OUTCOMES.qualify).toContain('qualified');
    expect(STEP_OUTCOMES.application).toContain('submitted');
    for (const step of Object.values(STAGE_STEP)) expect(STEP_OUTCOMES[step!]).toContain('lost');
    for (const step of ['kyc_stuck', 'deposit_failed', 'no_trade', 'dormant'] as const) expect(STEP_OUTCOMES[step]).not.toContain('lost');
    expect(WORKERS).toEqual(['agent', 'supervisor', 'branch_manager']);
    expect(LOST_REASONS).toContain('kyc_rejected');
  });

  it('orders the funnel and counts only its stages', () => {
    expect(STAGES.map(stageIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(STATUSES).toEqual(['open', 'won', 'lost']);
    expect(TEMPERATURES).toEqual(['hot', 'warm', 'cold']);
  });

  it('answers every event it names with a known state', () => {
    for (const s of STATES) for (const e of eventsOf(TABLE, s)) expect(STATES).toContain(nextState(s, e));
  });
});
