import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { errorPaths, expectProblem, insertDistrict, insertProject, projectCode, projectId, signIn, unitId } from '../../../test/factories.js';

let t: TestApp;
let leader: Client;
/** A district of the test's own with one archived project full of characters a CSV must escape. */
let mine: Awaited<ReturnType<typeof insertDistrict>>;
let tricky: Awaited<ReturnType<typeof insertProject>>;

beforeAll(async () => {
  t = await createTestApp();
  leader = await signIn(t, 'leader');
  mine = await insertDistrict(t);
  tricky = await insertProject(t, mine, {
    name: '=HYPERLINK("http://evil.example","点我")',
    category: '@SUM(1+1)',
    address: '东新路1号, "A"座\n二层',
    description: '-2+3',
    archivedAt: t.clock.now().getTime(),
  });
});
afterAll(async () => t.close());

type P = { id: string; code: string; name: string; totalInvestment: number; street: { name: string } | null };
const list = async (query: string, c: Client = leader) => {
  const res = await c.get(`/api/v1/projects${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: P[]; total: number; page: number; pageSize: number };
};
const codes = (body: { items: P[] }) => body.items.map((p) => p.code);
const nums = (...ns: number[]) => ns.map(projectCode);

describe('GET /api/v1/projects', () => {
  it('lists the 26 projects by code, 20 to a page, with the total', async () => {
    const body = await list('');
    expect(body).toMatchObject({ total: 26, page: 1, pageSize: 20 });
    expect(codes(body)).toEqual(Array.from({ length: 20 }, (_, i) => projectCode(i + 1)));
  });

  it('pages: the last page is short and a page past the end is empty, with the same total', async () => {
    const third = await list('?pageSize=10&page=3');
    expect(third).toMatchObject({ total: 26, page: 3, pageSize: 10 });
    expect(codes(third)).toEqual(nums(21, 22, 23, 24, 25, 26));
    const past = await list('?pageSize=10&page=4');
    expect(past).toMatchObject({ total: 26, items: [] });
  });

  it('finds Chinese substrings in name and address, and codes', async () => {
    expect((await list(`?q=${encodeURIComponent('银泰')}`)).items.map((p) => p.name)).toEqual(['中大银泰城']);
    expect(codes(await list(`?q=${encodeURIComponent('城中村')}`))).toEqual(nums(20, 21, 24));
    expect(codes(await list(`?q=${encodeURIComponent('东新路')}`))).toEqual(nums(1, 2, 22));
    expect((await list('?q=XC-ZD-2026-1')).total).toBe(10);
    // LIKE wildcards are plain characters.
    expect((await list('?q=%25')).total).toBe(0);
    expect((await list('?q=_')).total).toBe(0);
  });

  it('filters by street, phase and light, alone and together', async () => {
    const ts = await unitId(t, 'TS');
    const inTs = await list(`?streetId=${ts}`);
    expect(codes(inTs)).toEqual(nums(4, 5, 6, 7, 8, 9));
    expect(new Set(inTs.items.map((p) => p.street?.name))).toEqual(new Set(['天水街道']));
    expect(codes(await list('?phase=preparation'))).toEqual(nums(13, 14, 22, 25));
    expect(codes(await list('?phase=completed'))).toEqual(nums(10, 16));
    expect(codes(await list('?light=red'))).toEqual(nums(15, 24));
    expect(codes(await list(`?streetId=${ts}&light=yellow`))).toEqual(nums(6, 8));
    expect((await list(`?streetId=${ts}&phase=preparation`)).total).toBe(0);
  });

  it('sorts in both directions', async () => {
    expect(codes(await list('?sort=-totalInvestment&pageSize=3'))).toEqual(nums(3, 25, 2));
    expect(codes(await list('?sort=totalInvestment&pageSize=3'))).toEqual(nums(18, 10, 16));
    expect(codes(await list('?sort=-code&pageSize=2'))).toEqual(nums(26, 25));
    expect(codes(await list('?sort=plannedFinish&pageSize=3'))).toEqual(nums(10, 16, 18));
    const asc = (await list('?sort=name&pageSize=200')).items.map((p) => p.name);
    const desc = (await list('?sort=-name&pageSize=200')).items.map((p) => p.name);
    expect(asc.length).toBe(26);
    expect(desc).toEqual([...asc].reverse());
    expect(asc).not.toEqual(desc);
  });

  it('leaves archived projects out unless asked', async () => {
    expect((await list(`?streetId=${mine.street.id}`)).total).toBe(0);
    const withArchived = await list(`?streetId=${mine.street.id}&includeArchived=true`);
    expect(withArchived.items.map((p) => p.id)).toEqual([tricky.id]);
  });

  it('answers 400 for bad parameters, 401 without a session, 403 for the audit roles', async () => {
    for (const [query, path] of [
      ['?sort=secret', 'querystring.sort'], ['?phase=done', 'querystring.phase'], ['?light=blue', 'querystring.light'],
      ['?pageSize=201', 'querystring.pageSize'], ['?page=0', 'querystring.page'], ['?districtId=x', 'querystring.districtId'],
    ]) {
      const res = await leader.get(`/api/v1/projects${query}`);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(errorPaths(res)).toEqual([path]);
    }
    expectProblem(await t.anonymous().get('/api/v1/projects'), 401, 'UNAUTHENTICATED');
    expectProblem(await (await signIn(t, 'secadmin')).get('/api/v1/projects'), 403, 'FORBIDDEN');
  });
});

describe('GET /api/v1/projects/:id', () => {
  it('answers the project with its street, units and commissioner', async () => {
    const id = await projectId(t, 1);
    const res = await leader.get(`/api/v1/projects/${id}`);
    expect(res.statusCode).toBe(200);
    const zy01 = await t.db.selectFrom('users').select(['id', 'displayName', 'phone']).where('username', '=', 'zy01').executeTakeFirstOrThrow();
    expect(res.json()).toMatchObject({
      id, code: projectCode(1), name: '中大银泰城', category: '商业综合体', address: '东新路822号',
      street: { name: '东新街道' }, community: { name: '东新园社区' },
      owner: { name: '杭州中大银泰城置业有限公司' }, contractor: { name: '中建华东建设工程局有限公司' }, supervisor: { name: '浙江天衡工程监理有限公司' },
      totalInvestment: 1850000000, plannedStart: '2024-03-01', plannedFinish: '2027-06-30', phase: 'construction', light: 'green',
      commissioner: { id: zy01.id, displayName: zy01.displayName, phone: '13900000101' }, archivedAt: null, version: 1,
    });
  });

  it('answers 404 for an unknown id, 400 for a malformed one, 401 without a session', async () => {
    expectProblem(await leader.get('/api/v1/projects/00000000-0000-7000-8000-000000000000'), 404, 'NOT_FOUND');
    expectProblem(await leader.get(`/api/v1/projects/${'p'.repeat(65)}`), 400, 'VALIDATION_FAILED');
    expectProblem(await t.anonymous().get(`/api/v1/projects/${await projectId(t, 1)}`), 401);
  });
});

describe('GET /api/v1/projects/export', () => {
  const xlsxRows = async (query: string) => {
    const res = await leader.get(`/api/v1/projects/export${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="projects-2026-11-26.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('重点项目')!;
    expect(ws).toBeDefined();
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row) => rows.push(row));
    return rows;
  };
  const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

  it('exports xlsx with Chinese headers and one row per project (amounts in 万元)', async () => {
    const rows = await xlsxRows('?format=xlsx');
    expect(rows.length).toBe(27);
    expect(values(rows[0]!)).toEqual([
      '项目编号', '项目名称', '类别', '所在街道', '所在社区', '地址', '建设单位', '施工单位', '监理单位', '总投资(万元)', '年度计划投资(万元)',
      '已完成投资(万元)', '计划开工', '计划竣工', '阶段', '进度状态', '项目专员', '专员电话',
    ]);
    const zy01 = await t.db.selectFrom('users').select('displayName').where('username', '=', 'zy01').executeTakeFirstOrThrow();
    expect(values(rows[1]!)).toEqual([
      projectCode(1), '中大银泰城', '商业综合体', '东新街道', '东新园社区', '东新路822号', '杭州中大银泰城置业有限公司', '中建华东建设工程局有限公司',
      '浙江天衡工程监理有限公司', 185000, 32000, 96000, '2024-03-01', '2027-06-30', '在建', '绿灯', zy01.displayName, '13900000101',
    ]);
    expect(rows.slice(1).map((r) => r.getCell(1).value)).toEqual(Array.from({ length: 26 }, (_, i) => projectCode(i + 1)));
  });

  it('applies the list filters and sort to the export (xlsx is the default format)', async () => {
    const rows = await xlsxRows(`?q=${encodeURIComponent('城中村')}&sort=-totalInvestment`);
    expect(rows.slice(1).map((r) => r.getCell(2).value)).toEqual(['大塘巷城中村改造项目', '华丰城中村改造安置房（二期）', '沈家城中村改造安置房项目']);
  });

  it('keeps a formula-looking text as text in xlsx', async () => {
    const rows = await xlsxRows(`?streetId=${mine.street.id}&includeArchived=true`);
    expect(rows.length).toBe(2);
    const cell = rows[1]!.getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://evil.example","点我")');
  });

  it('exports csv with a BOM, CRLF lines, quoting, and a guard against formula injection', async () => {
    const res = await leader.get(`/api/v1/projects/export?format=csv&streetId=${mine.street.id}&includeArchived=true`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="projects-2026-11-26.csv"');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = res.body;
    expect(text.startsWith('\uFEFF项目编号,项目名称,类别,所在街道,所在社区,地址,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [, row] = text.slice(1).split('\r\n');
    expect(row).toBe([
      tricky.code,
      `"'=HYPERLINK(""http://evil.example"",""点我"")"`,
      `'@SUM(1+1)`,
      mine.street.name,
      '',
      `"东新路1号, ""A""座\n二层"`,
      mine.enterprise.name,
      mine.enterprise.name,
      '',
      '100', '50', '25', '2026-01-01', '2027-12-31', '在建', '绿灯', '', '',
    ].join(','));
  });

  it('exports every visible project as csv', async () => {
    const lines = (await leader.get('/api/v1/projects/export?format=csv')).body.trim().split('\r\n');
    expect(lines.length).toBe(27);
    expect(lines[1]!.split(',').slice(0, 2)).toEqual([projectCode(1), '中大银泰城']);
  });

  it('answers 400 for an unknown format, 401 without a session, 403 without project.export (not as an attachment)', async () => {
    const pdf = await leader.get('/api/v1/projects/export?format=pdf');
    expectProblem(pdf, 400, 'VALIDATION_FAILED');
    expect(errorPaths(pdf)).toEqual(['querystring.format']);
    expect(errorPaths(await leader.get('/api/v1/projects/export?page=2'))).toEqual(['querystring.page']);
    expectProblem(await t.anonymous().get('/api/v1/projects/export'), 401);
    for (const format of ['csv', 'xlsx']) {
      const refused = await (await signIn(t, 'sg01')).get(`/api/v1/projects/export?format=${format}`);
      expectProblem(refused, 403, 'FORBIDDEN');
      expect(refused.headers['content-disposition']).toBeUndefined();
    }
  });
});
