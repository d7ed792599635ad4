import type { CaseActionBody } from '@liaison/contracts';
import { addWorkingDays, extendDeadline } from '../../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../../kernel/context.js';
import { fmtShanghai, lightAt } from '../case-clock.js';
import { dispatcherUserIds } from '../case-refs.js';
import { noticeTitle, runAction } from './run-action.js';

const leadUnit = (unitId: string | null) => (unitId ? [unitId] : []);

/** 延期审批: an approved extension moves the deadline on by the asked working days; a refusal says why. */
export function decideExtension(ctx: Ctx, id: string, body: CaseActionBody<'decide-extension'>) {
  return runAction(ctx, id, 'decide-extension', body.version, ({ row }, env) => {
    const days = row.extDays ?? 0;
    const clear = { extDays: null, extReason: null, extRequestedAt: null };
    if (!body.approve) {
      return {
        patch: clear,
        events: [{ kind: 'extension-refused', payload: { days, reason: body.reason ?? '' }, internal: true }],
        audit: { action: 'case.extension-refused', changes: { days, reason: body.reason } },
        notices: [{ unitIds: leadUnit(row.leadUnitId), kind: 'case.extension-refused', title: noticeTitle('延期未批准', row), body: body.reason }],
      };
    }
    const deadline = extendDeadline(env.cal, new Date(row.deadline ?? env.now.getTime()), days).getTime();
    const clock = { clockState: row.clockState, dueAt: row.clockState === 'running' ? deadline : row.dueAt, limitDays: (row.limitDays ?? 0) + days, signLimitDays: row.signLimitDays, light: row.light, overdue: row.overdue };
    return {
      patch: { ...clear, deadline, ...clock, ...lightAt(env.cal, clock, env.now) },
      events: [{ kind: 'extension-approved', payload: { days, deadline: new Date(deadline).toISOString(), previousDeadline: row.deadline === null ? null : new Date(row.deadline).toISOString(), reason: body.reason ?? null }, internal: true }],
      audit: { action: 'case.extension-approved', changes: { days, deadline: [row.deadline, deadline] } },
      notices: [{ unitIds: leadUnit(row.leadUnitId), kind: 'case.extension-approved', title: noticeTitle('延期已批准', row), body: `新的办理期限 ${fmtShanghai(deadline)}` }],
    };
  });
}

/** 核实: accepted closes the case and asks the reporter to rate it; refused sends it back to the handler. */
export function verifyCase(ctx: Ctx, id: string, body: CaseActionBody<'verify'>) {
  return runAction(ctx, id, 'verify', body.version, ({ row }, env) => {
    const t = env.now.getTime();
    if (body.accept) {
      return {
        patch: { status: 'closed', closedAt: t, clockState: 'stopped', dueAt: null, overdue: 0 },
        events: [{ kind: 'closed', payload: { reason: body.reason ?? null } }],
        audit: { action: 'case.closed' },
        notices: row.reporterId ? [{ userIds: [row.reporterId], kind: 'case.closed', title: noticeTitle('已办结，请评价', row), body: row.publicReply ?? undefined }] : [],
      };
    }
    const clock = { clockState: 'running', dueAt: row.deadline, limitDays: row.limitDays, signLimitDays: row.signLimitDays, light: row.light, overdue: 0 };
    return {
      patch: { status: 'in_progress', ...clock, ...lightAt(env.cal, clock, env.now) },
      events: [{ kind: 'sent-back', payload: { reason: body.reason } }],
      audit: { action: 'case.sent-back', changes: { reason: body.reason } },
      write: async (trx) => {
        await trx.updateTable('caseUnits').set({ status: 'signed', answeredAt: null })
          .where('caseId', '=', id).where('role', '=', 'lead').where('active', '=', 1).execute();
      },
      notices: [{ unitIds: leadUnit(row.leadUnitId), kind: 'case.sent-back', title: noticeTitle('核实未通过', row), body: body.reason }],
    };
  });
}

/** 重办: once, after an unsatisfied rating; the lead unit gets a fresh handling limit. */
export function reopenCase(ctx: Ctx, id: string, body: CaseActionBody<'reopen'>) {
  return runAction(ctx, id, 'reopen', body.version, ({ row }, env) => {
    const limit = env.limit(row.type, row.priority);
    const deadline = addWorkingDays(env.cal, env.now, limit).getTime();
    return {
      patch: {
        status: 'in_progress', reopenCount: row.reopenCount + 1, rating: null, ratingComment: null, closedAt: null, answeredAt: null,
        clockState: 'running', limitDays: limit, deadline, dueAt: deadline, light: 'green', overdue: 0, escalatedFor: null, remindedFor: null,
      },
      events: [{ kind: 'reopened', payload: { reason: body.reason, previousRating: row.rating, deadline: new Date(deadline).toISOString() } }],
      audit: { action: 'case.reopened', changes: { reason: body.reason, deadline } },
      write: async (trx) => {
        await trx.updateTable('caseUnits').set({ status: 'signed', answeredAt: null, deadline })
          .where('caseId', '=', id).where('role', '=', 'lead').where('active', '=', 1).execute();
      },
      notices: [{ unitIds: leadUnit(row.leadUnitId), kind: 'case.reopened', title: noticeTitle('重办', row), body: `${body.reason}；办理期限 ${fmtShanghai(deadline)}` }],
    };
  });
}

/** 评价 by the reporter; an unsatisfied rating tells the dispatcher, who may reopen the case once. */
export function rateCase(ctx: Ctx, id: string, body: CaseActionBody<'rate'>) {
  return runAction(ctx, id, 'rate', body.version, async ({ row }) => ({
    patch: { rating: body.rating, ratingComment: body.comment ?? null },
    events: [{ kind: 'rated', payload: { rating: body.rating, comment: body.comment ?? null } }],
    audit: { action: 'case.rated', changes: { rating: body.rating } },
    notices: body.rating === 'unsatisfied'
      ? [{ userIds: await dispatcherUserIds(ctx.db, row.projectId), kind: 'case.rated-unsatisfied', title: noticeTitle('不满意', row), body: body.comment }]
      : [],
  }));
}
