import { describe, expect, it } from 'vitest';
import {
  STEPS,
  STEP_OUTCOMES,
  STEP_ROLES,
  initialPriority,
  isStep,
  nextState,
  statusOf,
  type ComplaintEvent,
  type ComplaintFacts,
  type ComplaintState,
} from '../../workflows/complaint/states';

const low = { severity: 'low' as const };
const high = { severity: 'high' as const };

/** Follows outcomes from a state, as the workflow does. */
const walk = (events: ComplaintEvent[], facts: ComplaintFacts = low, from: ComplaintState = 'acknowledge') =>
  events.reduce<ComplaintState[]>((path, e) => [...path, nextState(path[path.length - 1], e, facts)], [from]);

describe('complaint state table', () => {
  it('takes a low-severity complaint straight from proposal to the final response', () => {
    expect(walk(['acknowledged', 'findings_recorded', 'proposed', 'sent'])).toEqual([
      'acknowledge',
      'investigate',
      'propose_resolution',
      'final_response',
      'closed',
    ]);
  });

  it('sends a high-severity proposal to approval, and a rejection back to proposing', () => {
    expect(walk(['acknowledged', 'findings_recorded', 'proposed', 'rejected', 'proposed', 'approved', 'sent'], high)).toEqual([
      'acknowledge',
      'investigate',
      'propose_resolution',
      'approval',
      'propose_resolution',
      'approval',
      'final_response',
      'closed',
    ]);
  });

  it('waits on the client during investigation and comes back to it whether the client answers or not', () => {
    expect(walk(['awaiting_client', 'client_responded'], low, 'investigate')).toEqual(['investigate', 'awaiting_client', 'investigate']);
    expect(nextState('awaiting_client', 'client_wait_expired', low)).toBe('investigate');
  });

  it('reopens a closed complaint into investigation', () => {
    expect(nextState('closed', 'reopened', low)).toBe('investigate');
  });

  it('refuses every outcome a step does not offer', () => {
    const all = new Set<ComplaintEvent>([...Object.values(STEP_OUTCOMES).flat(), 'client_responded', 'client_wait_expired', 'reopened']);
    for (const step of STEPS) {
      for (const event of all) {
        const offered = (STEP_OUTCOMES[step] as readonly string[]).includes(event);
        if (offered) expect(() => nextState(step, event, high)).not.toThrow();
        else expect(() => nextState(step, event, high)).toThrow(/no transition/);
      }
    }
    expect(() => nextState('closed', 'sent', low)).toThrow();
  });

  it('keeps approval for supervisors and managers, and every other step open to agents', () => {
    expect(STEP_ROLES.approval).not.toContain('agent');
    for (const step of STEPS.filter((s) => s !== 'approval')) expect(STEP_ROLES[step]).toContain('agent');
  });

  it('reports status and queue priority as staff see them', () => {
    expect(statusOf('awaiting_client')).toBe('awaiting_client');
    expect(statusOf('closed')).toBe('closed');
    expect(STEPS.map(statusOf)).toEqual(STEPS.map(() => 'open'));
    expect(isStep('awaiting_client')).toBe(false);
    expect(initialPriority('high')).toBeLessThan(initialPriority('medium'));
    expect(initialPriority('medium')).toBeLessThan(initialPriority('low'));
  });
});
