// Business-time arithmetic for branch calendars. Runs inside the Temporal workflow sandbox, so it is a
// pure function of its inputs: no I/O, no clock, and only Intl to learn a zone's UTC offsets.
// Semantics (and why) are documented in docs/sla.md.

export interface BusinessCalendar {
  timezone: string; // IANA, e.g. 'Europe/London', 'Asia/Shanghai', 'Asia/Bangkok'
  workdays: number[]; // ISO weekdays that are working days: 1 = Monday … 7 = Sunday
  workStart: string; // local 'HH:MM'
  workEnd: string; // local 'HH:MM' (> workStart; no overnight shifts; '24:00' allowed)
  holidays: string[]; // local dates 'YYYY-MM-DD' that are not worked
}

export interface BusinessDuration {
  businessDays?: number;
  businessHours?: number;
  businessMinutes?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

// ---------------------------------------------------------------------------------------------
// Zone offsets. Intl formatting costs ~3 µs a call, too slow to do per working day, so each zone keeps
// a memo of UTC weeks: the offset at the week's start and end and, when they differ, the instant the
// clocks changed (found by bisection). This assumes a zone changes its clocks at most once in a UTC
// week (real clock changes are months apart). The memo only caches a pure function, so results stay
// deterministic.

interface WeekOffsets {
  before: number;
  after: number;
  changeAt: number;
}
interface Zone {
  fmt: Intl.DateTimeFormat;
  weeks: Map<number, WeekOffsets>;
}

const zones = new Map<string, Zone>();
const MAX_CACHED_WEEKS = 4096;

function zoneOf(timezone: string): Zone {
  let zone = zones.get(timezone);
  if (!zone) {
    // Throws RangeError for an unknown zone, which is what callers should see.
    const fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zone = { fmt, weeks: new Map() };
    zones.set(timezone, zone);
  }
  return zone;
}

/** Offset (local − UTC, ms) at a whole-second instant, straight from Intl. */
function intlOffset(zone: Zone, at: number): number {
  const f: Record<string, number> = {};
  for (const p of zone.fmt.formatToParts(at)) if (p.type !== 'literal') f[p.type] = Number(p.value);
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - at;
}

function weekOffsets(zone: Zone, week: number): WeekOffsets {
  let w = zone.weeks.get(week);
  if (w) return w;
  let lo = week * WEEK;
  let hi = lo + WEEK;
  const before = intlOffset(zone, lo);
  const after = intlOffset(zone, hi);
  if (before !== after) {
    // Clocks change on whole seconds; bisect to the first second showing the new offset.
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (intlOffset(zone, mid) === before) lo = mid;
      else hi = mid;
    }
  }
  w = { before, after, changeAt: before === after ? Infinity : hi };
  if (zone.weeks.size >= MAX_CACHED_WEEKS) zone.weeks.clear();
  zone.weeks.set(week, w);
  return w;
}

function offsetAt(zone: Zone, at: number): number {
  const w = weekOffsets(zone, Math.floor(at / WEEK));
  return at < w.changeAt ? w.before : w.after;
}

/**
 * The instant a local wall-clock time ("local ms": epoch ms as if the zone were UTC) happens.
 * Ambiguous (clocks went back): the earlier instant. Non-existent (clocks went forward): the
 * first instant after the gap, i.e. the moment the clocks changed.
 */
function localToUtc(zone: Zone, local: number): number {
  const oBefore = offsetAt(zone, local - DAY);
  const oAfter = offsetAt(zone, local + DAY);
  let best = Infinity;
  for (const o of oBefore === oAfter ? [oBefore] : [oBefore, oAfter]) {
    if (offsetAt(zone, local - o) === o) best = Math.min(best, local - o);
  }
  if (best !== Infinity) return best;
  // In a gap: the change happened between these two instants.
  let lo = local - oAfter;
  let hi = local - oBefore;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetAt(zone, mid) === oBefore) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Local day number (days since 1970-01-01 in the zone's calendar) of an instant. */
function localDayOf(zone: Zone, at: number): number {
  return Math.floor((at + offsetAt(zone, at)) / DAY);
}

// ---------------------------------------------------------------------------------------------
// Calendars

interface Compiled {
  zone: Zone;
  workdays: boolean[]; // index = ISO weekday
  startMs: number; // local ms after midnight
  endMs: number;
  holidays: Set<number>; // local day numbers
}

function parseClock(value: string, field: string, allowMidnightEnd: boolean): number {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  const ok = m && min < 60 && (h < 24 || (allowMidnightEnd && h === 24 && min === 0));
  if (!ok) throw new RangeError(`${field} must be 'HH:MM', got '${value}'`);
  return h * HOUR + min * MINUTE;
}

function parseDate(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new RangeError(`holiday must be a 'YYYY-MM-DD' date, got '${value}'`);
  }
  return ms / DAY;
}

function compile(cal: BusinessCalendar): Compiled {
  const workdays: boolean[] = new Array(8).fill(false);
  for (const d of cal.workdays) {
    if (!Number.isInteger(d) || d < 1 || d > 7) throw new RangeError(`workdays must be ISO weekdays 1-7, got ${d}`);
    workdays[d] = true;
  }
  if (!workdays.includes(true)) throw new RangeError('workdays must name at least one day');
  const startMs = parseClock(cal.workStart, 'workStart', false);
  const endMs = parseClock(cal.workEnd, 'workEnd', true);
  if (endMs <= startMs) throw new RangeError('workEnd must be after workStart');
  return { zone: zoneOf(cal.timezone), workdays, startMs, endMs, holidays: new Set(cal.holidays.map(parseDate)) };
}

/** ISO weekday of a day number; day 0 (1970-01-01) was a Thursday. */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Working hours [open, close) of one local day as instants. */
interface Window {
  day: number;
  open: number;
  close: number;
}

function windowOf(c: Compiled, day: number): Window | null {
  if (!c.workdays[isoWeekday(day)] || c.holidays.has(day)) return null;
  const open = localToUtc(c.zone, day * DAY + c.startMs);
  const close = localToUtc(c.zone, day * DAY + c.endMs);
  return open < close ? { day, open, close } : null;
}

/** The first working window on a day after `day`. */
function windowAfter(c: Compiled, day: number): Window {
  for (let d = day + 1; ; d++) {
    const w = windowOf(c, d);
    if (w) return w;
  }
}

/** The first working window that has not closed by `at`. */
function windowFrom(c: Compiled, at: number): Window {
  // Start a day early: if clocks went back across midnight an instant can belong to yesterday's window.
  let w = windowAfter(c, localDayOf(c.zone, at) - 2);
  while (w.close <= at) w = windowAfter(c, w.day);
  return w;
}

function toMs(minutes: number, field: string): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`${field} must be a non-negative number`);
  return Math.round(minutes * MINUTE);
}

// ---------------------------------------------------------------------------------------------
// Public API

export function isBusinessTime(cal: BusinessCalendar, at: number): boolean {
  return windowFrom(compile(cal), at).open <= at;
}

/** `at` itself when inside working hours, else the next opening. */
export function nextBusinessMoment(cal: BusinessCalendar, at: number): number {
  return Math.max(at, windowFrom(compile(cal), at).open);
}

/**
 * The earliest instant by which `minutes` business minutes have passed since `start`. When they use up
 * a day exactly, that is the day's closing time (e.g. Friday 18:00), not the next opening. Zero minutes
 * gives nextBusinessMoment(start).
 */
export function addBusinessMinutes(cal: BusinessCalendar, start: number, minutes: number): number {
  return addMs(compile(cal), start, toMs(minutes, 'minutes'));
}

function addMs(c: Compiled, start: number, ms: number): number {
  let w = windowFrom(c, start);
  let t = Math.max(start, w.open);
  let remaining = ms;
  for (;;) {
    if (remaining <= w.close - t) return t + remaining;
    remaining -= w.close - t;
    w = windowAfter(c, w.day);
    t = w.open;
  }
}

/** Business minutes in [from, to); 0 if to <= from. Fractional when the instants are not on whole minutes. */
export function businessMinutesBetween(cal: BusinessCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  const c = compile(cal);
  let ms = 0;
  for (let w = windowFrom(c, from); w.open < to; w = windowAfter(c, w.day)) {
    ms += Math.min(w.close, to) - Math.max(w.open, from);
  }
  return ms / MINUTE;
}

/**
 * The latest instant from which `minutes` business minutes pass by `end`: the inverse of
 * addBusinessMinutes, used to place a paused clock's virtual start.
 */
export function subtractBusinessMinutes(cal: BusinessCalendar, end: number, minutes: number): number {
  const c = compile(cal);
  let remaining = toMs(minutes, 'minutes');
  if (remaining === 0) return end;
  for (let day = localDayOf(c.zone, end) + 1; ; day--) {
    const w = windowOf(c, day);
    if (!w || w.open >= end) continue;
    const until = Math.min(w.close, end);
    if (remaining <= until - w.open) return until - remaining;
    remaining -= until - w.open;
  }
}

/**
 * Days first, then hours and minutes. A business day keeps the local wall-clock time: from inside
 * working hours N days later at the same time; from outside, N days after the next opening.
 */
export function addBusinessDuration(cal: BusinessCalendar, start: number, d: BusinessDuration): number {
  const c = compile(cal);
  const days = d.businessDays ?? 0;
  if (!Number.isInteger(days) || days < 0) throw new RangeError('businessDays must be a non-negative integer');
  const ms = toMs((d.businessHours ?? 0) * 60, 'businessHours') + toMs(d.businessMinutes ?? 0, 'businessMinutes');
  if (days === 0) return addMs(c, start, ms);
  const afterDays = addDays(c, start, days);
  // Without this guard a deadline clamped to a closing time would jump to the next opening.
  return ms === 0 ? afterDays : addMs(c, afterDays, ms);
}

function addDays(c: Compiled, start: number, days: number): number {
  const w = windowFrom(c, start);
  const inside = w.open <= start;
  // Wall-clock time of day to keep, measured from the window's local midnight.
  const timeOfDay = inside ? start + offsetAt(c.zone, start) - w.day * DAY : c.startMs;
  let target = w;
  for (let n = 0; n < days; n++) target = windowAfter(c, target.day);
  // A time lost to a clock change resolves to the next valid instant; keep it inside the window.
  return Math.min(target.close, Math.max(target.open, localToUtc(c.zone, target.day * DAY + timeOfDay)));
}
