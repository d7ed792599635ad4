import type { ApprovalStatus } from '@liaison/contracts';
import { workingDaysBetween, type WorkingCalendar } from '../../kernel/calendar/working-calendar.js';

/** The share of the statutory limit at which an item turns yellow and counts as stuck (as the case clock's 80%). */
export const STUCK_AT = 0.8;

export type ClockFacts = {
  status: ApprovalStatus | string;
  submittedOn: string | null;
  acceptedOn: string | null;
  approvedOn: string | null;
  sentBackOn: string | null;
  statutoryDays: number;
};

export type ApprovalClock = {
  used: number | null;
  left: number | null;
  light: 'none' | 'green' | 'yellow' | 'red';
  isStuck: boolean;
  /** Approved items only: limit − used (negative when the authority overran). */
  saved: number | null;
};

const RUNNING = new Set(['submitted', 'accepted']);

/**
 * Working days an item has spent at the authority: counted on the working calendar from the day after acceptance
 * (or submission, until it is accepted) — 次日起, as every statutory limit — up to approval, the day it was sent
 * back, or today while it waits. Before submission no clock runs.
 */
export function approvalClock(cal: WorkingCalendar, a: ClockFacts, today: string): ApprovalClock {
  const start = a.acceptedOn ?? a.submittedOn;
  const end = a.status === 'approved' ? a.approvedOn : a.status === 'sent_back' ? a.sentBackOn : RUNNING.has(a.status) ? today : null;
  if (!start || !end) return { used: null, left: null, light: 'none', isStuck: false, saved: null };
  const used = Math.max(0, workingDaysBetween(cal, start, end));
  const share = used / a.statutoryDays;
  const running = RUNNING.has(a.status);
  const light = share > 1 ? 'red' : running && share >= STUCK_AT ? 'yellow' : 'green';
  return {
    used,
    left: running ? a.statutoryDays - used : null,
    light,
    isStuck: running && share >= STUCK_AT,
    saved: a.status === 'approved' ? a.statutoryDays - used : null,
  };
}

/** The earliest date any of these items' clocks needs from the calendar. */
export function clockFrom(rows: Pick<ClockFacts, 'submittedOn' | 'acceptedOn'>[], today: string): string {
  let min = today;
  for (const r of rows) for (const d of [r.submittedOn, r.acceptedOn]) if (d && d < min) min = d;
  return min;
}
