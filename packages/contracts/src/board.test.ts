import { describe, expect, it } from 'vitest';
import { boardSummaryQuery, isoWeekOf, isoWeekRange } from './board.js';

describe('ISO weeks', () => {
  it('names the week of a date, with the year of its Thursday', () => {
    expect(isoWeekOf('2026-11-26')).toBe('2026-W48');
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(isoWeekOf('2026-11-22')).toBe('2026-W47');
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
  });

  it('gives Monday and Sunday of a week, and nothing for a week the year lacks', () => {
    expect(isoWeekRange('2026-W48')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(isoWeekRange('2026-W01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(isoWeekRange('2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(isoWeekRange('2025-W53')).toBeNull();
  });
});

describe('the board period', () => {
  it('takes a week or a from–to range, not both, at most 400 days', () => {
    expect(boardSummaryQuery.safeParse({ week: '2026-W48' }).success).toBe(true);
    expect(boardSummaryQuery.safeParse({ from: '2026-01-01', to: '2026-11-26' }).success).toBe(true);
    expect(boardSummaryQuery.safeParse({ week: '2026-W48', from: '2026-01-01', to: '2026-01-02' }).success).toBe(false);
    expect(boardSummaryQuery.safeParse({ from: '2026-01-01' }).success).toBe(false);
    expect(boardSummaryQuery.safeParse({ from: '2026-02-01', to: '2026-01-01' }).success).toBe(false);
    expect(boardSummaryQuery.safeParse({ from: '2024-01-01', to: '2026-01-01' }).success).toBe(false);
    expect(boardSummaryQuery.safeParse({ week: '2025-W53' }).success).toBe(false);
    expect(boardSummaryQuery.safeParse({ week: '2026-48' }).success).toBe(false);
  });
});
