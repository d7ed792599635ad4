import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { multipartFile } from '../../../test/multipart.js';

let t: TestApp;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const code of ['TS', 'TS01', 'DX01']) ids[code] = (await t.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  ids.p1 = (await t.db.selectFrom('projects').select('id').where('code', '=', 'XC-ZD-2026-01').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

const newProject = (code: string) => ({
  code, name: `测试项目${code}`, category: '安置房', address: '环城北路1号', streetId: ids.TS, communityId: ids.TS01,
  totalInvestment: 500_000_000, annualPlannedInvestment: 80_000_000, plannedStart: '2026-01-01', plannedFinish: '2027-12-31', phase: 'construction',
});

describe('project registry', () => {
  it('lets the organisation department register, edit (with version) and archive a project, all audited', async () => {
    const org = await t.signInAs('orgdept');
    const res = await org.post('/api/v1/projects', newProject('T-REG-1'));
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p.street.name).toBe('天水街道');
    expect(p.allowedActions).toContain('edit');
    const edit = await org.patch(`/api/v1/projects/${p.id}`, { version: p.version, light: 'yellow', impactNotice: '夜间22:00后停止施工' });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().light).toBe('yellow');
    expect((await org.patch(`/api/v1/projects/${p.id}`, { version: p.version, light: 'red' })).statusCode).toBe(409);
    const arch = await org.post(`/api/v1/projects/${p.id}/archive`, { version: edit.json().version });
    expect(arch.json().archivedAt).not.toBeNull();
    const actions = (await t.db.selectFrom('auditLog').select('action').where('entityId', '=', p.id).orderBy('seq').execute()).map((a) => a.action);
    expect(actions).toEqual(['project.created', 'project.updated', 'project.archived']);
  });

  it('refuses a community outside the street, a finish before the start, a duplicate code', async () => {
    const org = await t.signInAs('orgdept');
    const bad = await org.post('/api/v1/projects', { ...newProject('T-REG-2'), communityId: ids.DX01 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('communityId');
    const dates = await org.post('/api/v1/projects', { ...newProject('T-REG-3'), plannedFinish: '2025-01-01' });
    expect(dates.statusCode).toBe(422);
    expect((await org.post('/api/v1/projects', newProject('XC-ZD-2026-01'))).statusCode).toBe(409);
  });

  it('lets a commissioner change only the residents\' notice of their own project', async () => {
    const zy = await t.signInAs('zy01');
    const p = (await zy.get(`/api/v1/projects/${ids.p1}`)).json();
    expect(p.allowedActions).toContain('edit-notice');
    expect((await zy.patch(`/api/v1/projects/${ids.p1}`, { version: p.version, constructionHours: '07:00-20:00' })).statusCode).toBe(200);
    expect((await zy.patch(`/api/v1/projects/${ids.p1}`, { version: p.version + 1, totalInvestment: 1 })).statusCode).toBe(403);
    expect((await zy.post('/api/v1/projects', newProject('T-REG-4'))).statusCode).toBe(403);
  });

  it('serves the visible projects as GeoJSON points', async () => {
    const zy = await t.signInAs('zy01');
    const res = await zy.get('/api/v1/projects.geojson');
    expect(res.headers['content-type']).toContain('application/geo+json');
    const fc = res.json();
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0].geometry.coordinates[0]).toBeCloseTo(120.1725, 4);
    const leader = await t.signInAs('leader');
    expect((await leader.get('/api/v1/projects.geojson')).json().features.length).toBe(26);
    // The whole district's map is kept between requests: an edit shows at once.
    const p = (await zy.get(`/api/v1/projects/${ids.p1}`)).json();
    expect((await zy.patch(`/api/v1/projects/${ids.p1}`, { version: p.version, impactNotice: '夜间不施工' })).statusCode).toBe(200);
    const admin = await t.signInAs('orgdept');
    const q = (await admin.get(`/api/v1/projects/${ids.p1}`)).json();
    const renamed = await admin.patch(`/api/v1/projects/${ids.p1}`, { version: q.version, name: `${q.name}（二期）` });
    expect(renamed.statusCode).toBe(200);
    const again = (await leader.get('/api/v1/projects.geojson')).json();
    expect(again.features).toHaveLength(26);
    expect(again.features.find((f: { id: string }) => f.id === ids.p1).properties.name).toBe(`${q.name}（二期）`);
  });
});

describe('milestones and monthly progress', () => {
  it('flags a late milestone and lets the commissioner record the actual date', async () => {
    const zy = await t.signInAs('zy01');
    const m = (await zy.post(`/api/v1/projects/${ids.p1}/milestones`, { name: '主体结构封顶', plannedDate: '2026-10-31' })).json();
    expect(m.isLate).toBe(true);
    const done = await zy.patch(`/api/v1/projects/${ids.p1}/milestones/${m.id}`, { version: m.version, actualDate: '2026-10-28' });
    expect(done.json().isLate).toBe(false);
    expect((await (await t.signInAs('zy02')).post(`/api/v1/projects/${ids.p1}/milestones`, { name: 'x', plannedDate: '2026-12-01' })).statusCode).toBe(404);
    expect((await (await t.signInAs('sg01')).post(`/api/v1/projects/${ids.p1}/milestones`, { name: 'x', plannedDate: '2026-12-01' })).statusCode).toBe(403);
  });

  it('takes a report from the owner\'s contact, has the commissioner confirm it, and derives the investment', async () => {
    const owner = await t.signInAs('yz01');
    const before = (await (await t.signInAs('zy01')).get(`/api/v1/projects/${ids.p1}`)).json();
    const r = await owner.post(`/api/v1/projects/${ids.p1}/progress-reports`, { period: '2026-10', percentDone: 62, investmentPeriod: 30_000_000, narrative: '幕墙安装完成60%' });
    expect(r.statusCode).toBe(201);
    expect(r.json().investmentToDate).toBe(before.investmentCompleted + 30_000_000);
    const zy = await t.signInAs('zy01');
    const inbox = (await zy.get('/api/v1/notifications')).json();
    expect(inbox.items[0].kind).toBe('progress.submitted');
    expect((await owner.post(`/api/v1/projects/${ids.p1}/progress-reports`, { period: '2026-10', percentDone: 1, investmentPeriod: 0, narrative: 'x' })).statusCode).toBe(409);
    const ok = await zy.post(`/api/v1/projects/${ids.p1}/progress-reports/${r.json().id}/confirm`, { version: r.json().version });
    expect(ok.json().status).toBe('confirmed');
    const after = (await zy.get(`/api/v1/projects/${ids.p1}`)).json();
    expect(after.investmentCompleted).toBe(before.investmentCompleted + 30_000_000);
    expect(after.figures.percentDone).toBe(62);
    expect(after.figures.investmentThisYear).toBe(30_000_000);
    expect(after.figures.timeElapsedPercent).toBeGreaterThan(0);
  });

  it('sends a report back with a reason, then takes it again', async () => {
    const zy = await t.signInAs('zy01');
    const r = (await zy.post(`/api/v1/projects/${ids.p1}/progress-reports`, { period: '2026-11', percentDone: 65, investmentPeriod: 10_000_000, narrative: '机电安装' })).json();
    expect((await zy.post(`/api/v1/projects/${ids.p1}/progress-reports/${r.id}/return`, { version: r.version })).statusCode).toBe(400);
    const back = await zy.post(`/api/v1/projects/${ids.p1}/progress-reports/${r.id}/return`, { version: r.version, reason: '投资数据与财务报表不符' });
    expect(back.json().status).toBe('returned');
    const again = await zy.post(`/api/v1/projects/${ids.p1}/progress-reports`, { period: '2026-11', percentDone: 66, investmentPeriod: 12_000_000, narrative: '机电安装(更正)' });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(r.id);
    expect((await zy.post(`/api/v1/projects/${ids.p1}/progress-reports`, { period: '2027-01', percentDone: 1, investmentPeriod: 0, narrative: 'x' })).statusCode).toBe(422);
  });
});

describe('excel import', () => {
  async function sheet(rows: (string | number)[][]) {
    const tpl = await (await t.signInAs('orgdept')).get('/api/v1/projects/import/template');
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.spliceRows(2, 1);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const row = (code: string, street = '天水街道', total: string | number = 1000) =>
    [code, `导入项目${code}`, '学校', street, '', '中山北路1号', '杭州新导入置业有限公司', '', '', total, 100, '2027-01-01', '2028-01-01', '前期', 120.17, 30.28, ''];

  it('reports every error by row and column and writes nothing', async () => {
    const org = await t.signInAs('orgdept');
    const file = await sheet([row('IMP-1'), row('IMP-2', '火星街道'), row('IMP-1', '天水街道', 'abc')]);
    const res = await org.request({ method: 'POST', url: '/api/v1/projects/import', ...multipartFile('p.xlsx', file) });
    expect(res.statusCode).toBe(422);
    const errs = res.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(errs).toEqual(expect.arrayContaining(['3:所在街道', '4:项目编号', '4:总投资(万元)']));
    expect(await t.db.selectFrom('projects').select('id').where('code', '=', 'IMP-1').executeTakeFirst()).toBeUndefined();
  });

  it('imports all rows at once, creating new enterprises, after a dry run', async () => {
    const org = await t.signInAs('orgdept');
    const file = await sheet([row('IMP-10'), row('IMP-11')]);
    const dry = await org.request({ method: 'POST', url: '/api/v1/projects/import?dryRun=true', ...multipartFile('p.xlsx', file) });
    expect(dry.json()).toMatchObject({ ok: true, dryRun: true, rows: 2, created: 0 });
    const res = await org.request({ method: 'POST', url: '/api/v1/projects/import', ...multipartFile('p.xlsx', file) });
    expect(res.json()).toMatchObject({ ok: true, created: 2 });
    const p = (await org.get('/api/v1/projects?q=IMP-1')).json();
    expect(p.total).toBe(2);
    expect(p.items[0].owner.name).toBe('杭州新导入置业有限公司');
    expect(p.items[0].totalInvestment).toBe(10_000_000);
    expect((await (await t.signInAs('zy01')).request({ method: 'POST', url: '/api/v1/projects/import', ...multipartFile('p.xlsx', file) })).statusCode).toBe(403);
  });
});
