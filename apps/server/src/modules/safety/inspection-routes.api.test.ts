import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { multipartFile } from '../../../test/multipart.js';
import { caseKit, closeTestApp, expectProblem, type Json } from '../cases/testing/case-kit.js';
import { signaturePng, sitePhoto, upload } from './testing/evidence.js';

/** Each inspection route's refusals: 400, 401, 403, 404, 409, 422; and who sees drafts. */
let t: TestApp;
let k: Awaited<ReturnType<typeof caseKit>>;
let templateId: string;
let p04: string;
beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  templateId = (await t.db.selectFrom('inspectionTemplates').select('id').executeTakeFirstOrThrow()).id;
  p04 = (await t.db.selectFrom('projects').select('id').where('code', '=', 'XC-ZD-2026-04').executeTakeFirstOrThrow()).id;
});
afterAll(async () => closeTestApp(t));

const start = async (who = 'zy01', projectId = k.ids.p01): Promise<Json> =>
  k.ok(await (await k.as(who)).post('/api/v1/inspections', { projectId, templateId }), 201);

/** Every item passes and both sign: a clean inspection ready to submit. */
async function allPass(i: Json, who = 'zy01'): Promise<Json> {
  const c = await k.as(who);
  return k.ok(await c.patch(`/api/v1/inspections/${i.id}`, {
    version: i.version, items: i.items.map((x: Json) => ({ itemId: x.id, result: 'pass' })),
    inspectorSignatureId: await upload(c, await signaturePng(), 'a.png'), contractorSignatureId: await upload(c, await signaturePng(9), 'b.png'), contractorSignerName: '施工员',
  }));
}

describe('POST /api/v1/inspections', () => {
  it('lets the project\'s commissioner, its assistants and the organisation dept start one', async () => {
    expect((await start('zy01')).status).toBe('draft');
    expect((await start('gb01', p04)).inspector.displayName).toBeTruthy();
    expect((await start('orgdept')).status).toBe('draft');
  });
  it('refuses bad input (400), strangers (401), roles without the permission (403) and projects one cannot see (400)', async () => {
    const zy = await k.as('zy01');
    expectProblem(await zy.post('/api/v1/inspections', { projectId: k.ids.p01 }), 400);
    expectProblem(await zy.post('/api/v1/inspections', { projectId: k.ids.p01, templateId, weather: '晴' }), 400);
    const unknownTemplate = await zy.post('/api/v1/inspections', { projectId: k.ids.p01, templateId: 'nope' });
    expectProblem(unknownTemplate, 400);
    expect(unknownTemplate.json().errors[0].path).toBe('templateId');
    expectProblem(await zy.post('/api/v1/inspections', { projectId: k.ids.p01, templateId, inspectedAt: '2026-12-01T09:00:00+08:00' }), 422);
    const notMine = await (await k.as('zy02')).post('/api/v1/inspections', { projectId: k.ids.p01, templateId });
    expectProblem(notMine, 400);
    expect(notMine.json().errors[0].path).toBe('projectId');
    expectProblem(await t.anonymous().post('/api/v1/inspections', { projectId: k.ids.p01, templateId }), 401);
    for (const who of ['sg01', 'zjj', 'leader', 'tianshui']) expectProblem(await (await k.as(who)).post('/api/v1/inspections', { projectId: k.ids.p01, templateId }), 403, 'FORBIDDEN');
    // An assistant on another project sees project 1 not at all.
    expectProblem(await (await k.as('gb01')).post('/api/v1/inspections', { projectId: k.ids.p01, templateId }), 400);
  });
});

describe('GET /api/v1/inspections and /:id', () => {
  it('shows drafts to the inspecting team only, and submitted inspections to whoever sees the project', async () => {
    const draft = await start('zy01');
    const done = await start('zy01');
    const sub = k.ok(await (await k.as('zy01')).post(`/api/v1/inspections/${done.id}/submit`, { version: (await allPass(done)).version }));
    expect(sub).toMatchObject({ status: 'submitted', noticeNumber: null, hazards: [], stopWorkOrdered: false, allowedActions: [] });
    const ids = async (who: string, q = '') => (await (await k.as(who)).get(`/api/v1/inspections?projectId=${k.ids.p01}${q}`)).json().items.map((i: Json) => i.id);
    expect(await ids('zy01')).toEqual(expect.arrayContaining([draft.id, done.id]));
    expect(await ids('orgdept')).toEqual(expect.arrayContaining([draft.id, done.id]));
    for (const who of ['sg01', 'jl01', 'leader', 'zjj', 'dongxin']) {
      expect([who, await ids(who)]).toEqual([who, [done.id]]);
      expectProblem(await (await k.as(who)).get(`/api/v1/inspections/${draft.id}`), 404);
    }
    expect(await ids('zy01', '&status=submitted')).toEqual([done.id]);
    expect(await ids('tianshui')).toEqual([]);
    expectProblem(await (await k.as('zy02')).get(`/api/v1/inspections/${done.id}`), 404, 'NOT_FOUND');
    expectProblem(await (await k.as('zy01')).get('/api/v1/inspections?pageSize=500'), 400);
    expectProblem(await (await k.as('zy01')).get('/api/v1/inspections?from=yesterday'), 400);
    expectProblem(await t.anonymous().get('/api/v1/inspections'), 401);
    expectProblem(await t.anonymous().get(`/api/v1/inspections/${done.id}`), 401);
    expectProblem(await (await k.as('auditor')).get('/api/v1/inspections'), 403);
    expectProblem(await (await k.as('auditor')).get(`/api/v1/inspections/${done.id}`), 403);
    expectProblem(await (await k.as('zy01')).get(`/api/v1/inspections/${'x'.repeat(65)}`), 400);
  });
});

describe('PATCH /api/v1/inspections/:id', () => {
  it('checks items, photos and signatures, versions and state', async () => {
    const i = await start('zy01');
    const zy = await k.as('zy01');
    const pdf = k.ok(await zy.request({ method: 'POST', url: '/api/v1/files', ...multipartFile('scan.pdf', Buffer.from('%PDF-1.4\n%x\n')) }), 201);
    const jpg = await upload(zy, await sitePhoto('#aaa'), 'p.jpg');
    const bad = async (body: Json, path: string) => {
      const res = await zy.patch(`/api/v1/inspections/${i.id}`, { version: i.version, ...body });
      expectProblem(res, 400);
      expect(res.json().errors.map((e: Json) => e.path)).toContain(path);
    };
    await bad({ items: [{ itemId: i.items[0].id, result: 'maybe' }] }, 'body.items.0.result');
    await bad({ items: [{ itemId: 'not-an-item', result: 'pass' }] }, 'items.0.itemId');
    await bad({ items: [{ itemId: i.items[0].id, result: 'fail', note: '缺失', photoId: pdf.id }] }, 'items.0.photoId');
    await bad({ inspectorSignatureId: jpg }, 'inspectorSignatureId');
    // Someone else's upload cannot be borrowed.
    const theirs = await upload(await k.as('orgdept'), await sitePhoto('#bbb'), 'o.jpg');
    await bad({ items: [{ itemId: i.items[0].id, result: 'fail', photoId: theirs }] }, 'items.0.photoId');
    expectProblem(await t.anonymous().patch(`/api/v1/inspections/${i.id}`, { version: i.version }), 401);
    expectProblem(await (await k.as('sg01')).patch(`/api/v1/inspections/${i.id}`, { version: i.version }), 403);
    expectProblem(await (await k.as('zy02')).patch(`/api/v1/inspections/${i.id}`, { version: i.version }), 404);
    const ok = k.ok(await zy.patch(`/api/v1/inspections/${i.id}`, { version: i.version, items: [{ itemId: i.items[0].id, result: 'fail', photoId: jpg }] }));
    expect(ok.items[0]).toMatchObject({ result: 'fail', photoId: jpg, note: null });
    // The same photo again (a phone retrying) is fine; a stale version is not.
    const again = k.ok(await zy.patch(`/api/v1/inspections/${i.id}`, { version: ok.version, items: [{ itemId: i.items[0].id, result: 'fail', note: '临边栏杆缺失', photoId: jpg }] }));
    expect(again.items[0].note).toBe('临边栏杆缺失');
    expectProblem(await zy.patch(`/api/v1/inspections/${i.id}`, { version: ok.version, summary: 'x' }), 409, 'STALE_VERSION');
  });
});

describe('POST /api/v1/inspections/:id/submit', () => {
  it('refuses an incomplete inspection with one error per missing piece', async () => {
    const i = await start('zy01');
    const zy = await k.as('zy01');
    const rec = k.ok(await zy.patch(`/api/v1/inspections/${i.id}`, { version: i.version, items: [{ itemId: i.items[0].id, result: 'fail' }] }));
    const res = await zy.post(`/api/v1/inspections/${i.id}/submit`, { version: rec.version });
    expectProblem(res, 422, 'RULE_VIOLATED');
    const paths = res.json().errors.map((e: Json) => e.path);
    expect(paths).toEqual(expect.arrayContaining([`items.${i.items[0].id}.note`, `items.${i.items[0].id}.photoId`, `items.${i.items[1].id}.result`, 'inspectorSignatureId', 'contractorSignatureId', 'contractorSignerName']));
    expect(paths).toHaveLength(2 + 33 + 3);
    expect((await t.db.selectFrom('cases').select('id').where('sourceRefId', '=', i.id).execute())).toEqual([]);
  });
  it('answers 400, 401, 403, 404 and 409', async () => {
    const i = await allPass(await start('zy01'));
    const zy = await k.as('zy01');
    expectProblem(await zy.post(`/api/v1/inspections/${i.id}/submit`, {}), 400);
    expectProblem(await t.anonymous().post(`/api/v1/inspections/${i.id}/submit`, { version: i.version }), 401);
    expectProblem(await (await k.as('sg01')).post(`/api/v1/inspections/${i.id}/submit`, { version: i.version }), 403);
    expectProblem(await (await k.as('zy02')).post(`/api/v1/inspections/${i.id}/submit`, { version: i.version }), 404);
    expectProblem(await zy.post(`/api/v1/inspections/${i.id}/submit`, { version: i.version - 1 }), 409, 'STALE_VERSION');
    k.ok(await zy.post(`/api/v1/inspections/${i.id}/submit`, { version: i.version }));
    expectProblem(await zy.post(`/api/v1/inspections/${i.id}/submit`, { version: i.version + 1 }), 409);
    expectProblem(await zy.patch(`/api/v1/inspections/${i.id}`, { version: i.version + 1, summary: '改' }), 409);
  });
});

describe('GET /api/v1/inspections/:id/notice and /api/v1/projects/:id/safety', () => {
  it('has no notice for a draft or a clean inspection; refuses bad formats, strangers and outsiders', async () => {
    const draft = await start('zy01');
    const zy = await k.as('zy01');
    expectProblem(await zy.get(`/api/v1/inspections/${draft.id}/notice`), 409);
    const clean = await allPass(await start('zy01'));
    k.ok(await zy.post(`/api/v1/inspections/${clean.id}/submit`, { version: clean.version }));
    expectProblem(await zy.get(`/api/v1/inspections/${clean.id}/notice?format=pdf`), 409);
    expectProblem(await zy.get(`/api/v1/inspections/${clean.id}/notice?format=xls`), 400);
    expectProblem(await t.anonymous().get(`/api/v1/inspections/${clean.id}/notice`), 401);
    expectProblem(await (await k.as('auditor')).get(`/api/v1/inspections/${clean.id}/notice`), 403);
    expectProblem(await (await k.as('zy02')).get(`/api/v1/inspections/${clean.id}/notice`), 404);
  });
  it('tells the project\'s safety state to those who see the project', async () => {
    const s = (await (await k.as('sg01')).get(`/api/v1/projects/${k.ids.p01}/safety`)).json();
    expect(s).toMatchObject({ projectId: k.ids.p01, stopWork: false, since: null, openHazards: { major: 0, general: 0 } });
    expect(s.lastInspection.noticeNumber).toBeNull();
    expectProblem(await (await k.as('zy02')).get(`/api/v1/projects/${k.ids.p01}/safety`), 404);
    expectProblem(await (await k.as('zy01')).get(`/api/v1/projects/${'x'.repeat(65)}/safety`), 400);
    expectProblem(await t.anonymous().get(`/api/v1/projects/${k.ids.p01}/safety`), 401);
    expectProblem(await (await k.as('auditor')).get(`/api/v1/projects/${k.ids.p01}/safety`), 403);
  });
});
