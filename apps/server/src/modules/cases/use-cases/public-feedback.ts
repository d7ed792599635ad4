import type { CaseRating, CaseStatus } from '@liaison/contracts';
import { writeAudit } from '../../../kernel/audit/audit.js';
import { loadWorkingCalendar } from '../../../kernel/calendar/calendar-store.js';
import { addWorkingDays } from '../../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../../kernel/context.js';
import { inTransaction } from '../../../kernel/db/tx.js';
import { AppError, notFound, staleVersion } from '../../../kernel/errors/app-error.js';
import { notify } from '../../../kernel/notify/notify.js';
import { calendarFrom, fmtShanghai } from '../case-clock.js';
import { dispatcherUserIds } from '../case-refs.js';
import { decide, type CaseFacts } from '../case-state-machine.js';
import { appendEvents, findCase, loadLimits, updateCaseAt } from '../cases.repository.js';
import type { PublicReporter } from './create-public-case.js';
import { noticeTitle } from './run-action.js';
import { caseChanged } from '../case-hooks.js';

/**
 * 评价 and 重办 by a resident, who reports without an account: whoever holds the appeal's tracking code stands to its
 * case as the `reporter`, and the state machine's rules for that relation apply unchanged (rate once the case is
 * closed; an unsatisfied rating may reopen it once). The writes mirror rateCase and reopenCase.
 */
const facts = (row: { extRequestedAt: number | null; rating: string | null; reopenCount: number }): CaseFacts => ({
  extensionPending: row.extRequestedAt !== null, unitSigned: false, unitAnswered: false,
  rating: row.rating as CaseRating | null, reopenCount: row.reopenCount,
});

/** May the reporter take this action now? The same answer the feedback functions below act on. */
export function reporterMay(row: { status: string; extRequestedAt: number | null; rating: string | null; reopenCount: number }, action: 'rate' | 'reopen') {
  const f = facts(row);
  // Reopening follows an unsatisfied rating given in the same step.
  if (action === 'reopen') return decide(row.status as CaseStatus, 'rate', ['reporter'], f).ok && decide(row.status as CaseStatus, 'reopen', ['reporter'], { ...f, rating: 'unsatisfied' }).ok;
  return decide(row.status as CaseStatus, action, ['reporter'], f).ok;
}

export async function rateAsPublicReporter(
  ctx: Ctx, caseId: string, body: { rating: CaseRating; comment?: string; reopen?: boolean }, reporter: PublicReporter,
): Promise<void> {
  const row = await findCase(ctx.db, caseId);
  if (!row) throw notFound('case');
  if (!reporterMay(row, 'rate')) {
    throw new AppError('CASE_ACTION_NOT_ALLOWED', row.rating ? 'this appeal has been rated already' : 'an appeal can be rated once it is closed', undefined, { action: 'rate', caseStatus: row.status });
  }
  if (body.reopen && body.rating !== 'unsatisfied') {
    throw new AppError('VALIDATION_FAILED', 'only an unsatisfied rating reopens the case', [{ path: 'body.reopen', message: 'needs rating unsatisfied' }]);
  }
  if (body.reopen && !reporterMay(row, 'reopen')) {
    throw new AppError('CASE_ACTION_NOT_ALLOWED', 'this appeal has been handled again once already', undefined, { action: 'reopen', caseStatus: row.status });
  }
  const now = ctx.now();
  const t = now.getTime();
  const who = { id: null, name: reporter.name };
  const actorOverride = { id: null, name: reporter.name, role: reporter.role };
  const cal = body.reopen ? await loadWorkingCalendar(ctx.db, calendarFrom(now, [row])) : null;
  const limit = body.reopen ? (await loadLimits(ctx.db))(row.type, row.priority) : 0;
  const dispatchers = await dispatcherUserIds(ctx.db, row.projectId);
  await inTransaction(ctx, async (trx) => {
    if (!(await updateCaseAt(trx, caseId, row.version, { rating: body.rating, ratingComment: body.comment ?? null }, t))) throw staleVersion();
    await appendEvents(trx, caseId, who, t, [{ kind: 'rated', payload: { rating: body.rating, comment: body.comment ?? null } }]);
    await writeAudit(ctx, trx, { action: 'case.rated', entityType: 'case', entityId: caseId, changes: { rating: body.rating }, actorOverride });
    await caseChanged(ctx, trx, caseId);
    if (body.rating === 'unsatisfied') {
      await notify(ctx, trx, { userIds: dispatchers, kind: 'case.rated-unsatisfied', title: noticeTitle('不满意', row), body: body.comment, entityType: 'case', entityId: caseId, link: `/cases/${caseId}` });
    }
    if (!body.reopen || !cal) return;
    const deadline = addWorkingDays(cal, now, limit).getTime();
    const reason = body.comment ? `居民不满意：${body.comment}` : '居民不满意，申请重办';
    const patch = {
      status: 'in_progress', reopenCount: row.reopenCount + 1, rating: null, ratingComment: null, closedAt: null, answeredAt: null,
      clockState: 'running', limitDays: limit, deadline, dueAt: deadline, light: 'green', overdue: 0, escalatedFor: null, remindedFor: null,
    };
    if (!(await updateCaseAt(trx, caseId, row.version + 1, patch, t))) throw staleVersion();
    await appendEvents(trx, caseId, who, t, [{ kind: 'reopened', payload: { reason, previousRating: body.rating, deadline: new Date(deadline).toISOString() } }]);
    await trx.updateTable('caseUnits').set({ status: 'signed', answeredAt: null, deadline })
      .where('caseId', '=', caseId).where('role', '=', 'lead').where('active', '=', 1).execute();
    await writeAudit(ctx, trx, { action: 'case.reopened', entityType: 'case', entityId: caseId, changes: { reason, deadline }, actorOverride });
    await caseChanged(ctx, trx, caseId);
    await notify(ctx, trx, {
      unitIds: row.leadUnitId ? [row.leadUnitId] : [], kind: 'case.reopened', title: noticeTitle('重办', row),
      body: `${reason}；办理期限 ${fmtShanghai(deadline)}`, entityType: 'case', entityId: caseId, link: `/cases/${caseId}`,
    });
  });
}
