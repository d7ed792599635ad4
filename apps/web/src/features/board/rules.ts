import { lightRuleNames, type LightRuleName, type LightRules } from '@liaison/contracts';
import type { LightRulesState } from './api';

export type Threshold = { yellow?: number | null; red?: number | null };
export type RulesFormValues = { enabled: boolean } & Record<LightRuleName, Threshold>;

export function rulesForm(r: LightRulesState): RulesFormValues {
  return { enabled: r.enabled, ...r.rules };
}

const num = (v: number | null | undefined) => (v === undefined || v === null || Number.isNaN(v) ? null : v);

export function rulesBody(v: RulesFormValues, version: number): LightRules {
  const rules = Object.fromEntries(lightRuleNames.map((n) => [n, { yellow: num(v[n]?.yellow), red: num(v[n]?.red) }])) as LightRules['rules'];
  return { enabled: v.enabled, rules, version };
}
