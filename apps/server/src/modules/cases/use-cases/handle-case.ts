import type { CaseActionBody } from '@liaison/contracts';
import { addWorkingDays } from '../../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors/app-error.js';
import { attachFiles } from '../../../kernel/files/files.js';
import { fmtShanghai, lightAt } from '../case-clock.js';
import { dispatcherUserIds, loadNames } from '../case-refs.js';
import { myCoUnitRow } from '../cases.policy.js';
import type { LoadedCase } from '../cases.service.js';
import { noticeTitle, runAction } from './run-action.js';

/** A co-handler acts on their own unit row; a member of the lead unit acts on the case. */
const asCoHandler = (l: LoadedCase) => !l.relations.includes('handler') && l.relations.includes('co_handler');
const unitName = async (ctx: Ctx, unitId: string) => (await loadNames(ctx.db, { units: [unitId] })).units.get(unitId) ?? { id: unitId, name: '' };

/** 签收: starts the handling clock, or resumes it when the case comes back after a return. */
export function signCase(ctx: Ctx, id: string, body: CaseActionBody<'sign'>) {
  return runAction(ctx, id, 'sign', body.version, async (l, env) => {
    const { row, actor } = l;
    const t = env.now.getTime();
    const limit = env.limit(row.type, row.priority);
    if (asCoHandler(l)) {
      const mine = myCoUnitRow(actor, l.units)!;
      const coDeadline = row.deadline ?? addWorkingDays(env.cal, env.now, limit).getTime();
      return {
        patch: {},
        events: [{ kind: 'co-signed', payload: { unit: await unitName(ctx, mine.unitId), deadline: new Date(coDeadline).toISOString() } }],
        audit: { action: 'case.co-signed', changes: { unitId: mine.unitId } },
        write: async (trx) => {
          await trx.updateTable('caseUnits').set({ status: 'signed', signedAt: t, deadline: coDeadline }).where('id', '=', mine.id).execute();
        },
      };
    }
    const resumed = row.deadline !== null;
    const deadline = row.deadline ?? addWorkingDays(env.cal, env.now, limit).getTime();
    const limitDays = resumed ? row.limitDays : limit;
    const clock = { clockState: 'running', dueAt: deadline, limitDays, signLimitDays: row.signLimitDays, light: row.light, overdue: 0 };
    return {
      patch: { status: 'in_progress', signedAt: t, deadline, signDeadline: null, ...clock, ...lightAt(env.cal, clock, env.now) },
      events: [{ kind: 'signed', payload: { deadline: new Date(deadline).toISOString(), limitDays, resumed } }],
      audit: { action: 'case.signed', changes: { deadline, limitDays } },
      write: async (trx) => {
        await trx.updateTable('caseUnits').set({ status: 'signed', signedAt: t, deadline })
          .where('caseId', '=', id).where('role', '=', 'lead').where('active', '=', 1).execute();
      },
    };
  });
}

/** 退回: back to the dispatcher with a reason; the handling clock stands still until the next dispatch. */
export function returnCase(ctx: Ctx, id: string, body: CaseActionBody<'return'>) {
  return runAction(ctx, id, 'return', body.version, async (l, env) => {
    const { row, actor } = l;
    const t = env.now.getTime();
    const dispatchers = await dispatcherUserIds(ctx.db, row.projectId);
    const reason = { reasonCode: body.reasonCode, reason: body.reason };
    if (asCoHandler(l)) {
      const mine = myCoUnitRow(actor, l.units)!;
      const unit = await unitName(ctx, mine.unitId);
      return {
        patch: {},
        events: [{ kind: 'co-returned', payload: { unit, ...reason }, internal: true }],
        audit: { action: 'case.co-returned', changes: { unitId: mine.unitId, ...reason } },
        write: async (trx) => {
          await trx.updateTable('caseUnits').set({ status: 'returned', active: 0 }).where('id', '=', mine.id).execute();
        },
        notices: [{ userIds: dispatchers, kind: 'case.returned', title: noticeTitle('协办退回', row), body: `${unit.name}：${body.reason}` }],
      };
    }
    const unit = await unitName(ctx, row.leadUnitId!);
    return {
      patch: {
        status: 'accepted', leadUnitId: null, assigneeId: null, signDeadline: null, dueAt: null, overdue: 0,
        clockState: row.deadline !== null ? 'paused' : 'idle', pausedAt: row.deadline !== null ? t : null,
      },
      events: [{ kind: 'returned', payload: { unit, ...reason }, internal: true }],
      audit: { action: 'case.returned', changes: { unitId: unit.id, ...reason } },
      write: async (trx) => {
        await trx.updateTable('caseUnits').set({ status: 'returned', active: 0 })
          .where('caseId', '=', id).where('role', '=', 'lead').where('active', '=', 1).execute();
        await trx.updateTable('caseUnits').set({ active: 0 }).where('caseId', '=', id).where('active', '=', 1).execute();
      },
      notices: [{ userIds: dispatchers, kind: 'case.returned', title: noticeTitle('退回', row), body: `${unit.name}：${body.reason}` }],
    };
  });
}

/** 申请延期: before the deadline, one request at a time; the dispatcher decides. */
export function requestExtension(ctx: Ctx, id: string, body: CaseActionBody<'request-extension'>) {
  return runAction(ctx, id, 'request-extension', body.version, async ({ row }, env) => {
    if (row.deadline !== null && env.now.getTime() > row.deadline) {
      throw new AppError('RULE_VIOLATED', 'an extension must be asked for before the deadline');
    }
    return {
      patch: { extDays: body.days, extReason: body.reason, extRequestedAt: env.now.getTime() },
      events: [{ kind: 'extension-requested', payload: { days: body.days, reason: body.reason }, internal: true }],
      audit: { action: 'case.extension-requested', changes: { days: body.days, reason: body.reason } },
      notices: [{
        userIds: await dispatcherUserIds(ctx.db, row.projectId), kind: 'case.extension-requested',
        title: noticeTitle('延期申请', row), body: `申请延期 ${body.days} 个工作日：${body.reason}`,
      }],
    };
  });
}

/** 答复: the public reply stops the clock and goes to the dispatcher to verify; the internal note stays inside. */
export function answerCase(ctx: Ctx, id: string, body: CaseActionBody<'answer'>) {
  return runAction(ctx, id, 'answer', body.version, async (l, env) => {
    const { row, actor } = l;
    const t = env.now.getTime();
    const attach = async (trx: Parameters<typeof attachFiles>[1]) => attachFiles(ctx, trx, body.attachmentIds, 'case', id);
    if (asCoHandler(l)) {
      const mine = myCoUnitRow(actor, l.units)!;
      const unit = await unitName(ctx, mine.unitId);
      return {
        patch: {},
        events: [{ kind: 'co-answered', payload: { unit, reply: body.publicReply, internalNote: body.internalNote ?? null, attachmentIds: body.attachmentIds ?? [] }, internal: true }],
        audit: { action: 'case.co-answered', changes: { unitId: unit.id } },
        write: async (trx) => {
          await attach(trx);
          await trx.updateTable('caseUnits').set({ status: 'answered', answeredAt: t }).where('id', '=', mine.id).execute();
        },
        notices: row.leadUnitId ? [{ unitIds: [row.leadUnitId], kind: 'case.co-answered', title: noticeTitle('协办意见', row), body: `${unit.name}：${body.publicReply}` }] : [],
      };
    }
    const onTime = row.deadline === null || t <= row.deadline;
    return {
      patch: {
        status: 'answered', publicReply: body.publicReply, answeredAt: t, ...lightAt(env.cal, row, env.now),
        clockState: 'stopped', dueAt: null, overdue: 0, extDays: null, extReason: null, extRequestedAt: null,
      },
      events: [
        { kind: 'answered', payload: { publicReply: body.publicReply, attachmentIds: body.attachmentIds ?? [], onTime } },
        ...(body.internalNote ? [{ kind: 'internal-note', payload: { text: body.internalNote }, internal: true }] : []),
      ],
      audit: { action: 'case.answered', changes: { onTime, attachmentIds: body.attachmentIds ?? [] } },
      write: async (trx) => {
        await attach(trx);
        await trx.updateTable('caseUnits').set({ status: 'answered', answeredAt: t })
          .where('caseId', '=', id).where('role', '=', 'lead').where('active', '=', 1).execute();
      },
      notices: [{
        userIds: await dispatcherUserIds(ctx.db, row.projectId), kind: 'case.answered', title: noticeTitle('待核实', row),
        body: `${fmtShanghai(t)} 已答复：${body.publicReply}`.slice(0, 500),
      }],
    };
  });
}
