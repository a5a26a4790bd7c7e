import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addBusinessDuration,
  addBusinessMinutes,
  businessMinutesBetween,
  isBusinessTime,
  nextBusinessMoment,
  subtractBusinessMinutes,
  type BusinessCalendar,
} from '../../workflows/engine/business-time';

// Expected values below are worked out by hand from the calendar in the comment next to each one.
// 2026: London clocks go forward Sun 29 Mar (01:00 GMT -> 02:00 BST) and back Sun 25 Oct (02:00 BST ->
// 01:00 GMT); New York forward Sun 8 Mar (EST -5 -> EDT -4) and back Sun 1 Nov. Shanghai is +8, Bangkok +7.

const london: BusinessCalendar = {
  timezone: 'Europe/London',
  workdays: [1, 2, 3, 4, 5],
  workStart: '09:00',
  workEnd: '18:00',
  holidays: ['2026-12-25', '2026-12-28'], // Christmas (Fri), Boxing Day substitute (Mon)
};
const newYork: BusinessCalendar = {
  timezone: 'America/New_York',
  workdays: [1, 2, 3, 4, 5],
  workStart: '09:00',
  workEnd: '17:00',
  holidays: ['2026-07-03'], // Independence Day observed (Fri)
};
const shanghai: BusinessCalendar = {
  timezone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  workStart: '09:00',
  workEnd: '18:00',
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
};
const bangkok: BusinessCalendar = {
  timezone: 'Asia/Bangkok',
  workdays: [1, 2, 3, 4, 5, 6],
  workStart: '08:30',
  workEnd: '17:30',
  holidays: ['2026-04-13', '2026-04-14', '2026-04-15'], // Songkran (Mon-Wed)
};
// A London overnight settlements desk whose hours contain the 01:00-02:00 clock changes.
const nightDesk: BusinessCalendar = {
  timezone: 'Europe/London',
  workdays: [1, 2, 3, 4, 5, 6, 7],
  workStart: '00:30',
  workEnd: '06:00',
  holidays: [],
};

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('isBusinessTime', () => {
  it('opens at 09:00 sharp and is closed from 18:00 sharp in London', () => {
    // Mon 21 Dec 2026 is GMT, so local = UTC.
    expect(isBusinessTime(london, t('2026-12-21T09:00:00Z'))).toBe(true);
    expect(isBusinessTime(london, t('2026-12-21T08:59:59.999Z'))).toBe(false);
    expect(isBusinessTime(london, t('2026-12-21T17:59:59.999Z'))).toBe(true);
    expect(isBusinessTime(london, t('2026-12-21T18:00:00Z'))).toBe(false);
  });

  it('is closed at midday on a Saturday and on Christmas Day', () => {
    expect(isBusinessTime(london, t('2026-12-19T12:00:00Z'))).toBe(false);
    expect(isBusinessTime(london, t('2026-12-25T12:00:00Z'))).toBe(false);
  });

  it('judges the same instant by each branch’s own clock', () => {
    // Mon 5 Jan 01:30Z is 09:30 Monday in Shanghai (open) but 01:30 in London (closed).
    expect(isBusinessTime(shanghai, t('2026-01-05T01:30:00Z'))).toBe(true);
    expect(isBusinessTime(london, t('2026-01-05T01:30:00Z'))).toBe(false);
    // Fri 9 Jan 21:30Z is 16:30 Friday in New York (open) but 05:30 Saturday in Shanghai (closed).
    expect(isBusinessTime(newYork, t('2026-01-09T21:30:00Z'))).toBe(true);
    expect(isBusinessTime(shanghai, t('2026-01-09T21:30:00Z'))).toBe(false);
  });

  it('counts Saturday as a working day for a Mon-Sat Bangkok branch, but not Songkran', () => {
    expect(isBusinessTime(bangkok, t('2026-04-11T10:00:00+07:00'))).toBe(true); // Sat
    expect(isBusinessTime(bangkok, t('2026-04-12T10:00:00+07:00'))).toBe(false); // Sun
    expect(isBusinessTime(bangkok, t('2026-04-13T10:00:00+07:00'))).toBe(false); // Songkran Mon
  });
});

describe('nextBusinessMoment', () => {
  it('leaves a moment inside working hours untouched', () => {
    expect(iso(nextBusinessMoment(london, t('2026-12-22T11:15:00Z')))).toBe('2026-12-22T11:15:00.000Z');
  });

  it('moves an early-morning moment to that day’s 09:00 opening', () => {
    expect(iso(nextBusinessMoment(london, t('2026-12-22T07:00:00Z')))).toBe('2026-12-22T09:00:00.000Z');
  });

  it('skips Christmas, the weekend and the Boxing Day substitute after closing on Thu 24 Dec', () => {
    // Fri 25 holiday, Sat, Sun, Mon 28 holiday -> Tue 29 Dec 09:00 GMT.
    expect(iso(nextBusinessMoment(london, t('2026-12-24T18:00:00Z')))).toBe('2026-12-29T09:00:00.000Z');
  });

  it('skips the 3 July holiday in New York', () => {
    // Thu 2 Jul 17:30 EDT -> Fri 3 Jul holiday -> Mon 6 Jul 09:00 EDT = 13:00Z.
    expect(iso(nextBusinessMoment(newYork, t('2026-07-02T17:30:00-04:00')))).toBe('2026-07-06T13:00:00.000Z');
  });
});

describe('addBusinessDuration with business days', () => {
  it('a complaint logged Friday 20:00 with a 1-day target is due Tuesday 09:00', () => {
    // Closed Fri evening -> clock starts Mon 21 Dec 09:00 -> one business day later: Tue 22 Dec 09:00 GMT.
    expect(iso(addBusinessDuration(london, t('2026-12-18T20:00:00Z'), { businessDays: 1 }))).toBe('2026-12-22T09:00:00.000Z');
  });

  it('a complaint logged 17:30 Friday 18 Dec with a 1-day target is due 17:30 Monday, not after 9 hours', () => {
    expect(iso(addBusinessDuration(london, t('2026-12-18T17:30:00Z'), { businessDays: 1 }))).toBe('2026-12-21T17:30:00.000Z');
  });

  it('a 5-day target from 17:30 Friday 18 Dec skips Christmas and 28 Dec and keeps 17:30', () => {
    // Mon 21 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4), Fri 25 hol, weekend, Mon 28 hol, Tue 29 (5).
    expect(iso(addBusinessDuration(london, t('2026-12-18T17:30:00Z'), { businessDays: 5 }))).toBe('2026-12-29T17:30:00.000Z');
  });

  it('keeps 10:00 New York time across the March clock change (71 real hours later)', () => {
    // Fri 6 Mar 10:00 EST (15:00Z) -> Mon 9 Mar 10:00 EDT = 14:00Z.
    expect(iso(addBusinessDuration(newYork, t('2026-03-06T10:00:00-05:00'), { businessDays: 1 }))).toBe('2026-03-09T14:00:00.000Z');
  });

  it('keeps 15:45 London time across the March clock change', () => {
    // Fri 27 Mar 15:45 GMT -> Mon 30 Mar 15:45 BST = 14:45Z.
    expect(iso(addBusinessDuration(london, t('2026-03-27T15:45:00Z'), { businessDays: 1 }))).toBe('2026-03-30T14:45:00.000Z');
  });

  it('keeps 12:00 London time across the October clock change', () => {
    // Fri 23 Oct 12:00 BST (11:00Z) -> Mon 26 Oct 12:00 GMT = 12:00Z.
    expect(iso(addBusinessDuration(london, t('2026-10-23T12:00:00+01:00'), { businessDays: 1 }))).toBe('2026-10-26T12:00:00.000Z');
  });

  it('skips China’s Golden Week: 2 days from Wed 30 Sep 15:00 is Fri 9 Oct 15:00 in Shanghai', () => {
    // Thu 1 - Wed 7 Oct holidays or weekend; Thu 8 (1), Fri 9 (2). 15:00 CST = 07:00Z.
    expect(iso(addBusinessDuration(shanghai, t('2026-09-30T15:00:00+08:00'), { businessDays: 2 }))).toBe('2026-10-09T07:00:00.000Z');
  });

  it('uses the first valid instant when the wall-clock time is skipped by the clock change', () => {
    // Sat 28 Mar 01:30 GMT + 1 day -> Sun 29 Mar 01:30 does not exist; clocks jump 01:00 GMT -> 02:00 BST = 01:00Z.
    expect(iso(addBusinessDuration(nightDesk, t('2026-03-28T01:30:00Z'), { businessDays: 1 }))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('uses the first of the two 01:30s when the clocks go back', () => {
    // Sat 24 Oct 01:30 BST (00:30Z) + 1 day -> Sun 25 Oct 01:30 happens at 00:30Z (BST) and 01:30Z (GMT).
    expect(iso(addBusinessDuration(nightDesk, t('2026-10-24T01:30:00+01:00'), { businessDays: 1 }))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('combines days then hours: 1 day 2 hours from 17:30 Friday is 10:30 Tuesday', () => {
    // +1 day -> Mon 21 Dec 17:30; +2 h -> 30 min Mon, 90 min from Tue 09:00 -> Tue 22 Dec 10:30 GMT.
    expect(iso(addBusinessDuration(london, t('2026-12-18T17:30:00Z'), { businessDays: 1, businessHours: 2 }))).toBe(
      '2026-12-22T10:30:00.000Z',
    );
  });
});

describe('addBusinessMinutes and hours', () => {
  it('4 business hours from 16:00 Friday end at 11:00 Monday', () => {
    // 120 min Fri 16:00-18:00, 120 min Mon 21 Dec 09:00-11:00 GMT.
    expect(iso(addBusinessMinutes(london, t('2026-12-18T16:00:00Z'), 240))).toBe('2026-12-21T11:00:00.000Z');
  });

  it('a full day of minutes from the opening ends at that day’s closing, not the next opening', () => {
    expect(iso(addBusinessMinutes(london, t('2026-12-18T09:00:00Z'), 540))).toBe('2026-12-18T18:00:00.000Z');
  });

  it('zero minutes from a Saturday starts at the Monday opening', () => {
    expect(iso(addBusinessMinutes(london, t('2026-12-19T12:00:00Z'), 0))).toBe('2026-12-21T09:00:00.000Z');
  });

  it('2 business hours from 16:00 Friday before the New York clock change end at 10:00 EDT Monday', () => {
    // 60 min Fri 16:00-17:00 EST; Mon 9 Mar 09:00 EDT + 60 = 10:00 EDT = 14:00Z.
    expect(iso(addBusinessMinutes(newYork, t('2026-03-06T16:00:00-05:00'), 120))).toBe('2026-03-09T14:00:00.000Z');
  });

  it('16 business hours from Wed 30 Sep 15:00 in Shanghai end Fri 9 Oct 13:00', () => {
    // 3 h Sep 30, Golden Week, 9 h Thu 8 Oct, 4 h Fri 9 Oct -> 13:00 CST = 05:00Z.
    expect(iso(addBusinessDuration(shanghai, t('2026-09-30T15:00:00+08:00'), { businessHours: 16 }))).toBe('2026-10-09T05:00:00.000Z');
  });

  it('8 business hours from Fri 16:30 in Bangkok use Saturday', () => {
    // 1 h Fri 16:30-17:30; 7 h from Sat 11 Apr 08:30 -> 15:30 ICT = 08:30Z.
    expect(iso(addBusinessDuration(bangkok, t('2026-04-10T16:30:00+07:00'), { businessHours: 8 }))).toBe('2026-04-11T08:30:00.000Z');
  });

  it('17 business hours from Fri 16:30 in Bangkok skip Sunday and Songkran', () => {
    // 1 h Fri, 9 h Sat, Sun off, Mon-Wed Songkran, 7 h from Thu 16 Apr 08:30 -> 15:30 ICT = 08:30Z.
    expect(iso(addBusinessDuration(bangkok, t('2026-04-10T16:30:00+07:00'), { businessHours: 17 }))).toBe('2026-04-16T08:30:00.000Z');
  });
});

describe('businessMinutesBetween', () => {
  it('is 0 when the end is not after the start', () => {
    expect(businessMinutesBetween(london, t('2026-12-21T12:00:00Z'), t('2026-12-21T10:00:00Z'))).toBe(0);
    expect(businessMinutesBetween(london, t('2026-12-21T12:00:00Z'), t('2026-12-21T12:00:00Z'))).toBe(0);
  });

  it('counts two full New York days across the clock change as 960 minutes', () => {
    // Fri 6 Mar 09:00 EST -> Mon 9 Mar 17:00 EDT: 480 + 480.
    expect(businessMinutesBetween(newYork, t('2026-03-06T09:00:00-05:00'), t('2026-03-09T17:00:00-04:00'))).toBe(960);
  });

  it('counts only Thursday afternoon and Tuesday morning over Christmas', () => {
    // Thu 24 Dec 12:00-18:00 (360) + Tue 29 Dec 09:00-12:00 (180).
    expect(businessMinutesBetween(london, t('2026-12-24T12:00:00Z'), t('2026-12-29T12:00:00Z'))).toBe(540);
  });

  it('is 0 over a weekend', () => {
    expect(businessMinutesBetween(london, t('2026-12-19T00:00:00Z'), t('2026-12-21T00:00:00Z'))).toBe(0);
  });

  it('counts seconds as fractions of a minute', () => {
    expect(businessMinutesBetween(london, t('2026-12-21T10:00:00Z'), t('2026-12-21T10:00:30Z'))).toBe(0.5);
  });

  it('a night shift spanning the spring clock change is 4.5 real hours, the autumn one 6.5', () => {
    // Sun 29 Mar: 00:30 GMT (00:30Z) to 06:00 BST (05:00Z). Sun 25 Oct: 00:30 BST (24 Oct 23:30Z) to 06:00 GMT.
    expect(businessMinutesBetween(nightDesk, t('2026-03-29T00:00:00Z'), t('2026-03-29T12:00:00Z'))).toBe(270);
    expect(businessMinutesBetween(nightDesk, t('2026-10-24T23:00:00Z'), t('2026-10-25T12:00:00Z'))).toBe(390);
  });
});

describe('subtractBusinessMinutes', () => {
  it('2 business hours before 10:00 Monday is 17:00 the previous Friday', () => {
    // 60 min Mon 09:00-10:00, 60 min Fri 17:00-18:00.
    expect(iso(subtractBusinessMinutes(london, t('2026-12-21T10:00:00Z'), 120))).toBe('2026-12-18T17:00:00.000Z');
  });

  it('1 business hour before Saturday noon is 17:00 Friday', () => {
    expect(iso(subtractBusinessMinutes(london, t('2026-12-19T12:00:00Z'), 60))).toBe('2026-12-18T17:00:00.000Z');
  });
});

describe('bad calendars and durations are refused', () => {
  it('rejects an unknown time zone, inverted hours, an impossible holiday and no working days', () => {
    const at = t('2026-12-21T10:00:00Z');
    expect(() => isBusinessTime({ ...london, timezone: 'Europe/Atlantis' }, at)).toThrow(RangeError);
    expect(() => isBusinessTime({ ...london, workStart: '18:00', workEnd: '09:00' }, at)).toThrow(/workEnd/);
    expect(() => isBusinessTime({ ...london, workEnd: '25:00' }, at)).toThrow(/workEnd/);
    expect(() => isBusinessTime({ ...london, holidays: ['2026-02-30'] }, at)).toThrow(/holiday/);
    expect(() => isBusinessTime({ ...london, workdays: [] }, at)).toThrow(/workdays/);
    expect(() => isBusinessTime({ ...london, workdays: [0] }, at)).toThrow(/workdays/);
  });

  it('rejects negative minutes and fractional days', () => {
    const at = t('2026-12-21T10:00:00Z');
    expect(() => addBusinessMinutes(london, at, -1)).toThrow(/minutes/);
    expect(() => addBusinessDuration(london, at, { businessDays: 1.5 })).toThrow(/businessDays/);
    expect(() => addBusinessDuration(london, at, { businessHours: Number.NaN })).toThrow(/businessHours/);
  });

  it('a 24-hour desk may close at 24:00', () => {
    const allDay: BusinessCalendar = { ...london, workStart: '00:00', workEnd: '24:00' };
    // Mon 21 Dec 23:00 GMT + 2 h -> 1 h Monday, 1 h from Tue 00:00 -> Tue 01:00.
    expect(iso(addBusinessMinutes(allDay, t('2026-12-21T23:00:00Z'), 120))).toBe('2026-12-22T01:00:00.000Z');
  });
});

describe('speed', () => {
  it('computes a 40-business-day deadline (and its 40-day hour equivalent) in well under 1 ms', () => {
    const start = t('2026-01-05T10:00:00Z');
    const runs = 200;
    const began = performance.now();
    for (let i = 0; i < runs; i++) {
      addBusinessDuration(london, start + i * 3_600_000, { businessDays: 40 });
      addBusinessMinutes(newYork, start + i * 3_600_000, 40 * 480);
    }
    expect((performance.now() - began) / runs).toBeLessThan(0.5);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties, over all of 2026 and every fixture calendar.

const calendars = [london, newYork, shanghai, bangkok, nightDesk];
const arbCal = fc.constantFrom(...calendars);
const arbInstant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) });
const arbMinutes = fc.integer({ min: 0, max: 30_000 });

/** Local date, ISO weekday and ms after midnight, straight from Intl: an oracle independent of the module. */
function local(cal: BusinessCalendar, at: number) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: cal.timezone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday) + 1;
  const timeOfDay = ((Number(p.hour) * 60 + Number(p.minute)) * 60 + Number(p.second)) * 1000 + (at % 1000);
  return { date: `${p.year}-${p.month}-${p.day}`, weekday, timeOfDay };
}
const clock = (hhmm: string) => (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000;

describe('properties', () => {
  it('isBusinessTime agrees with the branch’s local calendar and clock', () => {
    fc.assert(
      fc.property(arbCal, arbInstant, (cal, at) => {
        const l = local(cal, at);
        const expected =
          cal.workdays.includes(l.weekday) &&
          !cal.holidays.includes(l.date) &&
          l.timeOfDay >= clock(cal.workStart) &&
          l.timeOfDay < clock(cal.workEnd);
        expect(isBusinessTime(cal, at)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('more minutes never give an earlier deadline', () => {
    fc.assert(
      fc.property(arbCal, arbInstant, arbMinutes, arbMinutes, (cal, s, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const early = addBusinessMinutes(cal, s, lo);
        const late = addBusinessMinutes(cal, s, hi);
        expect(lo < hi ? early < late : early === late).toBe(true);
      }),
    );
  });

  it('businessMinutesBetween undoes addBusinessMinutes from any start', () => {
    fc.assert(
      fc.property(arbCal, arbInstant, arbMinutes, (cal, s, m) => {
        expect(businessMinutesBetween(cal, s, addBusinessMinutes(cal, s, m))).toBe(m);
      }),
    );
  });

  it('a deadline is inside working hours or exactly at a closing time', () => {
    fc.assert(
      fc.property(arbCal, arbInstant, arbMinutes, (cal, s, m) => {
        const due = addBusinessMinutes(cal, s, m);
        const closingEdge = !isBusinessTime(cal, due) && isBusinessTime(cal, due - 1);
        expect(isBusinessTime(cal, due) || (m > 0 && closingEdge)).toBe(true);
      }),
    );
  });

  it('business minutes over consecutive periods add up', () => {
    fc.assert(
      fc.property(arbCal, arbInstant, arbInstant, arbInstant, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q);
        const ms = (from: number, to: number) => Math.round(businessMinutesBetween(cal, from, to) * 60_000);
        expect(ms(a, c)).toBe(ms(a, b) + ms(b, c));
      }),
    );
  });

  it('subtracting business minutes lands in working hours exactly that many minutes earlier', () => {
    fc.assert(
      fc.property(arbCal, arbInstant, fc.integer({ min: 1, max: 30_000 }), (cal, end, m) => {
        const from = subtractBusinessMinutes(cal, end, m);
        expect(businessMinutesBetween(cal, from, end)).toBe(m);
        expect(isBusinessTime(cal, from)).toBe(true);
      }),
    );
  });

  it('day targets keep the local wall-clock time and land on a working day', () => {
    // The night desk is left out: its hours contain clock changes, covered by the examples above.
    const dayCalendars = fc.constantFrom(london, newYork, shanghai, bangkok);
    fc.assert(
      fc.property(dayCalendars, arbInstant, fc.integer({ min: 1, max: 40 }), (cal, x, days) => {
        const start = nextBusinessMoment(cal, x);
        const due = addBusinessDuration(cal, start, { businessDays: days });
        const l = local(cal, due);
        expect(l.timeOfDay).toBe(local(cal, start).timeOfDay);
        expect(cal.workdays.includes(l.weekday) && !cal.holidays.includes(l.date)).toBe(true);
        expect(addBusinessDuration(cal, start, { businessDays: days + 1 })).toBeGreaterThan(due);
        // One business day is one working day's worth of business minutes, whatever the clocks did.
        const dayMinutes = (clock(cal.workEnd) - clock(cal.workStart)) / 60_000;
        expect(businessMinutesBetween(cal, start, due)).toBe(days * dayMinutes);
      }),
    );
  });
});
