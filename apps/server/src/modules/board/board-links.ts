import { isoWeekOf, isoWeekRange, type BoardSummaryQuery, type Figure, type Rate } from '@liaison/contracts';
import { shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import { OPEN_STATUSES } from './case-facts.js';
import type { BoardScope } from './board.policy.js';

/** Drill-down links (web paths whose query parameters are the list API's filters), figures and the period. */
type Params = Record<string, string | readonly string[] | undefined>;

export function link(path: string, ...parts: Params[]): string {
  const qs = new URLSearchParams();
  for (const p of parts) {
    for (const [k, v] of Object.entries(p)) {
      if (v === undefined) continue;
      for (const one of typeof v === 'string' ? [v] : v) qs.append(k, one);
    }
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export const OPEN = { status: OPEN_STATUSES } as const;
export const caseLink = (scope: BoardScope, ...parts: Params[]) => link('/cases', scope.drill, ...parts);
export const fig = (n: number, drill: string): Figure => ({ n, drill });
export function rate(numerator: number, denominator: number, drill: string): Rate {
  return { rate: denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null, numerator, denominator, drill };
}
export const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

export type Period = { from: string; to: string; week: string | null };

/** The period asked for: an ISO week, from–to, or by default the year so far. */
export function resolvePeriod(q: Pick<BoardSummaryQuery, 'week' | 'from' | 'to'>, now: Date): Period {
  if (q.week) return { ...isoWeekRange(q.week)!, week: q.week };
  if (q.from && q.to) return { from: q.from, to: q.to, week: null };
  const today = shanghaiDate(now);
  return { from: `${today.slice(0, 4)}-01-01`, to: today, week: null };
}
export const created = (p: Period) => ({ createdFrom: p.from, createdTo: p.to });
export const periodParams = (p: Period) => (p.week ? { week: p.week } : { from: p.from, to: p.to });

/** The 12 ISO weeks up to the one holding `to`. */
export function weeksUpTo(to: string, n = 12): { week: string; from: string; to: string }[] {
  const last = isoWeekRange(isoWeekOf(to))!;
  const out = [];
  for (let i = n - 1; i >= 0; i--) {
    const monday = new Date(Date.parse(`${last.from}T00:00:00Z`) - i * 7 * 86_400_000).toISOString().slice(0, 10);
    const week = isoWeekOf(monday);
    out.push({ week, ...isoWeekRange(week)! });
  }
  return out;
}
