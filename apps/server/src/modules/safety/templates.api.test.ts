import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { caseKit, closeTestApp, expectProblem, type Json } from '../cases/testing/case-kit.js';

/** The checklists: a realistic default from the migration, kept by the system admin, copied into each inspection. */
let t: TestApp;
let k: Awaited<ReturnType<typeof caseKit>>;
let defaultId: string;
beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  defaultId = (await t.db.selectFrom('inspectionTemplates').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => closeTestApp(t));

const item = (extra: Json = {}) => ({ category: '基坑工程', text: '基坑开挖深度超过5m有专项方案并经专家论证', severity: 'major', basis: '住建部令第37号', ...extra });

describe('GET /api/v1/inspection-templates', () => {
  it('ships the default checklist, grouped, with major and general items', async () => {
    const res = await (await k.as('zy01')).get('/api/v1/inspection-templates');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(1);
    const tpl = res.json().items[0];
    expect(tpl).toMatchObject({ id: defaultId, name: '房屋建筑工程施工现场安全检查表', isActive: true });
    expect(tpl.categories).toEqual(['临边防护', '脚手架与防护网', '起重机械', '临时用电', '消防', '扬尘', '夜间施工', '安全管理']);
    expect(tpl.items.filter((i: Json) => i.severity === 'major')).toHaveLength(13);
    expect(tpl.items.map((i: Json) => i.position)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    for (const who of ['sg01', 'tianshui', 'admin']) expect([who, (await (await k.as(who)).get('/api/v1/inspection-templates')).statusCode]).toEqual([who, 200]);
    expectProblem(await (await k.as('zy01')).get('/api/v1/inspection-templates?active=maybe'), 400);
    expectProblem(await t.anonymous().get('/api/v1/inspection-templates'), 401);
    expectProblem(await (await k.as('auditor')).get('/api/v1/inspection-templates'), 403);
  });

  it('gives one checklist by id; 404 for an unknown one', async () => {
    expect((await (await k.as('zy01')).get(`/api/v1/inspection-templates/${defaultId}`)).json().items).toHaveLength(34);
    expectProblem(await (await k.as('zy01')).get('/api/v1/inspection-templates/nope'), 404, 'NOT_FOUND');
    expectProblem(await (await k.as('zy01')).get(`/api/v1/inspection-templates/${'x'.repeat(65)}`), 400);
    expectProblem(await t.anonymous().get(`/api/v1/inspection-templates/${defaultId}`), 401);
    expectProblem(await (await k.as('secadmin')).get(`/api/v1/inspection-templates/${defaultId}`), 403);
  });
});

describe('POST and PATCH /api/v1/inspection-templates', () => {
  it('lets the system admin add, edit and retire a checklist; inspections keep their copy', async () => {
    const admin = await k.as('admin');
    const created = await admin.post('/api/v1/inspection-templates', { name: '深基坑专项检查表', items: [item(), item({ category: '临边防护', text: '基坑周边1m内不堆载', severity: 'general' })] });
    expect(created.statusCode, created.body).toBe(201);
    const tpl = created.json();
    expect(tpl).toMatchObject({ description: '', isActive: true, categories: ['基坑工程', '临边防护'], version: 1 });
    const insp = k.ok(await (await k.as('zy01')).post('/api/v1/inspections', { projectId: k.ids.p01, templateId: tpl.id }), 201);
    const edited = await admin.patch(`/api/v1/inspection-templates/${tpl.id}`, { version: 1, name: '深基坑工程专项检查表', items: [item({ text: '支护结构变形监测数据在预警值以内' })] });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: '深基坑工程专项检查表', version: 2, categories: ['基坑工程'] });
    expect(edited.json().items.map((i: Json) => i.text)).toEqual(['支护结构变形监测数据在预警值以内']);
    const kept = (await (await k.as('zy01')).get(`/api/v1/inspections/${insp.id}`)).json();
    expect(kept.template.name).toBe('深基坑专项检查表');
    expect(kept.items.map((i: Json) => i.text)).toEqual(['基坑开挖深度超过5m有专项方案并经专家论证', '基坑周边1m内不堆载']);
    const retired = k.ok(await admin.patch(`/api/v1/inspection-templates/${tpl.id}`, { version: 2, isActive: false }));
    expect(retired.isActive).toBe(false);
    expect((await admin.get('/api/v1/inspection-templates?active=true')).json().items.map((x: Json) => x.id)).toEqual([defaultId]);
    expectProblem(await (await k.as('zy01')).post('/api/v1/inspections', { projectId: k.ids.p01, templateId: tpl.id }), 422, 'RULE_VIOLATED');
    const audit = (await t.db.selectFrom('auditLog').select('action').where('entityId', '=', tpl.id).orderBy('seq').execute()).map((a) => a.action);
    expect(audit).toEqual(['inspection-template.created', 'inspection-template.updated', 'inspection-template.updated']);
  });

  it('answers 400 for bad input, 401 signed out, 403 to everyone but the system admin, 404 and 409', async () => {
    const admin = await k.as('admin');
    expectProblem(await admin.post('/api/v1/inspection-templates', { name: '空表', items: [] }), 400);
    expectProblem(await admin.post('/api/v1/inspection-templates', { name: '表', items: [item({ severity: 'deadly' })] }), 400);
    expectProblem(await admin.post('/api/v1/inspection-templates', { name: '表', items: [item()], owner: 'me' }), 400);
    expectProblem(await t.anonymous().post('/api/v1/inspection-templates', { name: '表', items: [item()] }), 401);
    for (const who of ['orgdept', 'zy01', 'leader']) expectProblem(await (await k.as(who)).post('/api/v1/inspection-templates', { name: '表', items: [item()] }), 403, 'FORBIDDEN');
    const { version } = await t.db.selectFrom('inspectionTemplates').select('version').where('id', '=', defaultId).executeTakeFirstOrThrow();
    expectProblem(await admin.patch(`/api/v1/inspection-templates/${defaultId}`, { version, items: [item({ text: '' })] }), 400);
    expectProblem(await admin.patch(`/api/v1/inspection-templates/${defaultId}`, { name: '无版本' }), 400);
    expectProblem(await t.anonymous().patch(`/api/v1/inspection-templates/${defaultId}`, { version, name: 'x' }), 401);
    expectProblem(await (await k.as('zy01')).patch(`/api/v1/inspection-templates/${defaultId}`, { version, name: 'x' }), 403);
    expectProblem(await admin.patch('/api/v1/inspection-templates/nope', { version: 1, name: 'x' }), 404);
    expectProblem(await admin.patch(`/api/v1/inspection-templates/${defaultId}`, { version: version + 5, name: 'x' }), 409, 'STALE_VERSION');
  });
});
