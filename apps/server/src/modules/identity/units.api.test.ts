import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { errorPaths, expectProblem, signIn, uniq, unitId } from '../../../test/factories.js';

let t: TestApp;
let admin: Client;
let leader: Client;
let auditor: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, 'admin');
  leader = await signIn(t, 'leader');
  auditor = await signIn(t, 'auditor');
});
afterAll(async () => t.close());

type UnitView = { id: string; code: string; name: string; kind: string; parentId: string | null; parentName: string | null; isActive: boolean; version: number };
const createUnit = async (over: Record<string, unknown> = {}) => {
  const res = await admin.post('/api/v1/units', { code: uniq('UT'), name: '测试单位', kind: 'enterprise', ...over });
  expect(res.statusCode).toBe(201);
  return res.json() as UnitView;
};

describe('GET /api/v1/units', () => {
  it('filters by kind, parent, text (Chinese included) and sorts both ways', async () => {
    const streets = (await leader.get('/api/v1/units?kind=street&sort=code')).json();
    expect(streets.total).toBe(8);
    expect(streets.items.map((u: UnitView) => u.code)).toEqual(['CM', 'CQ', 'DX', 'SQ', 'TS', 'WH', 'WL', 'ZH']);
    const desc = (await leader.get('/api/v1/units?kind=street&sort=-code&pageSize=3')).json();
    expect(desc).toMatchObject({ total: 8, page: 1, pageSize: 3 });
    expect(desc.items.map((u: UnitView) => u.code)).toEqual(['ZH', 'WL', 'WH']);

    const ts = await unitId(t, 'TS');
    const communities = (await leader.get(`/api/v1/units?parentId=${ts}&sort=code`)).json();
    expect(communities.items.map((u: UnitView) => [u.code, u.name, u.kind, u.parentName])).toEqual([
      ['TS01', '武林门社区', 'community', '天水街道'],
      ['TS02', '仓河下社区', 'community', '天水街道'],
      ['TS03', '小天竺社区', 'community', '天水街道'],
      ['TS04', '凤起路社区', 'community', '天水街道'],
    ]);

    const byName = (await leader.get(`/api/v1/units?q=${encodeURIComponent('天竺')}`)).json();
    expect(byName.items.map((u: UnitView) => u.name)).toEqual(['小天竺社区']);
    const byCode = (await leader.get('/api/v1/units?q=sq0&sort=-code')).json();
    expect(byCode.items.map((u: UnitView) => u.code)).toEqual(['SQ04', 'SQ03', 'SQ02', 'SQ01']);
  });

  it('filters by active state', async () => {
    const u = await createUnit();
    await admin.patch(`/api/v1/units/${u.id}`, { version: 1, isActive: false });
    const inactive = (await leader.get('/api/v1/units?isActive=false&pageSize=200')).json();
    expect(inactive.items.map((x: UnitView) => x.id)).toContain(u.id);
    expect(inactive.items.every((x: UnitView) => !x.isActive)).toBe(true);
    const active = (await leader.get(`/api/v1/units?isActive=true&q=${u.code}`)).json();
    expect(active.total).toBe(0);
  });

  it('answers 400 for bad parameters, 401 without a session, 403 for the audit roles', async () => {
    expect(errorPaths(await leader.get('/api/v1/units?kind=planet'))).toEqual(['querystring.kind']);
    expect(errorPaths(await leader.get('/api/v1/units?sort=phone'))).toEqual(['querystring.sort']);
    expect(errorPaths(await leader.get('/api/v1/units?page=0'))).toEqual(['querystring.page']);
    expectProblem(await t.anonymous().get('/api/v1/units'), 401, 'UNAUTHENTICATED');
    expectProblem(await auditor.get('/api/v1/units'), 403, 'FORBIDDEN');
  });
});

describe('GET /api/v1/units/:id', () => {
  it('answers 200 with the parent name, 404 for an unknown id, 400 for a malformed one', async () => {
    const ts01 = await unitId(t, 'TS01');
    const res = await leader.get(`/api/v1/units/${ts01}`);
    expect(res.json()).toMatchObject({ id: ts01, code: 'TS01', name: '武林门社区', kind: 'community', parentName: '天水街道', isActive: true });
    expectProblem(await leader.get('/api/v1/units/no-such-unit'), 404, 'NOT_FOUND');
    expectProblem(await leader.get(`/api/v1/units/${'u'.repeat(65)}`), 400, 'VALIDATION_FAILED');
    expectProblem(await auditor.get(`/api/v1/units/${ts01}`), 403, 'FORBIDDEN');
  });
});

describe('POST /api/v1/units', () => {
  it('creates a unit under a parent (201) and puts it in the district', async () => {
    const ts = await unitId(t, 'TS');
    const u = await createUnit({ kind: 'community', name: '新社区', parentId: ts, phone: '0571-88888888' });
    expect(u).toMatchObject({ kind: 'community', name: '新社区', parentId: ts, parentName: '天水街道', isActive: true, version: 1 });
    const row = await t.db.selectFrom('units').select('districtId').where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(row.districtId).toBe(await unitId(t, 'XC'));
  });

  it('refuses a duplicate code (409), an unknown parent (400), bad fields (400), non-admins (403)', async () => {
    expect(expectProblem(await admin.post('/api/v1/units', { code: 'TS', name: 'x', kind: 'street' }), 409, 'DUPLICATE').errors)
      .toEqual([{ path: 'code', message: 'taken' }]);
    const orphan = await admin.post('/api/v1/units', { code: uniq('UT'), name: 'x', kind: 'community', parentId: 'no-such-unit' });
    expect(expectProblem(orphan, 400, 'VALIDATION_FAILED').errors).toEqual([{ path: 'parentId', message: 'unknown unit' }]);
    expect(errorPaths(await admin.post('/api/v1/units', { code: uniq('UT'), name: 'x', kind: 'planet' }))).toEqual(['body.kind']);
    expect(errorPaths(await admin.post('/api/v1/units', { code: '', name: 'x', kind: 'street' }))).toEqual(['body.code']);
    expect(errorPaths(await admin.post('/api/v1/units', { code: uniq('UT'), name: 'x', kind: 'street', version: 3 }))).toEqual(['body.version']);
    expectProblem(await leader.post('/api/v1/units', { code: uniq('UT'), name: 'x', kind: 'street' }), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().post('/api/v1/units', { code: uniq('UT'), name: 'x', kind: 'street' }), 401);
  });
});

describe('PATCH /api/v1/units/:id', () => {
  it('edits and disables a unit, bumping the version', async () => {
    const u = await createUnit();
    const res = await admin.patch(`/api/v1/units/${u.id}`, { version: 1, name: '改名单位', phone: '0571-1', isActive: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: u.id, name: '改名单位', phone: '0571-1', isActive: false, version: 2 });
    expect((await leader.get(`/api/v1/units/${u.id}`)).json().name).toBe('改名单位');
  });

  it('refuses a stale version (409 STALE_VERSION) and leaves the unit as it was', async () => {
    const u = await createUnit({ name: '原名' });
    expect((await admin.patch(`/api/v1/units/${u.id}`, { version: 1, name: '第一次' })).statusCode).toBe(200);
    expectProblem(await admin.patch(`/api/v1/units/${u.id}`, { version: 1, name: '第二次' }), 409, 'STALE_VERSION');
    expect((await leader.get(`/api/v1/units/${u.id}`)).json()).toMatchObject({ name: '第一次', version: 2 });
  });

  it('lets exactly one of two simultaneous edits of the same version win (optimistic concurrency)', async () => {
    const u = await createUnit();
    const results = await Promise.all(['甲', '乙'].map((name) => admin.patch(`/api/v1/units/${u.id}`, { version: 1, name })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json().name;
    expect((await leader.get(`/api/v1/units/${u.id}`)).json()).toMatchObject({ name: winner, version: 2 });
  });

  it('refuses a unit as its own parent (400), unknown ids (404), bad bodies (400), non-admins (403)', async () => {
    const u = await createUnit();
    const self = await admin.patch(`/api/v1/units/${u.id}`, { version: 1, parentId: u.id });
    expect(expectProblem(self, 400, 'VALIDATION_FAILED').errors).toEqual([{ path: 'parentId', message: 'cannot be itself' }]);
    expectProblem(await admin.patch('/api/v1/units/no-such-unit', { version: 1, name: 'x' }), 404, 'NOT_FOUND');
    expect(errorPaths(await admin.patch(`/api/v1/units/${u.id}`, { name: 'x' }))).toEqual(['body.version']);
    expect(errorPaths(await admin.patch(`/api/v1/units/${u.id}`, { version: 1, code: 'NEW' }))).toEqual(['body.code']);
    expectProblem(await leader.patch(`/api/v1/units/${u.id}`, { version: 1, name: 'x' }), 403, 'FORBIDDEN');
    expect((await leader.get(`/api/v1/units/${u.id}`)).json().version).toBe(1);
  });
});
