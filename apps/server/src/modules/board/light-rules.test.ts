import { describe, expect, it } from 'vitest';
import { DEFAULT_LIGHT_RULES, evaluateLight, investmentOf, yearShare, type LightInputs } from './light-rules.js';

const rules = { ...DEFAULT_LIGHT_RULES, enabled: true };
const inputs = (over: Partial<LightInputs> = {}): LightInputs => ({
  investmentGap: 0, overdueCases: 0, majorHazards: null, approvalsOverLimit: null, highRiskDisputes: null, ...over,
});

describe('the composite light', () => {
  it('is green when no rule fires', () => {
    expect(evaluateLight(rules, inputs())).toEqual({ light: 'green', reasons: [] });
  });

  it('turns yellow at the yellow threshold and red at the red one, saying why', () => {
    expect(evaluateLight(rules, inputs({ overdueCases: 1 }))).toEqual({
      light: 'yellow', reasons: [{ rule: 'overdueCases', level: 'yellow', value: 1, threshold: 1, text: '超期未办结工单 1 件（≥1 黄灯）' }],
    });
    const red = evaluateLight(rules, inputs({ overdueCases: 3, investmentGap: 12.5 }));
    expect(red.light).toBe('red');
    expect(red.reasons.map((r) => [r.rule, r.level])).toEqual([['overdueCases', 'red'], ['investmentGap', 'yellow']]);
    expect(red.reasons[1]!.text).toBe('本年投资完成滞后序时进度 12.5 个百分点（≥10 黄灯）');
  });

  it('skips inputs no module reports, and levels switched off', () => {
    expect(evaluateLight(rules, inputs({ majorHazards: null, investmentGap: null })).light).toBe('green');
    expect(evaluateLight(rules, inputs({ majorHazards: 1 })).reasons[0]).toMatchObject({ rule: 'majorHazards', level: 'red' });
    const noYellow = { ...rules, rules: { ...rules.rules, overdueCases: { yellow: null, red: 5 } } };
    expect(evaluateLight(noYellow, inputs({ overdueCases: 4 })).light).toBe('green');
  });
});

describe('the time-proportional plan (序时进度)', () => {
  it('is the share of the year elapsed by the end of the day', () => {
    expect(yearShare('2026-01-01')).toBeCloseTo(1 / 365, 9);
    expect(yearShare('2026-12-31')).toBe(1);
    expect(yearShare('2028-02-29')).toBeCloseTo(60 / 366, 9);
  });

  it('measures the gap only for a project with confirmed investment this year', () => {
    const p = { annualPlannedInvestment: 3_650_000, investmentCompleted: 9_000_000, totalInvestment: 20_000_000 };
    // 30 June: 181 of 365 days.
    const half = investmentOf(p, 905_000, '2026-06-30');
    expect(half).toMatchObject({ annualPlanToDate: 1_810_000, completedThisYear: 905_000, percentOfPlanToDate: 50, gap: 50 });
    expect(investmentOf(p, undefined, '2026-06-30')).toMatchObject({ completedThisYear: 0, percentOfPlanToDate: 0, gap: null });
    expect(investmentOf(p, 2_000_000, '2026-06-30').gap).toBe(0);
  });
});
