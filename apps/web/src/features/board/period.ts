import { isoWeekOf, isoWeekRange } from '@liaison/contracts';
import type { Period } from './api';

/** ISO weeks and board periods, labelled with the same functions the server uses. */

const DAY = 86_400_000;

export function todayShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** The `n` ISO weeks up to and including the one holding `today`, newest first. */
export function recentWeeks(today: string, n: number): { week: string; from: string; to: string }[] {
  const current = isoWeekRange(isoWeekOf(today))!;
  const out = [];
  for (let i = 0; i < n; i++) {
    const monday = new Date(Date.parse(`${current.from}T00:00:00Z`) - i * 7 * DAY).toISOString().slice(0, 10);
    const week = isoWeekOf(monday);
    out.push({ week, ...isoWeekRange(week)! });
  }
  return out;
}

/** The period in a page's query string: a valid ISO week, or a from–to pair, or nothing. */
export function periodFrom(search: URLSearchParams): Period {
  const week = search.get('week');
  if (week && isoWeekRange(week)) return { week };
  const from = search.get('from');
  const to = search.get('to');
  if (from && to && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to) return { from, to };
  return {};
}

/** "2026-W48" → { year: 2026, n: 48 } */
export function weekParts(week: string): { year: number; n: number } {
  const [y, w] = week.split('-W');
  return { year: Number(y), n: Number(w) };
}

/** Percent with one decimal from a 0..1 rate; null stays null. */
export function ratePercent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** A drill path from the API ("/cases?type=safety") as a router location; anything not a local path is refused. */
export function drillTarget(drill: string): string | null {
  if (!drill.startsWith('/') || drill.startsWith('//')) return null;
  return drill;
}
