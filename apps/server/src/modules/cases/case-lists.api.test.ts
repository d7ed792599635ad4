import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { signIn } from '../../../test/factories.js';
import { caseKit, closeTestApp, expectProblem, type Json } from './testing/case-kit.js';

let t: TestApp;
let k: Awaited<ReturnType<typeof caseKit>>;
let c: { noise: Json; water: Json; parking: Json; p02: Json };
beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  c = {
    noise: await k.caseIn('in_progress', { title: '塔吊夜间施工噪声扰民', description: '凌晨仍有塔吊作业，居民无法休息。' }),
    water: await k.caseIn('assigned', { type: 'safety', priority: 'urgent', title: '基坑渗水', description: '东侧基坑边坡出现渗水，需排查脚手架基础。' }, { unitId: k.ids.CGJ }),
    parking: await k.create({ type: 'enterprise', category: '车位', title: '施工人员停车难', description: '申请临时停车泊位。' }),
    p02: await k.create({ projectId: k.ids.p02, title: '围挡破损', description: '南侧围挡破损。' }, 'zy02'),
  };
});
afterAll(async () => closeTestApp(t));

const list = async (who: string, query = '') => k.ok(await (await k.as(who)).get(`/api/v1/cases${query}`));
const numbers = (page: Json) => page.items.map((i: Json) => i.number).sort();

describe('GET /api/v1/cases scope', () => {
  it('shows each role its own cases only', async () => {
    expect(numbers(await list('zy01'))).toEqual([c.noise.number, c.water.number, c.parking.number].sort());
    expect(numbers(await list('zy02'))).toEqual([c.p02.number]);
    expect((await list('leader')).total).toBe(4);
    expect((await list('orgdept')).total).toBe(4);
    expect(numbers(await list('zjj'))).toEqual([c.noise.number]);
    expect(numbers(await list('cgj'))).toEqual([c.water.number]);
    expect(numbers(await list('yz01'))).toEqual([c.noise.number, c.water.number, c.parking.number].sort());
    expect((await list('sg02')).total).toBe(0);
    expect((await list('fgj')).total).toBe(0);
    const admin = await signIn(t, 'admin');
    expectProblem(await admin.get('/api/v1/cases'), 403);
    expectProblem(await t.anonymous().get('/api/v1/cases'), 401);
  });
});

describe('filters, views and sort', () => {
  it('filters by type, status, project, unit, priority, light, level, overdue, source and dates', async () => {
    expect(numbers(await list('leader', '?type=safety'))).toEqual([c.water.number]);
    expect(numbers(await list('leader', '?status=submitted'))).toEqual([c.parking.number, c.p02.number].sort());
    expect(numbers(await list('leader', '?status=submitted&status=assigned'))).toHaveLength(3);
    expect((await list('leader', `?projectId=${k.ids.p02}`)).total).toBe(1);
    expect(numbers(await list('leader', `?unitId=${k.ids.ZJJ}`))).toEqual([c.noise.number]);
    expect(numbers(await list('leader', '?priority=urgent'))).toEqual([c.water.number]);
    expect((await list('leader', '?light=green')).total).toBe(4);
    expect((await list('leader', '?supervisionLevel=1')).total).toBe(0);
    expect((await list('leader', '?overdue=true')).total).toBe(0);
    expect((await list('leader', '?overdue=false')).total).toBe(4);
    expect((await list('leader', '?source=enterprise')).total).toBe(3);
    expect((await list('leader', '?createdFrom=2026-11-26&createdTo=2026-11-26')).total).toBe(4);
    expect((await list('leader', '?createdFrom=2026-11-27')).total).toBe(0);
    expectProblem(await (await k.as('leader')).get('/api/v1/cases?status=lost'), 400);
    expectProblem(await (await k.as('leader')).get('/api/v1/cases?pageSize=500'), 400);
    expectProblem(await (await k.as('leader')).get('/api/v1/cases?colour=red'), 400);
  });

  it('sorts by the running deadline, cases without one last', async () => {
    const asc = (await list('leader', '?sort=deadline')).items.map((i: Json) => i.number);
    expect(asc.slice(0, 2)).toEqual([c.water.number, c.noise.number]);
    const desc = (await list('leader', '?sort=-deadline')).items.map((i: Json) => i.number);
    expect(desc.slice(0, 2)).toEqual([c.noise.number, c.water.number]);
    const page = await list('leader', '?sort=number&page=2&pageSize=3');
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items).toHaveLength(1);
  });

  it('has the saved views: my to-do, my unit\'s, overdue', async () => {
    expect(numbers(await list('zy01', '?view=todo'))).toEqual([c.parking.number]);
    expect(numbers(await list('zjj', '?view=todo'))).toEqual([c.noise.number]);
    expect(numbers(await list('cgj', '?view=todo'))).toEqual([c.water.number]);
    expect(numbers(await list('cgj', '?view=unit'))).toEqual([c.water.number]);
    expect(numbers(await list('yz01', '?view=unit')).length).toBe(3);
    expect((await list('leader', '?view=overdue')).total).toBe(0);
  });
});

describe('full-text search (Chinese substrings)', () => {
  it('finds 1-, 2- and 3+-character terms in the number, title and description', async () => {
    expect(numbers(await list('leader', `?q=${encodeURIComponent('噪声')}`))).toEqual([c.noise.number]);
    expect(numbers(await list('leader', `?q=${encodeURIComponent('塔吊夜')}`))).toEqual([c.noise.number]);
    expect(numbers(await list('leader', `?q=${encodeURIComponent('脚手架')}`))).toEqual([c.water.number]);
    expect(numbers(await list('leader', `?q=${encodeURIComponent('渗')}`))).toEqual([c.water.number]);
    expect(numbers(await list('leader', `?q=${encodeURIComponent('塔吊 休息')}`))).toEqual([c.noise.number]);
    expect(numbers(await list('leader', `?q=${encodeURIComponent(c.parking.number)}`))).toEqual([c.parking.number]);
    expect((await list('leader', `?q=${encodeURIComponent('不存在的词')}`)).total).toBe(0);
    expect((await list('leader', `?q=${encodeURIComponent('100%_')}`)).total).toBe(0);
    // A quote is searched as text, not as FTS syntax.
    expect((await list('leader', `?q=${encodeURIComponent('"塔吊" OR')}`)).total).toBe(0);
    // Search stays inside the caller's scope.
    expect((await list('zy02', `?q=${encodeURIComponent('噪声')}`)).total).toBe(0);
  });

  it('pages newest first, counts with the filters, and still sorts on request', async () => {
    // 施工 is in the noise and the parking texts, entered in that order.
    const all = await list('leader', `?q=${encodeURIComponent('施工')}&pageSize=1`);
    expect(all.total).toBe(2);
    expect(all.items.map((i: Json) => i.number)).toEqual([c.parking.number]);
    const second = await list('leader', `?q=${encodeURIComponent('施工')}&pageSize=1&page=2`);
    expect(second.items.map((i: Json) => i.number)).toEqual([c.noise.number]);
    expect((await list('leader', `?q=${encodeURIComponent('施工')}&type=enterprise`)).total).toBe(1);
    expect((await list('zjj', `?q=${encodeURIComponent('施工')}`)).total).toBe(1);
    expect((await list('leader', `?q=${encodeURIComponent('施工')}&sort=number`)).items.map((i: Json) => i.number))
      .toEqual([c.noise.number, c.parking.number].sort());
    // Part of a number, and an ASCII word from its start, with the re-check keeping only real substrings.
    const tail = c.parking.number.split('-').slice(1).join('-');
    expect(numbers(await list('leader', `?q=${encodeURIComponent(tail)}`))).toEqual([c.parking.number]);
  });
});

describe('similar cases', () => {
  it('suggests open cases on the same project with a similar title', async () => {
    const r = k.ok(await (await k.as('zy01')).get(`/api/v1/cases/similar?projectId=${k.ids.p01}&title=${encodeURIComponent('塔吊夜间噪声')}`));
    expect(r.items.map((i: Json) => i.number)).toEqual([c.noise.number]);
    expect(r.items[0].score).toBeGreaterThan(0.3);
    const none = k.ok(await (await k.as('zy01')).get(`/api/v1/cases/similar?projectId=${k.ids.p02}&title=${encodeURIComponent('塔吊夜间噪声')}`));
    expect(none.items).toEqual([]);
    expectProblem(await (await k.as('zy01')).get(`/api/v1/cases/similar?projectId=${k.ids.p01}`), 400);
  });
});

describe('export', () => {
  it('exports the filtered list as csv and xlsx', async () => {
    const zy01 = await k.as('zy01');
    const csv = await zy01.get('/api/v1/cases/export?format=csv&type=safety');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('工单编号');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(c.water.number);
    expect(lines[1]).toContain('区城管局');
    const xlsx = await zy01.get('/api/v1/cases/export');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // Written row by row by the streaming writer: a workbook Excel (and ExcelJS) reads back whole.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('工单台账')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('工单编号');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.actualRowCount).toBe(4);
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(1).value).sort()).toEqual([c.noise.number, c.water.number, c.parking.number].sort());
    expectProblem(await (await k.as('yz01')).get('/api/v1/cases/export?format=csv'), 403);
    expectProblem(await zy01.get('/api/v1/cases/export?format=pdf'), 400);
  });

  it('refuses an export above EXPORT_MAX_ROWS with a problem, before any file is sent', async () => {
    const small = await createTestApp({ env: { EXPORT_MAX_ROWS: '2' } });
    try {
      const kit = await caseKit(small);
      for (const title of ['一号', '二号', '三号']) await kit.create({ title, description: '导出上限测试' });
      const zy01 = await kit.as('zy01');
      for (const format of ['csv', 'xlsx']) {
        const res = await zy01.get(`/api/v1/cases/export?format=${format}`);
        expectProblem(res, 422);
        expect(res.json()).toMatchObject({ code: 'EXPORT_TOO_LARGE', total: 3, max: 2 });
      }
      const narrowed = await zy01.get(`/api/v1/cases/export?format=csv&q=${encodeURIComponent('一号')}`);
      expect(narrowed.statusCode).toBe(200);
      expect(narrowed.body.replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(2);
    } finally {
      await closeTestApp(small);
    }
  });
});

describe('bulk dispatch', () => {
  it('dispatches each case on its own and reports per case', async () => {
    const a = await k.caseIn('accepted');
    const b = await k.caseIn('accepted');
    const notYet = await k.create();
    const res = k.ok(await (await k.as('zy01')).post('/api/v1/cases/bulk-dispatch', { caseIds: [a.id, b.id, notYet.id, c.p02.id], unitId: k.ids.FGJ }));
    expect(res.items).toEqual([
      { id: a.id, ok: true, code: null, detail: null },
      { id: b.id, ok: true, code: null, detail: null },
      { id: notYet.id, ok: false, code: 'CASE_ACTION_NOT_ALLOWED', detail: expect.any(String) },
      { id: c.p02.id, ok: false, code: 'NOT_FOUND', detail: expect.any(String) },
    ]);
    expect((await k.get('fgj', a.id)).status).toBe('assigned');
    expectProblem(await (await k.as('zy01')).post('/api/v1/cases/bulk-dispatch', { caseIds: [], unitId: k.ids.FGJ }), 400);
    expectProblem(await (await k.as('zy01')).post('/api/v1/cases/bulk-dispatch', { caseIds: [a.id], unitId: 'nope' }), 400);
  });
});

describe('time limits', () => {
  it('lets everyone read and the organisation dept edit the limits, audited', async () => {
    const limits = k.ok(await (await k.as('zjj')).get('/api/v1/case-limits')).items;
    expect(limits).toEqual(expect.arrayContaining([
      { type: 'safety', priority: 'urgent', days: 1 }, { type: 'safety', priority: 'normal', days: 3 },
      { type: 'appeal', priority: 'normal', days: 5 }, { type: 'coordination', priority: 'normal', days: 15 },
      { type: 'sign', priority: 'normal', days: 1 },
    ]));
    expectProblem(await (await k.as('zy01')).request({ method: 'PUT', url: '/api/v1/case-limits', payload: { items: [{ type: 'appeal', priority: 'normal', days: 7 }] } }), 403);
    const org = await k.as('orgdept');
    expectProblem(await org.request({ method: 'PUT', url: '/api/v1/case-limits', payload: { items: [{ type: 'appeal', priority: 'normal', days: 0 }] } }), 400);
    expectProblem(await org.request({ method: 'PUT', url: '/api/v1/case-limits', payload: { items: [{ type: 'appeal', priority: 'normal', days: 7, x: 1 }] } }), 400);
    const put = k.ok(await org.request({ method: 'PUT', url: '/api/v1/case-limits', payload: { items: [{ type: 'appeal', priority: 'normal', days: 7 }] } }));
    expect(put.items).toContainEqual({ type: 'appeal', priority: 'normal', days: 7 });
    const audit = await t.db.selectFrom('auditLog').select(['action', 'changes']).where('action', '=', 'case-limits.updated').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes!)).toEqual({ 'appeal:normal': [5, 7] });
    const fresh = await k.caseIn('in_progress');
    expect(fresh.limitDays).toBe(7);
    expectProblem(await t.anonymous().get('/api/v1/case-limits'), 401);
  });
});
