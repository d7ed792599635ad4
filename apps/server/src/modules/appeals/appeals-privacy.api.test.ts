import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowsFor, expectProblem, projectId, signIn, unitId } from '../../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { portalRoutes } from './portal.js';
import { answerAndClose, caseOfCode, fileAppeal, noiseAppeal } from './testing/appeal-kit.js';

/**
 * What leaves through the public side, and who on the staff side sees a resident's phone: never handler names,
 * internal notes or other residents' details in public; the phone masked, except for the lead handling unit.
 */
let t: TestApp;
let anon: Client;
let zy01: Client;
let cgj: Client;
let code: string;
let caseId: string;
let appealId: string;
const PHONE = '13812341234';
const HANDLER_NAME = '施国强'; // cgj, 区城管局
const COMMISSIONER_PHONE_IN_REPLY = '请联系现场负责人 13900009999';

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' } });
  anon = t.anonymous();
  zy01 = await signIn(t, 'zy01');
  cgj = await signIn(t, 'cgj');
  const p1 = await projectId(t, 1);
  ({ trackingCode: code } = await fileAppeal(anon, noiseAppeal(p1, { description: '夜里打桩太吵，我是李小红，电话13812341234' })));
  caseId = await caseOfCode(t, anon, code);
  appealId = (await t.db.selectFrom('appeals').select('id').where('caseId', '=', caseId).executeTakeFirstOrThrow()).id;
  await answerAndClose(caseId, zy01, cgj, await unitId(t, 'CGJ'), `已责令停止夜间施工。${COMMISSIONER_PHONE_IN_REPLY}`, '内部备注：施工方王经理态度差');
});
afterAll(async () => t?.close());

describe('the public side shows no one else', () => {
  it('keeps handler names, internal notes, comments and the full phone out of the status page', async () => {
    const events = await t.db.selectFrom('caseEvents').select(['kind', 'actorName', 'internal']).where('caseId', '=', caseId).execute();
    expect(events.some((e) => e.internal === 1)).toBe(true);
    expect(events.map((e) => e.actorName)).toContain('cgj');
    const res = await anon.get(`/api/public/appeals/${code}`);
    const text = res.body;
    for (const secret of [HANDLER_NAME, 'cgj', 'zy01', '王建国', '内部备注', '内部讨论', '张三', '13900001111', PHONE, 'internal', 'actor']) {
      expect([secret, text.includes(secret)]).toEqual([secret, false]);
    }
    const body = res.json();
    expect(body.contact).toEqual({ anonymous: false, name: '李**', phone: '138****1234' });
    expect(body.reply).toBe(`已责令停止夜间施工。${COMMISSIONER_PHONE_IN_REPLY}`);
    expect(body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'accepted', 'dispatched', 'signed', 'answered', 'closed']);
    expect(body.timeline.find((e: { kind: string }) => e.kind === 'dispatched').unit).toBe('区城管局');
  });

  it('anonymises the recent answers on the board: the reply only, phone numbers masked, nothing about who asked', async () => {
    for (const url of ['/api/public/projects', `/api/public/projects/${await projectId(t, 1)}`]) {
      const res = await anon.get(url);
      const answers = res.json().recentAnswers;
      expect(answers[0]).toMatchObject({ category: 'noise', projectName: '中大银泰城', reply: '已责令停止夜间施工。请联系现场负责人 139****9999' });
      expect(Object.keys(answers[0]).sort()).toEqual(['answeredAt', 'category', 'projectId', 'projectName', 'reply', 'submittedAt']);
      for (const secret of ['李小红', PHONE, '夜里打桩', '13900009999', HANDLER_NAME, '内部']) expect([url, secret, res.body.includes(secret)]).toEqual([url, secret, false]);
    }
  });

  it('masks contact details in the Open311 view of the appeal too', async () => {
    const res = await anon.get(`/open311/v2/requests/${appealId}.json`);
    expect(res.statusCode).toBe(200);
    expect(res.json()[0].description).toBe('夜里打桩太吵，我是李小红，电话138****1234');
    for (const secret of [PHONE, HANDLER_NAME, '内部']) expect(res.body.includes(secret)).toBe(false);
  });

  it('stores the phone sealed: the database holds no digits of it beyond the masked form', async () => {
    const row = await t.db.selectFrom('appeals').selectAll().where('id', '=', appealId).executeTakeFirstOrThrow();
    expect(row.phoneMasked).toBe('138****1234');
    expect(row.phoneSealed).toMatch(/^v1\./);
    expect(JSON.stringify({ ...row, description: '' })).not.toContain(PHONE);
    expect(t.rt.secrets.open(row.phoneSealed!)).toBe(PHONE);
  });
});

describe('GET /api/v1/appeals/:id and POST …/reveal-phone', () => {
  it('shows staff who see the case the appeal with the phone masked', async () => {
    const res = await zy01.get(`/api/v1/appeals/${appealId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: appealId, caseId, state: 'case', channel: 'portal', contact: { name: '李小红', phone: '138****1234' }, canRevealPhone: false });
    expect((await cgj.get(`/api/v1/appeals/${appealId}`)).json().canRevealPhone).toBe(true);
    expectProblem(await anon.get(`/api/v1/appeals/${appealId}`), 401, 'UNAUTHENTICATED');
    expectProblem(await (await signIn(t, 'zy02')).get(`/api/v1/appeals/${appealId}`), 404, 'NOT_FOUND');
    expectProblem(await (await signIn(t, 'zjj')).get(`/api/v1/appeals/${appealId}`), 404, 'NOT_FOUND');
    expectProblem(await zy01.get(`/api/v1/appeals/${'z'.repeat(65)}`), 400, 'VALIDATION_FAILED');
  });

  it('reveals the phone to the lead handling unit only, and audits each reveal', async () => {
    expectProblem(await zy01.post(`/api/v1/appeals/${appealId}/reveal-phone`), 403, 'FORBIDDEN');
    expectProblem(await (await signIn(t, 'leader')).post(`/api/v1/appeals/${appealId}/reveal-phone`), 403, 'FORBIDDEN');
    expectProblem(await (await signIn(t, 'zjj')).post(`/api/v1/appeals/${appealId}/reveal-phone`), 404, 'NOT_FOUND');
    expectProblem(await anon.post(`/api/v1/appeals/${appealId}/reveal-phone`), 401, 'UNAUTHENTICATED');
    expectProblem(await cgj.post(`/api/v1/appeals/${'z'.repeat(65)}/reveal-phone`), 400, 'VALIDATION_FAILED');
    const res = await cgj.post(`/api/v1/appeals/${appealId}/reveal-phone`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ phone: PHONE, name: '李小红' });
    const audit = (await auditRowsFor(t, appealId)).filter((r) => r.action === 'appeal.phone-revealed');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: 'cgj', entityType: 'appeal' });
    expect(audit[0]!.changes).not.toContain(PHONE);
  });

  it('has nothing to reveal for an anonymous appeal', async () => {
    const { trackingCode } = await fileAppeal(anon, { projectId: await projectId(t, 1), category: 'dust', description: '扬尘很大，窗台全是灰', anonymous: true });
    const id = await caseOfCode(t, anon, trackingCode);
    const zy = zy01;
    await zy.post(`/api/v1/cases/${id}/actions/accept`, {});
    await zy.post(`/api/v1/cases/${id}/actions/dispatch`, { unitId: await unitId(t, 'CGJ') });
    const a = await t.db.selectFrom('appeals').select('id').where('caseId', '=', id).executeTakeFirstOrThrow();
    expect((await cgj.get(`/api/v1/appeals/${a.id}`)).json()).toMatchObject({ contact: { anonymous: true, name: null, phone: null }, canRevealPhone: false });
    expectProblem(await cgj.post(`/api/v1/appeals/${a.id}/reveal-phone`), 422, 'RULE_VIOLATED');
  });
});

describe('GET /api/v1/projects/:id/poster.pdf', () => {
  it('prints the A4 QR poster for whoever may see the project', async () => {
    const p1 = await projectId(t, 1);
    const res = await zy01.get(`/api/v1/projects/${p1}/poster.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expectProblem(await zy01.get(`/api/v1/projects/${await projectId(t, 2)}/poster.pdf`), 404, 'NOT_FOUND');
    expectProblem(await anon.get(`/api/v1/projects/${p1}/poster.pdf`), 401, 'UNAUTHENTICATED');
    expectProblem(await (await signIn(t, 'auditor')).get(`/api/v1/projects/${p1}/poster.pdf`), 403, 'FORBIDDEN');
    expectProblem(await zy01.get(`/api/v1/projects/${'z'.repeat(65)}/poster.pdf`), 400, 'VALIDATION_FAILED');
  });
});

describe('the portal at /portal/', () => {
  it('serves its files and answers every page under it with its index.html (the SPA fallback)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'portal-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>portal</title>');
    writeFileSync(join(root, 'assets', 'app-1.js'), 'console.log(1)');
    const app = Fastify();
    await app.register(portalRoutes, { prefix: '/portal', root });
    try {
      for (const url of ['/portal', '/portal/', '/portal/t/ABCDEFGHIJKLMNOPQRSTUVWXYZ', '/portal/p/x/appeal']) {
        const res = await app.inject(url);
        expect([url, res.statusCode, res.body]).toEqual([url, 200, '<!doctype html><title>portal</title>']);
        expect(res.headers['cache-control']).toBe('no-cache');
      }
      const js = await app.inject('/portal/assets/app-1.js');
      expect(js.statusCode).toBe(200);
      expect(js.headers['cache-control']).toContain('immutable');
      expect((await app.inject('/portal/assets/missing.js')).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
