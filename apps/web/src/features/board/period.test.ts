import { describe, expect, it } from 'vitest';
import { dashboardProjectsQuery, lightRulesBody } from '@liaison/contracts';
import { drillTarget, periodFrom, ratePercent, recentWeeks, weekParts } from './period';
import { rulesBody, type RulesFormValues } from './rules';

describe('weeks', () => {
  it('lists the recent ISO weeks, newest first, across a year boundary', () => {
    const weeks = recentWeeks('2026-01-06', 3);
    expect(weeks.map((w) => w.week)).toEqual(['2026-W02', '2026-W01', '2025-W52']);
    expect(weeks[1]).toEqual({ week: '2026-W01', from: '2025-12-29', to: '2026-01-04' });
    expect(weekParts('2026-W48')).toEqual({ year: 2026, n: 48 });
  });
  it('reads the period from the query string, ignoring what is not one', () => {
    expect(periodFrom(new URLSearchParams('week=2026-W48'))).toEqual({ week: '2026-W48' });
    expect(periodFrom(new URLSearchParams('week=2026-W60'))).toEqual({});
    expect(periodFrom(new URLSearchParams('from=2026-01-01&to=2026-03-31'))).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodFrom(new URLSearchParams('from=2026-04-01&to=2026-03-31'))).toEqual({});
  });
});

describe('figures', () => {
  it('turns rates into percents', () => {
    expect(ratePercent(0.8182)).toBe(81.8);
    expect(ratePercent(null)).toBeNull();
  });
  it('follows only local drill paths', () => {
    expect(drillTarget('/cases?type=safety&overdue=true')).toBe('/cases?type=safety&overdue=true');
    expect(drillTarget('https://example.com/')).toBeNull();
    expect(drillTarget('//example.com/')).toBeNull();
  });
  it('the project sorts the board offers are the API\'s', () => {
    for (const sort of ['light', 'overdue', 'gap']) expect(dashboardProjectsQuery.safeParse({ sort }).success).toBe(true);
  });
});

describe('light rules form', () => {
  it('makes a body the contract accepts; an empty threshold switches that level off', () => {
    const v: RulesFormValues = {
      enabled: true,
      investmentGap: { yellow: 10, red: 25 },
      overdueCases: { yellow: 1, red: 3 },
      majorHazards: { yellow: undefined, red: 1 },
      approvalsOverLimit: { yellow: 1, red: 3 },
      highRiskDisputes: { yellow: 1, red: null },
    };
    const body = rulesBody(v, 4);
    expect(body.rules.majorHazards).toEqual({ yellow: null, red: 1 });
    expect(body.rules.highRiskDisputes).toEqual({ yellow: 1, red: null });
    expect(lightRulesBody.safeParse(body).success).toBe(true);
  });
});
