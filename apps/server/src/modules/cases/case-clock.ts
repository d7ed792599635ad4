import { shanghaiDate, workingDaysBetween, workingTimeBetween, type WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { CaseTable } from '../../kernel/db/schema.js';

/**
 * The case's clocks (DOMAIN.md): dispatch starts the sign-for clock, signing the handling clock, a return pauses
 * until the next dispatch, answering stops it. `due_at` is whichever deadline is running.
 * Light: yellow once 80% of the limit's working time is used, red once the running deadline has passed.
 */
export const YELLOW_AT = 0.8;

type ClockView = Pick<CaseTable, 'clockState' | 'dueAt' | 'limitDays' | 'signLimitDays' | 'light' | 'overdue'>;

export const isRunning = (c: Pick<CaseTable, 'clockState' | 'dueAt'>) => (c.clockState === 'sign' || c.clockState === 'running') && c.dueAt !== null;

/** The light and overdue flag at `now`; a stopped or paused clock keeps the light it had. */
export function lightAt(cal: WorkingCalendar, c: ClockView, now: Date): { light: string; overdue: number } {
  if (!isRunning(c)) return { light: c.light, overdue: 0 };
  const due = new Date(c.dueAt!);
  if (now.getTime() > due.getTime()) return { light: 'red', overdue: 1 };
  const limit = (c.clockState === 'sign' ? c.signLimitDays : c.limitDays) ?? 1;
  const left = workingTimeBetween(cal, now, due);
  return { light: 1 - left / limit >= YELLOW_AT ? 'yellow' : 'green', overdue: 0 };
}

/** Working days from today to the running deadline's day; negative once overdue; null with no clock running. */
export function workingDaysLeft(cal: WorkingCalendar, c: Pick<CaseTable, 'clockState' | 'dueAt'>, now: Date): number | null {
  if (!isRunning(c)) return null;
  return workingDaysBetween(cal, shanghaiDate(now), shanghaiDate(c.dueAt!));
}

/** The earliest date a clock computation for these cases may need from the calendar. */
export function calendarFrom(now: Date, rows: Pick<CaseTable, 'dueAt' | 'signedAt' | 'dispatchedAt' | 'pausedAt'>[]): string {
  let min = now.getTime();
  for (const r of rows) for (const t of [r.dueAt, r.signedAt, r.dispatchedAt, r.pausedAt]) if (t !== null && t < min) min = t;
  return shanghaiDate(min);
}

/** `2025-10-14 23:59` in Hangzhou time, for notices and exports. */
export const fmtShanghai = (ms: number | null) => (ms === null ? '' : new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' '));
