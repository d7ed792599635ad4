import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../kernel/jobs/jobs.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let branchId: string;
let zjjUnit: string;
let cgjUnit: string;
beforeAll(async () => {
  t = await createTestApp();
  const p4 = await t.db.selectFrom('projects').select('id').where('name', '=', '武林广场站地铁上盖物业项目').executeTakeFirstOrThrow();
  branchId = (await t.db.selectFrom('branches').select('id').where('projectId', '=', p4.id).executeTakeFirstOrThrow()).id;
  zjjUnit = (await t.db.selectFrom('units').select('id').where('code', '=', 'ZJJ').executeTakeFirstOrThrow()).id;
  cgjUnit = (await t.db.selectFrom('units').select('id').where('code', '=', 'CGJ').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

const meetingBody = (extra: Record<string, unknown> = {}) => ({
  branchId, type: 'deliberation', title: '围挡外居民安全防护议事协商会', startsAt: '2026-11-27T14:00:00+08:00', endsAt: '2026-11-27T15:30:00+08:00',
  place: '项目部二楼会议室', agenda: [{ title: '督促施工方做好周边居民安全防护' }, { title: '拆违工作居民情绪疏导' }], ...extra,
});

describe('branches', () => {
  it('shows the demo branch with members grouped by side to the commissioner', async () => {
    const zy = await t.signInAs('zy04');
    const b = (await zy.get(`/api/v1/branches/${branchId}`)).json();
    expect(b.name).toBe('武林广场站地铁上盖物业项目临时党支部');
    expect(b.allowedActions).toContain('schedule-meeting');
    const members = (await zy.get(`/api/v1/branches/${branchId}/members`)).json();
    expect(new Set(members.map((m: { side: string }) => m.side))).toEqual(new Set(['commissioner', 'street', 'owner', 'contractor', 'supervisor', 'community']));
    expect((await (await t.signInAs('zy01')).get(`/api/v1/branches/${branchId}`)).statusCode).toBe(404);
  });

  it('lets only the organisation department add members, users or external people, with history', async () => {
    const org = await t.signInAs('orgdept');
    const ext = await org.post(`/api/v1/branches/${branchId}/members`, { name: '王大妈', unitName: '武林门社区居民代表', side: 'community', isPartyMember: true, joinedOn: '2026-11-01' });
    expect(ext.statusCode).toBe(201);
    expect((await org.post(`/api/v1/branches/${branchId}/members`, { side: 'community', isPartyMember: false, joinedOn: '2026-11-01' })).statusCode).toBe(400);
    expect((await (await t.signInAs('zy04')).post(`/api/v1/branches/${branchId}/members`, { name: 'x', unitName: 'y', side: 'community', isPartyMember: false, joinedOn: '2026-11-01' })).statusCode).toBe(403);
    expect((await org.post(`/api/v1/branches/${branchId}/members/${ext.json().id}/leave`, { leftOn: '2026-11-20' })).statusCode).toBe(204);
    const all = (await org.get(`/api/v1/branches/${branchId}/members?includeFormer=true`)).json();
    expect(all.find((m: { id: string }) => m.id === ext.json().id).leftOn).toBe('2026-11-20');
    expect((await org.post(`/api/v1/branches/${branchId}/close`, { version: 1, closedOn: '2026-11-26' })).statusCode).toBe(422);
  });
});

describe('a meeting from invitation to final minutes', () => {
  it('runs the whole way: invite, attend, minutes, two resolutions as cases, circulate, confirm, final, export', async () => {
    const zy = await t.signInAs('zy04');
    const members = (await zy.get(`/api/v1/branches/${branchId}/members`)).json();
    const created = await zy.post('/api/v1/meetings', meetingBody({ inviteeMemberIds: members.map((m: { id: string }) => m.id) }));
    expect(created.statusCode).toBe(201);
    let m = created.json();
    expect(m.invitees).toHaveLength(members.length);
    const inbox = (await (await t.signInAs('tianshui')).get('/api/v1/notifications')).json();
    expect(inbox.items.some((n: { kind: string }) => n.kind === 'meeting.invited')).toBe(true);

    const att = await zy.post(`/api/v1/meetings/${m.id}/attendance`, {
      version: m.version,
      entries: m.invitees.map((i: { id: string }, k: number) => (k === 1 ? { inviteeId: i.id, attendance: 'leave', leaveReason: '外出培训' } : { inviteeId: i.id, attendance: 'present' })),
    });
    expect(att.statusCode).toBe(200);
    m = att.json();
    expect(m.status).toBe('held');
    m = (await zy.post(`/api/v1/meetings/${m.id}/minutes`, { version: m.version, items: [{ agendaItemId: m.agenda[0].id, minutes: '施工方承诺加装防护棚' }] })).json();
    const r1 = await zy.post(`/api/v1/meetings/${m.id}/resolutions`, { version: m.version, agendaItemId: m.agenda[0].id, text: '施工方在东侧通道加装防护棚', ownerUnitId: zjjUnit, dueDate: '2026-12-10' });
    expect(r1.statusCode).toBe(201);
    m = r1.json();
    m = (await zy.post(`/api/v1/meetings/${m.id}/resolutions`, { version: m.version, agendaItemId: m.agenda[1].id, text: '城管局牵头做好拆违居民沟通', ownerUnitId: cgjUnit, dueDate: '2026-12-20' })).json();
    expect(m.resolutions).toHaveLength(2);
    expect(m.resolutions.every((r: { case: { status: string } | null }) => r.case?.status === 'assigned')).toBe(true);
    // The owner units see the cases in their to-do lists.
    const zjjCase = (await (await t.signInAs('zjj')).get(`/api/v1/cases/${m.resolutions[0].case.id}`)).json();
    expect(zjjCase.type).toBe('coordination');
    expect(zjjCase.allowedActions).toContain('sign');

    const circ = await zy.post(`/api/v1/meetings/${m.id}/circulate`, { version: m.version });
    expect(circ.json().minutesStatus).toBe('circulated');
    const street = await t.signInAs('tianshui');
    expect((await street.post(`/api/v1/meetings/${m.id}/confirm`, { decision: 'confirmed' })).statusCode).toBe(200);
    const fin = await zy.post(`/api/v1/meetings/${m.id}/finalize`, { version: circ.json().version });
    expect(fin.json().minutesStatus).toBe('final');
    expect((await zy.post(`/api/v1/meetings/${m.id}/minutes`, { version: fin.json().version, items: [{ agendaItemId: m.agenda[0].id, minutes: 'x' }] })).statusCode).toBe(409);
    const audit = (await t.db.selectFrom('auditLog').select('action').where('entityId', '=', m.id).orderBy('seq').execute()).map((a) => a.action);
    expect(audit).toContain('meeting.minutes_finalised');

    const pdf = await zy.get(`/api/v1/meetings/${m.id}/minutes/export?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.includes(Buffer.from('NotoSansCJK'))).toBe(true);
    const docx = await zy.get(`/api/v1/meetings/${m.id}/minutes/export?format=docx`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // The next meeting's agenda carries the open resolutions with their live case status.
    const next = (await zy.post('/api/v1/meetings', meetingBody({ title: '第二次议事协商会', startsAt: '2026-12-04T14:00:00+08:00', endsAt: '2026-12-04T15:00:00+08:00', agenda: [] }))).json();
    const carried = next.agenda.filter((a: { carried: unknown }) => a.carried);
    expect(carried).toHaveLength(2);
    expect(carried[0].title).toContain('【续议】');
    expect(carried[0].carried.case.status).toBe('assigned');
  });

  it('refuses a meeting that ends before it starts, and scheduling by someone who does not run the branch', async () => {
    const zy = await t.signInAs('zy04');
    expect((await zy.post('/api/v1/meetings', meetingBody({ endsAt: '2026-11-27T13:00:00+08:00' }))).statusCode).toBe(422);
    expect((await (await t.signInAs('sg04')).post('/api/v1/meetings', meetingBody())).statusCode).toBe(403);
  });
});

describe('calendar feed', () => {
  it('serves valid iCalendar with Asia/Shanghai times; a rescheduled meeting keeps its UID', async () => {
    const zy = await t.signInAs('zy04');
    const m = (await zy.post('/api/v1/meetings', meetingBody({ title: '主题党日：工地安全', type: 'theme_day', startsAt: '2026-12-01T09:00:00+08:00', endsAt: '2026-12-01T11:00:00+08:00', agenda: [] }))).json();
    const { url, token } = (await zy.post('/api/v1/meetings/calendar-token')).json();
    expect(url).toContain(token);
    const res = await t.anonymous().get(`/api/v1/meetings.ics?token=${token}`);
    expect(res.headers['content-type']).toContain('text/calendar');
    const comp = new ICAL.Component(ICAL.parse(res.body));
    const vevent = comp.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === m.uid)!;
    const ev = new ICAL.Event(vevent);
    expect(ev.summary).toContain('主题党日');
    expect(ev.location).toBe('项目部二楼会议室');
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Shanghai');
    expect(comp.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
    expect(ev.startDate.toString()).toBe('2026-12-01T09:00:00');
    expect(comp.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp')).toBeTruthy();
    await zy.patch(`/api/v1/meetings/${m.id}`, { version: m.version, startsAt: '2026-12-02T09:00:00+08:00', endsAt: '2026-12-02T11:00:00+08:00' });
    const again = new ICAL.Component(ICAL.parse((await t.anonymous().get(`/api/v1/meetings.ics?token=${token}`)).body));
    const moved = again.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)).find((e) => e.uid === m.uid)!;
    expect(moved.startDate.toString()).toBe('2026-12-02T09:00:00');
    expect(moved.sequence).toBe(1);
    expect((await t.anonymous().get('/api/v1/meetings.ics?token=cal_not-a-real-token')).statusCode).toBe(404);
  });
});

describe('reminders', () => {
  it('reminds invitees once, a day before the meeting, through the job worker', async () => {
    const zy = await t.signInAs('zy04');
    const members = (await zy.get(`/api/v1/branches/${branchId}/members`)).json();
    const street = members.find((m: { side: string }) => m.side === 'street');
    const m = (await zy.post('/api/v1/meetings', meetingBody({ title: '提醒测试会', startsAt: '2026-11-30T09:00:00+08:00', endsAt: '2026-11-30T10:00:00+08:00', inviteeMemberIds: [street.id], agenda: [] }))).json();
    const reminders = async () => (await t.db.selectFrom('notifications').select('id').where('kind', '=', 'meeting.reminder').where('entityId', '=', m.id).execute()).length;
    await runDueJobs(t.app.deps, t.clock.now());
    expect(await reminders()).toBe(0);
    t.clock.set('2026-11-29T02:00:00.000Z');
    await runDueJobs(t.app.deps, t.clock.now());
    expect(await reminders()).toBe(1);
    t.clock.advance(15 * 60_000);
    await runDueJobs(t.app.deps, t.clock.now());
    expect(await reminders()).toBe(1);
  });
});
