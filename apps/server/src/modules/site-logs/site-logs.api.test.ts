import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { multipartFile } from '../../../test/multipart.js';

let t: TestApp;
let p1: string;
let p2: string;
beforeAll(async () => {
  t = await createTestApp();
  p1 = (await t.db.selectFrom('projects').select('id').where('code', '=', 'XC-ZD-2026-01').executeTakeFirstOrThrow()).id;
  p2 = (await t.db.selectFrom('projects').select('id').where('code', '=', 'XC-ZD-2026-02').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

const log = (projectId: string, extra: Record<string, unknown> = {}) => ({
  projectId, date: '2026-11-26', timeIn: '08:30', timeOut: '17:00', weather: '晴', duties: ['liaison', 'urging'],
  seen: '脚手架防护网局部破损', done: '督促施工方当天修复', peopleMet: '施工方项目经理', ...extra,
});

describe('site logs', () => {
  it('a commissioner writes a day with a photo; the photo is visible to those who see the log', async () => {
    const zy = await t.signInAs('zy01');
    const jpg = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#888' } }).jpeg().toBuffer();
    const photo = (await zy.request({ method: 'POST', url: '/api/v1/files', ...multipartFile('p.jpg', jpg) })).json();
    const res = await zy.post('/api/v1/site-logs', log(p1, { photoIds: [photo.id] }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.duties).toEqual(['liaison', 'urging']);
    expect(body.photos.map((p: { id: string }) => p.id)).toEqual([photo.id]);
    expect((await (await t.signInAs('leader')).get(`/api/v1/files/${photo.id}`)).statusCode).toBe(200);
    expect((await (await t.signInAs('zy02')).get(`/api/v1/files/${photo.id}`)).statusCode).toBe(404);
    expect((await (await t.signInAs('zy02')).get(`/api/v1/site-logs/${body.id}`)).statusCode).toBe(404);
  });

  it('creates exactly one log when a phone retries with the same Idempotency-Key', async () => {
    const zy = await t.signInAs('zy01');
    const key = 'offline-draft-7f3a9c21';
    const a = await zy.post('/api/v1/site-logs', log(p1, { done: '重试测试' }), { 'idempotency-key': key });
    const b = await zy.post('/api/v1/site-logs', log(p1, { done: '重试测试' }), { 'idempotency-key': key });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().id).toBe(a.json().id);
    expect((await zy.get(`/api/v1/site-logs?projectId=${p1}`)).json().items.filter((l: { done: string }) => l.done === '重试测试')).toHaveLength(1);
  });

  it('validates: duties required, no future days, time out after time in, only on one\'s own project', async () => {
    const zy = await t.signInAs('zy01');
    expect((await zy.post('/api/v1/site-logs', log(p1, { duties: [] }))).statusCode).toBe(400);
    expect((await zy.post('/api/v1/site-logs', log(p1, { date: '2026-12-01' }))).statusCode).toBe(422);
    expect((await zy.post('/api/v1/site-logs', log(p1, { timeIn: '18:00' }))).json().errors[0].path).toBe('timeOut');
    expect((await zy.post('/api/v1/site-logs', log(p2))).statusCode).toBe(403);
    expect((await (await t.signInAs('zjj')).post('/api/v1/site-logs', log(p1))).statusCode).toBe(403);
  });

  it('edits only the author\'s own log, with its version', async () => {
    const zy = await t.signInAs('zy01');
    const l = (await zy.post('/api/v1/site-logs', log(p1))).json();
    const ok = await zy.patch(`/api/v1/site-logs/${l.id}`, { version: l.version, weather: '小雨' });
    expect(ok.json().weather).toBe('小雨');
    expect((await zy.patch(`/api/v1/site-logs/${l.id}`, { version: l.version, weather: '阴' })).statusCode).toBe(409);
  });

  it('raises a problem from a site log, kept with the log', async () => {
    const zy = await t.signInAs('zy01');
    const l = (await zy.post('/api/v1/site-logs', log(p1))).json();
    const res = await zy.post(`/api/v1/site-logs/${l.id}/problems`, { title: '东侧围挡破损', description: '围挡倒伏约5米，存在安全隐患' });
    expect(res.statusCode).toBe(201);
    const problem = res.json().problems[0];
    expect(problem.title).toBe('东侧围挡破损');
    const c = (await zy.get(`/api/v1/cases/${problem.caseId}`)).json();
    expect(c).toMatchObject({ type: 'coordination', source: 'site_log', status: 'submitted', title: '东侧围挡破损' });
    expect((await zy.post(`/api/v1/site-logs/${l.id}/problems`, { title: 'x', description: 'y', type: 'nonsense' })).statusCode).toBe(400);
  });

  it('lists by project and date range for the leader', async () => {
    const leader = await t.signInAs('leader');
    const list = (await leader.get(`/api/v1/site-logs?projectId=${p1}&from=2026-11-26&to=2026-11-26`)).json();
    expect(list.total).toBeGreaterThanOrEqual(4);
    expect((await t.anonymous().get('/api/v1/site-logs')).statusCode).toBe(401);
    expect((await (await t.signInAs('sg01')).get('/api/v1/site-logs')).statusCode).toBe(403);
  });
});
