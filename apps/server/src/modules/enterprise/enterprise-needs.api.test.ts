import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { auditRowsFor, errorPaths, expectProblem, projectId, signIn, unitId } from '../../../test/factories.js';

let t: TestApp;
let zy01: Client;
let yz01: Client;
let p1: string;
let units: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  zy01 = await signIn(t, 'zy01');
  yz01 = await signIn(t, 'yz01');
  p1 = await projectId(t, 1);
  units = Object.fromEntries(await Promise.all(['CZJ', 'FGJ', 'SJT', 'ZJJ', 'SWJ', 'DX'].map(async (c) => [c, await unitId(t, c)])));
});
afterAll(async () => t.close());

const funding = () => ({
  projectId: p1, needType: 'funding', level: 'district', title: '二期商业主体结构资金缺口', description: '受销售回款影响，二期主体结构尚缺资金约5000万元',
  amountRequested: 50_000_000, coordinatingUnitIds: [units.CZJ, units.FGJ],
});
const act = async (c: Client, id: string, action: string, body: object = {}) => {
  const res = await c.post(`/api/v1/cases/${id}/actions/${action}`, body);
  expect([action, res.statusCode, res.statusCode === 200 ? '' : res.body]).toEqual([action, 200, '']);
  return res.json();
};

describe('POST /api/v1/enterprise-needs', () => {
  it('lets the owner raise a funding need: an enterprise case and its detail, waiting for the commissioner', async () => {
    const res = await yz01.post('/api/v1/enterprise-needs', funding());
    expect(res.statusCode).toBe(201);
    const n = res.json();
    expect(n).toMatchObject({
      type: 'enterprise', category: '资金缺口', status: 'submitted', source: 'enterprise', project: { name: '中大银泰城' },
      need: { needType: 'funding', level: 'district', amountRequested: 50_000_000, amountArranged: null, coordinatingUnits: [{ name: '区财政局' }, { name: '区发改局' }], version: 1 },
      needActions: [],
    });
    const row = await t.db.selectFrom('enterpriseNeeds').selectAll().where('caseId', '=', n.id).executeTakeFirstOrThrow();
    expect(row.needType).toBe('funding');
    const inbox = (await zy01.get('/api/v1/notifications')).json() as { items: { kind: string; entityId: string }[] };
    expect(inbox.items.some((x) => x.kind === 'case.submitted' && x.entityId === n.id)).toBe(true);
    expect((await auditRowsFor(t, n.id)).map((a) => a.action)).toEqual(['case.created', 'enterprise_need.created']);
  });

  it('lets the commissioner raise and dispatch at once: the first unit leads, the others co-handle', async () => {
    const res = await zy01.post('/api/v1/enterprise-needs', {
      projectId: p1, needType: 'parking', level: 'city', title: '地下车库超配车位', description: '商业配建车位不足，申请超配200个', parkingRequested: 200,
      coordinatingUnitIds: [units.SJT, units.ZJJ], dispatch: true,
    });
    expect(res.statusCode).toBe(201);
    const n = res.json();
    expect(n).toMatchObject({ status: 'assigned', source: 'commissioner', leadUnit: { name: '市交通运输局' }, needActions: ['record-outcome'] });
    expect(n.units.map((u: { unit: { name: string }; role: string }) => [u.unit.name, u.role])).toEqual([['市交通运输局', 'lead'], ['区住建局', 'co']]);
  });

  it('rolls everything back when someone other than the dispatcher asks to dispatch (403), and refuses bad input (400)', async () => {
    const before = await t.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expectProblem(await yz01.post('/api/v1/enterprise-needs', { ...funding(), dispatch: true }), 403, 'FORBIDDEN');
    const after = await t.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const bad = await zy01.post('/api/v1/enterprise-needs', { ...funding(), needType: 'loan', amountRequested: 12.345, colour: 1 });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(errorPaths(bad)).toEqual(expect.arrayContaining(['body.needType', 'body.amountRequested', 'body.colour']));
    expect(errorPaths(await zy01.post('/api/v1/enterprise-needs', { ...funding(), coordinatingUnitIds: ['no-such-unit'] }))).toEqual(['coordinatingUnitIds']);
    expect(errorPaths(await zy01.post('/api/v1/enterprise-needs', { ...funding(), coordinatingUnitIds: [], dispatch: true }))).toEqual(['coordinatingUnitIds']);
    // A project the caller cannot see is "unknown" — as when raising any case.
    expectProblem(await (await signIn(t, 'yz02')).post('/api/v1/enterprise-needs', funding()), 400, 'VALIDATION_FAILED');
    expectProblem(await (await signIn(t, 'zjj')).post('/api/v1/enterprise-needs', funding()), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().post('/api/v1/enterprise-needs', funding()), 401, 'UNAUTHENTICATED');
  });
});

describe('reading and recording the outcome', () => {
  it('scopes the list like cases: the leader all, the reporter theirs, a unit what reached it', async () => {
    const ids = async (c: Client, q = '') => {
      const res = await c.get(`/api/v1/enterprise-needs${q}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { id: string; need: { needType: string } }[]; total: number };
      expect(body.items.length).toBe(body.total);
      return body.items.map((i) => i.need.needType);
    };
    expect((await ids(await signIn(t, 'leader'))).sort()).toEqual(['funding', 'parking']);
    expect(await ids(yz01)).toEqual(['funding']);
    expect(await ids(await signIn(t, 'sjt'))).toEqual(['parking']);
    expect(await ids(await signIn(t, 'tianshui'))).toEqual([]);
    expect(await ids(zy01, '?needType=parking&level=city&status=assigned')).toEqual(['parking']);
    expect(await ids(zy01, `?status=submitted&projectId=${p1}`)).toEqual(['funding']);
    expect(await ids(zy01, '?createdFrom=2026-11-27')).toEqual([]);
    expectProblem(await zy01.get('/api/v1/enterprise-needs?needType=loan'), 400, 'VALIDATION_FAILED');
    expectProblem(await t.anonymous().get('/api/v1/enterprise-needs'), 401, 'UNAUTHENTICATED');
    expectProblem(await (await signIn(t, 'auditor')).get('/api/v1/enterprise-needs'), 403, 'FORBIDDEN');
  });

  it('records the amount arranged by the bureau it was dispatched to; others get 403 or 404', async () => {
    const need = (await yz01.post('/api/v1/enterprise-needs', { ...funding(), title: '三期资金缺口' })).json();
    await act(zy01, need.id, 'accept');
    await act(zy01, need.id, 'dispatch', { unitId: units.CZJ, coUnitIds: [units.FGJ] });
    const czj = await signIn(t, 'czj');
    await act(czj, need.id, 'sign');
    expect((await czj.get(`/api/v1/enterprise-needs/${need.id}`)).json().needActions).toEqual(['record-outcome']);
    const res = await czj.patch(`/api/v1/enterprise-needs/${need.id}`, { version: 1, amountArranged: 30_000_000.5, outcomeNote: '协调银行授信3000万元' });
    expect(res.statusCode).toBe(200);
    expect(res.json().need).toMatchObject({ amountArranged: 30_000_000.5, outcomeNote: '协调银行授信3000万元', version: 2 });
    expect((await auditRowsFor(t, need.id)).map((a) => a.action)).toContain('enterprise_need.updated');
    // The list keeps the case's version and times apart from the detail's.
    const listed = (await zy01.get('/api/v1/enterprise-needs?needType=funding')).json().items.find((i: { id: string }) => i.id === need.id);
    const asCase = (await zy01.get(`/api/v1/cases/${need.id}`)).json();
    expect([listed.version, listed.updatedAt, listed.need.version, listed.need.amountArranged]).toEqual([asCase.version, asCase.updatedAt, 2, 30_000_000.5]);
    expect(listed.version).toBeGreaterThan(2);

    expectProblem(await czj.patch(`/api/v1/enterprise-needs/${need.id}`, { version: 1, amountArranged: 1 }), 409, 'STALE_VERSION');
    expectProblem(await czj.patch(`/api/v1/enterprise-needs/${need.id}`, { version: 2, amountArranged: -1 }), 400, 'VALIDATION_FAILED');
    expectProblem(await yz01.patch(`/api/v1/enterprise-needs/${need.id}`, { version: 2, amountArranged: 1e9 }), 403, 'FORBIDDEN');
    expectProblem(await (await signIn(t, 'swj')).patch(`/api/v1/enterprise-needs/${need.id}`, { version: 2, tenantsSigned: 3 }), 404, 'NOT_FOUND');
    expectProblem(await (await signIn(t, 'leader')).patch(`/api/v1/enterprise-needs/${need.id}`, { version: 2, tenantsSigned: 3 }), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().patch(`/api/v1/enterprise-needs/${need.id}`, { version: 2 }), 401, 'UNAUTHENTICATED');
    expectProblem(await zy01.patch('/api/v1/enterprise-needs/no-such-case', { version: 1 }), 404, 'NOT_FOUND');
  });

  it('answers GET /:caseId with 200, and 404 for an invisible case or a case that is not a need', async () => {
    const need = (await yz01.get('/api/v1/enterprise-needs')).json().items[0];
    expect((await yz01.get(`/api/v1/enterprise-needs/${need.id}`)).json()).toMatchObject({ id: need.id, need: { needType: 'funding' } });
    expectProblem(await (await signIn(t, 'zy02')).get(`/api/v1/enterprise-needs/${need.id}`), 404, 'NOT_FOUND');
    const plain = (await zy01.post('/api/v1/cases', { projectId: p1, type: 'enterprise', title: '普通诉求', description: '无明细' })).json();
    expectProblem(await zy01.get(`/api/v1/enterprise-needs/${plain.id}`), 404, 'NOT_FOUND');
    expectProblem(await zy01.patch(`/api/v1/enterprise-needs/${plain.id}`, { version: 1, amountArranged: 1 }), 404, 'NOT_FOUND');
    expectProblem(await t.anonymous().get(`/api/v1/enterprise-needs/${need.id}`), 401, 'UNAUTHENTICATED');
    expectProblem(await (await signIn(t, 'auditor')).get(`/api/v1/enterprise-needs/${need.id}`), 403, 'FORBIDDEN');
  });
});

describe('GET /api/v1/enterprise-needs/report', () => {
  it('adds up project 3\'s needs by type and level exactly as counted by hand', async () => {
    const zy03 = await signIn(t, 'zy03');
    const p3 = await projectId(t, 3);
    const raise = async (body: Record<string, unknown>) => {
      const res = await zy03.post('/api/v1/enterprise-needs', { projectId: p3, description: '嘉里中心企业诉求', dispatch: true, ...body });
      expect(res.statusCode).toBe(201);
      return res.json();
    };
    const a = await raise({ needType: 'funding', level: 'district', title: '资金A', amountRequested: 1_000_000.25, coordinatingUnitIds: [units.CZJ] });
    const b = await raise({ needType: 'funding', level: 'district', title: '资金B', amountRequested: 500_000.5, coordinatingUnitIds: [units.CZJ] });
    const c = await raise({ needType: 'investment', level: 'street', title: '招商', tenantsTarget: 20, coordinatingUnitIds: [units.SWJ] });
    const d = await raise({ needType: 'parking', level: 'city', title: '车位', parkingRequested: 150, coordinatingUnitIds: [units.SJT] });
    const czj = await signIn(t, 'czj');
    const swj = await signIn(t, 'swj');
    const sjt = await signIn(t, 'sjt');
    expect((await czj.patch(`/api/v1/enterprise-needs/${a.id}`, { version: 1, amountArranged: 800_000.25 })).statusCode).toBe(200);
    expect((await czj.patch(`/api/v1/enterprise-needs/${b.id}`, { version: 1, amountArranged: 200_000.5 })).statusCode).toBe(200);
    expect((await swj.patch(`/api/v1/enterprise-needs/${c.id}`, { version: 1, tenantsSigned: 12 })).statusCode).toBe(200);
    expect((await sjt.patch(`/api/v1/enterprise-needs/${d.id}`, { version: 1, parkingApproved: 80 })).statusCode).toBe(200);
    // The investment need is answered and closed; the others stay open.
    await act(swj, c.id, 'sign');
    await act(swj, c.id, 'answer', { publicReply: '已引进12家商户签约' });
    await act(zy03, c.id, 'verify', { accept: true });

    const res = await zy03.get(`/api/v1/enterprise-needs/report?projectId=${p3}`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    const f = { amountRequested: 0, amountArranged: 0, tenantsSigned: 0, parkingApproved: 0 };
    expect(r.rows).toEqual([
      { needType: 'funding', level: 'district', total: 2, open: 2, closed: 0, ...f, amountRequested: 1_500_000.75, amountArranged: 1_000_000.75 },
      { needType: 'investment', level: 'street', total: 1, open: 0, closed: 1, ...f, tenantsSigned: 12 },
      { needType: 'parking', level: 'city', total: 1, open: 1, closed: 0, ...f, parkingApproved: 80 },
    ]);
    expect(r.byType.map((x: { needType: string; total: number }) => [x.needType, x.total])).toEqual([['funding', 2], ['investment', 1], ['parking', 1]]);
    expect(r.byLevel.find((x: { level: string }) => x.level === 'district')).toMatchObject({ total: 2, amountArranged: 1_000_000.75 });
    expect(r.totals).toEqual({ total: 4, open: 3, closed: 1, amountRequested: 1_500_000.75, amountArranged: 1_000_000.75, tenantsSigned: 12, parkingApproved: 80 });
  });

  it('scopes the report like the list, and answers 400, 401 and 403', async () => {
    const mine = (await yz01.get('/api/v1/enterprise-needs/report')).json();
    const rows = await t.db.selectFrom('cases').innerJoin('enterpriseNeeds', 'enterpriseNeeds.caseId', 'cases.id').select('cases.id')
      .where('cases.reporterId', '=', (await t.db.selectFrom('users').select('id').where('username', '=', 'yz01').executeTakeFirstOrThrow()).id).execute();
    expect(mine.totals.total).toBe(rows.length);
    expect(mine.rows.every((r: { needType: string }) => r.needType === 'funding')).toBe(true);
    expectProblem(await zy01.get('/api/v1/enterprise-needs/report?needType=funding'), 400, 'VALIDATION_FAILED');
    expectProblem(await t.anonymous().get('/api/v1/enterprise-needs/report'), 401, 'UNAUTHENTICATED');
    expectProblem(await (await signIn(t, 'auditor')).get('/api/v1/enterprise-needs/report'), 403, 'FORBIDDEN');
  });
});
