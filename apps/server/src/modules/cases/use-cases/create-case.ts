import type { CaseDetail, CreateCaseBody } from '@liaison/contracts';
import { assertCan } from '../../../kernel/access/assert.js';
import { writeAudit } from '../../../kernel/audit/audit.js';
import { shanghaiDate } from '../../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../../kernel/context.js';
import { indexText } from '../../../kernel/db/search.js';
import { inTransaction } from '../../../kernel/db/tx.js';
import { AppError } from '../../../kernel/errors/app-error.js';
import { attachFiles } from '../../../kernel/files/files.js';
import { newId } from '../../../kernel/ids.js';
import { notify } from '../../../kernel/notify/notify.js';
import { loadVisibleProject } from '../../projects/project-file.service.js';
import { dispatcherUserIds, districtCode } from '../case-refs.js';
import { appendEvents, CASE_TEXT, nextCaseNumber } from '../cases.repository.js';
import { getCaseDetail } from '../cases.service.js';
import { actorRef, noticeTitle } from './run-action.js';
import { caseChanged } from '../case-hooks.js';

/** Where a case came from when another module raises it (a site log, an inspection, a meeting resolution). */
export type CaseOrigin = { sourceRefType: string; sourceRefId: string };

const defaultSource = (roles: readonly string[]) =>
  roles.includes('enterprise') ? 'enterprise' : roles.includes('commissioner') || roles.includes('assistant') ? 'commissioner' : 'other';

/**
 * 提交: a new case on a project the caller can see, numbered gaplessly per district and year, submitted to the
 * project's dispatcher. Other modules pass `origin` to link the case back to what raised it.
 */
export async function createCase(ctx: Ctx, input: CreateCaseBody, origin?: CaseOrigin): Promise<CaseDetail> {
  const actor = assertCan(ctx, 'case.create');
  const project = await loadVisibleProject(ctx, input.projectId).then((p) => p.project).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') {
      throw new AppError('VALIDATION_FAILED', 'unknown project', [{ path: 'projectId', message: 'unknown project' }]);
    }
    throw err;
  });
  if (project.archivedAt !== null) throw new AppError('RULE_VIOLATED', 'the project is archived');
  const now = ctx.now();
  const t = now.getTime();
  const year = Number(shanghaiDate(now).slice(0, 4));
  const code = await districtCode(ctx.db, project.districtId);
  const dispatchers = await dispatcherUserIds(ctx.db, project.id);
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    const number = await nextCaseNumber(trx, project.districtId, code, year);
    const row = {
      id, districtId: project.districtId, number, projectId: project.id, type: input.type, category: input.category ?? null,
      title: input.title, description: input.description, source: input.source ?? defaultSource(actor.roles),
      priority: input.priority ?? 'normal', status: 'submitted', reporterId: actor.userId, reporterUnitId: actor.unitId,
      dispatcherId: null, leadUnitId: null, assigneeId: null, clockState: 'idle', signLimitDays: null, signDeadline: null,
      limitDays: null, deadline: null, dueAt: null, pausedAt: null, light: 'green', overdue: 0, supervisionLevel: 0,
      escalatedFor: null, remindedFor: null, extDays: null, extReason: null, extRequestedAt: null, publicReply: null,
      answeredAt: null, rating: null, ratingComment: null, reopenCount: 0, mergedIntoId: null,
      sourceRefType: origin?.sourceRefType ?? null, sourceRefId: origin?.sourceRefId ?? null,
      acceptedAt: null, dispatchedAt: null, signedAt: null, closedAt: null, version: 1, createdAt: t, updatedAt: t,
    };
    await trx.insertInto('cases').values(row).execute();
    await indexText(trx, ctx.dialect, CASE_TEXT, id, { number, title: input.title, description: input.description }, { isNew: true, createdAt: t });
    await attachFiles(ctx, trx, input.attachmentIds, 'case', id);
    await appendEvents(trx, id, actorRef(ctx), t, [{
      kind: 'created',
      payload: { number, type: input.type, title: input.title, priority: row.priority, source: row.source, attachmentIds: input.attachmentIds ?? [], ...(origin ?? {}) },
    }]);
    await writeAudit(ctx, trx, { action: 'case.created', entityType: 'case', entityId: id, changes: { number, projectId: project.id, type: input.type, title: input.title, priority: row.priority } });
    await caseChanged(ctx, trx, id);
    await notify(ctx, trx, {
      userIds: dispatchers, kind: 'case.submitted', title: noticeTitle('新问题', row), body: `${project.name}：${input.description}`.slice(0, 500),
      entityType: 'case', entityId: id, link: `/cases/${id}`,
    });
  });
  return getCaseDetail(ctx, id);
}
