import type { CaseActionBody } from '@liaison/contracts';
import type { z } from 'zod';
import type { bulkDispatchBody } from '@liaison/contracts';
import { assertCan } from '../../../kernel/access/assert.js';
import { addWorkingDays, extendDeadline, shanghaiDate, workingDaysBetween } from '../../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors/app-error.js';
import { newId } from '../../../kernel/ids.js';
import { fmtShanghai } from '../case-clock.js';
import { findActiveUser, findDispatchableUnits } from '../case-refs.js';
import { noticeTitle, runAction } from './run-action.js';

const badField = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/**
 * 派单: to a lead unit (主办), optionally co-handling units (协办) and a person in the lead unit. Starts the sign-for
 * clock. After a return the handling clock resumes here: its deadline moves on by the working days it stood still.
 * Also 改派 while the case waits to be signed.
 */
export function dispatchCase(ctx: Ctx, id: string, body: CaseActionBody<'dispatch'>) {
  return runAction(ctx, id, 'dispatch', body.version, async ({ actor, row }, env) => {
    const coIds = [...new Set(body.coUnitIds ?? [])].filter((u) => u !== body.unitId);
    const units = await findDispatchableUnits(ctx.db, [body.unitId, ...coIds]);
    const lead = units.get(body.unitId);
    if (!lead) throw badField('unitId', 'unknown or inactive unit');
    const badCo = coIds.filter((u) => !units.has(u));
    if (badCo.length) throw badField('coUnitIds', `unknown or inactive unit: ${badCo.join(', ')}`);
    if (body.assigneeId) {
      const person = await findActiveUser(ctx.db, body.assigneeId);
      if (!person || person.unitId !== body.unitId) throw badField('assigneeId', 'not an active member of the lead unit');
    }
    const t = env.now.getTime();
    const signLimit = env.limit('sign', row.priority);
    const signDeadline = addWorkingDays(env.cal, env.now, signLimit).getTime();
    let deadline = row.deadline;
    let resumedAfterDays = 0;
    if (row.clockState === 'paused' && row.deadline !== null && row.pausedAt !== null) {
      resumedAfterDays = workingDaysBetween(env.cal, shanghaiDate(row.pausedAt), shanghaiDate(env.now));
      if (resumedAfterDays > 0) deadline = extendDeadline(env.cal, new Date(row.deadline), resumedAfterDays).getTime();
    }
    const coUnits = coIds.map((u) => units.get(u)!);
    return {
      patch: {
        status: 'assigned', leadUnitId: lead.id, assigneeId: body.assigneeId ?? null, dispatcherId: actor.userId, dispatchedAt: t,
        clockState: 'sign', signLimitDays: signLimit, signDeadline, dueAt: signDeadline, deadline, pausedAt: null, light: 'green', overdue: 0,
      },
      events: [{
        kind: 'dispatched',
        payload: {
          unit: lead, coUnits, assigneeId: body.assigneeId ?? null, note: body.note ?? null,
          signDeadline: new Date(signDeadline).toISOString(),
          ...(resumedAfterDays > 0 ? { clockResumedAfterWorkingDays: resumedAfterDays, deadline: new Date(deadline!).toISOString() } : {}),
        },
      }],
      audit: { action: 'case.dispatched', changes: { unitId: lead.id, coUnitIds: coIds, assigneeId: body.assigneeId ?? null, signDeadline } },
      write: async (trx) => {
        await trx.updateTable('caseUnits').set({ active: 0 }).where('caseId', '=', id).where('active', '=', 1).execute();
        await trx.insertInto('caseUnits').values([lead, ...coUnits].map((u, i) => ({
          id: newId(), caseId: id, unitId: u.id, role: i === 0 ? 'lead' : 'co', status: 'assigned', active: 1,
          signDeadline, deadline: null, signedAt: null, answeredAt: null, createdAt: t,
        }))).execute();
      },
      notices: [{
        unitIds: [lead.id, ...coIds], userIds: body.assigneeId ? [body.assigneeId] : [], kind: 'case.dispatched',
        title: noticeTitle('派单', row), body: `请于 ${fmtShanghai(signDeadline)} 前签收${body.note ? `。${body.note}` : ''}`,
      }],
    };
  });
}

/** 批量派单: each case on its own, so one refusal does not hold back the others. */
export async function bulkDispatch(ctx: Ctx, body: z.infer<typeof bulkDispatchBody>) {
  assertCan(ctx, 'case.read');
  // Record-level refusals are reported per case; a caller who may not read cases at all is refused outright.
  const items: { id: string; ok: boolean; code: string | null; detail: string | null }[] = [];
  for (const id of [...new Set(body.caseIds)]) {
    try {
      await dispatchCase(ctx, id, { unitId: body.unitId, coUnitIds: body.coUnitIds, assigneeId: body.assigneeId, note: body.note });
      items.push({ id, ok: true, code: null, detail: null });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      // Unit or assignee problems are the same for every case: report them once, as the request's error.
      if (err.code === 'VALIDATION_FAILED' || err.code === 'UNAUTHENTICATED') throw err;
      items.push({ id, ok: false, code: err.code, detail: err.detail ?? null });
    }
  }
  return { items };
}
