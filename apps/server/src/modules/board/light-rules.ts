import type { LightReason, LightRuleName, LightRules } from '@liaison/contracts';

/**
 * The composite project light (综合亮灯) as pure rules: each input is compared with its yellow and red thresholds,
 * the worst level wins, and every rule that fired says why in one line. An input no module reports (null) is not
 * judged. Defaults are a starting point the organisation department edits (PUT /dashboard/light-rules).
 */
export const DEFAULT_LIGHT_RULES: Omit<LightRules, 'version'> = {
  // Off until the organisation department switches it on: lights set by hand stay as they are.
  enabled: false,
  rules: {
    investmentGap: { yellow: 10, red: 25 },
    overdueCases: { yellow: 1, red: 3 },
    majorHazards: { yellow: null, red: 1 },
    approvalsOverLimit: { yellow: 1, red: 3 },
    highRiskDisputes: { yellow: 1, red: 2 },
  },
};

export type LightInputs = Record<LightRuleName, number | null>;
export type Light = 'green' | 'yellow' | 'red';

const labels: Record<LightRuleName, { what: string; unit: string }> = {
  investmentGap: { what: '本年投资完成滞后序时进度', unit: '个百分点' },
  overdueCases: { what: '超期未办结工单', unit: '件' },
  majorHazards: { what: '未整改重大安全隐患', unit: '处' },
  approvalsOverLimit: { what: '超时限审批事项', unit: '项' },
  highRiskDisputes: { what: '未化解高风险纠纷', unit: '件' },
};
const levelZh = { yellow: '黄灯', red: '红灯' } as const;
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function evaluateLight(rules: Omit<LightRules, 'version'>, inputs: LightInputs): { light: Light; reasons: LightReason[] } {
  const reasons: LightReason[] = [];
  for (const rule of Object.keys(rules.rules) as LightRuleName[]) {
    const value = inputs[rule];
    if (value === null || value === undefined) continue;
    const { yellow, red } = rules.rules[rule];
    const level = red !== null && value >= red ? 'red' : yellow !== null && value >= yellow ? 'yellow' : null;
    if (!level) continue;
    const threshold = (level === 'red' ? red : yellow)!;
    const l = labels[rule];
    reasons.push({ rule, level, value, threshold, text: `${l.what} ${fmt(value)} ${l.unit}（≥${fmt(threshold)} ${levelZh[level]}）` });
  }
  reasons.sort((a, b) => (a.level === b.level ? 0 : a.level === 'red' ? -1 : 1));
  const light: Light = reasons.some((r) => r.level === 'red') ? 'red' : reasons.length ? 'yellow' : 'green';
  return { light, reasons };
}

/** Share of a year elapsed by the end of `date` (the 序时 factor): 1 Jan → 1/365, 31 Dec → 1. */
export function yearShare(date: string): number {
  const year = Number(date.slice(0, 4));
  const day = (s: string) => Date.parse(`${s}T00:00:00Z`);
  return (day(date) - day(`${year}-01-01`) + 86_400_000) / (day(`${year + 1}-01-01`) - day(`${year}-01-01`));
}

/** Investment figures of one project today: the time-proportional plan and how far this year's investment trails it. */
export function investmentOf(p: { annualPlannedInvestment: number; investmentCompleted: number; totalInvestment: number }, completedThisYear: number | undefined, today: string) {
  const annualPlanToDate = Math.round(p.annualPlannedInvestment * yearShare(today) * 100) / 100;
  const done = completedThisYear ?? 0;
  const percentOfPlanToDate = annualPlanToDate > 0 ? Math.round((done / annualPlanToDate) * 1000) / 10 : null;
  return {
    totalInvestment: p.totalInvestment, completed: p.investmentCompleted, annualPlan: p.annualPlannedInvestment, annualPlanToDate,
    completedThisYear: Math.round(done * 100) / 100, percentOfPlanToDate,
    // No confirmed report this year: nothing to judge the gap on (a missing report is not a zero).
    gap: percentOfPlanToDate !== null && completedThisYear !== undefined ? Math.max(0, Math.round((100 - percentOfPlanToDate) * 10) / 10) : null,
  };
}
