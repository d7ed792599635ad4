import { describe, expect, it } from 'vitest';
import calendarSeed from '../../../seed/calendar-cn.json' with { type: 'json' };
import { buildCalendar } from '../../kernel/calendar/working-calendar.js';
import { approvalClock, clockFrom } from './approval-clock.js';

const cal = buildCalendar(calendarSeed.days);
const base = { submittedOn: null, acceptedOn: null, approvedOn: null, sentBackOn: null, statutoryDays: 10 };

describe('approvalClock', () => {
  it('runs no clock before submission', () => {
    expect(approvalClock(cal, { ...base, status: 'preparing' }, '2025-10-13')).toEqual({ used: null, left: null, light: 'none', isStuck: false, saved: null });
  });

  it('counts working days across National Day 2025 with its two make-up Saturdays/Sundays', () => {
    // Accepted Fri 26 Sep; (26 Sep, 13 Oct] holds Sun 28 Sep (调休), Mon 29, Tue 30, Thu 9, Fri 10, Sat 11 Oct (调休), Mon 13 = 7.
    const c = approvalClock(cal, { ...base, status: 'approved', submittedOn: '2025-09-24', acceptedOn: '2025-09-26', approvedOn: '2025-10-13' }, '2026-11-26');
    expect(c).toEqual({ used: 7, left: null, light: 'green', isStuck: false, saved: 3 });
  });

  it('counts from submission until acceptance, and up to today while the item waits', () => {
    const c = approvalClock(cal, { ...base, status: 'submitted', submittedOn: '2025-09-30' }, '2025-10-09');
    expect(c.used).toBe(1);
    expect(c.left).toBe(9);
    expect(c.light).toBe('green');
  });

  it('turns yellow and stuck at 80% of the limit, red past it', () => {
    // (2025-09-26, 2025-10-10] = 28 Sep, 29, 30, 9 Oct, 10 Oct = 5 working days.
    const at = (statutoryDays: number) => approvalClock(cal, { ...base, status: 'accepted', submittedOn: '2025-09-25', acceptedOn: '2025-09-26', statutoryDays }, '2025-10-10');
    expect(at(7)).toMatchObject({ used: 5, left: 2, light: 'green', isStuck: false });
    expect(at(6)).toMatchObject({ used: 5, left: 1, light: 'yellow', isStuck: true });
    expect(at(4)).toMatchObject({ used: 5, left: -1, light: 'red', isStuck: true });
  });

  it('stops the clock on the day the item was sent back', () => {
    const c = approvalClock(cal, { ...base, status: 'sent_back', submittedOn: '2025-09-26', sentBackOn: '2025-09-30' }, '2026-11-26');
    expect(c).toMatchObject({ used: 3, left: null, isStuck: false, saved: null });
  });

  it('marks an approval that overran its limit red with negative days saved', () => {
    const c = approvalClock(cal, { ...base, status: 'approved', acceptedOn: '2025-09-26', approvedOn: '2025-10-13', statutoryDays: 5 }, '2026-11-26');
    expect(c).toMatchObject({ used: 7, light: 'red', saved: -2 });
  });

  it('finds the earliest date the clocks need', () => {
    expect(clockFrom([{ submittedOn: '2025-09-01', acceptedOn: '2025-09-03' }, { submittedOn: null, acceptedOn: null }], '2026-11-26')).toBe('2025-09-01');
  });
});
