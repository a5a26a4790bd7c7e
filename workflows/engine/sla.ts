// SLA schedules: when to remind, when a task is at risk, breached and escalated. Pure, for workflow code.
// The model is described in docs/sla.md.
import {
  addBusinessDuration,
  addBusinessMinutes,
  businessMinutesBetween,
  subtractBusinessMinutes,
  type BusinessCalendar,
  type BusinessDuration,
} from './business-time';

export interface SlaTarget {
  duration: BusinessDuration;
  escalateAfterMinutes: number;
} // escalateAfter in business minutes

export interface SlaSchedule {
  /** When the clock started; after a pause, the virtual start that excludes the paused time. */
  startedAt: number;
  dueAt: number; // breach moment (100 %)
  atRiskAt: number; // 75 %
  reminders: { percent: 50 | 75 | 90; at: number }[]; // at 50/75/90 % of the business time between start and due
  escalations: { level: 1 | 2; at: number }[]; // level 1 at dueAt; level 2 at dueAt + escalateAfterMinutes (business)
}

export type SlaState = 'on_track' | 'at_risk' | 'breached' | 'paused';

const REMINDER_PERCENTS = [50, 75, 90] as const;
const AT_RISK_PERCENT = 75;

function levelTwoAt(cal: BusinessCalendar, dueAt: number, escalateAfterMinutes: number): number {
  // With no delay both levels fire together; addBusinessMinutes(…, 0) would move a closing-time due to the next opening.
  return escalateAfterMinutes > 0 ? addBusinessMinutes(cal, dueAt, escalateAfterMinutes) : dueAt;
}

export function buildSchedule(cal: BusinessCalendar, startedAt: number, target: SlaTarget): SlaSchedule {
  const dueAt = addBusinessDuration(cal, startedAt, target.duration);
  const total = businessMinutesBetween(cal, startedAt, dueAt);
  const reminders = REMINDER_PERCENTS.map((percent) => ({
    percent,
    at: addBusinessMinutes(cal, startedAt, (total * percent) / 100),
  }));
  return {
    startedAt,
    dueAt,
    atRiskAt: reminders.find((r) => r.percent === AT_RISK_PERCENT)!.at,
    reminders,
    escalations: [
      { level: 1, at: dueAt },
      { level: 2, at: levelTwoAt(cal, dueAt, target.escalateAfterMinutes) },
    ],
  };
}

/** Remaining business minutes when the clock is paused (waiting on the client). */
export function pauseClock(
  cal: BusinessCalendar,
  schedule: SlaSchedule,
  pausedAt: number,
): { remainingMinutes: number; elapsedMinutes: number } {
  return {
    remainingMinutes: businessMinutesBetween(cal, pausedAt, schedule.dueAt),
    elapsedMinutes: businessMinutesBetween(cal, schedule.startedAt, pausedAt),
  };
}

/**
 * A new schedule after a pause: same remaining business time, counted from resumedAt; thresholds keep
 * their percentages of the ORIGINAL total. Every moment still ahead at the pause moves by exactly the
 * business time it had left; moments at or before the pause have fired already and keep their instants.
 */
export function resumeClock(
  cal: BusinessCalendar,
  schedule: SlaSchedule,
  pausedAt: number,
  resumedAt: number,
  escalateAfterMinutes: number,
): SlaSchedule {
  if (resumedAt < pausedAt) throw new RangeError('resumedAt must not be before pausedAt');
  // A pause that used no business time (the client answered overnight) moves nothing. Re-adding the
  // minutes would turn a deadline at an opening time into the previous day's closing time.
  if (businessMinutesBetween(cal, pausedAt, resumedAt) === 0) return schedule;
  const shift = (at: number) => (at <= pausedAt ? at : addBusinessMinutes(cal, resumedAt, businessMinutesBetween(cal, pausedAt, at)));
  const dueAt = shift(schedule.dueAt);
  const previousLevelTwo = schedule.escalations.find((e) => e.level === 2)?.at ?? levelTwoAt(cal, schedule.dueAt, escalateAfterMinutes);
  const { elapsedMinutes } = pauseClock(cal, schedule, pausedAt);
  return {
    startedAt: subtractBusinessMinutes(cal, resumedAt, elapsedMinutes),
    dueAt,
    atRiskAt: shift(schedule.atRiskAt),
    reminders: schedule.reminders.map((r) => ({ percent: r.percent, at: shift(r.at) })),
    escalations: [
      { level: 1, at: dueAt },
      // Still ahead of the due moment: count the delay from the new due; otherwise carry over what was left.
      { level: 2, at: schedule.dueAt > pausedAt ? levelTwoAt(cal, dueAt, escalateAfterMinutes) : shift(previousLevelTwo) },
    ],
  };
}

/** Same rule as the SQL that lists tasks and cases: paused wins, then breached (at due), then at risk. */
export function slaStateAt(schedule: Pick<SlaSchedule, 'atRiskAt' | 'dueAt'>, now: number, paused?: boolean): SlaState {
  if (paused) return 'paused';
  if (now >= schedule.dueAt) return 'breached';
  if (now >= schedule.atRiskAt) return 'at_risk';
  return 'on_track';
}
