/**
 * How big each generated dataset is (DOMAIN.md "Scale to plan for"). The demo district (下城区, 26 projects) is
 * always district one; the others are generated. Cases spread over `years` before `now`.
 */
export type ScaleName = 'tiny' | 'city' | 'province';

export type ScalePlan = {
  name: ScaleName;
  districts: number;
  projects: number;
  cases: number;
  years: number;
  /** Notifications are written for cases created this many days before `now` (older ones are long read). */
  notifyDays: number;
  /** Site logs, meetings and learning logs cover this many days before `now`. */
  recentDays: number;
};

export const scalePlans: Record<ScaleName, ScalePlan> = {
  tiny: { name: 'tiny', districts: 2, projects: 50, cases: 20_000, years: 2, notifyDays: 30, recentDays: 60 },
  city: { name: 'city', districts: 13, projects: 1_000, cases: 1_000_000, years: 5, notifyDays: 45, recentDays: 365 },
  province: { name: 'province', districts: 130, projects: 10_000, cases: 10_000_000, years: 5, notifyDays: 45, recentDays: 365 },
};

export function scalePlan(name: string, overrides: { cases?: number } = {}): ScalePlan {
  const plan = scalePlans[name as ScaleName];
  if (!plan) throw new Error(`unknown scale "${name}": one of ${Object.keys(scalePlans).join(', ')}`);
  return { ...plan, ...(overrides.cases ? { cases: overrides.cases } : {}) };
}
