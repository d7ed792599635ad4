import type { CaseActionBody } from '@liaison/contracts';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors/app-error.js';
import { dispatcherUserIds } from '../case-refs.js';
import { appendEvents, findVisibleCase } from '../cases.repository.js';
import { OPEN_STATUSES } from '../cases.service.js';
import { noticeTitle, runAction } from './run-action.js';

/** What ending a case does to its clock: nothing runs any more. */
const ended = (t: number) => ({ closedAt: t, clockState: 'stopped', dueAt: null, overdue: 0 });

/** 受理: the dispatcher takes the case on; dispatching is their next step. */
export function acceptCase(ctx: Ctx, id: string, body: CaseActionBody<'accept'>) {
  return runAction(ctx, id, 'accept', body.version, (_l, env) => ({
    patch: { status: 'accepted', acceptedAt: env.now.getTime() },
    events: [{ kind: 'accepted', payload: {} }],
    audit: { action: 'case.accepted' },
  }));
}

/** 不予受理, with a reason the reporter is told. */
export function rejectCase(ctx: Ctx, id: string, body: CaseActionBody<'reject'>) {
  return runAction(ctx, id, 'reject', body.version, ({ row }, env) => ({
    patch: { status: 'rejected', ...ended(env.now.getTime()) },
    events: [{ kind: 'rejected', payload: { reason: body.reason } }],
    audit: { action: 'case.rejected', changes: { reason: body.reason } },
    notices: row.reporterId ? [{ userIds: [row.reporterId], kind: 'case.rejected', title: noticeTitle('不予受理', row), body: body.reason }] : [],
  }));
}

/** 撤回 by the reporter (the problem went away) or by the dispatcher. */
export function withdrawCase(ctx: Ctx, id: string, body: CaseActionBody<'withdraw'>) {
  return runAction(ctx, id, 'withdraw', body.version, async ({ row, relations }, env) => {
    const dispatchers = relations.includes('dispatcher') ? [] : await dispatcherUserIds(ctx.db, row.projectId);
    return {
      patch: { status: 'withdrawn', ...ended(env.now.getTime()) },
      events: [{ kind: 'withdrawn', payload: { reason: body.reason } }],
      audit: { action: 'case.withdrawn', changes: { reason: body.reason } },
      notices: [{
        userIds: [...dispatchers, ...(row.reporterId ? [row.reporterId] : [])], unitIds: row.leadUnitId ? [row.leadUnitId] : [],
        kind: 'case.withdrawn', title: noticeTitle('撤回', row), body: body.reason,
      }],
    };
  });
}

/** 合并: a duplicate is folded into an open case of the same project and ends here. */
export function mergeCase(ctx: Ctx, id: string, body: CaseActionBody<'merge'>) {
  return runAction(ctx, id, 'merge', body.version, async ({ actor, row }, env) => {
    const into = await findVisibleCase(ctx.db, actor, body.intoCaseId);
    if (!into) throw new AppError('VALIDATION_FAILED', 'unknown case', [{ path: 'intoCaseId', message: 'unknown case' }]);
    if (into.id === row.id) throw new AppError('RULE_VIOLATED', 'a case cannot be merged into itself');
    if (into.projectId !== row.projectId) throw new AppError('RULE_VIOLATED', 'only cases of the same project can be merged');
    if (!OPEN_STATUSES.includes(into.status as (typeof OPEN_STATUSES)[number])) throw new AppError('RULE_VIOLATED', `the case ${into.number} is no longer open`);
    const t = env.now.getTime();
    return {
      patch: { status: 'withdrawn', mergedIntoId: into.id, ...ended(t) },
      events: [{ kind: 'merged', payload: { into: { id: into.id, number: into.number }, reason: body.reason } }],
      audit: { action: 'case.merged', changes: { intoCaseId: into.id, reason: body.reason } },
      write: async (trx) => {
        // The surviving case's timeline says what joined it; bumping its version orders that event safely.
        await trx.updateTable('cases').set((eb) => ({ version: eb('version', '+', 1), updatedAt: t })).where('id', '=', into.id).execute();
        await appendEvents(trx, into.id, { id: actor.userId, name: actor.username }, t, [
          { kind: 'duplicate-merged', payload: { from: { id: row.id, number: row.number, title: row.title }, reason: body.reason } },
        ]);
      },
      notices: row.reporterId ? [{ userIds: [row.reporterId], kind: 'case.merged', title: noticeTitle('合并', row), body: `已并入 ${into.number}：${body.reason}` }] : [],
    };
  });
}
