import type { z } from 'zod';
import type { assignmentListQuery, createAssignmentBody, handoverBody } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import type { Actor, Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import { inTransaction, toIso } from '../../kernel/db/tx.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { notify } from '../../kernel/notify/notify.js';
import { countOpenCasesByProject } from '../cases/case-handover.js';
import { loadVisibleProject, localDate } from '../projects/project-file.service.js';

/** Moves open work of a departing commissioner to the successor; the case module plugs its own mover in. */
type HandoverItem = { kind: string; id: string; label: string };
type HandoverMover = (ctx: Ctx, trx: Tx, projectId: string, fromUserId: string, toUserId: string) => Promise<HandoverItem[]>;
const movers = new Set<HandoverMover>();
export function registerHandoverMover(m: HandoverMover) {
  movers.add(m);
}

/** Who sees which appointments: the organisation department and leaders all; others their own and their projects'. */
function scope(actor: Actor) {
  return (eb: any) => {
    if (actor.roles.includes('org_admin') || actor.roles.includes('leader')) return eb.lit(true);
    return eb.or([
      eb('assignments.userId', '=', actor.userId),
      eb('assignments.mentorUserId', '=', actor.userId),
      eb.exists(eb.selectFrom('assignments as mine').select('mine.id').whereRef('mine.projectId', '=', 'assignments.projectId').where('mine.userId', '=', actor.userId).where('mine.active', '=', 1)),
    ]);
  };
}

export async function listAssignments(ctx: Ctx, q: z.infer<typeof assignmentListQuery>) {
  const actor = assertCan(ctx, 'assignment.read');
  let query = ctx.db.selectFrom('assignments')
    .innerJoin('projects', 'projects.id', 'assignments.projectId')
    .innerJoin('users', 'users.id', 'assignments.userId')
    .leftJoin('users as mentor', 'mentor.id', 'assignments.mentorUserId')
    .where(scope(actor));
  if (q.projectId) query = query.where('assignments.projectId', '=', q.projectId);
  if (q.userId) query = query.where('assignments.userId', '=', q.userId);
  if (q.role) query = query.where('assignments.role', '=', q.role);
  if (q.active) query = q.active === 'true' ? query.where('assignments.active', '=', 1) : query.where('assignments.active', 'is', null);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.select([
    'assignments.id', 'assignments.role', 'assignments.startDate', 'assignments.endDate', 'assignments.active',
    'projects.id as projectId', 'projects.name as projectName', 'users.id as userId', 'users.displayName', 'users.phone',
    'mentor.id as mentorId', 'mentor.displayName as mentorName', 'mentor.phone as mentorPhone',
  ]).orderBy('projects.code').orderBy('assignments.role').orderBy('assignments.startDate', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return {
    items: rows.map((r) => ({
      id: r.id, role: r.role as 'commissioner' | 'assistant' | 'street_liaison', startDate: r.startDate, endDate: r.endDate, active: r.active === 1,
      project: { id: r.projectId, name: r.projectName }, user: { id: r.userId, displayName: r.displayName, phone: r.phone },
      mentor: r.mentorId ? { id: r.mentorId, displayName: r.mentorName!, phone: r.mentorPhone } : null,
    })),
    total: Number(total.n), page: q.page, pageSize: q.pageSize,
  };
}

async function userWithRole(ctx: Ctx, userId: string, role: string, path: string) {
  const u = await ctx.db.selectFrom('users').innerJoin('userRoles', 'userRoles.userId', 'users.id')
    .select(['users.id', 'users.displayName']).where('users.id', '=', userId).where('userRoles.role', '=', role).where('users.isActive', '=', 1).executeTakeFirst();
  if (!u) throw new AppError('VALIDATION_FAILED', `the person is not an active ${role}`, [{ path, message: `must be an active ${role}` }]);
  return u;
}

/** Appoints a person to a project. A second active commissioner is refused by the database's unique index too. */
export async function createAssignment(ctx: Ctx, input: z.infer<typeof createAssignmentBody>) {
  assertCan(ctx, 'assignment.manage');
  const project = await ctx.db.selectFrom('projects').select(['id', 'name']).where('id', '=', input.projectId).executeTakeFirst();
  if (!project) throw new AppError('VALIDATION_FAILED', 'unknown project', [{ path: 'projectId', message: 'unknown project' }]);
  const roleOfUser = input.role === 'street_liaison' ? 'street_handler' : input.role;
  await userWithRole(ctx, input.userId, roleOfUser, 'userId');
  if (input.role === 'assistant') {
    if (!input.mentorUserId) throw new AppError('VALIDATION_FAILED', 'an assistant needs a mentor', [{ path: 'mentorUserId', message: 'required for an assistant' }]);
    const m = await ctx.db.selectFrom('assignments').select('id').where('projectId', '=', input.projectId).where('userId', '=', input.mentorUserId).where('role', '=', 'commissioner').where('active', '=', 1).executeTakeFirst();
    if (!m) throw new AppError('RULE_VIOLATED', 'the mentor must be this project\'s commissioner', [{ path: 'mentorUserId', message: 'not the project\'s commissioner' }]);
  }
  const dup = await ctx.db.selectFrom('assignments').select('id').where('projectId', '=', input.projectId).where('userId', '=', input.userId).where('role', '=', input.role).where('active', '=', 1).executeTakeFirst();
  if (dup) throw new AppError('DUPLICATE', 'this person already holds this appointment');
  if (input.role === 'commissioner') {
    const current = await ctx.db.selectFrom('assignments').select('id').where('projectId', '=', input.projectId).where('role', '=', 'commissioner').where('active', '=', 1).executeTakeFirst();
    if (current) throw new AppError('CONFLICT', 'the project has a commissioner; use a handover to change them');
  }
  const id = newId();
  try {
    await inTransaction(ctx, async (trx) => {
      await trx.insertInto('assignments').values({
        id, projectId: input.projectId, userId: input.userId, role: input.role, mentorUserId: input.role === 'assistant' ? input.mentorUserId! : null,
        startDate: input.startDate, endDate: null, active: 1, createdAt: ctx.now().getTime(),
      }).execute();
      await writeAudit(ctx, trx, { action: 'assignment.created', entityType: 'assignment', entityId: id, changes: input });
      await notify(ctx, trx, { userIds: [input.userId], kind: 'assignment.created', title: `您已被派驻到 ${project.name}`, link: `/projects/${project.id}`, entityType: 'project', entityId: project.id });
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('CONFLICT', 'the project has an active commissioner already');
  }
  return id;
}

export async function endAssignment(ctx: Ctx, id: string, endDate: string) {
  assertCan(ctx, 'assignment.manage');
  const a = await ctx.db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound('assignment');
  if (a.active !== 1) throw new AppError('CONFLICT', 'the appointment has ended already');
  if (endDate < a.startDate) throw new AppError('RULE_VIOLATED', 'it cannot end before it started', [{ path: 'endDate', message: 'before the start date' }]);
  if (a.role === 'commissioner') throw new AppError('RULE_VIOLATED', 'a commissioner is replaced by a handover, so that open work moves to the successor');
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('assignments').set({ endDate, active: null }).where('id', '=', id).execute();
    await writeAudit(ctx, trx, { action: 'assignment.ended', entityType: 'assignment', entityId: id, changes: { endDate } });
  });
}

/** Replaces the project's commissioner: ends the old appointment, starts the new, moves open work, records it all. */
export async function handover(ctx: Ctx, projectId: string, input: z.infer<typeof handoverBody>) {
  assertCan(ctx, 'assignment.manage');
  const project = await ctx.db.selectFrom('projects').select(['id', 'name']).where('id', '=', projectId).executeTakeFirst();
  if (!project) throw notFound('project');
  const current = await ctx.db.selectFrom('assignments').selectAll().where('projectId', '=', projectId).where('role', '=', 'commissioner').where('active', '=', 1).executeTakeFirst();
  if (!current) throw new AppError('CONFLICT', 'the project has no commissioner to hand over from; appoint one');
  if (current.userId === input.toUserId) throw new AppError('RULE_VIOLATED', 'the successor is the current commissioner', [{ path: 'toUserId', message: 'same person' }]);
  const to = await userWithRole(ctx, input.toUserId, 'commissioner', 'toUserId');
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('assignments').set({ endDate: input.date, active: null }).where('id', '=', current.id).execute();
    await trx.insertInto('assignments').values({ id: newId(), projectId, userId: to.id, role: 'commissioner', mentorUserId: null, startDate: input.date, endDate: null, active: 1, createdAt: ctx.now().getTime() }).execute();
    const assistants = await trx.selectFrom('assignments').select(['id', 'userId']).where('projectId', '=', projectId).where('role', '=', 'assistant').where('active', '=', 1).where('mentorUserId', '=', current.userId).execute();
    const items: HandoverItem[] = [];
    if (assistants.length) {
      await trx.updateTable('assignments').set({ mentorUserId: to.id }).where('id', 'in', assistants.map((a) => a.id)).execute();
      const names = await trx.selectFrom('users').select(['id', 'displayName']).where('id', 'in', assistants.map((a) => a.userId)).execute();
      items.push(...names.map((n) => ({ kind: 'assistant', id: n.id, label: n.displayName })));
    }
    for (const move of movers) items.push(...(await move(ctx, trx, projectId, current.userId, to.id)));
    await trx.insertInto('handovers').values({ id, projectId, fromUserId: current.userId, toUserId: to.id, date: input.date, note: input.note ?? null, items: JSON.stringify(items), createdBy: ctx.actor!.userId, createdAt: ctx.now().getTime() }).execute();
    await writeAudit(ctx, trx, { action: 'project.handed_over', entityType: 'project', entityId: projectId, changes: { from: current.userId, to: to.id, date: input.date, items: items.length } });
    await notify(ctx, trx, { userIds: [to.id, current.userId], kind: 'project.handed_over', title: `${project.name} 项目专员交接`, link: `/projects/${projectId}?tab=people`, entityType: 'project', entityId: projectId });
  });
  return getHandover(ctx, id);
}

export async function getHandover(ctx: Ctx, id: string) {
  const h = await ctx.db.selectFrom('handovers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const users = await ctx.db.selectFrom('users').select(['id', 'displayName', 'phone']).where('id', 'in', [h.fromUserId, h.toUserId]).execute();
  const u = (id: string) => users.find((x) => x.id === id)!;
  return { id: h.id, projectId: h.projectId, from: u(h.fromUserId), to: u(h.toUserId), date: h.date, note: h.note, items: JSON.parse(h.items) as HandoverItem[], createdAt: toIso(h.createdAt)! };
}

export async function listHandovers(ctx: Ctx, projectId: string) {
  assertCan(ctx, 'assignment.read');
  await loadVisibleProject(ctx, projectId);
  const rows = await ctx.db.selectFrom('handovers').select('id').where('projectId', '=', projectId).orderBy('createdAt', 'desc').execute();
  return Promise.all(rows.map((r) => getHandover(ctx, r.id)));
}

/** Each commissioner with their project, days on site this month (distinct site-log dates) and open items. */
export async function roster(ctx: Ctx) {
  assertCan(ctx, 'assignment.read');
  const month = localDate(ctx.now()).slice(0, 7);
  const rows = await ctx.db.selectFrom('users')
    .innerJoin('userRoles', 'userRoles.userId', 'users.id')
    .leftJoin('assignments', (j) => j.onRef('assignments.userId', '=', 'users.id').on('assignments.role', '=', 'commissioner').on('assignments.active', '=', 1))
    .leftJoin('projects', 'projects.id', 'assignments.projectId')
    .select(['users.id', 'users.displayName', 'users.phone', 'projects.id as projectId', 'projects.name as projectName', 'projects.light', 'projects.code'])
    .where('userRoles.role', '=', 'commissioner').where('users.isActive', '=', 1)
    .orderBy('projects.code').orderBy('users.username').execute();
  const logs = await ctx.db.selectFrom('siteLogs')
    .select((eb) => ['authorId', eb.fn.count<number>('date').distinct().as('days'), eb.fn.countAll<number>().as('logs')])
    .where('date', '>=', `${month}-01`).where('date', '<=', `${month}-31`).groupBy('authorId').execute();
  const logsBy = new Map(logs.map((l) => [l.authorId, l]));
  const assistants = await ctx.db.selectFrom('assignments').innerJoin('users', 'users.id', 'assignments.userId')
    .select(['assignments.mentorUserId', 'users.id', 'users.displayName', 'users.phone']).where('assignments.role', '=', 'assistant').where('assignments.active', '=', 1).execute();
  const openCases = await countOpenCasesByProject(ctx.db, rows.map((r) => r.projectId).filter((x): x is string => !!x));
  return rows.map((r) => {
    const mine = logsBy.get(r.id);
    return {
      user: { id: r.id, displayName: r.displayName, phone: r.phone },
      project: r.projectId ? { id: r.projectId, name: r.projectName!, light: r.light! } : null,
      daysOnSiteThisMonth: Number(mine?.days ?? 0),
      siteLogsThisMonth: Number(mine?.logs ?? 0),
      openItems: r.projectId ? (openCases.get(r.projectId) ?? 0) : 0,
      assistants: assistants.filter((a) => a.mentorUserId === r.id).map((a) => ({ id: a.id, displayName: a.displayName, phone: a.phone })),
    };
  });
}
