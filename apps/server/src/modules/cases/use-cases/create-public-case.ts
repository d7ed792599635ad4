import type { caseSources } from '@liaison/contracts';
import { writeAudit } from '../../../kernel/audit/audit.js';
import { shanghaiDate } from '../../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../../kernel/context.js';
import { indexText } from '../../../kernel/db/search.js';
import { inTransaction } from '../../../kernel/db/tx.js';
import { AppError } from '../../../kernel/errors/app-error.js';
import { newId } from '../../../kernel/ids.js';
import { notify } from '../../../kernel/notify/notify.js';
import { dispatcherUserIds, districtCode } from '../case-refs.js';
import { appendEvents, CASE_TEXT, nextCaseNumber } from '../cases.repository.js';
import { noticeTitle } from './run-action.js';
import { caseChanged } from '../case-hooks.js';

/** Who filed it, for the timeline and the audit log: a resident has no account, an Open311 client has a key. */
type CaseSource = (typeof caseSources)[number];

export type PublicReporter = { name: string; role: 'resident' | 'open311' };

export type PublicCaseInput = {
  projectId: string;
  /** The appeal category's name, e.g. 噪声. */
  category: string;
  title: string;
  description: string;
  source: CaseSource;
  /** The appeal it comes from (the case's source reference). */
  appealId: string;
  /** Photos already stored for the appeal; they move onto the case. */
  fileIds: string[];
  reporter: PublicReporter;
};

/**
 * 提交 by someone without an account: an `appeal` case on the project, numbered and announced exactly as
 * createCase does, but with no reporter user (the resident follows it with the tracking code instead) and no
 * visibility check (the public board lists the projects anyone may file on). Joins the caller's transaction.
 */
export async function createPublicCase(ctx: Ctx, input: PublicCaseInput): Promise<{ id: string; number: string }> {
  const project = await ctx.db.selectFrom('projects').select(['id', 'name', 'districtId', 'archivedAt']).where('id', '=', input.projectId).executeTakeFirst();
  if (!project || project.archivedAt !== null) {
    throw new AppError('VALIDATION_FAILED', 'unknown project', [{ path: 'projectId', message: 'unknown project' }]);
  }
  const now = ctx.now();
  const t = now.getTime();
  const year = Number(shanghaiDate(now).slice(0, 4));
  const id = newId();
  return inTransaction(ctx, async (trx) => {
    const code = await districtCode(trx, project.districtId);
    const number = await nextCaseNumber(trx, project.districtId, code, year);
    const row = {
      id, districtId: project.districtId, number, projectId: project.id, type: 'appeal', category: input.category,
      title: input.title, description: input.description, source: input.source, priority: 'normal', status: 'submitted',
      reporterId: null, reporterUnitId: null, dispatcherId: null, leadUnitId: null, assigneeId: null, clockState: 'idle',
      signLimitDays: null, signDeadline: null, limitDays: null, deadline: null, dueAt: null, pausedAt: null, light: 'green',
      overdue: 0, supervisionLevel: 0, escalatedFor: null, remindedFor: null, extDays: null, extReason: null, extRequestedAt: null,
      publicReply: null, answeredAt: null, rating: null, ratingComment: null, reopenCount: 0, mergedIntoId: null,
      sourceRefType: 'appeal', sourceRefId: input.appealId, acceptedAt: null, dispatchedAt: null, signedAt: null, closedAt: null,
      version: 1, createdAt: t, updatedAt: t,
    };
    await trx.insertInto('cases').values(row).execute();
    await indexText(trx, ctx.dialect, CASE_TEXT, id, { number, title: input.title, description: input.description }, { isNew: true, createdAt: t });
    if (input.fileIds.length) {
      await trx.updateTable('files').set({ attachedType: 'case', attachedId: id }).where('id', 'in', input.fileIds).execute();
    }
    await appendEvents(trx, id, { id: null, name: input.reporter.name }, t, [{
      kind: 'created',
      payload: { number, type: 'appeal', title: input.title, priority: 'normal', source: input.source, attachmentIds: input.fileIds, sourceRefType: 'appeal', sourceRefId: input.appealId },
    }]);
    await writeAudit(ctx, trx, {
      action: 'case.created', entityType: 'case', entityId: id,
      changes: { number, projectId: project.id, type: 'appeal', title: input.title, source: input.source, appealId: input.appealId },
      actorOverride: { id: null, name: input.reporter.name, role: input.reporter.role },
    });
    await caseChanged(ctx, trx, id);
    // The commissioner hears at once: residents' appeals have the shortest patience of all.
    await notify(ctx, trx, {
      userIds: await dispatcherUserIds(trx, project.id), kind: 'case.submitted', title: noticeTitle('居民诉求', row),
      body: `${project.name}：${input.description}`.slice(0, 500), entityType: 'case', entityId: id, link: `/cases/${id}`,
    });
    return { id, number };
  });
}
