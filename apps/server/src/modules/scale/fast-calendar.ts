import { isWorkingDay, shanghaiDate, type WorkingCalendar } from '../../kernel/calendar/working-calendar.js';

const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000;

/**
 * The working calendar as a day table, for computing a million deadlines quickly. Built from the kernel's
 * `isWorkingDay`, and answers `addWorkingDays` exactly as the kernel does (the generator's test compares them).
 */
export class FastCalendar {
  private readonly base: number;
  private readonly cum: Int32Array;
  private readonly workdays: number[] = [];

  constructor(cal: WorkingCalendar, fromMs: number, toMs: number) {
    this.base = FastCalendar.dayOf(fromMs) - 10;
    const length = FastCalendar.dayOf(toMs) - this.base + 800;
    this.cum = new Int32Array(length);
    let n = 0;
    for (let i = 0; i < length; i++) {
      if (isWorkingDay(cal, shanghaiDate((this.base + i) * DAY))) {
        n++;
        this.workdays.push(i);
      }
      this.cum[i] = n;
    }
  }

  static dayOf(ms: number): number {
    return Math.floor((ms + OFFSET) / DAY);
  }

  private endOf(index: number): number {
    return (this.base + index + 1) * DAY - OFFSET - 1;
  }

  /** The end (23:59:59.999 Shanghai) of the n-th working day after `startMs`'s day. */
  addWorkingDays(startMs: number, n: number): number {
    const i = FastCalendar.dayOf(startMs) - this.base;
    if (n === 0) return this.endOf(i);
    const target = this.workdays[this.cum[i]! + n - 1];
    if (target === undefined) throw new RangeError('date outside the generator calendar');
    return this.endOf(target);
  }

  /** Working days in (fromMs's day, toMs's day], as the kernel's `workingDaysBetween` counts them (to ≥ from). */
  workingDaysBetween(fromMs: number, toMs: number): number {
    return this.cum[FastCalendar.dayOf(toMs) - this.base]! - this.cum[FastCalendar.dayOf(fromMs) - this.base]!;
  }

  /** About one working day before `deadlineMs` (when the sweep's reminder goes out). */
  oneWorkingDayBefore(deadlineMs: number): number {
    const i = FastCalendar.dayOf(deadlineMs) - this.base;
    const prev = this.workdays[this.cum[i]! - 2];
    return prev === undefined ? deadlineMs - DAY : this.endOf(prev);
  }
}
