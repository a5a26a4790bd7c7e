import { describe, expect, it } from 'vitest';
import {
  STEPS,
  STEP_OUTCOMES,
  STEP_ROLES,
  addMonthsUtc,
  clientStatusDuring,
  needsEdd,
  nextState,
  statusOf,
  type KycEvent,
  type KycState,
  type RoutingFacts,
} from '../../../workflows/kyc-review/states';

const clean: RoutingFacts = { pendingHits: 0, band: 'low', eddFlags: [], trueMatch: false };
const walk = (events: KycEvent[], facts: RoutingFacts = clean, from: KycState = 'collect_documents') =>
  events.reduce<KycState[]>((path, e) => [...path, nextState(path[path.length - 1], e, facts)], [from]);

describe('KYC review state table', () => {
  it('takes a low or medium risk client through CDD review to approval', () => {
    expect(walk(['documents_complete', 'checks_done', 'approved'])).toEqual(['collect_documents', 'checks', 'cdd_review', 'approved']);
    expect(nextState('checks', 'checks_done', { ...clean, band: 'medium' })).toBe('cdd_review');
  });

  it('sends high and critical bands, any EDD flag and a confirmed match to enhanced due diligence', () => {
    for (const facts of [
      { band: 'high' },
      { band: 'critical' },
      { eddFlags: ['shell_company'] },
      { trueMatch: true },
    ] as Partial<RoutingFacts>[]) {
      expect(walk(['documents_complete', 'checks_done', 'edd_done', 'rejected'], { ...clean, ...facts })).toEqual([
        'collect_documents',
        'checks',
        'edd',
        'senior_approval',
        'rejected',
      ]);
    }
    expect(needsEdd(clean)).toBe(false);
  });

  it('reviews screening hits first, and again while some are still undecided', () => {
    expect(nextState('checks', 'checks_done', { ...clean, pendingHits: 2 })).toBe('screening_review');
    expect(nextState('screening_review', 'hits_reviewed', { ...clean, pendingHits: 1 })).toBe('screening_review');
    expect(nextState('screening_review', 'hits_reviewed', clean)).toBe('cdd_review');
    expect(nextState('screening_review', 'hits_reviewed', { ...clean, trueMatch: true })).toBe('edd');
  });

  it('waits on the client, suspends when nobody answers, and resumes document collection on an answer', () => {
    expect(walk(['request_information', 'client_wait_expired', 'client_responded'])).toEqual([
      'collect_documents',
      'awaiting_client',
      'suspended',
      'collect_documents',
    ]);
    expect(nextState('cdd_review', 'request_information', clean)).toBe('awaiting_client');
    expect(nextState('senior_approval', 'request_information', clean)).toBe('awaiting_client');
    expect(nextState('cdd_review', 'escalated_to_edd', clean)).toBe('edd');
  });

  it('has no way out of a decision and refuses events a state does not expect', () => {
    expect(() => nextState('approved', 'client_responded', clean)).toThrow(/no transition/);
    expect(() => nextState('collect_documents', 'approved', clean)).toThrow(/no transition/);
    expect(() => nextState('cdd_review', 'edd_done', clean)).toThrow(/no transition/);
  });

  it('derives the case status and the client status from the state', () => {
    expect(['collect_documents', 'checks', 'edd', 'awaiting_client', 'suspended', 'approved'].map((s) => statusOf(s as KycState))).toEqual([
      'open',
      'open',
      'open',
      'awaiting_client',
      'suspended',
      'closed',
    ]);
    expect(clientStatusDuring('cdd_review', 'onboarding')).toBe('in_review');
    expect(clientStatusDuring('cdd_review', 'periodic')).toBeNull();
    expect(clientStatusDuring('suspended', 'periodic')).toBe('suspended');
    expect(clientStatusDuring('rejected', 'periodic')).toBe('rejected');
  });

  it('gives every step outcomes and roles; senior approval is for senior compliance officers only', () => {
    for (const step of STEPS) {
      expect(STEP_OUTCOMES[step].length).toBeGreaterThan(0);
      expect(STEP_ROLES[step].length).toBeGreaterThan(0);
      expect(STEP_ROLES[step]).not.toContain('agent');
    }
    expect(STEP_ROLES.senior_approval).toEqual(['senior_compliance_officer']);
    expect(STEP_OUTCOMES.cdd_review).toEqual(['approved', 'rejected', 'request_information']);
  });

  it('adds calendar months in UTC, clamping to the end of a shorter month', () => {
    expect(new Date(addMonthsUtc(Date.UTC(2026, 0, 31, 10), 1)).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(new Date(addMonthsUtc(Date.UTC(2026, 10, 23, 9, 30), 36)).toISOString()).toBe('2029-11-23T09:30:00.000Z');
    expect(new Date(addMonthsUtc(Date.UTC(2027, 7, 31), 6)).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });
});
