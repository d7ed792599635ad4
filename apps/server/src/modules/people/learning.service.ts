import type { z } from 'zod';
import type { commentLearningLogBody, createEvaluationBody, createLearningLogBody, learningLogListQuery } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import type { Actor, Ctx } from '../../kernel/context.js';
import { inTransaction, toIso } from '../../kernel/db/tx.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { notify } from '../../kernel/notify/notify.js';

/** The mentor of an assistant: the commissioner named on their active appointment. */
async function mentorsOf(ctx: Ctx, assistantId: string): Promise<string[]> {
  const rows = await ctx.db.selectFrom('assignments').select('mentorUserId').where('userId', '=', assistantId).where('role', '=', 'assistant').where('active', '=', 1).execute();
  return rows.map((r) => r.mentorUserId).filter((x): x is string => !!x);
}

/** Assistants see their own logs, mentors their mentees', leaders and the organisation department all. */
function scope(actor: Actor) {
  return (eb: any) => {
    if (actor.roles.includes('org_admin') || actor.roles.includes('leader')) return eb.lit(true);
    return eb.or([
      eb('learningLogs.assistantId', '=', actor.userId),
      eb.exists(eb.selectFrom('assignments').select('assignments.id').whereRef('assignments.userId', '=', 'learningLogs.assistantId').where('assignments.mentorUserId', '=', actor.userId).where('assignments.role', '=', 'assistant')),
    ]);
  };
}

export async function listLearningLogs(ctx: Ctx, q: z.infer<typeof learningLogListQuery>) {
  const actor = assertCan(ctx, 'learning.read');
  let query = ctx.db.selectFrom('learningLogs').innerJoin('users', 'users.id', 'learningLogs.assistantId').where(scope(actor));
  if (q.assistantId) query = query.where('learningLogs.assistantId', '=', q.assistantId);
  if (q.from) query = query.where('learningLogs.date', '>=', q.from);
  if (q.to) query = query.where('learningLogs.date', '<=', q.to);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('learningLogs').select(['users.displayName', 'users.phone']).orderBy('learningLogs.date', 'desc').orderBy('learningLogs.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return {
    items: rows.map((r) => ({
      id: r.id, assistant: { id: r.assistantId, displayName: r.displayName, phone: r.phone }, projectId: r.projectId, date: r.date,
      activities: r.activities, learned: r.learned, mentorComment: r.mentorComment, mentorCommentedAt: toIso(r.mentorCommentedAt),
      createdAt: toIso(r.createdAt)!, version: r.version,
    })),
    total: Number(total.n), page: q.page, pageSize: q.pageSize,
  };
}

export async function createLearningLog(ctx: Ctx, input: z.infer<typeof createLearningLogBody>) {
  const actor = assertCan(ctx, 'learning.write');
  const mentors = await mentorsOf(ctx, actor.userId);
  if (mentors.length === 0) throw new AppError('RULE_VIOLATED', 'you are not appointed as an assistant to any project');
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('learningLogs').values({ id, assistantId: actor.userId, projectId: input.projectId ?? null, date: input.date, activities: input.activities, learned: input.learned, mentorComment: null, mentorCommentedAt: null, version: 1, createdAt: ctx.now().getTime() }).execute();
    await writeAudit(ctx, trx, { action: 'learning_log.created', entityType: 'learning_log', entityId: id, changes: input });
    await notify(ctx, trx, { userIds: mentors, kind: 'learning.created', title: `${actor.displayName} 提交了跟班学习记录`, link: '/learning', entityType: 'learning_log', entityId: id });
  });
  return id;
}

export async function commentLearningLog(ctx: Ctx, id: string, input: z.infer<typeof commentLearningLogBody>) {
  const actor = assertCan(ctx, 'learning.mentor');
  const row = await ctx.db.selectFrom('learningLogs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !(await mentorsOf(ctx, row.assistantId)).includes(actor.userId)) throw notFound('learning log');
  if (row.version !== input.version) throw staleVersion();
  await inTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('learningLogs').set({ mentorComment: input.comment, mentorCommentedAt: ctx.now().getTime(), version: row.version + 1 }).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await writeAudit(ctx, trx, { action: 'learning_log.commented', entityType: 'learning_log', entityId: id, changes: { comment: [row.mentorComment, input.comment] } });
    await notify(ctx, trx, { userIds: [row.assistantId], kind: 'learning.commented', title: '导师点评了您的跟班学习记录', link: '/learning', entityType: 'learning_log', entityId: id });
  });
}

export async function createEvaluation(ctx: Ctx, input: z.infer<typeof createEvaluationBody>) {
  const actor = assertCan(ctx, 'learning.mentor');
  const ever = await ctx.db.selectFrom('assignments').select('id').where('userId', '=', input.assistantId).where('role', '=', 'assistant').where('mentorUserId', '=', actor.userId).executeTakeFirst();
  if (!ever) throw new AppError('FORBIDDEN', 'only the assistant\'s mentor evaluates them');
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('evaluations').values({ id, assistantId: input.assistantId, mentorId: actor.userId, termEnd: input.termEnd, rating: input.rating, comment: input.comment, createdAt: ctx.now().getTime() }).execute();
    await writeAudit(ctx, trx, { action: 'evaluation.created', entityType: 'evaluation', entityId: id, changes: input });
    await notify(ctx, trx, { userIds: [input.assistantId], kind: 'evaluation.created', title: '您的跟班期满评价已完成', link: '/learning', entityType: 'evaluation', entityId: id });
  });
  return id;
}

export async function listEvaluations(ctx: Ctx, assistantId?: string) {
  const actor = assertCan(ctx, 'learning.read');
  let q = ctx.db.selectFrom('evaluations').innerJoin('users as a', 'a.id', 'evaluations.assistantId').innerJoin('users as m', 'm.id', 'evaluations.mentorId')
    .select(['evaluations.id', 'evaluations.termEnd', 'evaluations.rating', 'evaluations.comment', 'evaluations.createdAt', 'a.id as aId', 'a.displayName as aName', 'a.phone as aPhone', 'm.id as mId', 'm.displayName as mName', 'm.phone as mPhone']);
  if (!actor.roles.includes('org_admin') && !actor.roles.includes('leader')) q = q.where((eb) => eb.or([eb('evaluations.assistantId', '=', actor.userId), eb('evaluations.mentorId', '=', actor.userId)]));
  if (assistantId) q = q.where('evaluations.assistantId', '=', assistantId);
  const rows = await q.orderBy('evaluations.createdAt', 'desc').execute();
  return rows.map((r) => ({
    id: r.id, termEnd: r.termEnd, rating: r.rating as 'excellent' | 'good' | 'fair' | 'poor', comment: r.comment, createdAt: toIso(r.createdAt)!,
    assistant: { id: r.aId, displayName: r.aName, phone: r.aPhone }, mentor: { id: r.mId, displayName: r.mName, phone: r.mPhone },
  }));
}
