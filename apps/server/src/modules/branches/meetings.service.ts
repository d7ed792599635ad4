import type { z } from 'zod';
import type { attendanceBody, createMeetingBody, createResolutionBody, meetingListQuery, minutesBody, updateMeetingBody } from '@liaison/contracts';
import { assertCan, requireActor } from '../../kernel/access/assert.js';
import { diff, writeAudit } from '../../kernel/audit/audit.js';
import type { Actor, Ctx } from '../../kernel/context.js';
import type { MeetingTable } from '../../kernel/db/schema.js';
import { inTransaction, toIso } from '../../kernel/db/tx.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { notify } from '../../kernel/notify/notify.js';
import { projectScope } from '../projects/projects.policy.js';
import { canRunMeetings, loadVisibleBranch } from './branches.service.js';
import { presentResolutions } from './resolutions.js';

type Meeting = MeetingTable & { projectId: string; branchName: string; ownerUnitId: string | null; contractorUnitId: string | null; supervisorUnitId: string | null };

/** Meetings of branches whose project the actor sees, plus any meeting they are invited to. */
function scoped(ctx: Ctx, actor: Actor) {
  return ctx.db.selectFrom('meetings').innerJoin('branches', 'branches.id', 'meetings.branchId').innerJoin('projects', 'projects.id', 'branches.projectId')
    .selectAll('meetings').select(['branches.projectId', 'branches.name as branchName', 'projects.ownerUnitId', 'projects.contractorUnitId', 'projects.supervisorUnitId'])
    .where((eb) => eb.or([
      projectScope(actor)(eb as never),
      eb.exists(eb.selectFrom('meetingInvitees').select('meetingInvitees.id').whereRef('meetingInvitees.meetingId', '=', 'meetings.id').where('meetingInvitees.userId', '=', actor.userId)),
    ]));
}

export async function loadMeeting(ctx: Ctx, id: string): Promise<{ actor: Actor; meeting: Meeting; canRun: boolean }> {
  const actor = assertCan(ctx, 'branch.read');
  const meeting = await scoped(ctx, actor).where('meetings.id', '=', id).executeTakeFirst();
  if (!meeting) throw notFound('meeting');
  return { actor, meeting, canRun: await canRunMeetings(ctx, actor, { ...meeting, id: meeting.branchId }) };
}

export async function listMeetings(ctx: Ctx, q: z.infer<typeof meetingListQuery>) {
  const actor = assertCan(ctx, 'branch.read');
  let query = scoped(ctx, actor);
  if (q.branchId) query = query.where('meetings.branchId', '=', q.branchId);
  if (q.projectId) query = query.where('branches.projectId', '=', q.projectId);
  if (q.type) query = query.where('meetings.type', '=', q.type);
  if (q.from) query = query.where('meetings.startsAt', '>=', Date.parse(`${q.from}T00:00:00+08:00`));
  if (q.to) query = query.where('meetings.startsAt', '<', Date.parse(`${q.to}T00:00:00+08:00`) + 86_400_000);
  const rows = await query.orderBy('meetings.startsAt', 'desc').execute();
  const page = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const items = [];
  for (const m of page) items.push(await getMeeting(ctx, m.id));
  return { items, total: rows.length, page: q.page, pageSize: q.pageSize };
}

export async function getMeeting(ctx: Ctx, id: string) {
  const { actor, meeting: m, canRun } = await loadMeeting(ctx, id);
  const invitees = await ctx.db.selectFrom('meetingInvitees').selectAll().where('meetingId', '=', id).orderBy('name').execute();
  const agenda = await ctx.db.selectFrom('agendaItems').selectAll().where('meetingId', '=', id).orderBy('position').execute();
  const resolutions = await presentResolutions(ctx, await ctx.db.selectFrom('resolutions').selectAll().where('meetingId', '=', id).orderBy('createdAt').execute());
  const carriedIds = agenda.map((a) => a.carriedResolutionId).filter((x): x is string => !!x);
  const carried = carriedIds.length ? await presentResolutions(ctx, await ctx.db.selectFrom('resolutions').selectAll().where('id', 'in', carriedIds).execute()) : [];
  const me = invitees.find((i) => i.userId === actor.userId);
  const actions: string[] = [];
  if (canRun && m.minutesStatus === 'draft' && m.status !== 'cancelled') actions.push('edit', 'attendance', 'minutes', 'resolve', ...(m.status === 'held' ? ['circulate'] : []), ...(m.status === 'scheduled' ? ['cancel'] : []));
  if (canRun && m.minutesStatus === 'circulated') actions.push('finalize');
  if (me && m.minutesStatus === 'circulated') actions.push('confirm-minutes');
  if (m.minutesStatus !== 'draft' || m.status === 'held') actions.push('export');
  return {
    id: m.id, branchId: m.branchId, branchName: m.branchName, projectId: m.projectId, type: m.type as 'deliberation', title: m.title,
    startsAt: toIso(m.startsAt)!, endsAt: toIso(m.endsAt)!, place: m.place, status: m.status as 'scheduled', minutesStatus: m.minutesStatus as 'draft', uid: m.uid,
    invitees: invitees.map((i) => ({ id: i.id, memberId: i.memberId, userId: i.userId, name: i.name, attendance: i.attendance as 'present' | null, leaveReason: i.leaveReason, confirmation: i.confirmation as 'confirmed' | null, comment: i.comment })),
    agenda: agenda.map((a) => ({ id: a.id, position: a.position, title: a.title, caseId: a.caseId, carriedResolutionId: a.carriedResolutionId, minutes: a.minutes, carried: carried.find((c) => c.id === a.carriedResolutionId) ?? null })),
    resolutions, allowedActions: actions, version: m.version,
  };
}

function assertTimes(startsAt: string | number, endsAt: string | number) {
  if (new Date(endsAt).getTime() <= new Date(startsAt).getTime()) throw new AppError('RULE_VIOLATED', 'the meeting must end after it starts', [{ path: 'endsAt', message: 'not after the start' }]);
}

/** Schedules a meeting; its agenda carries every open resolution of the branch's earlier meetings. */
export async function createMeeting(ctx: Ctx, input: z.infer<typeof createMeetingBody>) {
  const { actor, branch } = await loadVisibleBranch(ctx, input.branchId);
  if (branch.status !== 'active') throw new AppError('CONFLICT', 'the branch is closed');
  if (!(await canRunMeetings(ctx, actor, branch))) throw new AppError('FORBIDDEN', 'the project\'s commissioner, the branch secretary or the organisation department schedules meetings');
  assertTimes(input.startsAt, input.endsAt);
  const members = input.inviteeMemberIds.length ? await ctx.db.selectFrom('branchMembers').selectAll().where('branchId', '=', branch.id).where('id', 'in', input.inviteeMemberIds).where('leftOn', 'is', null).execute() : [];
  if (members.length !== new Set(input.inviteeMemberIds).size) throw new AppError('VALIDATION_FAILED', 'not a current member of this branch', [{ path: 'inviteeMemberIds', message: 'unknown or former member' }]);
  const others = input.inviteeUserIds.length ? await ctx.db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', input.inviteeUserIds).where('isActive', '=', 1).execute() : [];
  if (others.length !== new Set(input.inviteeUserIds).size) throw new AppError('VALIDATION_FAILED', 'unknown user', [{ path: 'inviteeUserIds', message: 'unknown or disabled user' }]);
  const open = await ctx.db.selectFrom('resolutions').innerJoin('meetings', 'meetings.id', 'resolutions.meetingId').selectAll('resolutions')
    .where('meetings.branchId', '=', branch.id).where('resolutions.needsAction', '=', 1).orderBy('resolutions.createdAt').execute();
  const carry = (await presentResolutions(ctx, open)).filter((r) => r.state === 'open' || r.state === 'overdue');
  const id = newId();
  const now = ctx.now().getTime();
  const invitees = [
    ...members.map((m) => ({ id: newId(), meetingId: id, memberId: m.id, userId: m.userId, name: m.name })),
    ...others.filter((u) => !members.some((m) => m.userId === u.id)).map((u) => ({ id: newId(), meetingId: id, memberId: null, userId: u.id, name: u.displayName })),
  ].map((i) => ({ ...i, attendance: null, leaveReason: null, confirmation: null, comment: null }));
  const agenda = [
    ...carry.map((r) => ({ title: `【续议】${r.text}`, caseId: r.case?.id ?? null, carriedResolutionId: r.id })),
    ...input.agenda.map((a) => ({ title: a.title, caseId: a.caseId ?? null, carriedResolutionId: null })),
  ].map((a, i) => ({ id: newId(), meetingId: id, position: i + 1, minutes: null, ...a }));
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('meetings').values({
      id, branchId: branch.id, type: input.type, title: input.title, startsAt: Date.parse(input.startsAt), endsAt: Date.parse(input.endsAt), place: input.place,
      status: 'scheduled', minutesStatus: 'draft', uid: `${id}@liaison`, sequence: 0, remindedAt: null, createdBy: actor.userId, version: 1, createdAt: now, updatedAt: now,
    }).execute();
    if (invitees.length) await trx.insertInto('meetingInvitees').values(invitees).execute();
    if (agenda.length) await trx.insertInto('agendaItems').values(agenda).execute();
    await writeAudit(ctx, trx, { action: 'meeting.scheduled', entityType: 'meeting', entityId: id, changes: { branchId: branch.id, title: input.title, startsAt: input.startsAt, invitees: invitees.length, carried: carry.length } });
    await notify(ctx, trx, { userIds: invitees.map((i) => i.userId).filter((x): x is string => !!x), kind: 'meeting.invited', title: `会议通知：${input.title}`, body: `${input.place}，${new Date(input.startsAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`, link: `/meetings/${id}`, entityType: 'meeting', entityId: id });
  });
  return getMeeting(ctx, id);
}

export async function updateMeeting(ctx: Ctx, id: string, input: z.infer<typeof updateMeetingBody>) {
  const { meeting, canRun } = await loadMeeting(ctx, id);
  if (!canRun) throw new AppError('FORBIDDEN', 'you do not run this branch\'s meetings');
  if (meeting.version !== input.version) throw staleVersion();
  if (meeting.minutesStatus === 'final') throw new AppError('CONFLICT', 'the minutes are final; the meeting is locked');
  const { version, startsAt, endsAt, ...rest } = input;
  const patch = { ...rest, ...(startsAt ? { startsAt: Date.parse(startsAt) } : {}), ...(endsAt ? { endsAt: Date.parse(endsAt) } : {}) };
  assertTimes(patch.startsAt ?? meeting.startsAt, patch.endsAt ?? meeting.endsAt);
  const moved = patch.startsAt !== undefined || patch.endsAt !== undefined || patch.place !== undefined || patch.status === 'cancelled';
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('meetings').set({ ...patch, version: version + 1, sequence: meeting.sequence + (moved ? 1 : 0), remindedAt: moved ? null : meeting.remindedAt, updatedAt: ctx.now().getTime() }).where('id', '=', id).execute();
    await writeAudit(ctx, trx, { action: patch.status === 'cancelled' ? 'meeting.cancelled' : 'meeting.updated', entityType: 'meeting', entityId: id, changes: diff(meeting as unknown as Record<string, unknown>, patch) });
    if (moved) {
      const users = await trx.selectFrom('meetingInvitees').select('userId').where('meetingId', '=', id).where('userId', 'is not', null).execute();
      await notify(ctx, trx, { userIds: users.map((u) => u.userId!), kind: patch.status === 'cancelled' ? 'meeting.cancelled' : 'meeting.changed', title: `${patch.status === 'cancelled' ? '会议取消' : '会议变更'}：${patch.title ?? meeting.title}`, link: `/meetings/${id}`, entityType: 'meeting', entityId: id });
    }
  });
  return getMeeting(ctx, id);
}

async function assertDraftRunner(ctx: Ctx, id: string, version: number) {
  const loaded = await loadMeeting(ctx, id);
  if (!loaded.canRun) throw new AppError('FORBIDDEN', 'you do not run this branch\'s meetings');
  if (loaded.meeting.version !== version) throw staleVersion();
  if (loaded.meeting.minutesStatus !== 'draft') throw new AppError('CONFLICT', `the minutes are ${loaded.meeting.minutesStatus}; they can no longer be changed`);
  if (loaded.meeting.status === 'cancelled') throw new AppError('CONFLICT', 'the meeting was cancelled');
  return loaded;
}

export async function recordAttendance(ctx: Ctx, id: string, input: z.infer<typeof attendanceBody>) {
  await assertDraftRunner(ctx, id, input.version);
  const invitees = await ctx.db.selectFrom('meetingInvitees').select('id').where('meetingId', '=', id).execute();
  const known = new Set(invitees.map((i) => i.id));
  const bad = input.entries.map((e, i) => (!known.has(e.inviteeId) ? { path: `entries.${i}.inviteeId`, message: 'not invited to this meeting' } : e.attendance === 'leave' && !e.leaveReason ? { path: `entries.${i}.leaveReason`, message: 'a reason is needed for leave' } : null)).filter((x) => x !== null);
  if (bad.length) throw new AppError('VALIDATION_FAILED', 'attendance is not valid', bad);
  await inTransaction(ctx, async (trx) => {
    for (const e of input.entries) await trx.updateTable('meetingInvitees').set({ attendance: e.attendance, leaveReason: e.attendance === 'leave' ? e.leaveReason! : null }).where('id', '=', e.inviteeId).execute();
    await trx.updateTable('meetings').set({ status: 'held', version: input.version + 1, updatedAt: ctx.now().getTime() }).where('id', '=', id).execute();
    await writeAudit(ctx, trx, { action: 'meeting.attendance_recorded', entityType: 'meeting', entityId: id, changes: { entries: input.entries.length } });
  });
  return getMeeting(ctx, id);
}

export async function saveMinutes(ctx: Ctx, id: string, input: z.infer<typeof minutesBody>) {
  await assertDraftRunner(ctx, id, input.version);
  const items = await ctx.db.selectFrom('agendaItems').select('id').where('meetingId', '=', id).execute();
  const known = new Set(items.map((i) => i.id));
  const bad = input.items.map((it, i) => (known.has(it.agendaItemId) ? null : { path: `items.${i}.agendaItemId`, message: 'not on this agenda' })).filter((x) => x !== null);
  if (bad.length) throw new AppError('VALIDATION_FAILED', 'unknown agenda item', bad);
  await inTransaction(ctx, async (trx) => {
    for (const it of input.items) await trx.updateTable('agendaItems').set({ minutes: it.minutes }).where('id', '=', it.agendaItemId).execute();
    await trx.updateTable('meetings').set({ version: input.version + 1, updatedAt: ctx.now().getTime() }).where('id', '=', id).execute();
    await writeAudit(ctx, trx, { action: 'meeting.minutes_saved', entityType: 'meeting', entityId: id, changes: { items: input.items.length } });
  });
  return getMeeting(ctx, id);
}

export { addResolution } from './resolution-cases.js';

export async function advanceMinutes(ctx: Ctx, id: string, version: number, to: 'circulated' | 'final') {
  const { meeting, canRun } = await loadMeeting(ctx, id);
  if (!canRun) throw new AppError('FORBIDDEN', 'you do not run this branch\'s meetings');
  if (meeting.version !== version) throw staleVersion();
  const from = to === 'circulated' ? 'draft' : 'circulated';
  if (meeting.minutesStatus !== from) throw new AppError('CONFLICT', `the minutes are ${meeting.minutesStatus}, not ${from}`);
  if (to === 'circulated' && meeting.status !== 'held') throw new AppError('RULE_VIOLATED', 'record the attendance before circulating the minutes');
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('meetings').set({ minutesStatus: to, version: version + 1, updatedAt: ctx.now().getTime() }).where('id', '=', id).execute();
    await writeAudit(ctx, trx, { action: to === 'circulated' ? 'meeting.minutes_circulated' : 'meeting.minutes_finalised', entityType: 'meeting', entityId: id });
    if (to === 'circulated') {
      const present = await trx.selectFrom('meetingInvitees').select('userId').where('meetingId', '=', id).where('attendance', '=', 'present').where('userId', 'is not', null).execute();
      await notify(ctx, trx, { userIds: present.map((p) => p.userId!), kind: 'meeting.minutes_circulated', title: `请确认会议纪要：${meeting.title}`, link: `/meetings/${id}`, entityType: 'meeting', entityId: id });
    }
  });
  return getMeeting(ctx, id);
}

export async function confirmMinutes(ctx: Ctx, id: string, decision: 'confirmed' | 'commented', comment?: string) {
  const actor = requireActor(ctx);
  const { meeting } = await loadMeeting(ctx, id);
  if (meeting.minutesStatus !== 'circulated') throw new AppError('CONFLICT', 'the minutes are not out for confirmation');
  const me = await ctx.db.selectFrom('meetingInvitees').select('id').where('meetingId', '=', id).where('userId', '=', actor.userId).executeTakeFirst();
  if (!me) throw new AppError('FORBIDDEN', 'only invitees confirm the minutes');
  if (decision === 'commented' && !comment) throw new AppError('VALIDATION_FAILED', 'write the comment', [{ path: 'comment', message: 'required' }]);
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('meetingInvitees').set({ confirmation: decision, comment: comment ?? null }).where('id', '=', me.id).execute();
    await writeAudit(ctx, trx, { action: decision === 'confirmed' ? 'meeting.minutes_confirmed' : 'meeting.minutes_commented', entityType: 'meeting', entityId: id, changes: comment ? { comment } : undefined });
  });
  return getMeeting(ctx, id);
}

/** A day before: remind every invitee once (again after a reschedule). Run by the job worker. */
export async function remindMeetings(ctx: Ctx): Promise<number> {
  const now = ctx.now().getTime();
  const due = await ctx.db.selectFrom('meetings').select(['id', 'title', 'place', 'startsAt']).where('status', '=', 'scheduled')
    .where('remindedAt', 'is', null).where('startsAt', '>', now).where('startsAt', '<=', now + 24 * 3_600_000).execute();
  for (const m of due) {
    await inTransaction(ctx, async (trx) => {
      const users = await trx.selectFrom('meetingInvitees').select('userId').where('meetingId', '=', m.id).where('userId', 'is not', null).execute();
      await notify(ctx, trx, { userIds: users.map((u) => u.userId!), kind: 'meeting.reminder', title: `明日会议提醒：${m.title}`, body: `${m.place}，${new Date(m.startsAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}`, link: `/meetings/${m.id}`, entityType: 'meeting', entityId: m.id });
      await trx.updateTable('meetings').set({ remindedAt: now }).where('id', '=', m.id).execute();
    });
  }
  return due.length;
}
