import { describe, expect, it } from 'vitest';
import { eventsOf } from '../../workflows/engine/state-table';
import {
  BEFORE_DECISION,
  STATES,
  STEPS,
  STEP_OUTCOMES,
  STEP_ROLES,
  TABLE,
  nextState,
  priorityOf,
  statusOf,
  type AmlEvent,
  type AmlState,
} from '../../workflows/aml-case/states';

const walk = (events: AmlEvent[], from: AmlState = 'investigate') =>
  events.reduce<AmlState[]>((path, e) => [...path, nextState(path[path.length - 1], e)], [from]);

describe('AML case state table', () => {
  it('closes a false positive after the decision', () => {
    expect(walk(['findings_recorded', 'false_positive'])).toEqual(['investigate', 'decide', 'closed']);
  });

  it('takes an escalation through the report: drafted, rejected and redrafted, approved, filed', () => {
    expect(walk(['findings_recorded', 'escalate', 'submitted', 'rejected', 'submitted', 'approved', 'filed'])).toEqual([
      'investigate',
      'decide',
      'sar_draft',
      'sar_approval',
      'sar_draft',
      'sar_approval',
      'file_sar',
      'closed',
    ]);
  });

  it('closes when every alert is withdrawn before a decision, and only then', () => {
    for (const s of BEFORE_DECISION) expect(nextState(s, 'alerts_withdrawn')).toBe('closed');
    for (const s of ['sar_draft', 'sar_approval', 'file_sar'] as const) expect(() => nextState(s, 'alerts_withdrawn')).toThrow();
  });

  it('reopens into investigation', () => {
    expect(nextState('closed', 'reopened')).toBe('investigate');
  });

  it('answers every outcome of every step, and nothing a step cannot produce', () => {
    for (const step of STEPS) {
      for (const o of STEP_OUTCOMES[step]) expect(() => nextState(step, o)).not.toThrow();
      expect(eventsOf(TABLE, step).filter((e) => e !== 'alerts_withdrawn')).toEqual([...STEP_OUTCOMES[step]]);
    }
    expect(STATES).toEqual([...STEPS, 'closed']);
  });

  it('keeps deciding and approving to the MLRO and compliance managers', () => {
    expect(STEP_ROLES.decide).toEqual(['mlro', 'compliance_manager']);
    expect(STEP_ROLES.sar_approval).toEqual(['mlro', 'compliance_manager']);
    expect(STEP_ROLES.investigate).toContain('aml_analyst');
  });

  it('statuses and priorities', () => {
    expect(statusOf('closed')).toBe('closed');
    expect(statusOf('sar_approval')).toBe('open');
    expect([priorityOf(1, false), priorityOf(2, false), priorityOf(5, false), priorityOf(1, true)]).toEqual([3, 2, 1, 1]);
  });
});
