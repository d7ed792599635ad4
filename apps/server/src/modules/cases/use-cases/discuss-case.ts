import type { CaseActionBody } from '@liaison/contracts';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors/app-error.js';
import { attachFiles } from '../../../kernel/files/files.js';
import { dispatcherUserIds, usersWithRole } from '../case-refs.js';
import { seesInternal } from '../cases.policy.js';
import { noticeTitle, runAction } from './run-action.js';

/** 督办 levels, as the notices name them. */
export const supervisionNames = ['', '专员督促', '部门督办', '区领导挂牌督办'] as const;

/** 留言: on the timeline; internal ones only from (and for) the handling chain. */
export function commentOnCase(ctx: Ctx, id: string, body: CaseActionBody<'comment'>) {
  return runAction(ctx, id, 'comment', body.version, ({ actor, relations }) => {
    if (body.internal && !seesInternal(actor, relations)) throw new AppError('FORBIDDEN', 'internal notes are for the handling chain');
    return {
      patch: {},
      events: [{ kind: 'commented', payload: { text: body.text, attachmentIds: body.attachmentIds ?? [] }, internal: !!body.internal }],
      audit: { action: 'case.commented', changes: { internal: !!body.internal } },
      write: async (trx) => attachFiles(ctx, trx, body.attachmentIds, 'case', id),
    };
  });
}

/**
 * 督办: a district leader may list any case at any level (by default 3, 区领导挂牌督办); the commissioner or an
 * assistant raises it up to department supervision (2). Levels only go up.
 */
export function escalateCase(ctx: Ctx, id: string, body: CaseActionBody<'escalate'>) {
  return runAction(ctx, id, 'escalate', body.version, async ({ row, relations }) => {
    const isLeader = relations.includes('leader');
    const level = body.level ?? (isLeader ? 3 : Math.min(row.supervisionLevel + 1, 2));
    if (!isLeader && level > 2) throw new AppError('FORBIDDEN', 'only a district leader lists a case for supervision (level 3)');
    if (level <= row.supervisionLevel) throw new AppError('RULE_VIOLATED', `the case is already at supervision level ${row.supervisionLevel}`);
    const dispatchers = await dispatcherUserIds(ctx.db, row.projectId);
    return {
      patch: { supervisionLevel: level },
      events: [{ kind: 'escalated', payload: { from: row.supervisionLevel, to: level, reason: body.reason, automatic: false } }],
      audit: { action: 'case.escalated', changes: { supervisionLevel: [row.supervisionLevel, level], reason: body.reason } },
      notices: [{
        unitIds: row.leadUnitId ? [row.leadUnitId] : [], userIds: [...dispatchers, ...(level === 3 ? await usersWithRole(ctx.db, 'leader') : [])],
        kind: 'case.escalated', title: noticeTitle(supervisionNames[level]!, row), body: body.reason,
      }],
    };
  });
}
