import { z } from 'zod';
import { caseStatusSchema, caseTypeSchema, caseTypes } from './cases.js';
import { dateSchema, dateTimeSchema, idSchema, pageQuery } from './common.js';
import { projectLightSchema, projectPhaseSchema } from './projects.js';

/**
 * The leadership board (领导驾驶舱). Figures come in two kinds:
 * - "now" figures (open, overdue, the status funnel, project lights) describe the moment of `asOf`;
 * - "period" figures (opened, closed, the three rates, days to close, categories, resolutions done) count events whose
 *   day (Asia/Shanghai) falls in `period` — an ISO week (`?week=2026-W48`) or `?from=&to=`; the default is the year
 *   so far. The weekly briefing of a week shows the same period figures as `?week=` of that week.
 * Every figure carries `drill`: the web path of the list behind it (`/cases?type=safety&overdue=true`), whose query
 * parameters are the list API's filters. Where no list filter expresses the figure exactly (closures in a period,
 * the rates), `drill` is the closest list that contains everything counted.
 */

// --- ISO weeks (the web labels weeks with the same functions) ---
export const isoWeekSchema = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'expected an ISO week like 2026-W48');
const DAY = 86_400_000;
const dayNo = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
/** Monday of ISO week 1: the week with the year's first Thursday. */
const week1Monday = (year: number) => {
  const jan4 = dayNo(`${year}-01-04`);
  return jan4 - ((new Date(jan4 * DAY).getUTCDay() + 6) % 7);
};
/** The ISO week a date belongs to, e.g. 2026-11-26 → 2026-W48. */
export function isoWeekOf(date: string): string {
  const n = dayNo(date);
  const thursday = n - ((new Date(n * DAY).getUTCDay() + 6) % 7) + 3;
  const year = Number(dateOf(thursday).slice(0, 4));
  return `${year}-W${String(Math.floor((thursday - week1Monday(year)) / 7) + 1).padStart(2, '0')}`;
}
/** Monday and Sunday of an ISO week; null for a week the year does not have (W53 of a short year). */
export function isoWeekRange(week: string): { from: string; to: string } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const from = dateOf(week1Monday(Number(m[1])) + (Number(m[2]) - 1) * 7);
  if (isoWeekOf(from) !== week) return null;
  return { from, to: dateOf(dayNo(from) + 6) };
}

/** ?week=… or ?from=…&to=… (inclusive Shanghai dates, at most 400 days); neither: the year so far. */
export const periodFields = {
  week: isoWeekSchema.optional().describe('an ISO week, e.g. 2026-W48 (Monday to Sunday, Asia/Shanghai)'),
  from: dateSchema.optional().describe('first day, YYYY-MM-DD (with `to`)'),
  to: dateSchema.optional().describe('last day, YYYY-MM-DD (with `from`)'),
};
export const checkPeriod = (v: { week?: string; from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (v.week && (v.from || v.to)) ctx.addIssue({ code: 'custom', path: ['week'], message: 'give either week or from/to' });
  if (v.week && !isoWeekRange(v.week)) ctx.addIssue({ code: 'custom', path: ['week'], message: 'the year has no such week' });
  if (!!v.from !== !!v.to) ctx.addIssue({ code: 'custom', path: [v.from ? 'to' : 'from'], message: 'from and to go together' });
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is before from' });
  if (v.from && v.to && dayNo(v.to) - dayNo(v.from) > 400) ctx.addIssue({ code: 'custom', path: ['to'], message: 'at most 400 days' });
};

export const boardSummaryQuery = z.strictObject({
  ...periodFields,
  projectId: idSchema.optional().describe('narrow the board to one project the caller may see'),
  unitId: idSchema.optional().describe('a unit\'s board (leaders and the organisation department; a handler their own unit)'),
}).superRefine(checkPeriod);
export type BoardSummaryQuery = z.infer<typeof boardSummaryQuery>;

// --- figures ---
export const figureSchema = z.object({ n: z.number().int(), drill: z.string() });
export const rateSchema = z.object({
  rate: z.number().nullable().describe('numerator / denominator, 0..1; null when the denominator is 0'),
  numerator: z.number().int(),
  denominator: z.number().int(),
  drill: z.string(),
});
export type Figure = z.infer<typeof figureSchema>;
export type Rate = z.infer<typeof rateSchema>;
const ref = z.object({ id: idSchema, name: z.string() });
const caseCounts = {
  open: figureSchema.describe('now: submitted … answered'),
  overdue: figureSchema.describe('now: open and past the running (sign-for or handling) deadline'),
  opened: figureSchema.describe('period: created'),
  closed: figureSchema.describe('period: closed (verified)'),
};
const byType = <T extends z.ZodTypeAny>(v: T) => z.object(Object.fromEntries(caseTypes.map((t) => [t, v])) as Record<(typeof caseTypes)[number], T>);

export const boardScopeKinds = ['district', 'project', 'unit'] as const;
export const boardSummarySchema = z.object({
  scope: z.object({
    kind: z.enum(boardScopeKinds).describe('district: leaders, organisation dept; project: a commissioner\'s projects; unit: a department or street'),
    label: z.string(),
    districtIds: z.array(idSchema),
    projectIds: z.array(idSchema).nullable().describe('null: every project of the districts'),
    unitId: idSchema.nullable(),
  }),
  period: z.object({ from: dateSchema, to: dateSchema, week: z.string().nullable() }),
  asOf: dateTimeSchema,
  projects: z.object({ total: figureSchema, green: figureSchema, yellow: figureSchema, red: figureSchema }).nullable()
    .describe('now; null on a department\'s board'),
  investment: z.object({
    totalInvestment: z.number(), completed: z.number().describe('investment completed to date (yuan)'),
    percentOfTotal: z.number().nullable(),
    annualPlan: z.number(), annualPlanToDate: z.number().describe('序时进度: the annual plan × the share of the year elapsed'),
    completedThisYear: z.number().describe('confirmed monthly progress reports of this year'),
    percentOfAnnualPlan: z.number().nullable(), percentOfPlanToDate: z.number().nullable().describe('completedThisYear / annualPlanToDate × 100'),
    drill: z.string(),
  }).nullable(),
  cases: z.object({
    total: z.object(caseCounts),
    byType: z.array(z.object({ type: caseTypeSchema, ...caseCounts })),
  }),
  rates: z.object({
    response: rateSchema.describe('响应率: dispatches signed for within the sign-for limit / dispatches signed for or overdue unsigned (day of signing, or of the missed deadline)'),
    solve: rateSchema.describe('解决率: closed cases answered within the handling limit / closed cases (day of closing)'),
    satisfaction: rateSchema.describe('满意率: satisfied + basically satisfied / rated, of the cases closed in the period'),
  }),
  avgDaysToClose: z.object({ days: z.number().nullable().describe('working days from creation to closing, averaged'), closed: z.number().int(), drill: z.string() }),
  services: z.object({
    openHazards: figureSchema.nullable().describe('now: open safety hazards (safety cases unless the safety module reports its own)'),
    stopWorkSites: figureSchema.nullable().describe('now: sites under a stop-work order; null until the safety module reports it'),
    approvalsStuck: figureSchema.nullable().describe('now: approvals over their statutory limit; null until the approvals module reports it'),
    highRiskDisputes: figureSchema.nullable().describe('now: unresolved high-risk disputes; null until the mediation module reports it'),
  }),
  resolutions: z.object({
    total: z.number().int().describe('all branch resolutions that need action (each is a coordination case)'),
    open: z.number().int(), done: z.number().int(), doneOnTime: z.number().int(),
    doneInPeriod: z.number().int(), doneOnTimeInPeriod: z.number().int().describe('closed on or before the resolution\'s due date'),
    drill: z.string(),
  }),
  charts: z.object({
    weekly: z.array(z.object({ week: z.string(), from: dateSchema, to: dateSchema, opened: byType(z.number().int()), closed: z.number().int() }))
      .describe('the 12 ISO weeks up to the period\'s last day: cases opened per type, cases closed'),
    funnel: z.array(z.object({ status: caseStatusSchema, n: z.number().int(), drill: z.string() })).describe('now: cases by status'),
    topCategories: z.array(z.object({ category: z.string(), n: z.number().int(), drill: z.string() })).describe('period: opened, by category, top 10'),
    byStreet: z.array(z.object({ street: ref, projects: z.number().int(), redProjects: z.number().int(), open: z.number().int(), overdue: z.number().int(), drill: z.string() }))
      .describe('now: the projects in each street and their open cases'),
    byUnit: z.array(z.object({ unit: ref.extend({ kind: z.string() }), open: z.number().int(), overdue: z.number().int(), drill: z.string() }))
      .describe('now: open and overdue cases of each handling unit (lead or co-handling), at most 30; period figures per unit: GET /dashboard/units'),
    investmentByProject: z.array(z.object({
      project: ref.extend({ code: z.string() }), light: projectLightSchema, totalInvestment: z.number(), completed: z.number(),
      percentOfTotal: z.number().nullable(), annualPlanToDate: z.number(), completedThisYear: z.number(),
      percentOfPlanToDate: z.number().nullable(), drill: z.string(),
    })).describe('at most 60 projects, those furthest behind first'),
  }),
});
export type BoardSummary = z.infer<typeof boardSummarySchema>;

// --- the composite project light ---
export const lightRuleNames = ['investmentGap', 'overdueCases', 'majorHazards', 'approvalsOverLimit', 'highRiskDisputes'] as const;
export type LightRuleName = (typeof lightRuleNames)[number];
const threshold = z.number().min(0).max(1_000_000).nullable();
const ruleSchema = z.strictObject({ yellow: threshold, red: threshold }).superRefine((v, ctx) => {
  if (v.yellow !== null && v.red !== null && v.yellow > v.red) ctx.addIssue({ code: 'custom', path: ['red'], message: 'red must not be below yellow' });
}).describe('the light turns yellow / red when the value reaches the threshold; null switches that level off');
export const lightRulesFields = {
  enabled: z.boolean().describe('false: projects keep the light the organisation department sets by hand'),
  rules: z.strictObject({
    investmentGap: ruleSchema.describe('percentage points this year\'s confirmed investment trails the time-proportional annual plan'),
    overdueCases: ruleSchema.describe('open overdue cases of the project'),
    majorHazards: ruleSchema.describe('open major safety hazards (from the safety module)'),
    approvalsOverLimit: ruleSchema.describe('approvals past their statutory limit (from the approvals module)'),
    highRiskDisputes: ruleSchema.describe('unresolved high-risk disputes (from the mediation module)'),
  }),
};
export const lightRulesSchema = z.object({
  ...lightRulesFields,
  unavailable: z.array(z.enum(lightRuleNames)).describe('inputs no module reports yet: those rules are not applied'),
  version: z.number().int(),
  updatedAt: dateTimeSchema.nullable(),
});
export const lightRulesBody = z.strictObject({ ...lightRulesFields, version: z.number().int() });
export type LightRules = z.infer<typeof lightRulesBody>;
export const lightReasonSchema = z.object({
  rule: z.enum(lightRuleNames), level: z.enum(['yellow', 'red']), value: z.number(), threshold: z.number(),
  text: z.string().describe('zh-CN, e.g. 超期工单 3 件（≥3 红灯）'),
});
export type LightReason = z.infer<typeof lightReasonSchema>;

// --- lists behind the board ---
export const dashboardProjectSorts = ['code', '-code', 'light', '-light', 'overdue', '-overdue', 'gap', '-gap'] as const;
export const dashboardProjectsQuery = z.strictObject({
  ...pageQuery,
  light: projectLightSchema.optional(),
  streetId: idSchema.optional(),
  sort: z.enum(dashboardProjectSorts).optional().describe('light, overdue, gap (behind the time-proportional plan): worst first; with a leading - the reverse'),
});
export const dashboardProjectSchema = z.object({
  project: ref.extend({ code: z.string() }),
  street: ref.nullable(),
  phase: projectPhaseSchema,
  light: projectLightSchema.describe('the project\'s light (the rules\' light while they are on; set by hand while they are off)'),
  computedLight: projectLightSchema.nullable().describe('the light the rules give, null until first computed'),
  reasons: z.array(lightReasonSchema).describe('why the rules give that light (empty when green)'),
  lightComputedAt: dateTimeSchema.nullable(),
  commissioner: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  investment: z.object({
    totalInvestment: z.number(), completed: z.number(), annualPlan: z.number(), annualPlanToDate: z.number(), completedThisYear: z.number(),
    percentOfPlanToDate: z.number().nullable(), gap: z.number().nullable().describe('percentage points behind the time-proportional plan'),
  }),
  open: figureSchema,
  overdue: figureSchema,
  drill: z.string(),
});
export type DashboardProject = z.infer<typeof dashboardProjectSchema>;

export const commissionerSorts = ['project', 'daysOnSite', '-daysOnSite', 'casesClosed', '-casesClosed', 'avgDaysToClose', '-avgDaysToClose'] as const;
export const dashboardCommissionersQuery = z.strictObject({ ...pageQuery, ...periodFields, sort: z.enum(commissionerSorts).optional() }).superRefine(checkPeriod);
export const dashboardCommissionerSchema = z.object({
  user: z.object({ id: idSchema, displayName: z.string(), phone: z.string().nullable() }),
  project: ref.extend({ code: z.string(), light: projectLightSchema }),
  daysOnSiteThisMonth: z.number().int().describe('distinct dates of the commissioner\'s site logs this calendar month'),
  siteLogsThisMonth: z.number().int(),
  casesRaised: figureSchema.describe('period: cases the commissioner reported'),
  casesOpened: figureSchema.describe('period: cases opened on the project'),
  casesClosed: figureSchema.describe('period: cases of the project closed'),
  avgDaysToClose: z.number().nullable(),
  open: figureSchema,
  overdue: figureSchema,
});

export const unitRankKinds = ['department', 'street', 'all'] as const;
export const unitSorts = ['response', 'solve', 'satisfaction', 'assigned', 'returned', 'overdue'] as const;
export const dashboardUnitsQuery = z.strictObject({
  ...pageQuery, ...periodFields,
  kind: z.enum(unitRankKinds).default('all').describe('department: district and city departments; street: streets and communities'),
  sort: z.enum(unitSorts).default('solve').describe('ranked best first (returned, overdue: fewest first)'),
}).superRefine(checkPeriod);
export const dashboardUnitSchema = z.object({
  rank: z.number().int(),
  unit: ref.extend({ kind: z.string() }),
  assigned: z.number().int().describe('period: dispatches to the unit (lead or co-handling), by dispatch day'),
  returned: z.number().int().describe('of those dispatches, how many the unit sent back'),
  response: rateSchema, solve: rateSchema, satisfaction: rateSchema,
  open: figureSchema, overdue: figureSchema,
});
