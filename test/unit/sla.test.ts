import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { businessMinutesBetween, type BusinessCalendar } from '../../workflows/engine/business-time';
import { buildSchedule, pauseClock, resumeClock, slaStateAt, type SlaSchedule } from '../../workflows/engine/sla';

// Expected instants are worked out by hand. London is on GMT in December, so local = UTC there.
const london: BusinessCalendar = {
  timezone: 'Europe/London',
  workdays: [1, 2, 3, 4, 5],
  workStart: '09:00',
  workEnd: '18:00',
  holidays: ['2026-12-25', '2026-12-28'],
};
const shanghai: BusinessCalendar = {
  timezone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  workStart: '09:00',
  workEnd: '18:00',
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
};
const newYork: BusinessCalendar = {
  timezone: 'America/New_York',
  workdays: [1, 2, 3, 4, 5],
  workStart: '09:00',
  workEnd: '17:00',
  holidays: ['2026-07-03'],
};
const bangkok: BusinessCalendar = {
  timezone: 'Asia/Bangkok',
  workdays: [1, 2, 3, 4, 5, 6],
  workStart: '08:30',
  workEnd: '17:30',
  holidays: ['2026-04-13', '2026-04-14', '2026-04-15'],
};

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const shown = (s: SlaSchedule) => ({
  startedAt: iso(s.startedAt),
  dueAt: iso(s.dueAt),
  atRiskAt: iso(s.atRiskAt),
  reminders: s.reminders.map((r) => `${r.percent}% ${iso(r.at)}`),
  escalations: s.escalations.map((e) => `L${e.level} ${iso(e.at)}`),
});
const oneDay = { duration: { businessDays: 1 }, escalateAfterMinutes: 240 };

describe('buildSchedule', () => {
  it('a complaint logged 17:30 Friday 18 Dec with a 1-day target: reminders Monday, breach 17:30 Monday', () => {
    // Total = 30 min Friday + 510 min Monday to 17:30 = 540. 50 % = 270 -> Mon 13:00; 75 % = 405 -> Mon 15:15;
    // 90 % = 486 -> Mon 16:36. Level 2 = 240 more: 30 min Mon + 210 min Tue -> Tue 22 Dec 12:30.
    expect(shown(buildSchedule(london, t('2026-12-18T17:30:00Z'), oneDay))).toEqual({
      startedAt: '2026-12-18T17:30:00.000Z',
      dueAt: '2026-12-21T17:30:00.000Z',
      atRiskAt: '2026-12-21T15:15:00.000Z',
      reminders: ['50% 2026-12-21T13:00:00.000Z', '75% 2026-12-21T15:15:00.000Z', '90% 2026-12-21T16:36:00.000Z'],
      escalations: ['L1 2026-12-21T17:30:00.000Z', 'L2 2026-12-22T12:30:00.000Z'],
    });
  });

  it('a Shanghai complaint before Golden Week gets its reminders after the holiday', () => {
    // Wed 30 Sep 15:00 CST + 2 days -> Fri 9 Oct 15:00 CST. Total = 180 + 540 + 360 = 1080.
    // 50 % = 540: 180 on 30 Sep, 360 on Thu 8 Oct -> 15:00 CST. 75 % = 810: 720 by Thu close, 90 -> Fri 10:30.
    // 90 % = 972: 252 on Fri -> 13:12. Level 2: 180 Fri to 18:00, 60 on Mon 12 Oct -> 10:00 CST.
    expect(
      shown(buildSchedule(shanghai, t('2026-09-30T15:00:00+08:00'), { duration: { businessDays: 2 }, escalateAfterMinutes: 240 })),
    ).toEqual({
      startedAt: '2026-09-30T07:00:00.000Z',
      dueAt: '2026-10-09T07:00:00.000Z',
      atRiskAt: '2026-10-09T02:30:00.000Z',
      reminders: ['50% 2026-10-08T07:00:00.000Z', '75% 2026-10-09T02:30:00.000Z', '90% 2026-10-09T05:12:00.000Z'],
      escalations: ['L1 2026-10-09T07:00:00.000Z', 'L2 2026-10-12T02:00:00.000Z'],
    });
  });

  it('a reminder that falls exactly at end of business fires at closing time, not next morning', () => {
    // Mon 21 Dec 09:00 + 2 days -> Wed 23 Dec 09:00; total 1080; 50 % = 540 = all of Monday -> Mon 18:00.
    const s = buildSchedule(london, t('2026-12-21T09:00:00Z'), { duration: { businessDays: 2 }, escalateAfterMinutes: 240 });
    expect(iso(s.reminders[0].at)).toBe('2026-12-21T18:00:00.000Z');
  });

  it('without an escalation delay both levels fire at the breach', () => {
    // Friday 18:00 is the breach; level 2 must not slip to Monday 09:00.
    const s = buildSchedule(london, t('2026-12-18T09:00:00Z'), { duration: { businessHours: 9 }, escalateAfterMinutes: 0 });
    expect(s.escalations.map((e) => iso(e.at))).toEqual(['2026-12-18T18:00:00.000Z', '2026-12-18T18:00:00.000Z']);
  });
});

describe('pause and resume (waiting on the client)', () => {
  // 1 day from Mon 21 Dec 09:00: due Tue 22 Dec 09:00, total 540; 50 % Mon 13:30, 75 % Mon 15:45, 90 % Mon 17:06.
  const original = buildSchedule(london, t('2026-12-21T09:00:00Z'), oneDay);

  it('pausing at Monday noon leaves 6 of the 9 business hours', () => {
    expect(pauseClock(london, original, t('2026-12-21T12:00:00Z'))).toEqual({ elapsedMinutes: 180, remainingMinutes: 360 });
  });

  it('a client answering Thursday 10:00 moves the breach to Thursday 16:00 and escalation past Christmas', () => {
    // 360 min left from Thu 24 Dec 10:00 -> 16:00. Reminders had 90/225/306 min left -> 11:30, 13:45, 15:06.
    // Level 2: 120 min Thu, Fri 25 holiday, weekend, Mon 28 holiday, 120 min Tue 29 -> 11:00.
    // Virtual start: 180 min before Thu 10:00 = 60 min Thu + 120 min Wed -> Wed 23 Dec 16:00.
    const resumed = resumeClock(london, original, t('2026-12-21T12:00:00Z'), t('2026-12-24T10:00:00Z'), 240);
    expect(shown(resumed)).toEqual({
      startedAt: '2026-12-23T16:00:00.000Z',
      dueAt: '2026-12-24T16:00:00.000Z',
      atRiskAt: '2026-12-24T13:45:00.000Z',
      reminders: ['50% 2026-12-24T11:30:00.000Z', '75% 2026-12-24T13:45:00.000Z', '90% 2026-12-24T15:06:00.000Z'],
      escalations: ['L1 2026-12-24T16:00:00.000Z', 'L2 2026-12-29T11:00:00.000Z'],
    });
    // A second pause at Thu 12:00 sees 180 + 120 business minutes used, 240 left.
    expect(pauseClock(london, resumed, t('2026-12-24T12:00:00Z'))).toEqual({ elapsedMinutes: 300, remainingMinutes: 240 });
  });

  it('a reminder already sent before the pause is not sent again; later ones move', () => {
    // Paused Mon 14:00 (after the 50 % reminder at 13:30), 240 min left. Resumed Mon 20:00 -> clock restarts Tue 09:00:
    // due Tue 13:00; 75 % had 105 min left -> 10:45; 90 % had 186 -> 12:06; level 2 = 13:00 + 240 -> 17:00.
    const resumed = resumeClock(london, original, t('2026-12-21T14:00:00Z'), t('2026-12-21T20:00:00Z'), 240);
    expect(shown(resumed).reminders).toEqual([
      '50% 2026-12-21T13:30:00.000Z',
      '75% 2026-12-22T10:45:00.000Z',
      '90% 2026-12-22T12:06:00.000Z',
    ]);
    expect(iso(resumed.dueAt)).toBe('2026-12-22T13:00:00.000Z');
    expect(iso(resumed.escalations[1].at)).toBe('2026-12-22T17:00:00.000Z');
  });

  it('pausing after the breach keeps the breach and only delays the level-2 escalation', () => {
    // Breached Tue 09:00; level 2 was due Tue 13:00. Paused Tue 10:00 with 180 min to level 2; resumed Wed 09:00 -> 12:00.
    const pausedAt = t('2026-12-22T10:00:00Z');
    expect(pauseClock(london, original, pausedAt)).toEqual({ elapsedMinutes: 600, remainingMinutes: 0 });
    const resumed = resumeClock(london, original, pausedAt, t('2026-12-23T09:00:00Z'), 240);
    expect(shown(resumed).escalations).toEqual(['L1 2026-12-22T09:00:00.000Z', 'L2 2026-12-23T12:00:00.000Z']);
    expect(slaStateAt(resumed, t('2026-12-23T09:00:00Z'))).toBe('breached');
  });

  it('a client who answers overnight moves nothing, even a deadline at the 09:00 opening', () => {
    // Logged Thu 17 Dec 20:00 -> clock starts Fri 09:00 -> due Mon 21 Dec 09:00. Paused Thu 21:00, answered
    // Fri 07:00: no business time passed, so the deadline stays Monday 09:00 (not Friday 18:00).
    const s = buildSchedule(london, t('2026-12-17T20:00:00Z'), oneDay);
    const resumed = resumeClock(london, s, t('2026-12-17T21:00:00Z'), t('2026-12-18T07:00:00Z'), 240);
    expect(iso(resumed.dueAt)).toBe('2026-12-21T09:00:00.000Z');
    expect(shown(resumed)).toEqual(shown(s));
  });

  it('refuses a resume before the pause', () => {
    expect(() => resumeClock(london, original, t('2026-12-21T12:00:00Z'), t('2026-12-21T11:00:00Z'), 240)).toThrow(RangeError);
  });
});

describe('slaStateAt', () => {
  const s = { atRiskAt: t('2026-12-21T15:45:00Z'), dueAt: t('2026-12-22T09:00:00Z') };

  it('is on track before 75 %, at risk from 75 % and breached from the due moment', () => {
    expect(slaStateAt(s, t('2026-12-21T15:44:59.999Z'))).toBe('on_track');
    expect(slaStateAt(s, t('2026-12-21T15:45:00Z'))).toBe('at_risk');
    expect(slaStateAt(s, t('2026-12-22T08:59:59.999Z'))).toBe('at_risk');
    expect(slaStateAt(s, t('2026-12-22T09:00:00Z'))).toBe('breached');
  });

  it('shows paused while waiting on the client, even past the old due moment', () => {
    expect(slaStateAt(s, t('2026-12-21T10:00:00Z'), true)).toBe('paused');
    expect(slaStateAt(s, t('2026-12-23T10:00:00Z'), true)).toBe('paused');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const arbCal = fc.constantFrom(london, shanghai, newYork, bangkok);
const arbInstant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) });
const arbTarget = fc
  .record({
    duration: fc.record({
      businessDays: fc.integer({ min: 0, max: 10 }),
      businessHours: fc.integer({ min: 0, max: 20 }),
      businessMinutes: fc.integer({ min: 0, max: 59 }),
    }),
    escalateAfterMinutes: fc.integer({ min: 0, max: 1000 }),
  })
  .filter((x) => x.duration.businessDays + x.duration.businessHours + x.duration.businessMinutes > 0);

/** Business ms, to compare durations exactly. */
const ms = (cal: BusinessCalendar, from: number, to: number) => Math.round(businessMinutesBetween(cal, from, to) * 60_000);

describe('schedule properties', () => {
  it('reminders come at 50 < 75 < 90 % of the business time, before the breach; escalations follow it', () => {
    fc.assert(
      fc.property(arbCal, arbInstant, arbTarget, (cal, start, target) => {
        const s = buildSchedule(cal, start, target);
        const [r50, r75, r90] = s.reminders;
        expect(s.reminders.map((r) => r.percent)).toEqual([50, 75, 90]);
        expect(r50.at < r75.at && r75.at < r90.at && r90.at < s.dueAt).toBe(true);
        expect(s.atRiskAt).toBe(r75.at);
        const total = ms(cal, start, s.dueAt);
        for (const r of s.reminders) expect(Math.abs(ms(cal, start, r.at) - (total * r.percent) / 100)).toBeLessThanOrEqual(1);
        expect(s.escalations[0]).toEqual({ level: 1, at: s.dueAt });
        expect(ms(cal, s.dueAt, s.escalations[1].at)).toBe(target.escalateAfterMinutes * 60_000);
      }),
    );
  });

  it('pausing and resuming keeps the total business time and each reminder’s share of it', () => {
    const gap = fc.integer({ min: 0, max: 30 * 86_400_000 });
    fc.assert(
      fc.property(
        arbCal,
        arbInstant,
        arbTarget,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        gap,
        (cal, start, target, f, g) => {
          const before = buildSchedule(cal, start, target);
          const pausedAt = Math.floor(start + f * (before.dueAt - start));
          fc.pre(pausedAt < before.dueAt); // a pause after the breach is covered by the example above
          const resumedAt = pausedAt + g;
          const { elapsedMinutes, remainingMinutes } = pauseClock(cal, before, pausedAt);
          const after = resumeClock(cal, before, pausedAt, resumedAt, target.escalateAfterMinutes);
          expect(Math.round((elapsedMinutes + remainingMinutes) * 60_000)).toBe(ms(cal, start, before.dueAt));
          expect(ms(cal, after.startedAt, after.dueAt)).toBe(ms(cal, start, before.dueAt));
          expect(ms(cal, resumedAt, after.dueAt)).toBe(Math.round(remainingMinutes * 60_000));
          after.reminders.forEach((r, i) => {
            const old = before.reminders[i];
            if (old.at <= pausedAt) expect(r.at).toBe(old.at);
            else expect(ms(cal, after.startedAt, r.at)).toBe(ms(cal, start, old.at));
          });
          expect(after.atRiskAt).toBe(after.reminders[1].at);
          expect(after.dueAt).toBeGreaterThanOrEqual(before.dueAt);
        },
      ),
    );
  });
});
