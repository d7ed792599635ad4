import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { auditRowsFor, errorPaths, expectProblem, projectId, signIn, uniq, userId } from '../../../test/factories.js';

let t: TestApp;
let orgdept: Client;
let zy01: Client;
let zjj: Client;
let p1: string;
let items: Map<string, { id: string; statutoryDays: number; materials: string[] }>;
beforeAll(async () => {
  t = await createTestApp();
  orgdept = await signIn(t, 'orgdept');
  zy01 = await signIn(t, 'zy01');
  zjj = await signIn(t, 'zjj');
  p1 = await projectId(t, 1);
  const list = (await zy01.get('/api/v1/approval-items')).json() as { code: string; id: string; statutoryDays: number; materials: string[] }[];
  items = new Map(list.map((i) => [i.code, i]));
});
afterAll(async () => t.close());

type Item = { id: string; status: string; version: number; position: number; item: { code: string }; checklist: { name: string; done: boolean }[]; workingDaysUsed: number | null; [k: string]: unknown };
type Chain = { items: Item[]; summary: Record<string, unknown>; allowedActions: string[] };

/** A project of the test's own, registered by the organisation department, with no chain yet. */
async function newProject(category = '商务楼宇') {
  const res = await orgdept.post('/api/v1/projects', { code: uniq('AP'), name: '审批测试楼宇', category, address: '测试路8号', totalInvestment: 50_000_000 });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** Moves an item to `status` through the API, ticking its materials off before submission. */
async function advance(c: Client, project: string, item: Item, steps: [string, Record<string, unknown>?][]): Promise<Item> {
  let cur = item;
  for (const [status, extra] of steps) {
    const body: Record<string, unknown> = { version: cur.version, status, ...extra };
    if (status === 'submitted') body.checklist = cur.checklist.map((m) => ({ ...m, done: true }));
    const res = await c.patch(`/api/v1/projects/${project}/approvals/${cur.id}`, body);
    if (res.statusCode !== 200) throw new Error(`${status}: ${res.statusCode} ${res.body}`);
    cur = res.json();
  }
  return cur;
}

describe('GET /api/v1/projects/:id/approvals', () => {
  it('shows project 1\'s demo chain in order with dates, agents and working days used', async () => {
    const res = await zy01.get(`/api/v1/projects/${p1}/approvals`);
    expect(res.statusCode).toBe(200);
    const chain = res.json() as Chain;
    expect(chain.items.map((i) => i.item.code)).toEqual(['LXBA', 'YDYS', 'YDGH', 'GCGH', 'JTPJ', 'HPSP', 'SGTS', 'XFSJ', 'SGXK', 'XFYS', 'GHHS', 'JGBA']);
    expect(chain.items.map((i) => i.position)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const permit = chain.items.find((i) => i.item.code === 'SGXK')!;
    expect(permit).toMatchObject({ status: 'approved', agent: { displayName: '冯建锋', unit: { name: '区住建局' } } });
    expect(permit.workingDaysUsed).toBeGreaterThan(0);
    expect(chain.items.find((i) => i.item.code === 'JGBA')).toMatchObject({ status: 'not_started', workingDaysUsed: null, light: 'none' });
    expect(chain.summary).toMatchObject({ total: 12, approved: 9, blocked: 0 });
    expect(chain.allowedActions).toEqual(['add', 'reorder']);
  });

  it('is seen by whoever sees the project: the contractor yes, another commissioner and another street no (404)', async () => {
    expect((await (await signIn(t, 'sg01')).get(`/api/v1/projects/${p1}/approvals`)).statusCode).toBe(200);
    expect((await (await signIn(t, 'leader')).get(`/api/v1/projects/${p1}/approvals`)).json().allowedActions).toEqual([]);
    expectProblem(await (await signIn(t, 'zy02')).get(`/api/v1/projects/${p1}/approvals`), 404, 'NOT_FOUND');
    expectProblem(await (await signIn(t, 'tianshui')).get(`/api/v1/projects/${p1}/approvals`), 404, 'NOT_FOUND');
    expectProblem(await (await signIn(t, 'auditor')).get(`/api/v1/projects/${p1}/approvals`), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().get(`/api/v1/projects/${p1}/approvals`), 401, 'UNAUTHENTICATED');
    expectProblem(await zy01.get('/api/v1/projects/no-such-project/approvals'), 404, 'NOT_FOUND');
  });
});

describe('building a chain', () => {
  it('starts from the category template once, with the materials checklist and the agent; a second time is 409', async () => {
    const p = await newProject('商务楼宇');
    const zjjId = await userId(t, 'zjj');
    const res = await orgdept.post(`/api/v1/projects/${p}/approvals/from-template`, { agentId: zjjId });
    expect(res.statusCode).toBe(201);
    const chain = res.json() as Chain;
    expect(chain.items.map((i) => i.item.code)).toEqual(['LXBA', 'YDGH', 'GCGH', 'JTPJ', 'SGTS', 'XFSJ', 'SGXK', 'XFYS', 'GHHS', 'JGBA']);
    expect(chain.items[6]).toMatchObject({ status: 'not_started', statutoryDays: 7, agent: { id: zjjId }, materialsDone: 0 });
    expect(chain.items[6]!.checklist.map((m) => m.name)).toEqual(items.get('SGXK')!.materials);
    const inbox = (await zjj.get('/api/v1/notifications')).json() as { items: { kind: string; body: string }[] };
    expect(inbox.items.some((n) => n.kind === 'approval.agent_assigned' && n.body.includes('建筑工程施工许可证'))).toBe(true);
    expectProblem(await orgdept.post(`/api/v1/projects/${p}/approvals/from-template`, {}), 409, 'CONFLICT');
    expect((await auditRowsFor(t, p)).map((a) => a.action)).toContain('approval.chain_created');
  });

  it('uses the default template for a category without one, and refuses unknown categories, agents and callers', async () => {
    const p = await newProject('水利工程');
    const chain = (await orgdept.post(`/api/v1/projects/${p}/approvals/from-template`, {})).json() as Chain;
    expect(chain.items.map((i) => i.item.code)).toEqual(['LXBA', 'YDGH', 'GCGH', 'SGTS', 'XFSJ', 'SGXK', 'XFYS', 'GHHS', 'JGBA']);
    const q = await newProject();
    const bad = await orgdept.post(`/api/v1/projects/${q}/approvals/from-template`, { category: '不存在的类别' });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(errorPaths(bad)).toEqual(['category']);
    expect(errorPaths(await orgdept.post(`/api/v1/projects/${q}/approvals/from-template`, { agentId: await userId(t, 'zy01') }))).toEqual(['agentId']);
    expectProblem(await orgdept.post(`/api/v1/projects/${q}/approvals/from-template`, { extra: 1 }), 400, 'VALIDATION_FAILED');
    expectProblem(await zjj.post(`/api/v1/projects/${q}/approvals/from-template`, {}), 403, 'FORBIDDEN');
    expectProblem(await zy01.post(`/api/v1/projects/${q}/approvals/from-template`, {}), 404, 'NOT_FOUND');
    expectProblem(await t.anonymous().post(`/api/v1/projects/${q}/approvals/from-template`, {}), 401, 'UNAUTHENTICATED');
  });

  it('adds items at a position, reorders and removes them; the commissioner keeps their own project\'s chain', async () => {
    const p = await newProject();
    const added = await orgdept.post(`/api/v1/projects/${p}/approvals`, { itemId: items.get('SGXK')!.id });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ position: 1, item: { code: 'SGXK' }, status: 'not_started' });
    const first = await orgdept.post(`/api/v1/projects/${p}/approvals`, { itemId: items.get('GCGH')!.id, position: 1, plannedOn: '2027-01-15' });
    expect(first.json()).toMatchObject({ position: 1, plannedOn: '2027-01-15' });
    await orgdept.post(`/api/v1/projects/${p}/approvals`, { itemId: items.get('JGBA')!.id });
    let chain = (await orgdept.get(`/api/v1/projects/${p}/approvals`)).json() as Chain;
    expect(chain.items.map((i) => i.item.code)).toEqual(['GCGH', 'SGXK', 'JGBA']);

    expectProblem(await orgdept.post(`/api/v1/projects/${p}/approvals`, { itemId: items.get('SGXK')!.id }), 409, 'DUPLICATE');
    expect(errorPaths(await orgdept.post(`/api/v1/projects/${p}/approvals`, { itemId: 'no-such-item' }))).toEqual(['itemId']);
    expectProblem(await orgdept.post(`/api/v1/projects/${p}/approvals`, {}), 400, 'VALIDATION_FAILED');
    expectProblem(await zjj.post(`/api/v1/projects/${p}/approvals`, { itemId: items.get('XFSJ')!.id }), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().post(`/api/v1/projects/${p}/approvals`, { itemId: items.get('XFSJ')!.id }), 401, 'UNAUTHENTICATED');

    const ids = chain.items.map((i) => i.id);
    const reordered = await orgdept.post(`/api/v1/projects/${p}/approvals/reorder`, { ids: [ids[2], ids[0], ids[1]] });
    expect(reordered.statusCode).toBe(200);
    expect((reordered.json() as Chain).items.map((i) => i.item.code)).toEqual(['JGBA', 'GCGH', 'SGXK']);
    expect(errorPaths(await orgdept.post(`/api/v1/projects/${p}/approvals/reorder`, { ids: [ids[0], ids[1]] }))).toEqual(['ids']);
    expectProblem(await zjj.post(`/api/v1/projects/${p}/approvals/reorder`, { ids }), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().post(`/api/v1/projects/${p}/approvals/reorder`, { ids }), 401, 'UNAUTHENTICATED');
    expectProblem(await zy01.post(`/api/v1/projects/${p}/approvals/reorder`, { ids }), 404, 'NOT_FOUND');

    expect((await orgdept.delete(`/api/v1/projects/${p}/approvals/${ids[2]}`)).statusCode).toBe(204);
    chain = (await orgdept.get(`/api/v1/projects/${p}/approvals`)).json() as Chain;
    expect(chain.items.map((i) => [i.item.code, i.position])).toEqual([['GCGH', 1], ['SGXK', 2]]);
    expectProblem(await orgdept.delete(`/api/v1/projects/${p}/approvals/${ids[2]}`), 404, 'NOT_FOUND');
    expectProblem(await zjj.delete(`/api/v1/projects/${p}/approvals/${ids[0]}`), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().delete(`/api/v1/projects/${p}/approvals/${ids[0]}`), 401, 'UNAUTHENTICATED');

    // zy01 keeps project 1's chain; a submitted item stays on it.
    const demo = (await zy01.get(`/api/v1/projects/${p1}/approvals`)).json() as Chain;
    expectProblem(await zy01.delete(`/api/v1/projects/${p1}/approvals/${demo.items[0]!.id}`), 409, 'CONFLICT');
    expect((await zy01.delete(`/api/v1/projects/${p1}/approvals/${demo.items.at(-1)!.id}`)).statusCode).toBe(204);
  });
});

describe('PATCH /api/v1/projects/:id/approvals/:itemId', () => {
  it('moves an item through its steps and counts working days across National Day 2025', async () => {
    const p = await newProject();
    const zjjId = await userId(t, 'zjj');
    const item = (await orgdept.post(`/api/v1/projects/${p}/approvals`, { itemId: items.get('SGTS')!.id, agentId: zjjId })).json() as Item;
    // The agent works it: 住建局's zjj, not the commissioner.
    const done = await advance(zjj, p, item, [
      ['preparing', { preparingOn: '2025-09-15' }], ['submitted', { submittedOn: '2025-09-24' }], ['accepted', { acceptedOn: '2025-09-26' }],
      ['approved', { approvedOn: '2025-10-13' }],
    ]);
    // (26 Sep, 13 Oct]: Sun 28 Sep (调休), Mon 29, Tue 30, Thu 9, Fri 10, Sat 11 Oct (调休), Mon 13 — the 1–8 Oct holiday does not count.
    expect(done).toMatchObject({ status: 'approved', workingDaysUsed: 7, statutoryDays: 15, light: 'green', materialsDone: 5, submittedOn: '2025-09-24', approvedOn: '2025-10-13' });
    expect((await auditRowsFor(t, item.id)).map((a) => a.action)).toEqual(['approval.item_added', ...Array(4).fill('approval.item_updated')]);
  });

  it('refuses skipped steps (409), incomplete materials and impossible dates (422), stale versions (409)', async () => {
    const p = await newProject();
    let item = (await orgdept.post(`/api/v1/projects/${p}/approvals`, { itemId: items.get('XFSJ')!.id })).json() as Item;
    expectProblem(await orgdept.patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: item.version, status: 'approved' }), 409, 'CONFLICT');
    item = await advance(orgdept, p, item, [['preparing']]);
    const missing = await orgdept.patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: item.version, status: 'submitted' });
    expectProblem(missing, 422, 'RULE_VIOLATED');
    expect(errorPaths(missing)).toEqual(['checklist']);
    expectProblem(await orgdept.patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: item.version, preparingOn: '2026-12-01' }), 422, 'RULE_VIOLATED');
    item = await advance(orgdept, p, item, [['submitted', { submittedOn: '2026-11-02' }]]);
    const early = await orgdept.patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: item.version, status: 'accepted', acceptedOn: '2026-10-30' });
    expectProblem(early, 422, 'RULE_VIOLATED');
    expect(errorPaths(early)).toEqual(['acceptedOn']);
    const noReason = await orgdept.patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: item.version, status: 'sent_back' });
    expectProblem(noReason, 400, 'VALIDATION_FAILED');
    expect(errorPaths(noReason)).toEqual(['sentBackReason']);
    const back = await orgdept.patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: item.version, status: 'sent_back', sentBackOn: '2026-11-05', sentBackReason: '消防设计文件缺少防排烟专篇' });
    expect(back.json()).toMatchObject({ status: 'sent_back', sentBackReason: '消防设计文件缺少防排烟专篇', workingDaysUsed: 3, workingDaysLeft: null });
    expectProblem(await orgdept.patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: item.version, note: '旧版本' }), 409, 'STALE_VERSION');
    // Handed in again: a new round, counted from the new date up to today (2026-11-26).
    const again = await advance(orgdept, p, back.json(), [['submitted', { submittedOn: '2026-11-20' }]]);
    expect(again).toMatchObject({ status: 'submitted', submittedOn: '2026-11-20', workingDaysUsed: 4, workingDaysLeft: 11, sentBackOn: '2026-11-05' });
    expectProblem(await orgdept.patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: again.version, status: 'bogus' }), 400, 'VALIDATION_FAILED');
    expectProblem(await orgdept.patch(`/api/v1/projects/${p}/approvals/no-such-item`, { version: 1, note: 'x' }), 404, 'NOT_FOUND');
  });

  it('lets the agent move their items but not choose agents; other handlers and enterprises get 403', async () => {
    const p = await newProject();
    const item = (await orgdept.post(`/api/v1/projects/${p}/approvals`, { itemId: items.get('SGXK')!.id, agentId: await userId(t, 'zjj') })).json() as Item;
    expect((await zjj.patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: 1, note: '已与建设单位对接' })).statusCode).toBe(200);
    expectProblem(await zjj.patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: 2, agentId: await userId(t, 'fgj') }), 403, 'FORBIDDEN');
    expectProblem(await (await signIn(t, 'cgj')).patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: 2, note: 'x' }), 403, 'FORBIDDEN');
    const handedOver = await orgdept.patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: 2, agentId: await userId(t, 'fgj') });
    expect(handedOver.json()).toMatchObject({ agent: { displayName: '邹凯' }, version: 3 });
    expectProblem(await zjj.patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: 3, note: 'x' }), 403, 'FORBIDDEN');
    expectProblem(await orgdept.patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: 3, agentId: await userId(t, 'sg01') }), 400, 'VALIDATION_FAILED');
    expectProblem(await (await signIn(t, 'sg01')).patch(`/api/v1/projects/${p1}/approvals/${item.id}`, { version: 3, note: 'x' }), 404, 'NOT_FOUND');
    expectProblem(await t.anonymous().patch(`/api/v1/projects/${p}/approvals/${item.id}`, { version: 3, note: 'x' }), 401, 'UNAUTHENTICATED');
    expect((await zjj.get(`/api/v1/projects/${p}/approvals/${item.id}`)).json().allowedActions).toEqual([]);
    expectProblem(await zjj.get(`/api/v1/projects/${p}/approvals/no-such`), 404, 'NOT_FOUND');
  });
});
