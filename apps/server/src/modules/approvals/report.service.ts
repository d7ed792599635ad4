import { assertCan } from '../../kernel/access/assert.js';
import { loadWorkingCalendar } from '../../kernel/calendar/calendar-store.js';
import { shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import { approvalClock, clockFrom } from './approval-clock.js';
import { listScopedRows } from './approvals.repository.js';

type ItemFigures = {
  item: { id: string; code: string; name: string }; statutoryDays: number; approved: number; usedTotal: number;
  daysSaved: number; open: number; stuck: number;
};

/**
 * The district's approval report over the projects the caller may see: per catalogue item the average working days
 * approved items took against the statutory limit, the days saved (limit − used, summed; an overrun counts against),
 * and the items waiting at an authority with at least 80% of their limit used.
 */
export async function approvalReport(ctx: Ctx, q: { projectId?: string }) {
  const actor = assertCan(ctx, 'approval.read');
  const rows = await listScopedRows(ctx.db, actor, q.projectId);
  const today = shanghaiDate(ctx.now());
  const cal = await loadWorkingCalendar(ctx.db, clockFrom(rows, today));
  const byItem = new Map<string, ItemFigures>();
  const stuck = [];
  for (const r of rows) {
    const f = byItem.get(r.itemId) ?? {
      item: { id: r.itemId, code: r.itemCode, name: r.itemName }, statutoryDays: r.itemStatutoryDays, approved: 0, usedTotal: 0, daysSaved: 0, open: 0, stuck: 0,
    };
    byItem.set(r.itemId, f);
    const clock = approvalClock(cal, r, today);
    if (r.status === 'approved' && clock.used !== null) {
      f.approved++;
      f.usedTotal += clock.used;
      f.daysSaved += clock.saved!;
    }
    if (r.status === 'submitted' || r.status === 'accepted') f.open++;
    if (clock.isStuck) {
      f.stuck++;
      stuck.push({
        id: r.id, project: { id: r.projectId, name: r.projectName }, item: { id: r.itemId, name: r.itemName }, agent: r.agentName,
        status: r.status as 'submitted', workingDaysUsed: clock.used!, statutoryDays: r.statutoryDays,
      });
    }
  }
  const items = [...byItem.values()].map(({ usedTotal, ...f }) => ({
    ...f, averageDays: f.approved ? Math.round((usedTotal / f.approved) * 10) / 10 : null,
  }));
  const sum = (k: 'approved' | 'open' | 'stuck' | 'daysSaved') => items.reduce((n, i) => n + i[k], 0);
  return {
    items,
    totals: { approved: sum('approved'), open: sum('open'), stuck: sum('stuck'), daysSaved: sum('daysSaved') },
    stuck: stuck.sort((a, b) => b.workingDaysUsed / b.statutoryDays - a.workingDaysUsed / a.statutoryDays),
  };
}
