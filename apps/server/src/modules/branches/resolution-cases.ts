import type { z } from 'zod';
import type { createResolutionBody } from '@liaison/contracts';
import { writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import { inTransaction, withTrx } from '../../kernel/db/tx.js';
import { AppError, staleVersion } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { createCase } from '../cases/use-cases/create-case.js';
import { acceptCase } from '../cases/use-cases/triage-case.js';
import { dispatchCase } from '../cases/use-cases/dispatch-case.js';
import { getMeeting, loadMeeting } from './meetings.service.js';

/**
 * 决议: nothing decided may be forgotten. A resolution that needs action becomes a `coordination` case on the project,
 * in the same transaction; when the person recording it is the project's dispatcher it is accepted and dispatched to
 * the owner unit at once, otherwise it waits in the dispatcher's queue.
 */
export async function addResolution(ctx: Ctx, meetingId: string, version: number, input: z.infer<typeof createResolutionBody>) {
  const { meeting, canRun } = await loadMeeting(ctx, meetingId);
  if (!canRun) throw new AppError('FORBIDDEN', 'you do not run this branch\'s meetings');
  if (meeting.version !== version) throw staleVersion();
  if (meeting.minutesStatus !== 'draft') throw new AppError('CONFLICT', `the minutes are ${meeting.minutesStatus}; no more resolutions`);
  if (meeting.status === 'cancelled') throw new AppError('CONFLICT', 'the meeting was cancelled');
  const errors = [];
  if (input.needsAction && !input.ownerUnitId) errors.push({ path: 'ownerUnitId', message: 'a resolution that needs action needs an owner unit' });
  if (input.needsAction && !input.dueDate) errors.push({ path: 'dueDate', message: 'a resolution that needs action needs a due date' });
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'the resolution is incomplete', errors);
  if (input.agendaItemId) {
    const a = await ctx.db.selectFrom('agendaItems').select('id').where('id', '=', input.agendaItemId).where('meetingId', '=', meetingId).executeTakeFirst();
    if (!a) throw new AppError('VALIDATION_FAILED', 'not on this agenda', [{ path: 'agendaItemId', message: 'not on this agenda' }]);
  }
  if (input.ownerUnitId) {
    const u = await ctx.db.selectFrom('units').select('id').where('id', '=', input.ownerUnitId).where('isActive', '=', 1).executeTakeFirst();
    if (!u) throw new AppError('VALIDATION_FAILED', 'unknown unit', [{ path: 'ownerUnitId', message: 'unknown or inactive unit' }]);
  }
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('resolutions').values({
      id, meetingId, agendaItemId: input.agendaItemId ?? null, text: input.text, ownerUnitId: input.ownerUnitId ?? null,
      dueDate: input.dueDate ?? null, needsAction: input.needsAction ? 1 : 0, caseId: null, createdAt: ctx.now().getTime(),
    }).execute();
    let caseId: string | null = null;
    if (input.needsAction) {
      const c = withTrx(ctx, trx);
      const created = await createCase(c, {
        projectId: meeting.projectId, type: 'coordination', source: 'branch_meeting', priority: 'normal',
        title: input.text.length > 60 ? `${input.text.slice(0, 58)}…` : input.text,
        description: `${meeting.branchName}「${meeting.title}」决议：${input.text}（要求完成时间 ${input.dueDate}）`,
      }, { sourceRefType: 'resolution', sourceRefId: id });
      caseId = created.id;
      if (created.allowedActions.includes('accept')) {
        const accepted = await acceptCase(c, caseId, {});
        if (accepted.allowedActions.includes('dispatch')) await dispatchCase(c, caseId, { unitId: input.ownerUnitId!, note: `会议决议，要求 ${input.dueDate} 前完成` });
      }
      await trx.updateTable('resolutions').set({ caseId }).where('id', '=', id).execute();
    }
    await trx.updateTable('meetings').set({ version: version + 1, updatedAt: ctx.now().getTime() }).where('id', '=', meetingId).execute();
    await writeAudit(ctx, trx, { action: 'meeting.resolution_made', entityType: 'meeting', entityId: meetingId, changes: { resolutionId: id, text: input.text, ownerUnitId: input.ownerUnitId ?? null, dueDate: input.dueDate ?? null, caseId } });
  });
  return getMeeting(ctx, meetingId);
}
