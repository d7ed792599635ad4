/**
 * The working calendar (工作日历) as pure functions. A working day is a make-up working day (调休上班), or a
 * Monday–Friday that is not a statutory holiday. Days are Asia/Shanghai dates (UTC+8 all year, no DST since 1991),
 * so the arithmetic needs no time-zone database.
 */
export type CalendarDayKind = 'holiday' | 'workday';
export type WorkingCalendar = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
/** A guard against runaway loops on a malformed calendar (every day a holiday): ten years. */
const MAX_SCAN_DAYS = 3660;

export function buildCalendar(days: Iterable<{ date: string; kind: string }>): WorkingCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const d of days) (d.kind === 'workday' ? workdays : holidays).add(d.date);
  return { holidays, workdays };
}

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOfDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const addDays = (date: string, n: number) => dateOfDayNumber(dayNumber(date) + n);

/** 00:00:00.000 of a Shanghai date, as a UTC instant. */
export const startOfShanghaiDay = (date: string) => new Date(dayNumber(date) * DAY_MS - SHANGHAI_OFFSET_MS);
/** 23:59:59.999 of a Shanghai date, as a UTC instant: when a deadline on that day runs out. */
export const endOfShanghaiDay = (date: string) => new Date((dayNumber(date) + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1);

export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: WorkingCalendar, date: string): string {
  let d = date;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    d = addDays(d, 1);
    if (isWorkingDay(cal, d)) return d;
  }
  throw new Error('the working calendar has no working day in ten years');
}

/**
 * The deadline of an `n`-working-day limit started at `start`: counted from the next working day (次日起), it ends at
 * 23:59:59.999 (Shanghai) of the n-th working day. A 5-day limit signed on 2025-09-30 ends on 2025-10-14.
 */
export function addWorkingDays(cal: WorkingCalendar, start: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let d = shanghaiDate(start);
  for (let i = 0; i < n; i++) d = nextWorkingDay(cal, d);
  return endOfShanghaiDay(d);
}

/** Moves a deadline (the end of a day) on by `n` working days: an approved extension or a pause. */
export function extendDeadline(cal: WorkingCalendar, deadline: Date, n: number): Date {
  return addWorkingDays(cal, deadline, n);
}

/**
 * Working days in (from, to]: how many working days after `from` up to and including `to`. Negative when `to` is
 * before `from`. From today to a deadline's date it is "working days left".
 */
export function workingDaysBetween(cal: WorkingCalendar, from: string, to: string): number {
  if (to < from) return -workingDaysBetween(cal, to, from);
  let n = 0;
  for (let d = from, i = 0; d < to && i < MAX_SCAN_DAYS; i++) {
    d = addDays(d, 1);
    if (isWorkingDay(cal, d)) n++;
  }
  return n;
}

/**
 * Working time between two instants, in (fractional) working days: only hours that fall on working days count.
 * Negative when `b` is before `a`. Used for the 80% warning: a limit's share already used.
 */
export function workingTimeBetween(cal: WorkingCalendar, a: Date, b: Date): number {
  if (b.getTime() < a.getTime()) return -workingTimeBetween(cal, b, a);
  let total = 0;
  let cursor = a.getTime();
  const end = b.getTime();
  for (let i = 0; cursor < end && i < MAX_SCAN_DAYS; i++) {
    const date = shanghaiDate(cursor);
    const dayEnd = endOfShanghaiDay(date).getTime() + 1;
    const upTo = Math.min(dayEnd, end);
    if (isWorkingDay(cal, date)) total += (upTo - cursor) / DAY_MS;
    cursor = upTo;
  }
  return total;
}
