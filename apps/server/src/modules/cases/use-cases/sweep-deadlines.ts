import { writeAudit } from '../../../kernel/audit/audit.js';
import { loadWorkingCalendar } from '../../../kernel/calendar/calendar-store.js';
import { workingTimeBetween, type WorkingCalendar } from '../../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../../kernel/context.js';
import type { CaseTable } from '../../../kernel/db/schema.js';
import { inTransaction } from '../../../kernel/db/tx.js';
import { notify } from '../../../kernel/notify/notify.js';
import { calendarFrom, fmtShanghai, lightAt } from '../case-clock.js';
import { dispatcherUserIds, usersWithRole } from '../case-refs.js';
import { appendEvents, updateCaseAt } from '../cases.repository.js';
import { supervisionNames } from './discuss-case.js';
import { noticeTitle } from './run-action.js';
import { caseChanged } from '../case-hooks.js';

const PAGE = 500;

export type SweepReport = { checked: number; relit: number; escalated: number; reminded: number };

/**
 * 督办 sweep (job `cases.sweep-deadlines`, every minute): for every case with a running clock, recompute the light;
 * a case past its running deadline rises one supervision level, once per overdue period (a new deadline, after an
 * extension or a new dispatch, opens a new period); a handling deadline a working day away reminds the unit once.
 * Idempotent: running it twice at the same time changes nothing the second time.
 */
export async function sweepDeadlines(ctx: Ctx): Promise<SweepReport> {
  const now = ctx.now();
  const report: SweepReport = { checked: 0, relit: 0, escalated: 0, reminded: 0 };
  let cal: WorkingCalendar | null = null;
  for (let after = ''; ;) {
    const rows = await ctx.db.selectFrom('cases').selectAll()
      .where('status', 'in', ['assigned', 'in_progress']).where('clockState', 'in', ['sign', 'running']).where('dueAt', 'is not', null)
      .where('id', '>', after).orderBy('id').limit(PAGE).execute();
    if (!rows.length) break;
    // Lights look from now to the deadline (an overdue case is red whatever the calendar says).
    cal ??= await loadWorkingCalendar(ctx.db, calendarFrom(now, []));
    for (const row of rows) await sweepOne(ctx, cal, row, now, report);
    report.checked += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  return report;
}

async function sweepOne(ctx: Ctx, cal: WorkingCalendar, row: CaseTable, now: Date, report: SweepReport): Promise<void> {
  const { light, overdue } = lightAt(cal, row, now);
  if (overdue && row.escalatedFor !== row.dueAt) {
    await escalateOverdue(ctx, row, light, now);
    report.escalated++;
    return;
  }
  const remind = row.clockState === 'running' && !overdue && (row.limitDays ?? 0) > 1 && row.remindedFor !== row.dueAt
    && workingTimeBetween(cal, now, new Date(row.dueAt!)) <= 1;
  if (light === row.light && overdue === row.overdue && !remind) return;
  await inTransaction(ctx, async (trx) => {
    // Light and reminders are bookkeeping, not a change anyone made: the version stays, so no one's edit goes stale.
    await trx.updateTable('cases').set({ light, overdue, ...(remind ? { remindedFor: row.dueAt } : {}) })
      .where('id', '=', row.id).where('version', '=', row.version).execute();
    await caseChanged(ctx, trx, row.id);
    if (remind && row.leadUnitId) {
      await notify(ctx, trx, {
        unitIds: [row.leadUnitId], userIds: row.assigneeId ? [row.assigneeId] : [], kind: 'case.deadline-soon',
        title: noticeTitle('即将到期', row), body: `办理期限 ${fmtShanghai(row.dueAt)}`, entityType: 'case', entityId: row.id, link: `/cases/${row.id}`,
      });
    }
  });
  if (light !== row.light || overdue !== row.overdue) report.relit++;
  if (remind) report.reminded++;
}

async function escalateOverdue(ctx: Ctx, row: CaseTable, light: string, now: Date): Promise<void> {
  const t = now.getTime();
  const to = Math.min(row.supervisionLevel + 1, 3);
  const rises = to > row.supervisionLevel;
  const which = row.clockState === 'sign' ? 'sign' : 'handling';
  const dispatchers = await dispatcherUserIds(ctx.db, row.projectId);
  const leaders = to === 3 && rises ? await usersWithRole(ctx.db, 'leader') : [];
  await inTransaction(ctx, async (trx) => {
    const patch = { light, overdue: 1, escalatedFor: row.dueAt, supervisionLevel: to };
    if (!rises) {
      await trx.updateTable('cases').set(patch).where('id', '=', row.id).where('version', '=', row.version).execute();
      await caseChanged(ctx, trx, row.id);
      return;
    }
    // Someone acted on the case since it was read: leave it to the next sweep, which sees the new state.
    if (!(await updateCaseAt(trx, row.id, row.version, patch, t))) return;
    const payload = { from: row.supervisionLevel, to, reason: which === 'sign' ? 'not signed in time' : 'overdue', deadline: new Date(row.dueAt!).toISOString(), automatic: true };
    await appendEvents(trx, row.id, { id: null, name: 'system' }, t, [{ kind: 'escalated', payload }]);
    await writeAudit(ctx, trx, { action: 'case.escalated', entityType: 'case', entityId: row.id, changes: payload });
    await caseChanged(ctx, trx, row.id);
    await notify(ctx, trx, {
      unitIds: row.leadUnitId ? [row.leadUnitId] : [], userIds: [...dispatchers, ...leaders], kind: 'case.overdue',
      title: noticeTitle(`超期·${supervisionNames[to]}`, row),
      body: `${which === 'sign' ? '签收' : '办理'}期限 ${fmtShanghai(row.dueAt)} 已过`, entityType: 'case', entityId: row.id, link: `/cases/${row.id}`,
    });
  });
}
