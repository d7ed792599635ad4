import { describe, expect, it } from 'vitest';
import { isWeekend, monthCells } from './MonthGrid';

describe('monthCells', () => {
  it('starts the week on Monday', () => {
    // 2025-10-01 was a Wednesday: two blanks before it.
    const cells = monthCells(2025, 10);
    expect(cells.slice(0, 3)).toEqual([null, null, '2025-10-01']);
    expect(cells.filter(Boolean)).toHaveLength(31);
  });
  it('knows February of a leap year', () => {
    expect(monthCells(2028, 2).filter(Boolean)).toHaveLength(29);
  });
});

describe('isWeekend', () => {
  it('is Saturday and Sunday', () => {
    expect(isWeekend('2025-09-27')).toBe(true);
    expect(isWeekend('2025-09-28')).toBe(true);
    expect(isWeekend('2025-09-29')).toBe(false);
  });
});
