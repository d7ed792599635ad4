import type { z } from 'zod';
import type { addMemberBody, branchListQuery, createBranchBody } from '@liaison/contracts';
import { assertCan, requireActor } from '../../kernel/access/assert.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import type { Actor, Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import type { BranchTable } from '../../kernel/db/schema.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { loadVisibleProject, localDate } from '../projects/project-file.service.js';
import { projectScope, relationTo } from '../projects/projects.policy.js';
import { resolutionStats } from './resolutions.js';

/** A branch is visible to whoever may see its project. */
export async function loadVisibleBranch(ctx: Ctx, id: string, db: Tx = ctx.db) {
  const actor = assertCan(ctx, 'branch.read');
  const b = await db.selectFrom('branches').innerJoin('projects', 'projects.id', 'branches.projectId')
    .selectAll('branches').select(['projects.name as projectName', 'projects.ownerUnitId', 'projects.contractorUnitId', 'projects.supervisorUnitId'])
    .where('branches.id', '=', id).where(projectScope(actor)).executeTakeFirst();
  if (!b) throw notFound('branch');
  return { actor, branch: b };
}

/** Who runs a branch's meetings: the organisation department, the project's commissioner, the branch secretary. */
export async function canRunMeetings(ctx: Ctx, actor: Actor, branch: { id: string; projectId: string; ownerUnitId: string | null; contractorUnitId: string | null; supervisorUnitId: string | null }) {
  if (actor.permissions.includes('branch.manage')) return true;
  if (actor.permissions.includes('meeting.manage') && (await relationTo(ctx.db, actor, { ...branch, id: branch.projectId })).commissioner) return true;
  const sec = await ctx.db.selectFrom('branchMembers').select('id').where('branchId', '=', branch.id).where('userId', '=', actor.userId)
    .where('role', 'in', ['secretary', 'deputy']).where('leftOn', 'is', null).executeTakeFirst();
  return !!sec;
}

async function present(ctx: Ctx, rows: (BranchTable & { projectName: string; ownerUnitId: string | null; contractorUnitId: string | null; supervisorUnitId: string | null })[]) {
  const actor = requireActor(ctx);
  const ids = rows.map((r) => r.id);
  const members = ids.length ? await ctx.db.selectFrom('branchMembers').select(['branchId', 'name', 'role']).where('branchId', 'in', ids).where('leftOn', 'is', null).execute() : [];
  const out = [];
  for (const r of rows) {
    const mine = members.filter((m) => m.branchId === r.id);
    const actions: string[] = [];
    if (actor.permissions.includes('branch.manage')) actions.push('manage-members', ...(r.status === 'active' ? ['close'] : []));
    if (r.status === 'active' && (await canRunMeetings(ctx, actor, r))) actions.push('schedule-meeting');
    out.push({
      id: r.id, project: { id: r.projectId, name: r.projectName }, name: r.name, foundedOn: r.foundedOn, approvalDocNo: r.approvalDocNo,
      status: r.status as 'active' | 'closed', closedOn: r.closedOn,
      secretary: mine.find((m) => m.role === 'secretary')?.name ?? null, deputy: mine.find((m) => m.role === 'deputy')?.name ?? null,
      memberCount: mine.length, resolutions: await resolutionStats(ctx, { branchId: r.id }), allowedActions: actions, version: r.version,
    });
  }
  return out;
}

function scoped(ctx: Ctx, actor: Actor) {
  return ctx.db.selectFrom('branches').innerJoin('projects', 'projects.id', 'branches.projectId')
    .selectAll('branches').select(['projects.name as projectName', 'projects.ownerUnitId', 'projects.contractorUnitId', 'projects.supervisorUnitId'])
    .where(projectScope(actor));
}

export async function listBranches(ctx: Ctx, q: z.infer<typeof branchListQuery>) {
  const actor = assertCan(ctx, 'branch.read');
  let query = scoped(ctx, actor);
  if (q.projectId) query = query.where('branches.projectId', '=', q.projectId);
  if (q.status) query = query.where('branches.status', '=', q.status);
  const all = await query.orderBy('projects.code').orderBy('branches.foundedOn').execute();
  const page = all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  return { items: await present(ctx, page), total: all.length, page: q.page, pageSize: q.pageSize };
}

export async function getBranch(ctx: Ctx, id: string) {
  const { branch } = await loadVisibleBranch(ctx, id);
  return (await present(ctx, [branch]))[0]!;
}

export async function createBranch(ctx: Ctx, input: z.infer<typeof createBranchBody>) {
  assertCan(ctx, 'branch.manage');
  const { project } = await loadVisibleProject(ctx, input.projectId);
  const open = await ctx.db.selectFrom('branches').select('id').where('projectId', '=', project.id).where('status', '=', 'active').executeTakeFirst();
  if (open) throw new AppError('CONFLICT', 'the project has an active branch already');
  const now = ctx.now().getTime();
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('branches').values({ id, projectId: project.id, name: input.name, foundedOn: input.foundedOn, approvalDocNo: input.approvalDocNo, status: 'active', closedOn: null, version: 1, createdAt: now, updatedAt: now }).execute();
    await writeAudit(ctx, trx, { action: 'branch.created', entityType: 'branch', entityId: id, changes: input });
  });
  return getBranch(ctx, id);
}

export async function closeBranch(ctx: Ctx, id: string, version: number, closedOn: string) {
  assertCan(ctx, 'branch.manage');
  const { branch } = await loadVisibleBranch(ctx, id);
  if (branch.version !== version) throw staleVersion();
  if (branch.status === 'closed') throw new AppError('CONFLICT', 'the branch is closed already');
  const p = await ctx.db.selectFrom('projects').select('phase').where('id', '=', branch.projectId).executeTakeFirstOrThrow();
  if (p.phase !== 'completed') throw new AppError('RULE_VIOLATED', 'a branch is closed when its project is completed');
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('branches').set({ status: 'closed', closedOn, version: version + 1, updatedAt: ctx.now().getTime() }).where('id', '=', id).execute();
    await trx.updateTable('branchMembers').set({ leftOn: closedOn }).where('branchId', '=', id).where('leftOn', 'is', null).execute();
    await writeAudit(ctx, trx, { action: 'branch.closed', entityType: 'branch', entityId: id, changes: { closedOn } });
  });
  return getBranch(ctx, id);
}

export async function listMembers(ctx: Ctx, branchId: string, includeFormer: boolean) {
  await loadVisibleBranch(ctx, branchId);
  let q = ctx.db.selectFrom('branchMembers').selectAll().where('branchId', '=', branchId);
  if (!includeFormer) q = q.where('leftOn', 'is', null);
  const rows = await q.orderBy('side').orderBy('joinedOn').execute();
  return rows.map((m) => ({
    id: m.id, userId: m.userId, name: m.name, unitName: m.unitName, side: m.side as 'street', role: m.role as 'member',
    isPartyMember: m.isPartyMember === 1, joinedOn: m.joinedOn, leftOn: m.leftOn,
  }));
}

export async function addMember(ctx: Ctx, branchId: string, input: z.infer<typeof addMemberBody>) {
  assertCan(ctx, 'branch.manage');
  const { branch } = await loadVisibleBranch(ctx, branchId);
  if (branch.status !== 'active') throw new AppError('CONFLICT', 'the branch is closed');
  let name = input.name;
  let unitName = input.unitName;
  if (input.userId) {
    const u = await ctx.db.selectFrom('users').leftJoin('units', 'units.id', 'users.unitId').select(['users.displayName', 'units.name as unitName'])
      .where('users.id', '=', input.userId).where('users.isActive', '=', 1).executeTakeFirst();
    if (!u) throw new AppError('VALIDATION_FAILED', 'unknown user', [{ path: 'userId', message: 'unknown or disabled user' }]);
    const dup = await ctx.db.selectFrom('branchMembers').select('id').where('branchId', '=', branchId).where('userId', '=', input.userId).where('leftOn', 'is', null).executeTakeFirst();
    if (dup) throw new AppError('DUPLICATE', 'already a member');
    name ??= u.displayName;
    unitName ??= u.unitName ?? '';
  }
  if (!name || !unitName) throw new AppError('VALIDATION_FAILED', 'an external member needs a name and a unit', [...(!name ? [{ path: 'name', message: 'required' }] : []), ...(!unitName ? [{ path: 'unitName', message: 'required' }] : [])]);
  if (input.role === 'secretary' || input.role === 'deputy') {
    const taken = await ctx.db.selectFrom('branchMembers').select('id').where('branchId', '=', branchId).where('role', '=', input.role).where('leftOn', 'is', null).executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', `the branch has a ${input.role} already; let them leave first`);
  }
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('branchMembers').values({ id, branchId, userId: input.userId ?? null, name, unitName, side: input.side, role: input.role, isPartyMember: input.isPartyMember ? 1 : 0, joinedOn: input.joinedOn, leftOn: null }).execute();
    await writeAudit(ctx, trx, { action: 'branch.member_added', entityType: 'branch', entityId: branchId, changes: { memberId: id, name, side: input.side, role: input.role } });
  });
  return (await listMembers(ctx, branchId, true)).find((m) => m.id === id)!;
}

export async function memberLeaves(ctx: Ctx, branchId: string, memberId: string, leftOn: string) {
  assertCan(ctx, 'branch.manage');
  await loadVisibleBranch(ctx, branchId);
  const m = await ctx.db.selectFrom('branchMembers').selectAll().where('id', '=', memberId).where('branchId', '=', branchId).executeTakeFirst();
  if (!m) throw notFound('member');
  if (m.leftOn) throw new AppError('CONFLICT', 'the member has left already');
  if (leftOn < m.joinedOn) throw new AppError('RULE_VIOLATED', 'cannot leave before joining', [{ path: 'leftOn', message: 'before the joining date' }]);
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('branchMembers').set({ leftOn }).where('id', '=', memberId).execute();
    await writeAudit(ctx, trx, { action: 'branch.member_left', entityType: 'branch', entityId: branchId, changes: { memberId, leftOn } });
  });
}

/** Meetings held per quarter by type and the resolutions' record, for one branch or the whole district. */
export async function branchFigures(ctx: Ctx, branchId?: string) {
  const actor = assertCan(ctx, 'branch.read');
  if (branchId) await loadVisibleBranch(ctx, branchId);
  let q = ctx.db.selectFrom('meetings').innerJoin('branches', 'branches.id', 'meetings.branchId').innerJoin('projects', 'projects.id', 'branches.projectId')
    .select(['meetings.startsAt', 'meetings.type']).where('meetings.status', '=', 'held').where(projectScope(actor));
  if (branchId) q = q.where('meetings.branchId', '=', branchId);
  const held = await q.execute();
  const counts = new Map<string, number>();
  for (const m of held) {
    const d = localDate(new Date(m.startsAt));
    const key = `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}|${m.type}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const quarters = [...counts].map(([k, n]) => ({ quarter: k.split('|')[0]!, type: k.split('|')[1] as 'deliberation', held: n })).sort((a, b) => a.quarter.localeCompare(b.quarter));
  const stats = await resolutionStats(ctx, branchId ? { branchId } : { actor });
  return { quarters, resolutions: { ...stats, open: stats.total - stats.done } };
}
