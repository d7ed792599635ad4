import type { z } from 'zod';
import type { createSiteLogBody, raiseProblemBody, siteLogListQuery, updateSiteLogBody } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { diff, writeAudit } from '../../kernel/audit/audit.js';
import type { Actor, Ctx } from '../../kernel/context.js';
import type { SiteLogTable } from '../../kernel/db/schema.js';
import { inTransaction, parseSort, toIso, withTrx } from '../../kernel/db/tx.js';
import { attachFiles } from '../../kernel/files/files.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { createCase } from '../cases/use-cases/create-case.js';
import { localDate } from '../projects/project-file.service.js';

type Duty = 'liaison' | 'coordination' | 'service' | 'urging';

/** Leaders and the organisation department read every site log; commissioners and assistants those of their projects. */
function scope(actor: Actor) {
  return (eb: any) => {
    if (actor.roles.includes('org_admin') || actor.roles.includes('leader')) return eb.lit(true);
    return eb.exists(
      eb.selectFrom('assignments').select('assignments.id').whereRef('assignments.projectId', '=', 'siteLogs.projectId')
        .where('assignments.userId', '=', actor.userId).where('assignments.active', '=', 1),
    );
  };
}

async function present(ctx: Ctx, rows: (SiteLogTable & { projectName: string; authorName: string })[]) {
  const ids = rows.map((r) => r.id);
  const photos = ids.length ? await ctx.db.selectFrom('files').select(['id', 'name', 'capturedAt', 'attachedId']).where('attachedType', '=', 'site_log').where('attachedId', 'in', ids).orderBy('createdAt').execute() : [];
  const problems = ids.length ? await ctx.db.selectFrom('siteLogProblems').selectAll().where('siteLogId', 'in', ids).orderBy('createdAt').execute() : [];
  return rows.map((r) => ({
    id: r.id, projectId: r.projectId, projectName: r.projectName, author: { id: r.authorId, displayName: r.authorName },
    date: r.date, timeIn: r.timeIn, timeOut: r.timeOut, weather: r.weather, duties: r.duties.split(',').filter(Boolean) as Duty[],
    seen: r.seen, done: r.done, peopleMet: r.peopleMet,
    photos: photos.filter((p) => p.attachedId === r.id).map((p) => ({ id: p.id, name: p.name, capturedAt: toIso(p.capturedAt) })),
    problems: problems.filter((p) => p.siteLogId === r.id).map((p) => ({ id: p.id, title: p.title, description: p.description, caseId: p.caseId, createdAt: toIso(p.createdAt)! })),
    createdAt: toIso(r.createdAt)!, updatedAt: toIso(r.updatedAt)!, version: r.version,
  }));
}

function base(ctx: Ctx, actor: Actor) {
  return ctx.db.selectFrom('siteLogs')
    .innerJoin('projects', 'projects.id', 'siteLogs.projectId')
    .innerJoin('users', 'users.id', 'siteLogs.authorId')
    .where(scope(actor));
}

export async function listSiteLogs(ctx: Ctx, q: z.infer<typeof siteLogListQuery>) {
  const actor = assertCan(ctx, 'sitelog.read');
  let query = base(ctx, actor);
  if (q.projectId) query = query.where('siteLogs.projectId', '=', q.projectId);
  if (q.authorId) query = query.where('siteLogs.authorId', '=', q.authorId);
  if (q.from) query = query.where('siteLogs.date', '>=', q.from);
  if (q.to) query = query.where('siteLogs.date', '<=', q.to);
  const [, dir] = parseSort(q.sort, 'date');
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('siteLogs').select(['projects.name as projectName', 'users.displayName as authorName'])
    .orderBy('siteLogs.date', q.sort ? dir : 'desc').orderBy('siteLogs.createdAt', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: await present(ctx, rows), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

export async function getSiteLog(ctx: Ctx, id: string) {
  const actor = assertCan(ctx, 'sitelog.read');
  const row = await base(ctx, actor).selectAll('siteLogs').select(['projects.name as projectName', 'users.displayName as authorName']).where('siteLogs.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('site log');
  return (await present(ctx, [row]))[0]!;
}

async function assertOnProject(ctx: Ctx, actor: Actor, projectId: string) {
  const a = await ctx.db.selectFrom('assignments').select('id').where('projectId', '=', projectId).where('userId', '=', actor.userId)
    .where('role', 'in', ['commissioner', 'assistant']).where('active', '=', 1).executeTakeFirst();
  if (!a) throw new AppError('FORBIDDEN', 'only the project\'s commissioner and assistants keep its site log');
}

function assertTimes(date: string, timeIn: string | null | undefined, timeOut: string | null | undefined, today: string) {
  if (date > today) throw new AppError('RULE_VIOLATED', 'a site log cannot be for a future day', [{ path: 'date', message: 'in the future' }]);
  if (timeIn && timeOut && timeOut < timeIn) throw new AppError('RULE_VIOLATED', 'time out is before time in', [{ path: 'timeOut', message: 'before time in' }]);
}

export async function createSiteLog(ctx: Ctx, input: z.infer<typeof createSiteLogBody>) {
  const actor = assertCan(ctx, 'sitelog.write');
  await assertOnProject(ctx, actor, input.projectId);
  assertTimes(input.date, input.timeIn, input.timeOut, localDate(ctx.now()));
  const now = ctx.now().getTime();
  const row: SiteLogTable = {
    id: newId(), projectId: input.projectId, authorId: actor.userId, date: input.date, timeIn: input.timeIn ?? null, timeOut: input.timeOut ?? null,
    weather: input.weather ?? null, duties: [...new Set(input.duties)].join(','), seen: input.seen ?? '', done: input.done, peopleMet: input.peopleMet ?? null,
    version: 1, createdAt: now, updatedAt: now,
  };
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('siteLogs').values(row).execute();
    await attachFiles(ctx, trx, input.photoIds, 'site_log', row.id);
    await writeAudit(ctx, trx, { action: 'site_log.created', entityType: 'site_log', entityId: row.id, changes: { projectId: input.projectId, date: input.date, photos: input.photoIds?.length ?? 0 } });
  });
  return getSiteLog(ctx, row.id);
}

export async function updateSiteLog(ctx: Ctx, id: string, input: z.infer<typeof updateSiteLogBody>) {
  const actor = assertCan(ctx, 'sitelog.write');
  const row = await ctx.db.selectFrom('siteLogs').selectAll().where('id', '=', id).where(scope(actor)).executeTakeFirst();
  if (!row) throw notFound('site log');
  if (row.authorId !== actor.userId) throw new AppError('FORBIDDEN', 'only the author edits a site log');
  if (row.version !== input.version) throw staleVersion();
  const { version, photoIds, duties, ...rest } = input;
  const patch = { ...rest, ...(duties ? { duties: [...new Set(duties)].join(',') } : {}) };
  assertTimes(patch.date ?? row.date, patch.timeIn === undefined ? row.timeIn : patch.timeIn, patch.timeOut === undefined ? row.timeOut : patch.timeOut, localDate(ctx.now()));
  await inTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('siteLogs').set({ ...patch, version: version + 1, updatedAt: ctx.now().getTime() }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await attachFiles(ctx, trx, photoIds, 'site_log', id);
    await writeAudit(ctx, trx, { action: 'site_log.updated', entityType: 'site_log', entityId: id, changes: diff(row as unknown as Record<string, unknown>, patch) });
  });
  return getSiteLog(ctx, id);
}

/** A problem seen on site becomes a case with one action, linked both ways (the log lists it, the case names the log). */
export async function raiseProblem(ctx: Ctx, siteLogId: string, input: z.infer<typeof raiseProblemBody>) {
  const actor = assertCan(ctx, 'sitelog.write');
  const log = await ctx.db.selectFrom('siteLogs').selectAll().where('id', '=', siteLogId).where(scope(actor)).executeTakeFirst();
  if (!log) throw notFound('site log');
  await assertOnProject(ctx, actor, log.projectId);
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('siteLogProblems').values({ id, siteLogId, title: input.title, description: input.description, caseId: null, createdBy: actor.userId, createdAt: ctx.now().getTime() }).execute();
    const created = await createCase(withTrx(ctx, trx), {
      projectId: log.projectId, type: input.type, priority: input.priority, source: 'site_log', title: input.title,
      description: input.description, attachmentIds: input.attachmentIds,
    }, { sourceRefType: 'site_log', sourceRefId: siteLogId });
    const caseId = created.id;
    await trx.updateTable('siteLogProblems').set({ caseId }).where('id', '=', id).execute();
    await writeAudit(ctx, trx, { action: 'site_log.problem_raised', entityType: 'site_log', entityId: siteLogId, changes: { problemId: id, title: input.title, caseId } });
  });
  return getSiteLog(ctx, siteLogId);
}
