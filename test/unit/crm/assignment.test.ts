// Lead assignment is a pure function of the rule, the candidates (calendars, loads) and the time.
import { describe, expect, it } from 'vitest';
import { chooseAssignee, matchRule, rotation, type AssignmentRule, type Candidate } from '../../../platform/crm/assignment';

const LONDON = { timezone: 'Europe/London', workdays: [1, 2, 3, 4, 5], workStart: '09:00', workEnd: '17:30', holidays: ['2026-12-25'] };
const SHANGHAI = { timezone: 'Asia/Shanghai', workdays: [1, 2, 3, 4, 5], workStart: '09:00', workEnd: '18:00', holidays: [] };
const NEW_YORK = { timezone: 'America/New_York', workdays: [1, 2, 3, 4, 5], workStart: '09:00', workEnd: '17:00', holidays: [] };

const rule = (over: Partial<AssignmentRule> = {}): AssignmentRule => ({
  id: 'r',
  name: 'r',
  priority: 100,
  branchId: null,
  language: null,
  country: null,
  source: null,
  introducingBrokerId: null,
  strategy: 'round_robin',
  accountManagerIds: ['a', 'b', 'c'],
  outsideHours: 'next_available',
  lastAssignedId: null,
  ...over,
});
const people = (cal = LONDON, loads: Record<string, number> = {}): Candidate[] =>
  ['a', 'b', 'c'].map((id) => ({ id, calendar: cal, load: loads[id] ?? 0 }));

// Tuesday 1 December 2026, 10:00 in London (UTC+0), 18:00 in Shanghai, 05:00 in New York
const TUESDAY_10_LONDON = Date.UTC(2026, 11, 1, 10, 0);

describe('matching a rule', () => {
  const lead = { branchId: null, language: 'zh-CN', country: 'CN', source: 'Partner', ibChain: ['ib-leaf', 'ib-root'] };
  it('takes the first rule by priority whose criteria all match; null criteria match anything', () => {
    const rules = [
      rule({ id: 'any', priority: 100 }),
      rule({ id: 'cn', priority: 10, country: 'CN' }),
      rule({ id: 'ru', priority: 1, country: 'RU' }),
    ];
    expect(matchRule(rules, lead)?.id).toBe('cn');
  });
  it('matches language by primary subtag, source without letter case, and an IB with its sub-IBs', () => {
    expect(matchRule([rule({ language: 'zh', source: 'partner', introducingBrokerId: 'ib-root' })], lead)).not.toBeNull();
    expect(matchRule([rule({ introducingBrokerId: 'ib-other' })], lead)).toBeNull();
    expect(matchRule([rule({ language: 'en' })], lead)).toBeNull();
  });
  it('a branch criterion matches a lead of that branch or of no branch yet', () => {
    expect(matchRule([rule({ branchId: 'london' })], { ...lead, branchId: 'shanghai' })).toBeNull();
    expect(matchRule([rule({ branchId: 'london' })], lead)).not.toBeNull();
  });
});

describe('choosing the account manager', () => {
  it('round robin continues after the last assigned and wraps', () => {
    expect(rotation(['a', 'b', 'c'], 'b')).toEqual(['c', 'a', 'b']);
    expect(rotation(['a', 'b', 'c'], null)).toEqual(['a', 'b', 'c']);
    expect(rotation(['a', 'b', 'c'], 'gone')).toEqual(['a', 'b', 'c']);
    let last: string | null = null;
    const got: string[] = [];
    for (let i = 0; i < 5; i++) {
      last = chooseAssignee(rule({ lastAssignedId: last }), people(), TUESDAY_10_LONDON).assigneeId;
      got.push(last!);
    }
    expect(got).toEqual(['a', 'b', 'c', 'a', 'b']);
  });

  it('least loaded takes the fewest open leads, ties in turn order', () => {
    const r = rule({ strategy: 'least_loaded', lastAssignedId: 'a' });
    expect(chooseAssignee(r, people(LONDON, { a: 3, b: 2, c: 1 }), TUESDAY_10_LONDON).assigneeId).toBe('c');
    expect(chooseAssignee(r, people(LONDON, { a: 1, b: 1, c: 1 }), TUESDAY_10_LONDON).assigneeId).toBe('b');
  });

  it('skips inactive people (not among the candidates)', () => {
    expect(
      chooseAssignee(
        rule(),
        people().filter((p) => p.id !== 'a'),
        TUESDAY_10_LONDON,
      ).assigneeId,
    ).toBe('b');
    expect(chooseAssignee(rule(), [], TUESDAY_10_LONDON)).toMatchObject({ assigneeId: null, reason: 'no_eligible' });
  });

  it('prefers people inside their working hours', () => {
    const mixed: Candidate[] = [
      { id: 'a', calendar: SHANGHAI, load: 0 },
      { id: 'b', calendar: NEW_YORK, load: 0 },
      { id: 'c', calendar: LONDON, load: 9 },
    ];
    expect(chooseAssignee(rule({ strategy: 'least_loaded' }), mixed, TUESDAY_10_LONDON)).toMatchObject({
      assigneeId: 'c',
      reason: 'in_hours',
    });
  });

  it('outside everyone’s hours gives the lead to whoever starts first, or queues it', () => {
    // Tuesday 22:00 London: Shanghai opens at 01:00 UTC Wednesday, London at 09:00, New York at 14:00
    const night = Date.UTC(2026, 11, 1, 22, 0);
    const mixed: Candidate[] = [
      { id: 'a', calendar: NEW_YORK, load: 0 },
      { id: 'b', calendar: LONDON, load: 0 },
      { id: 'c', calendar: SHANGHAI, load: 5 },
    ];
    expect(chooseAssignee(rule(), mixed, night)).toEqual({
      assigneeId: 'c',
      ruleId: 'r',
      reason: 'next_available',
      startsAt: '2026-12-02T01:00:00.000Z',
    });
    expect(chooseAssignee(rule({ outsideHours: 'queue' }), mixed, night)).toEqual({
      assigneeId: null,
      ruleId: 'r',
      reason: 'queued_outside_hours',
    });
  });

  it('honours holidays of the branch calendar', () => {
    const christmas = Date.UTC(2026, 11, 25, 11, 0);
    const mixed: Candidate[] = [
      { id: 'a', calendar: LONDON, load: 0 },
      { id: 'b', calendar: NEW_YORK, load: 0 },
    ];
    // London is closed; New York opens at 14:00 UTC the same day
    expect(chooseAssignee(rule({ accountManagerIds: ['a', 'b'] }), mixed, christmas)).toMatchObject({
      assigneeId: 'b',
      reason: 'next_available',
      startsAt: '2026-12-25T14:00:00.000Z',
    });
  });
});
