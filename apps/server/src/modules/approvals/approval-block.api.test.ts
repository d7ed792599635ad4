import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { errorPaths, expectProblem, projectId, signIn, uniq, unitId } from '../../../test/factories.js';

let t: TestApp;
let zy22: Client;
let zjj: Client;
let p22: string;
let chain: { id: string; item: { code: string }; version: number; status: string }[];
const item = (code: string) => chain.find((i) => i.item.code === code)!;
beforeAll(async () => {
  t = await createTestApp();
  zy22 = await signIn(t, 'zy22');
  zjj = await signIn(t, 'zjj');
  p22 = await projectId(t, 22);
  chain = (await zy22.get(`/api/v1/projects/${p22}/approvals`)).json().items;
});
afterAll(async () => t.close());

const url = (code: string, action: 'block' | 'escalate') => `/api/v1/projects/${p22}/approvals/${item(code).id}/${action}`;
const caseOf = async (c: Client, id: string) => (await c.get(`/api/v1/cases/${id}`)).json();
const act = async (c: Client, caseId: string, action: string, body: object = {}) => {
  const res = await c.post(`/api/v1/cases/${caseId}/actions/${action}`, body);
  expect([action, res.statusCode, res.statusCode === 200 ? '' : res.body]).toEqual([action, 200, '']);
  return res.json();
};

describe('a blocked approval item escalates street → district → city', () => {
  it('the dispatcher blocks an item to the street; it goes up to 住建局, back, and on to 市交通运输局, who signs', async () => {
    const blocked = await zy22.post(url('SGTS', 'block'), { description: '立体车库超配车位须经审批后方可出施工图', unitId: await unitId(t, 'DX') });
    expect(blocked.statusCode).toBe(201);
    const b = blocked.json();
    expect(b).toMatchObject({ isBlocked: true, level: 'street', blockCase: { status: 'assigned', leadUnit: { name: '东新街道' } } });
    expect(b.allowedActions).toEqual(expect.arrayContaining(['escalate']));
    expect(b.allowedActions).not.toContain('block');
    const caseId = b.blockCase.id as string;
    const c = await caseOf(zy22, caseId);
    expect(c).toMatchObject({ type: 'approval', category: '施工图审查', title: '【审批受阻】施工图审查', sourceRef: { type: 'project_approval', id: item('SGTS').id } });
    expectProblem(await zy22.post(url('SGTS', 'block'), { description: '再报一次' }), 409, 'CONFLICT');

    const district = await zy22.post(url('SGTS', 'escalate'), { unitId: await unitId(t, 'ZJJ'), reason: '街道无权决定，提交区住建局' });
    expect(district.statusCode).toBe(200);
    expect(district.json()).toMatchObject({ level: 'district', blockCase: { status: 'assigned', leadUnit: { name: '区住建局' } } });
    await act(zjj, caseId, 'sign');
    // A unit that signed must return the case before it can go up.
    expectProblem(await zy22.post(url('SGTS', 'escalate'), { unitId: await unitId(t, 'SJT'), reason: '超配车位需市级决定' }), 409, 'CASE_ACTION_NOT_ALLOWED');
    await act(zjj, caseId, 'return', { reasonCode: 'overlap', reason: '超配车位须市交通运输局审批' });
    const city = await zy22.post(url('SGTS', 'escalate'), { unitId: await unitId(t, 'SJT'), reason: '超配车位需市级决定' });
    expect(city.statusCode).toBe(200);
    expect(city.json()).toMatchObject({ level: 'city', isBlocked: true, blockCase: { status: 'assigned', leadUnit: { name: '市交通运输局' } } });

    // The city department sees it in its own queue and signs for it.
    const sjt = await signIn(t, 'sjt');
    const todo = (await sjt.get('/api/v1/cases?view=todo')).json() as { items: { id: string }[] };
    expect(todo.items.map((x) => x.id)).toContain(caseId);
    const inbox = (await sjt.get('/api/v1/notifications')).json() as { items: { kind: string; entityId: string }[] };
    expect(inbox.items.some((n) => n.kind === 'case.dispatched' && n.entityId === caseId)).toBe(true);
    expect((await act(sjt, caseId, 'sign')).status).toBe('in_progress');
    const events = (await zy22.get(`/api/v1/cases/${caseId}/events`)).json().items as { kind: string; payload: { note?: string } }[];
    expect(events.filter((e) => e.kind === 'dispatched').map((e) => e.payload.note)).toEqual([
      '审批事项「施工图审查」受阻，请协调', '提级至区级部门协调：街道无权决定，提交区住建局', '提级至市级部门协调：超配车位需市级决定',
    ]);

    expectProblem(await zy22.post(url('SGTS', 'escalate'), { unitId: await unitId(t, 'SGH'), reason: '再上一级' }), 422, 'RULE_VIOLATED');
    expectProblem(await zy22.post(url('SGTS', 'escalate'), { unitId: await unitId(t, 'DX'), reason: '降级' }), 422, 'RULE_VIOLATED');
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', item('SGTS').id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['approval.blocked', 'approval.escalated', 'approval.escalated']);
  });

  it('an agent\'s report waits for the dispatcher, who takes it straight to the city (accepting it on the way)', async () => {
    const res = await zjj.post(url('JTPJ', 'block'), { title: '超配车位需市级审批', description: '立体车库拟超配120个泊位，须市交通运输局同意', unitId: await unitId(t, 'SJT') });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ level: null, blockCase: { status: 'submitted', leadUnit: null } });
    const caseId = res.json().blockCase.id;
    expect((await caseOf(zy22, caseId)).description).toContain('（建议协调单位：市交通运输局）');
    const inbox = (await zy22.get('/api/v1/notifications')).json() as { items: { kind: string; entityId: string }[] };
    expect(inbox.items.some((n) => n.kind === 'case.submitted' && n.entityId === caseId)).toBe(true);
    // The agent may not take it up a level: that is the dispatcher's.
    expectProblem(await zjj.post(url('JTPJ', 'escalate'), { unitId: await unitId(t, 'SJT'), reason: '需市级' }), 403, 'FORBIDDEN');
    const up = await zy22.post(url('JTPJ', 'escalate'), { unitId: await unitId(t, 'SJT'), reason: '超配车位需市级决定' });
    expect(up.json()).toMatchObject({ level: 'city', blockCase: { status: 'assigned', leadUnit: { name: '市交通运输局' } } });
  });

  it('answers 400, 401, 403, 404 and 422 where they belong', async () => {
    const bad = await zy22.post(url('SGXK', 'block'), { unitId: 'no-such-unit', description: '缺少资金证明' });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(errorPaths(bad)).toEqual(['unitId']);
    expectProblem(await zy22.post(url('SGXK', 'block'), {}), 400, 'VALIDATION_FAILED');
    expectProblem(await t.anonymous().post(url('SGXK', 'block'), { description: 'x' }), 401, 'UNAUTHENTICATED');
    expectProblem(await (await signIn(t, 'cgj')).post(url('SGXK', 'block'), { description: 'x' }), 403, 'FORBIDDEN');
    expectProblem(await (await signIn(t, 'yz22')).post(url('SGXK', 'block'), { description: 'x' }), 403, 'FORBIDDEN');
    expectProblem(await (await signIn(t, 'zy01')).post(url('SGXK', 'block'), { description: 'x' }), 404, 'NOT_FOUND');
    expectProblem(await zy22.post(`/api/v1/projects/${p22}/approvals/no-such-item/block`, { description: 'x' }), 404, 'NOT_FOUND');
    expectProblem(await zy22.post(url('YDGH', 'block'), { description: '已批' }), 422, 'RULE_VIOLATED');

    expectProblem(await zy22.post(url('SGXK', 'escalate'), { unitId: await unitId(t, 'SJT'), reason: '无受阻' }), 409, 'CONFLICT');
    expectProblem(await zy22.post(url('SGXK', 'escalate'), { unitId: await unitId(t, 'SJT') }), 400, 'VALIDATION_FAILED');
    expectProblem(await t.anonymous().post(url('SGXK', 'escalate'), { unitId: 'x', reason: 'x' }), 401, 'UNAUTHENTICATED');
    expectProblem(await (await signIn(t, 'zy01')).post(url('SGXK', 'escalate'), { unitId: 'x', reason: 'x' }), 404, 'NOT_FOUND');
    const enterprise = await zy22.post(url('SGXK', 'block'), { description: '施工合同未备案' });
    expect(enterprise.statusCode).toBe(201);
    const toEnterprise = await zy22.post(url('SGXK', 'escalate'), { unitId: (await t.db.selectFrom('projects').select('ownerUnitId').where('id', '=', p22).executeTakeFirstOrThrow()).ownerUnitId!, reason: 'x' });
    expectProblem(toEnterprise, 400, 'VALIDATION_FAILED');
  });
});

describe('GET /api/v1/approvals/report', () => {
  it('adds up one project\'s items exactly as counted by hand', async () => {
    const orgdept = await signIn(t, 'orgdept');
    const p = (await orgdept.post('/api/v1/projects', { code: uniq('RP'), name: '报表核对项目', category: '商务楼宇', address: '测试路9号', totalInvestment: 1_000_000 })).json().id;
    const catalogue = (await orgdept.get('/api/v1/approval-items')).json() as { id: string; code: string }[];
    const add = async (code: string) => (await orgdept.post(`/api/v1/projects/${p}/approvals`, { itemId: catalogue.find((i) => i.code === code)!.id })).json();
    const run = async (code: string, steps: [string, Record<string, unknown>][]) => {
      let cur = await add(code);
      for (const [status, extra] of steps) {
        const body: Record<string, unknown> = { version: cur.version, status, ...extra };
        if (status === 'submitted') body.checklist = cur.checklist.map((m: object) => ({ ...m, done: true }));
        cur = (await orgdept.patch(`/api/v1/projects/${p}/approvals/${cur.id}`, body)).json();
      }
      return cur;
    };
    await run('SGXK', [['preparing', {}], ['submitted', { submittedOn: '2025-09-25' }], ['accepted', { acceptedOn: '2025-09-26' }], ['approved', { approvedOn: '2025-10-13' }]]);
    await run('XFSJ', [['preparing', {}], ['submitted', { submittedOn: '2025-09-29' }], ['accepted', { acceptedOn: '2025-09-30' }], ['approved', { approvedOn: '2025-10-10' }]]);
    await run('SGTS', [['preparing', {}], ['submitted', { submittedOn: '2026-11-05' }], ['accepted', { acceptedOn: '2026-11-06' }]]);
    await add('JGBA');
    // SGXK (limit 7): (26 Sep, 13 Oct 2025] = 28, 29, 30 Sep, 9, 10, 11, 13 Oct = 7 days, saved 0.
    // XFSJ (limit 15): (30 Sep, 10 Oct 2025] = 9, 10 Oct = 2 days, saved 13.
    // SGTS (limit 15): (6 Nov, 26 Nov 2026] = 9–13, 16–20, 23–26 Nov = 14 days ≥ 12 (80%): stuck.
    const res = await orgdept.get(`/api/v1/approvals/report?projectId=${p}`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    const byCode = Object.fromEntries(r.items.map((i: { item: { code: string } }) => [i.item.code, i]));
    expect(byCode.SGXK).toMatchObject({ statutoryDays: 7, approved: 1, averageDays: 7, daysSaved: 0, open: 0, stuck: 0 });
    expect(byCode.XFSJ).toMatchObject({ statutoryDays: 15, approved: 1, averageDays: 2, daysSaved: 13, open: 0, stuck: 0 });
    expect(byCode.SGTS).toMatchObject({ statutoryDays: 15, approved: 0, averageDays: null, daysSaved: 0, open: 1, stuck: 1 });
    expect(byCode.JGBA).toMatchObject({ approved: 0, open: 0, stuck: 0 });
    expect(r.totals).toEqual({ approved: 2, open: 1, stuck: 1, daysSaved: 13 });
    expect(r.stuck).toEqual([expect.objectContaining({ project: { id: p, name: '报表核对项目' }, item: expect.objectContaining({ name: '施工图审查' }), status: 'accepted', workingDaysUsed: 14, statutoryDays: 15 })]);
  });

  it('covers the district for the leader and only their project for a commissioner; its totals match the rows', async () => {
    const leader = await signIn(t, 'leader');
    const r = (await leader.get('/api/v1/approvals/report')).json();
    const rows = await t.db.selectFrom('projectApprovals').innerJoin('projects', 'projects.id', 'projectApprovals.projectId')
      .select(['projectApprovals.status']).where('projects.archivedAt', 'is', null).execute();
    expect(r.totals.approved).toBe(rows.filter((x) => x.status === 'approved').length);
    expect(r.totals.open).toBe(rows.filter((x) => x.status === 'submitted' || x.status === 'accepted').length);
    expect(r.totals.daysSaved).toBe(r.items.reduce((n: number, i: { daysSaved: number }) => n + i.daysSaved, 0));
    expect(r.stuck.map((s: { project: { name: string } }) => s.project.name)).toEqual(expect.arrayContaining(['武林商圈地下空间互联互通工程', '东新路立体停车库及口袋公园项目', '报表核对项目']));
    const zy01 = (await (await signIn(t, 'zy01')).get('/api/v1/approvals/report')).json();
    const p1 = await projectId(t, 1);
    const own = await t.db.selectFrom('projectApprovals').select('status').where('projectId', '=', p1).execute();
    expect(zy01.totals.approved).toBe(own.filter((x) => x.status === 'approved').length);
    expect(zy01.stuck).toEqual([]);
  });

  it('answers 400, 401 and 403', async () => {
    expectProblem(await zy22.get('/api/v1/approvals/report?year=2026'), 400, 'VALIDATION_FAILED');
    expectProblem(await t.anonymous().get('/api/v1/approvals/report'), 401, 'UNAUTHENTICATED');
    expectProblem(await (await signIn(t, 'auditor')).get('/api/v1/approvals/report'), 403, 'FORBIDDEN');
  });
});
