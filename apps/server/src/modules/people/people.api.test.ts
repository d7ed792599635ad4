import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
const id: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['zy01', 'zy02', 'zy03', 'gb01', 'tianshui']) id[u] = (await t.db.selectFrom('users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
  for (const [k, code] of [['p1', 'XC-ZD-2026-01'], ['p2', 'XC-ZD-2026-02'], ['p3', 'XC-ZD-2026-03']]) id[k!] = (await t.db.selectFrom('projects').select('id').where('code', '=', code!).executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

describe('appointments', () => {
  it('lists the 26 commissioners and 6 assistants of the demo district for the organisation department', async () => {
    const org = await t.signInAs('orgdept');
    expect((await org.get('/api/v1/assignments?role=commissioner&active=true&pageSize=100')).json().total).toBe(26);
    const gb = (await org.get('/api/v1/assignments?role=assistant')).json();
    expect(gb.total).toBe(6);
    expect(gb.items.every((a: { mentor: unknown }) => a.mentor)).toBe(true);
  });

  it('refuses a second active commissioner, in the service and in the database', async () => {
    const org = await t.signInAs('orgdept');
    const res = await org.post('/api/v1/assignments', { projectId: id.p1, userId: id.zy02, role: 'commissioner', startDate: '2026-11-01' });
    expect(res.statusCode).toBe(409);
    await expect(t.db.insertInto('assignments').values({ id: 'x-dup', projectId: id.p1!, userId: id.zy02!, role: 'commissioner', mentorUserId: null, startDate: '2026-11-01', endDate: null, active: 1, createdAt: 0 }).execute()).rejects.toThrow();
  });

  it('appoints a street liaison and ends the appointment; only the organisation department may', async () => {
    const zy = await t.signInAs('zy01');
    const body = { projectId: id.p1, userId: id.tianshui, role: 'street_liaison', startDate: '2026-11-01' };
    expect((await zy.post('/api/v1/assignments', body)).statusCode).toBe(403);
    const org = await t.signInAs('orgdept');
    const a = await org.post('/api/v1/assignments', body);
    expect(a.statusCode).toBe(201);
    expect((await org.post('/api/v1/assignments', { ...body, role: 'assistant' })).statusCode).toBe(400);
    expect((await org.post(`/api/v1/assignments/${a.json().id}/end`, { endDate: '2026-11-20' })).statusCode).toBe(204);
    expect((await org.post(`/api/v1/assignments/${a.json().id}/end`, { endDate: '2026-11-20' })).statusCode).toBe(409);
  });

  it('hands a project to a new commissioner, moving the assistants, with a record and full history', async () => {
    const org = await t.signInAs('orgdept');
    const gbOn = (await org.get(`/api/v1/assignments?role=assistant&active=true&pageSize=100`)).json().items;
    const target = gbOn[0].project.id as string;
    const oldZy = await t.db.selectFrom('assignments').innerJoin('users', 'users.id', 'assignments.userId').select('users.username')
      .where('assignments.projectId', '=', target).where('assignments.role', '=', 'commissioner').where('assignments.active', '=', 1).executeTakeFirstOrThrow();
    const old = await t.signInAs(oldZy.username);
    const open = (await old.post('/api/v1/cases', { projectId: target, type: 'coordination', title: '交接前的未结问题', description: '等待处理' })).json();
    const fresh = (await (await t.signInAs('admin')).post('/api/v1/users', { username: 'zy27', displayName: '新专员', roles: ['commissioner'], password: 'Harbour#Light-2027' })).json();
    const h = await org.post(`/api/v1/projects/${target}/handover`, { toUserId: fresh.id, date: '2026-11-26', note: '工作调整' });
    expect(h.statusCode).toBe(201);
    expect(h.json().items.some((i: { kind: string }) => i.kind === 'assistant')).toBe(true);
    expect(h.json().items).toContainEqual(expect.objectContaining({ kind: 'case', id: open.id }));
    const first = await signIn(t, 'zy27', 'Harbour#Light-2027');
    expect(first.step).toBe('change_password');
    await first.post('/api/v1/session/password', { currentPassword: 'Harbour#Light-2027', newPassword: 'Meadow&River-2028' });
    const successor = await t.signInAs('zy27', 'Meadow&River-2028');
    expect((await successor.get(`/api/v1/cases/${open.id}`)).json().allowedActions).toContain('accept');
    // The old commissioner still sees the case they reported, but no longer dispatches it.
    expect((await old.get(`/api/v1/cases/${open.id}`)).json().allowedActions).not.toContain('accept');
    const hist = (await org.get(`/api/v1/assignments?projectId=${target}&role=commissioner`)).json();
    expect(hist.total).toBe(2);
    expect(hist.items.filter((a: { active: boolean }) => a.active)[0].user.id).toBe(fresh.id);
    expect((await org.get(`/api/v1/projects/${target}/handovers`)).json()).toHaveLength(1);
    expect((await org.post(`/api/v1/projects/${target}/handover`, { toUserId: fresh.id, date: '2026-11-26' })).statusCode).toBe(422);
  });

  it('shows the roster with days on site this month', async () => {
    const zy = await t.signInAs('zy02');
    await zy.post('/api/v1/site-logs', { projectId: id.p2, date: '2026-11-25', duties: ['liaison'], done: '走访施工现场' });
    await zy.post('/api/v1/site-logs', { projectId: id.p2, date: '2026-11-25', duties: ['urging'], done: '督促整改' });
    await zy.post('/api/v1/site-logs', { projectId: id.p2, date: '2026-11-26', duties: ['service'], done: '协调停车' });
    const roster = (await (await t.signInAs('leader')).get('/api/v1/commissioners')).json();
    const me = roster.find((r: { user: { id: string } }) => r.user.id === id.zy02);
    expect(me).toMatchObject({ daysOnSiteThisMonth: 2, siteLogsThisMonth: 3 });
    expect(me.project.id).toBe(id.p2);
    expect((await (await t.signInAs('zjj')).get('/api/v1/commissioners')).statusCode).toBe(403);
  });
});

describe('young cadres\' learning', () => {
  it('an assistant logs a day, the mentor comments, and evaluates at the end of the term', async () => {
    // An assistant whose mentor is still a demo commissioner (a handover above may have moved one).
    const a = await t.db.selectFrom('assignments').innerJoin('users as m', 'm.id', 'assignments.mentorUserId').innerJoin('users as u', 'u.id', 'assignments.userId')
      .select(['u.username', 'u.id']).where('assignments.role', '=', 'assistant').where('assignments.active', '=', 1).where('m.username', '!=', 'zy27').orderBy('u.username').executeTakeFirstOrThrow();
    id.gb01 = a.id;
    const gb = await t.signInAs(a.username);
    const created = await gb.post('/api/v1/learning-logs', { date: '2026-11-25', activities: '随专员参加议事协商会', learned: '学会了如何协调施工扰民问题' });
    expect(created.statusCode).toBe(201);
    const mentorId = (await t.db.selectFrom('assignments').select('mentorUserId').where('userId', '=', id.gb01!).where('active', '=', 1).executeTakeFirstOrThrow()).mentorUserId!;
    const mentorName = (await t.db.selectFrom('users').select('username').where('id', '=', mentorId).executeTakeFirstOrThrow()).username;
    const mentor = await t.signInAs(mentorName);
    const log = (await mentor.get('/api/v1/learning-logs')).json().items[0];
    expect(log.assistant.id).toBe(id.gb01);
    expect((await mentor.post(`/api/v1/learning-logs/${log.id}/comment`, { version: log.version, comment: '记录详实，继续保持' })).statusCode).toBe(204);
    expect((await (await t.signInAs('zy26')).post(`/api/v1/learning-logs/${log.id}/comment`, { version: log.version + 1, comment: 'x' })).statusCode).toBe(404);
    expect((await gb.get('/api/v1/learning-logs')).json().items[0].mentorComment).toBe('记录详实，继续保持');
    const ev = await mentor.post('/api/v1/evaluations', { assistantId: id.gb01, termEnd: '2026-12-31', rating: 'excellent', comment: '表现优秀' });
    expect(ev.statusCode).toBe(201);
    expect((await gb.get('/api/v1/evaluations')).json()[0].rating).toBe('excellent');
    expect((await (await t.signInAs('zy26')).post('/api/v1/evaluations', { assistantId: id.gb01, termEnd: '2026-12-31', rating: 'poor', comment: '不认识' })).statusCode).toBe(403);
  });

  it('refuses a learning log from someone who is not an assistant', async () => {
    expect((await (await t.signInAs('zy01')).post('/api/v1/learning-logs', { date: '2026-11-25', activities: 'a', learned: 'b' })).statusCode).toBe(403);
  });
});
