import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { auditRowsFor, errorPaths, expectProblem, signIn, uniq } from '../../../test/factories.js';

let t: TestApp;
let orgdept: Client;
let admin: Client;
let zy01: Client;
let auditor: Client;
beforeAll(async () => {
  t = await createTestApp();
  orgdept = await signIn(t, 'orgdept');
  admin = await signIn(t, 'admin');
  zy01 = await signIn(t, 'zy01');
  auditor = await signIn(t, 'auditor');
});
afterAll(async () => t.close());

const newItem = (extra: Record<string, unknown> = {}) => ({
  code: uniq('T').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 18), name: '临时占道审批', authority: '区城市管理局', statutoryDays: 5,
  materials: ['占道申请表', '交通组织方案'], ...extra,
});

describe('GET /api/v1/approval-items', () => {
  it('lists the seeded catalogue with authorities, limits and the one-time materials list to all staff', async () => {
    const res = await zy01.get('/api/v1/approval-items');
    expect(res.statusCode).toBe(200);
    const items = res.json() as { code: string; name: string; authority: string; statutoryDays: number; materials: string[] }[];
    expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(['企业投资项目备案', '用地预审与选址意见书', '建设用地规划许可证', '建设工程规划许可证', '施工图审查', '建筑工程施工许可证', '消防设计审查', '竣工验收备案']));
    const permit = items.find((i) => i.code === 'SGXK')!;
    expect(permit).toMatchObject({ authority: '区住房和城乡建设局', statutoryDays: 7 });
    expect(permit.materials).toContain('施工图审查合格书');
  });

  it('answers 401 to the anonymous, 403 to the auditor, 400 to an unknown parameter', async () => {
    expectProblem(await t.anonymous().get('/api/v1/approval-items'), 401, 'UNAUTHENTICATED');
    expectProblem(await auditor.get('/api/v1/approval-items'), 403, 'FORBIDDEN');
    expectProblem(await zy01.get('/api/v1/approval-items?colour=red'), 400, 'VALIDATION_FAILED');
  });
});

describe('catalogue administration', () => {
  it('lets the system admin and the organisation department add, edit, retire and delete items', async () => {
    const created = await admin.post('/api/v1/approval-items', newItem());
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({ authorityLevel: 'district', isActive: true, version: 1 });
    expect((await zy01.get(`/api/v1/approval-items/${item.id}`)).json().name).toBe('临时占道审批');

    const edited = await orgdept.patch(`/api/v1/approval-items/${item.id}`, { version: 1, statutoryDays: 3, isActive: false });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ statutoryDays: 3, isActive: false, version: 2 });
    const active = (await zy01.get('/api/v1/approval-items')).json() as { id: string }[];
    expect(active.some((i) => i.id === item.id)).toBe(false);
    const all = (await zy01.get('/api/v1/approval-items?includeInactive=true')).json() as { id: string }[];
    expect(all.some((i) => i.id === item.id)).toBe(true);
    expectProblem(await orgdept.patch(`/api/v1/approval-items/${item.id}`, { version: 1, name: '过期' }), 409, 'STALE_VERSION');

    expect((await orgdept.delete(`/api/v1/approval-items/${item.id}`)).statusCode).toBe(204);
    expectProblem(await zy01.get(`/api/v1/approval-items/${item.id}`), 404, 'NOT_FOUND');
    expect((await auditRowsFor(t, item.id)).map((a) => a.action)).toEqual(['approval_item.created', 'approval_item.updated', 'approval_item.deleted']);
  });

  it('refuses bad input with 400, a taken code with 409, and everyone else with 403', async () => {
    const bad = await orgdept.post('/api/v1/approval-items', newItem({ code: 'bad code', statutoryDays: 0, colour: 'red' }));
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(errorPaths(bad)).toEqual(expect.arrayContaining(['body.code', 'body.statutoryDays', 'body.colour']));
    expectProblem(await orgdept.post('/api/v1/approval-items', newItem({ code: 'SGXK' })), 409, 'DUPLICATE');
    expectProblem(await zy01.post('/api/v1/approval-items', newItem()), 403, 'FORBIDDEN');
    expectProblem(await auditor.post('/api/v1/approval-items', newItem()), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().post('/api/v1/approval-items', newItem()), 401, 'UNAUTHENTICATED');
    const sgxk = (await zy01.get('/api/v1/approval-items')).json().find((i: { code: string }) => i.code === 'SGXK');
    expectProblem(await zy01.patch(`/api/v1/approval-items/${sgxk.id}`, { version: sgxk.version, statutoryDays: 1 }), 403, 'FORBIDDEN');
    expectProblem(await orgdept.patch(`/api/v1/approval-items/${sgxk.id}`, { version: sgxk.version, statutoryDays: 'seven' }), 400, 'VALIDATION_FAILED');
    expectProblem(await orgdept.patch('/api/v1/approval-items/no-such-item', { version: 1, statutoryDays: 9 }), 404, 'NOT_FOUND');
    expectProblem(await zy01.get('/api/v1/approval-items/no-such-item'), 404, 'NOT_FOUND');
  });

  it('keeps an item projects use: delete is a 409, deactivation is the way', async () => {
    const sgxk = (await zy01.get('/api/v1/approval-items')).json().find((i: { code: string }) => i.code === 'SGXK');
    expectProblem(await orgdept.delete(`/api/v1/approval-items/${sgxk.id}`), 409, 'CONFLICT');
    expectProblem(await zy01.delete(`/api/v1/approval-items/${sgxk.id}`), 403, 'FORBIDDEN');
    expectProblem(await orgdept.delete('/api/v1/approval-items/no-such-item'), 404, 'NOT_FOUND');
  });
});

describe('templates per project category', () => {
  it('lists the seeded templates and lets the catalogue keepers replace one', async () => {
    const list = (await zy01.get('/api/v1/approval-templates')).json() as { category: string; items: { code: string; id: string }[] }[];
    const mall = list.find((x) => x.category === '商业综合体')!;
    expect(mall.items.map((i) => i.code)).toEqual(['LXBA', 'YDYS', 'YDGH', 'GCGH', 'JTPJ', 'HPSP', 'SGTS', 'XFSJ', 'SGXK', 'XFYS', 'GHHS', 'JGBA']);
    expect(list.some((x) => x.category === '*')).toBe(true);
    const ids = mall.items.slice(0, 3).map((i) => i.id);
    const put = await orgdept.request({ method: 'PUT', url: `/api/v1/approval-templates/${encodeURIComponent('临时工程')}`, payload: { itemIds: ids } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ category: '临时工程', items: mall.items.slice(0, 3).map((i) => ({ id: i.id, code: i.code })) });

    const url = `/api/v1/approval-templates/${encodeURIComponent('临时工程')}`;
    expectProblem(await orgdept.request({ method: 'PUT', url, payload: { itemIds: ['no-such-item'] } }), 400, 'VALIDATION_FAILED');
    expectProblem(await orgdept.request({ method: 'PUT', url, payload: { itemIds: [ids[0], ids[0]] } }), 400, 'VALIDATION_FAILED');
    expectProblem(await orgdept.request({ method: 'PUT', url, payload: { itemIds: [] } }), 400, 'VALIDATION_FAILED');
    expectProblem(await zy01.request({ method: 'PUT', url, payload: { itemIds: ids } }), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().request({ method: 'PUT', url, payload: { itemIds: ids } }), 401, 'UNAUTHENTICATED');
    expectProblem(await t.anonymous().get('/api/v1/approval-templates'), 401, 'UNAUTHENTICATED');
    expectProblem(await auditor.get('/api/v1/approval-templates'), 403, 'FORBIDDEN');
  });
});
