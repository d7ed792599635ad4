import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, multipartFile, projectId, signIn, tinyPdf, unitId, userId } from '../../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { CHALLENGE_TTL_MS, solveChallenge } from './challenge.js';
import { answerAndClose, caseOfCode, fileAppeal, jpegWithGps, noiseAppeal, solvedChallenge, uploadPhoto } from './testing/appeal-kit.js';

let t: TestApp;
let anon: Client;
let p1: string;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' } });
  anon = t.anonymous();
  p1 = await projectId(t, 1);
});
afterAll(async () => t?.close());

describe('GET /api/public/projects and /api/public/projects/:id', () => {
  it('shows every key project with public facts only', async () => {
    const res = await anon.get('/api/public/projects');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(26);
    const one = body.items.find((p: { name: string }) => p.name === '中大银泰城');
    expect(one).toMatchObject({ address: '东新路822号', street: '东新街道', light: 'green', commissioner: { name: '王建国', phone: '13900000101' }, branch: { name: '中大银泰城临时党支部' }, constructionHours: '07:00-12:00, 13:00-22:00' });
    expect(Object.keys(one).sort()).toEqual(['address', 'branch', 'category', 'code', 'commissioner', 'constructionHours', 'id', 'impactNotice', 'lat', 'light', 'lng', 'name', 'phase', 'street']);
    expect(res.body).not.toMatch(/investment|contractor|owner|supervisor|isDemo/i);
    expect(body.map.center).toHaveLength(2);
  });

  it('answers 400 for unknown query fields, 404 for unknown or archived projects, 200 for one', async () => {
    expectProblem(await anon.get('/api/public/projects?secret=1'), 400, 'VALIDATION_FAILED');
    expectProblem(await anon.get(`/api/public/projects/${'x'.repeat(65)}`), 400, 'VALIDATION_FAILED');
    expectProblem(await anon.get('/api/public/projects/no-such-project'), 404, 'NOT_FOUND');
    const one = await anon.get(`/api/public/projects/${p1}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ name: '中大银泰城', recentAnswers: [] });
    const archived = await t.db.selectFrom('projects').select('id').where('code', '=', 'XC-ZD-2026-26').executeTakeFirstOrThrow();
    await t.db.updateTable('projects').set({ archivedAt: 1 }).where('id', '=', archived.id).execute();
    expectProblem(await anon.get(`/api/public/projects/${archived.id}`), 404, 'NOT_FOUND');
    expect((await anon.get('/api/public/projects')).json().items).toHaveLength(25);
    await t.db.updateTable('projects').set({ archivedAt: null }).where('id', '=', archived.id).execute();
  });
});

describe('GET /api/public/challenge', () => {
  it('issues a sealed proof-of-work challenge, never cached; 400 for unknown query fields', async () => {
    const res = await anon.get('/api/public/challenge');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ algorithm: 'sha256', bits: 16 });
    expect(res.json().token).not.toContain(res.json().salt);
    expectProblem(await anon.get('/api/public/challenge?x=1'), 400, 'VALIDATION_FAILED');
  });
});

describe('POST /api/public/appeals/photos', () => {
  it('stores a photo without any metadata (no EXIF, no GPS kept)', async () => {
    const ch = await solvedChallenge(anon);
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await uploadPhoto(anon, ch, original);
    expect(res.statusCode).toBe(201);
    const row = await t.db.selectFrom('files').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ ownerId: null, gpsLat: null, gpsLng: null, capturedAt: null, mediaType: 'image/jpeg', attachedType: 'appeal-upload' });
    const stored = readFileSync(join(t.config.dataDir, 'files', row.storageKey));
    const md = await sharp(stored).metadata();
    expect(md.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('Leaky 1'))).toBe(false);
  });

  it('refuses without a solved challenge (400), a non-image (415), a missing photo (400) and a fourth photo (422)', async () => {
    const mp = multipartFile(await jpegWithGps(), 'p.jpg', 'image/jpeg', 'photo');
    expectProblem(await anon.request({ method: 'POST', url: '/api/public/appeals/photos', ...mp }), 400, 'VALIDATION_FAILED');
    const c = (await anon.get('/api/public/challenge')).json();
    const unsolved = await uploadPhoto(anon, { token: c.token, nonce: 'x' }, await jpegWithGps());
    expect(expectProblem(unsolved, 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('body.challenge');
    const ch = await solvedChallenge(anon);
    const pdf = multipartFile(tinyPdf(), 'a.pdf', 'application/pdf', 'photo');
    expectProblem(await anon.request({ method: 'POST', url: '/api/public/appeals/photos', payload: pdf.payload, headers: { ...pdf.headers, 'x-challenge-token': ch.token, 'x-challenge-nonce': ch.nonce } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectProblem(await anon.request({ method: 'POST', url: '/api/public/appeals/photos', payload: { a: 1 }, headers: { 'x-challenge-token': ch.token, 'x-challenge-nonce': ch.nonce } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    for (let i = 0; i < 3; i++) expect((await uploadPhoto(anon, ch, await jpegWithGps())).statusCode).toBe(201);
    expectProblem(await uploadPhoto(anon, ch, await jpegWithGps()), 422, 'RULE_VIOLATED');
  });
});

describe('POST /api/public/appeals', () => {
  it('files an appeal case on the project, tells the commissioner at once, and answers the tracking code once', async () => {
    const ch = await solvedChallenge(anon);
    const photo = (await uploadPhoto(anon, ch, await jpegWithGps())).json();
    const res = await anon.post('/api/public/appeals', { ...noiseAppeal(p1), location: { lat: 30.3181, lng: 120.1719 }, photoIds: [photo.id], challenge: ch });
    expect(res.statusCode).toBe(201);
    const { trackingCode, link, status } = res.json();
    expect(trackingCode).toMatch(/^[A-Z2-7]{26}$/);
    expect(link).toBe(`/portal/t/${trackingCode}`);
    expect(status).toBe('received');
    const appeal = await t.db.selectFrom('appeals').selectAll().where('challengeId', 'is not', null).orderBy('createdAt', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.stringify(appeal)).not.toContain(trackingCode);
    const c = await t.db.selectFrom('cases').selectAll().where('id', '=', appeal.caseId!).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ projectId: p1, type: 'appeal', category: '噪声', source: 'public_portal', status: 'submitted', reporterId: null, sourceRefType: 'appeal', sourceRefId: appeal.id });
    expect(c.title).toBe('噪声：夜里十一点还在打桩，吵得睡不着');
    expect(c.description).toContain('位置：东新路822号北门 (30.318100, 120.171900 WGS84)');
    expect(c.description).not.toContain('13812341234');
    const file = await t.db.selectFrom('files').select(['attachedType', 'attachedId']).where('id', '=', photo.id).executeTakeFirstOrThrow();
    expect(file).toEqual({ attachedType: 'case', attachedId: c.id });
    const notice = await t.db.selectFrom('notifications').selectAll().where('entityId', '=', c.id).execute();
    expect(notice.map((n) => n.userId)).toEqual([await userId(t, 'zy01')]);
    expect(notice[0]!.title).toContain('【居民诉求】');
    const audit = await t.db.selectFrom('auditLog').select(['action', 'actorName', 'actorRole']).where('entityId', 'in', [appeal.id, c.id]).execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'appeal.submitted', actorName: 'resident', actorRole: 'resident' }, { action: 'case.created', actorName: 'resident', actorRole: 'resident' }]));
  });

  it("ignores a staff session sent along: the appeal is still the public's, and the commissioner is still told", async () => {
    const zy01 = await signIn(t, 'zy01');
    const res = await zy01.post('/api/public/appeals', { ...noiseAppeal(p1), challenge: await solvedChallenge(zy01) });
    expect(res.statusCode).toBe(201);
    const c = await t.db.selectFrom('cases').select(['id', 'reporterId']).orderBy('createdAt', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(c.reporterId).toBeNull();
    const told = await t.db.selectFrom('notifications').select('userId').where('entityId', '=', c.id).execute();
    expect(told.map((n) => n.userId)).toEqual([await userId(t, 'zy01')]);
  });

  it('refuses a replayed, unsolved, tampered or expired challenge with 400 on body.challenge', async () => {
    const ch = await solvedChallenge(anon);
    expect((await anon.post('/api/public/appeals', { ...noiseAppeal(p1), challenge: ch })).statusCode).toBe(201);
    const again = await anon.post('/api/public/appeals', { ...noiseAppeal(p1), challenge: ch });
    expect(expectProblem(again, 400, 'VALIDATION_FAILED').errors).toEqual([{ path: 'body.challenge', message: 'this challenge has filed its appeal already' }]);
    const c = (await anon.get('/api/public/challenge')).json();
    for (const challenge of [{ token: c.token, nonce: 'nope' }, { token: c.token.replace(/.$/, (x: string) => (x === 'A' ? 'B' : 'A')), nonce: solveChallenge(c) }]) {
      expect(expectProblem(await anon.post('/api/public/appeals', { ...noiseAppeal(p1), challenge }), 400).errors?.[0]?.path).toBe('body.challenge');
    }
    const old = await solvedChallenge(anon);
    t.clock.advance(CHALLENGE_TTL_MS + 1000);
    expect(expectProblem(await anon.post('/api/public/appeals', { ...noiseAppeal(p1), challenge: old }), 400).detail).toContain('expired');
  });

  it('validates the body: 400 for missing or unknown fields, anonymous with contact, no location, unknown project or photo', async () => {
    const ch = await solvedChallenge(anon);
    const bad = async (body: object, path: string) => {
      const res = await anon.post('/api/public/appeals', { ...body, challenge: ch });
      expect([path, expectProblem(res, 400, 'VALIDATION_FAILED').errors?.map((e) => e.path)]).toEqual([path, expect.arrayContaining([path])]);
    };
    await bad({ ...noiseAppeal(p1), category: undefined }, 'body.category');
    await bad({ ...noiseAppeal(p1), category: 'aliens' }, 'body.category');
    await bad({ ...noiseAppeal(p1), description: '吵' }, 'body.description');
    await bad({ ...noiseAppeal(p1), handlerId: 'x' }, 'body.handlerId');
    await bad({ ...noiseAppeal(p1), anonymous: true }, 'body.anonymous');
    await bad({ ...noiseAppeal(p1), phone: '12345' }, 'body.phone');
    await bad({ category: 'dust', description: '工地扬尘很大，窗台全是灰' }, 'body.address');
    await bad({ ...noiseAppeal(p1), location: { lat: 95, lng: 120 } }, 'body.location.lat');
    await bad({ ...noiseAppeal('no-such-project') }, 'body.projectId');
    const other = await solvedChallenge(anon);
    const foreign = (await uploadPhoto(anon, other, await jpegWithGps())).json();
    await bad({ ...noiseAppeal(p1), photoIds: [foreign.id] }, 'body.photoIds');
    expectProblem(await anon.request({ method: 'POST', url: '/api/public/appeals', payload: 'x', headers: { 'content-type': 'text/plain' } }), 415);
  });

  it('without a project goes to the organisation department, who triage it to a project or dismiss it', async () => {
    const orgdept = await signIn(t, 'orgdept');
    const zy01 = await signIn(t, 'zy01');
    const filed = await fileAppeal(anon, { category: 'dust', description: '工地渣土车遗撒，路面全是泥', address: '石桥路某处', anonymous: true });
    expect(filed.status).toBe('triage');
    const appeal = await t.db.selectFrom('appeals').selectAll().where('state', '=', 'triage').orderBy('createdAt', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(appeal).toMatchObject({ caseId: null, projectId: null, anonymous: 1, contactName: null, phoneSealed: null });
    const told = await t.db.selectFrom('notifications').select('userId').where('entityId', '=', appeal.id).execute();
    expect(told.map((n) => n.userId)).toContain(await userId(t, 'orgdept'));
    expect((await anon.get(`/api/public/appeals/${filed.trackingCode}`)).json()).toMatchObject({ status: 'triage', project: null, canRate: false });

    const list = await orgdept.get('/api/v1/appeals?state=triage');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((a: { id: string }) => a.id)).toContain(appeal.id);
    expectProblem(await orgdept.get('/api/v1/appeals?state=lost'), 400, 'VALIDATION_FAILED');
    expectProblem(await zy01.get('/api/v1/appeals'), 403, 'FORBIDDEN');
    expectProblem(await anon.get('/api/v1/appeals'), 401, 'UNAUTHENTICATED');

    expectProblem(await zy01.post(`/api/v1/appeals/${appeal.id}/triage`, { projectId: p1 }), 403, 'FORBIDDEN');
    expectProblem(await orgdept.post(`/api/v1/appeals/${appeal.id}/triage`, { projectId: 'nope' }), 400, 'VALIDATION_FAILED');
    expectProblem(await orgdept.post(`/api/v1/appeals/${appeal.id}/triage`, {}), 400, 'VALIDATION_FAILED');
    expectProblem(await orgdept.post('/api/v1/appeals/no-such/triage', { projectId: p1 }), 404, 'NOT_FOUND');
    expectProblem(await orgdept.post(`/api/v1/appeals/${appeal.id}/triage`, { projectId: p1, version: 9 }), 409, 'STALE_VERSION');
    t.clock.advance(10 * 60_000);
    const triaged = await orgdept.post(`/api/v1/appeals/${appeal.id}/triage`, { projectId: p1 });
    expect(triaged.statusCode).toBe(200);
    expect(triaged.json()).toMatchObject({ state: 'case', project: { id: p1 } });
    expectProblem(await orgdept.post(`/api/v1/appeals/${appeal.id}/triage`, { projectId: p1 }), 409, 'CONFLICT');
    const status = (await anon.get(`/api/public/appeals/${filed.trackingCode}`)).json();
    expect(status).toMatchObject({ status: 'received', project: { name: '中大银泰城' } });
    expect(status.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'triaged']);
    expect((await zy01.get(`/api/v1/appeals/${appeal.id}`)).statusCode).toBe(200);

    const second = await fileAppeal(anon, { category: 'other', description: '小区门口垃圾没人清运', address: '某小区' });
    const row = await t.db.selectFrom('appeals').select('id').where('state', '=', 'triage').orderBy('createdAt', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expectProblem(await orgdept.post(`/api/v1/appeals/${row.id}/dismiss`, { reply: '' }), 400, 'VALIDATION_FAILED');
    expectProblem(await zy01.post(`/api/v1/appeals/${row.id}/dismiss`, { reply: '不属于重点项目' }), 403, 'FORBIDDEN');
    const dismissed = await orgdept.post(`/api/v1/appeals/${row.id}/dismiss`, { reply: '不属于重点项目施工问题，已转12345热线，咨询电话 0571-12345678' });
    expect(dismissed.json().state).toBe('dismissed');
    const shown = (await anon.get(`/api/public/appeals/${second.trackingCode}`)).json();
    expect(shown).toMatchObject({ status: 'dismissed', reply: '不属于重点项目施工问题，已转12345热线，咨询电话 0571-12345678', canRate: false });
    expect(shown.timeline.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'dismissed']);
    expectProblem(await orgdept.post(`/api/v1/appeals/${row.id}/dismiss`, { reply: '再次' }), 409, 'CONFLICT');
  });
});

describe('GET /api/public/appeals/:trackingCode and POST …/rating', () => {
  it('finds an appeal by its code as typed; unknown and malformed codes are the same 404; an over-long one 400', async () => {
    const { trackingCode } = await fileAppeal(anon, noiseAppeal(p1));
    const typed = trackingCode.toLowerCase().match(/.{1,4}/g)!.join('-');
    const res = await anon.get(`/api/public/appeals/${typed}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json().trackingCode).toBe(trackingCode);
    const unknown = expectProblem(await anon.get(`/api/public/appeals/${'A'.repeat(26)}`), 404, 'NOT_FOUND');
    const malformed = expectProblem(await anon.get('/api/public/appeals/hello'), 404, 'NOT_FOUND');
    expect(malformed.detail).toBe(unknown.detail);
    expectProblem(await anon.get(`/api/public/appeals/${'A'.repeat(65)}`), 400, 'VALIDATION_FAILED');
  });

  it('lets the resident rate once the case is closed, and an unsatisfied rating reopen it once', async () => {
    const zy01 = await signIn(t, 'zy01');
    const cgj = await signIn(t, 'cgj');
    const cgjUnit = await unitId(t, 'CGJ');
    const { trackingCode } = await fileAppeal(anon, noiseAppeal(p1));
    const url = `/api/public/appeals/${trackingCode}/rating`;
    expectProblem(await anon.post(url, { rating: 'satisfied' }), 409, 'CASE_ACTION_NOT_ALLOWED');
    const caseId = await caseOfCode(t, anon, trackingCode);
    await answerAndClose(caseId, zy01, cgj, cgjUnit);
    expect((await anon.get(`/api/public/appeals/${trackingCode}`)).json()).toMatchObject({ status: 'answered', canRate: true, canReopen: true });

    expectProblem(await anon.post(url, { rating: 'great' }), 400, 'VALIDATION_FAILED');
    expectProblem(await anon.post(url, { rating: 'satisfied', reopen: true }), 400, 'VALIDATION_FAILED');
    expectProblem(await anon.post(url, { rating: 'satisfied', extra: 1 }), 400, 'VALIDATION_FAILED');
    expectProblem(await anon.post(`/api/public/appeals/${'B'.repeat(26)}/rating`, { rating: 'satisfied' }), 404, 'NOT_FOUND');

    const rated = await anon.post(url, { rating: 'unsatisfied', comment: '晚上还是在打桩', reopen: true });
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ status: 'processing', rating: null, reply: null, canRate: false, canReopen: false });
    const c = await t.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ status: 'in_progress', reopenCount: 1, rating: null, clockState: 'running' });
    const kinds = await t.db.selectFrom('caseEvents').select(['kind', 'actorName']).where('caseId', '=', caseId).orderBy('seq').execute();
    expect(kinds.slice(-2)).toEqual([{ kind: 'rated', actorName: 'resident' }, { kind: 'reopened', actorName: 'resident' }]);
    const told = await t.db.selectFrom('notifications').select(['userId', 'kind']).where('entityId', '=', caseId).where('kind', 'in', ['case.rated-unsatisfied', 'case.reopened']).execute();
    expect(told).toEqual(expect.arrayContaining([{ userId: await userId(t, 'zy01'), kind: 'case.rated-unsatisfied' }, { userId: await userId(t, 'cgj'), kind: 'case.reopened' }]));

    // Handled again and closed: a second unsatisfied rating is recorded but cannot reopen it.
    await cgj.post(`/api/v1/cases/${caseId}/actions/answer`, { publicReply: '已复查，夜间施工已停止。' });
    await zy01.post(`/api/v1/cases/${caseId}/actions/verify`, { accept: true });
    expect((await anon.get(`/api/public/appeals/${trackingCode}`)).json()).toMatchObject({ canRate: true, canReopen: false, reply: '已复查，夜间施工已停止。' });
    expectProblem(await anon.post(url, { rating: 'unsatisfied', reopen: true }), 409, 'CASE_ACTION_NOT_ALLOWED');
    const final = await anon.post(url, { rating: 'basically_satisfied' });
    expect(final.json()).toMatchObject({ status: 'answered', rating: { rating: 'basically_satisfied', comment: null }, canRate: false });
    expectProblem(await anon.post(url, { rating: 'satisfied' }), 409, 'CASE_ACTION_NOT_ALLOWED');
  });
});

describe('rate limits per client address', () => {
  it('answers 429 past RATE_LIMIT_PUBLIC_PER_MINUTE, for found and unknown codes alike', async () => {
    const small = await createTestApp({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '3' } });
    try {
      const a = small.anonymous();
      for (let i = 0; i < 3; i++) expect((await a.get(`/api/public/appeals/${'C'.repeat(26)}`)).statusCode).toBe(404);
      const limited = expectProblem(await a.get(`/api/public/appeals/${'D'.repeat(26)}`), 429, 'RATE_LIMITED');
      expect(limited.detail).toMatch(/try again/);
      const other = small.anonymous();
      other.headers['x-forwarded-for'] = '203.0.113.9';
      for (let i = 0; i < 3; i++) await a.post('/api/public/appeals', {});
      expectProblem(await a.post('/api/public/appeals', {}), 429, 'RATE_LIMITED');
      expect((await a.get('/api/public/projects')).statusCode).toBe(200);
    } finally {
      await small.close();
    }
  });
});
