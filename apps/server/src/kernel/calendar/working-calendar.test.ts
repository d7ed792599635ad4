import { describe, expect, it } from 'vitest';
import seed from '../../../seed/calendar-cn.json' with { type: 'json' };
import {
  addWorkingDays, buildCalendar, endOfShanghaiDay, isWorkingDay, nextWorkingDay, shanghaiDate, workingDaysBetween,
  workingTimeBetween,
} from './working-calendar.js';

const cal = buildCalendar(seed.days);
const empty = buildCalendar([]);
/** 10:00 in Hangzhou on a date. */
const at10 = (date: string) => new Date(`${date}T02:00:00.000Z`);

describe('the shipped calendar data', () => {
  it('covers 2025 and 2026 from the State Council notices', () => {
    const of = (y: string, kind: string) => seed.days.filter((d) => d.date.startsWith(y) && d.kind === kind).map((d) => d.date);
    // 国办发明电〔2024〕12号: make-up working days 26 Jan, 8 Feb, 27 Apr, 28 Sep, 11 Oct.
    expect(of('2025', 'workday')).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(of('2025', 'holiday')).toEqual(expect.arrayContaining(['2025-01-01', '2025-01-28', '2025-02-04', '2025-04-04', '2025-05-05', '2025-05-31', '2025-06-02', '2025-10-01', '2025-10-08']));
    // 国办发明电〔2025〕7号: 4 Jan, 14 Feb, 28 Feb, 9 May, 20 Sep, 10 Oct.
    expect(of('2026', 'workday')).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(of('2026', 'holiday')).toEqual(expect.arrayContaining(['2026-01-02', '2026-02-15', '2026-02-23', '2026-06-19', '2026-09-25', '2026-10-07']));
    for (const d of seed.days) expect(d.name.length).toBeGreaterThan(0);
  });
});

describe('isWorkingDay', () => {
  it('treats Monday–Friday as working and weekends as rest when nothing is listed', () => {
    expect(isWorkingDay(empty, '2026-11-27')).toBe(true); // Friday
    expect(isWorkingDay(empty, '2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay(empty, '2026-11-29')).toBe(false); // Sunday
    expect(isWorkingDay(empty, '2026-11-30')).toBe(true); // Monday
  });
  it('makes statutory holidays rest days and 调休 weekends working days', () => {
    expect(isWorkingDay(cal, '2025-10-01')).toBe(false); // Wednesday, National Day
    expect(isWorkingDay(cal, '2025-10-08')).toBe(false); // Wednesday, still the holiday
    expect(isWorkingDay(cal, '2025-09-28')).toBe(true); // Sunday, make-up day
    expect(isWorkingDay(cal, '2025-10-11')).toBe(true); // Saturday, make-up day
    expect(isWorkingDay(cal, '2025-10-12')).toBe(false); // an ordinary Sunday
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true); // Saturday before the Spring Festival
  });
});

describe('addWorkingDays (counted from the next working day, ending at 23:59:59.999 Shanghai)', () => {
  it('puts a 5-working-day limit signed on 2025-09-30 at the end of 2025-10-14 (the issue\'s example)', () => {
    const due = addWorkingDays(cal, at10('2025-09-30'), 5);
    // 9, 10, 11 (Saturday, make-up), 13, 14 October.
    expect(due.toISOString()).toBe('2025-10-14T15:59:59.999Z');
    expect(shanghaiDate(due)).toBe('2025-10-14');
  });
  it('skips weekends: 3 working days from a Thursday end on Tuesday', () => {
    expect(shanghaiDate(addWorkingDays(empty, at10('2026-11-26'), 3))).toBe('2026-12-01');
  });
  it('counts from the next working day even when started late in the evening or on a weekend', () => {
    expect(shanghaiDate(addWorkingDays(empty, new Date('2026-11-26T15:30:00Z'), 1))).toBe('2026-11-27'); // 23:30 Thursday
    expect(shanghaiDate(addWorkingDays(empty, new Date('2026-11-26T16:30:00Z'), 1))).toBe('2026-11-30'); // 00:30 Friday → Monday
    expect(shanghaiDate(addWorkingDays(empty, at10('2026-11-28'), 1))).toBe('2026-11-30'); // Saturday → Monday
  });
  it('counts a make-up Saturday as a working day', () => {
    expect(shanghaiDate(addWorkingDays(cal, at10('2025-10-10'), 1))).toBe('2025-10-11');
    expect(shanghaiDate(addWorkingDays(cal, at10('2025-09-26'), 1))).toBe('2025-09-28'); // Friday → make-up Sunday
  });
  it('jumps the Spring Festival', () => {
    expect(shanghaiDate(addWorkingDays(cal, at10('2026-02-13'), 1))).toBe('2026-02-14');
    expect(shanghaiDate(addWorkingDays(cal, at10('2026-02-14'), 1))).toBe('2026-02-24');
  });
  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays(cal, at10('2026-01-05'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, at10('2026-01-05'), 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween and workingTimeBetween', () => {
  it('counts working days in (from, to]', () => {
    expect(workingDaysBetween(cal, '2025-09-30', '2025-10-14')).toBe(5);
    expect(workingDaysBetween(cal, '2025-10-14', '2025-09-30')).toBe(-5);
    expect(workingDaysBetween(empty, '2026-11-26', '2026-11-26')).toBe(0);
    expect(workingDaysBetween(empty, '2026-11-27', '2026-11-30')).toBe(1);
  });
  it('counts only hours on working days', () => {
    // Friday 12:00 to Monday 12:00: half of Friday and half of Monday.
    expect(workingTimeBetween(empty, new Date('2026-11-27T04:00:00Z'), new Date('2026-11-30T04:00:00Z'))).toBeCloseTo(1, 9);
    // The whole National Day week is worth nothing.
    expect(workingTimeBetween(cal, endOfShanghaiDay('2025-09-30'), endOfShanghaiDay('2025-10-08'))).toBeCloseTo(0, 6);
    expect(workingTimeBetween(cal, at10('2025-10-14'), at10('2025-10-13'))).toBeCloseTo(-1, 9);
  });
  it('finds the next working day', () => {
    expect(nextWorkingDay(cal, '2025-09-30')).toBe('2025-10-09');
  });
});
