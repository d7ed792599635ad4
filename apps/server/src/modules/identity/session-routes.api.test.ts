/**
 * The 400 / 401 / 403 / 404 / 409 / 422 answers of the session routes that session.api.test.ts (the sign-in journey)
 * leaves out, and the optional second factor of an ordinary account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../kernel/auth/totp.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { errorPaths, expectProblem, freshTotpCode, signIn, startSignIn } from '../../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('without a session', () => {
  it('answers 401 UNAUTHENTICATED on every session route but sign-in', async () => {
    const anon = t.anonymous();
    for (const res of [
      await anon.get('/api/v1/session'),
      await anon.delete('/api/v1/session'),
      await anon.get('/api/v1/session/totp/setup'),
      await anon.post('/api/v1/session/totp', { code: '123456' }),
      await anon.post('/api/v1/session/totp/enable', { code: '123456' }),
      await anon.delete('/api/v1/session/totp', { password: 'x' }),
      await anon.post('/api/v1/session/password', { currentPassword: 'a', newPassword: 'b' }),
      await anon.get('/api/v1/sessions'),
      await anon.delete('/api/v1/sessions/abc'),
    ]) expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it('answers 401 SESSION_EXPIRED for a cookie that names no session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: 'liaison_session=forged-value' } });
    expectProblem(res, 401, 'SESSION_EXPIRED');
  });
});

describe('GET /api/v1/session', () => {
  it('describes the signed-in user, roles, permissions and unit', async () => {
    const c = await signIn(t, 'tianshui');
    const body = (await c.get('/api/v1/session')).json();
    expect(body).toMatchObject({ step: 'ok', roles: ['street_handler'], user: { username: 'tianshui', unit: { name: '天水街道', kind: 'street' } } });
    expect(body.permissions).toEqual(expect.arrayContaining(['project.read', 'project.export', 'unit.read']));
    expect(body.permissions).not.toContain('user.manage');
    expect(body.units).toEqual([body.user.unit]);
    expect(Date.parse(body.expiresAt) - t.clock.now().getTime()).toBe(12 * 3_600_000);
  });
});

describe('mid-way through signing in', () => {
  it('shows the session with no permissions and refuses a password change before the second factor', async () => {
    await signIn(t, 'secadmin');
    const mid = await startSignIn(t, 'secadmin');
    expect(mid.step).toBe('totp');
    expect((await mid.get('/api/v1/session')).json()).toMatchObject({ step: 'totp', permissions: [], roles: ['security_admin'] });
    expectProblem(await mid.get('/api/v1/audit'), 401, 'MFA_REQUIRED');
    expectProblem(await mid.post('/api/v1/session/password', { currentPassword: 'Liaison#2026', newPassword: 'Another#Pass-2026' }), 401, 'MFA_REQUIRED');
    expectProblem(await mid.post('/api/v1/session/totp', { code: '000000' }), 401, 'INVALID_TOTP');
    const ok = await mid.post('/api/v1/session/totp', { code: await freshTotpCode(t, 'secadmin') });
    expect(ok.json().step).toBe('ok');
    expect((await mid.get('/api/v1/audit?pageSize=1')).statusCode).toBe(200);
  });
});

describe('POST /api/v1/session/totp', () => {
  it('answers 400 for a code that is not six digits and 409 when no code is expected', async () => {
    const c = await signIn(t, 'zy18');
    for (const code of ['12345', '1234567', 'abcdef']) expect(errorPaths(await c.post('/api/v1/session/totp', { code }))).toEqual(['body.code']);
    expectProblem(await c.post('/api/v1/session/totp', { code: '123456' }), 409, 'CONFLICT');
  });
});

describe('the optional second factor of an ordinary account', () => {
  it('is set up, asked for at the next sign-in, and turned off with the password', async () => {
    const c = await signIn(t, 'zy19');
    expectProblem(await c.post('/api/v1/session/totp/enable', { code: '123456' }), 409, 'CONFLICT');
    const setup = (await c.get('/api/v1/session/totp/setup')).json();
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.otpauthUrl).toBe(`otpauth://totp/Liaison%3Azy19?secret=${setup.secret}&issuer=Liaison&algorithm=SHA1&digits=6&period=30`);
    expect(errorPaths(await c.post('/api/v1/session/totp/enable', { code: 'x' }))).toEqual(['body.code']);
    const wrong = String((Number(totpCode(setup.secret, t.clock.now())) + 500_000) % 1_000_000).padStart(6, '0');
    expectProblem(await c.post('/api/v1/session/totp/enable', { code: wrong }), 401, 'INVALID_TOTP');
    const on = await c.post('/api/v1/session/totp/enable', { code: totpCode(setup.secret, t.clock.now()) });
    expect(on.json()).toMatchObject({ step: 'ok', user: { totpEnabled: true } });
    expectProblem(await c.get('/api/v1/session/totp/setup'), 409, 'CONFLICT');

    expect((await startSignIn(t, 'zy19')).step).toBe('totp');

    expect(errorPaths(await c.delete('/api/v1/session/totp', {}))).toEqual(['body.password']);
    const badPassword = await c.delete('/api/v1/session/totp', { password: 'Wrong#Password-1' });
    expect(expectProblem(badPassword, 422, 'RULE_VIOLATED').errors).toEqual([{ path: 'password', message: 'wrong password' }]);
    expect((await c.delete('/api/v1/session/totp', { password: 'Liaison#2026' })).statusCode).toBe(204);
    expect((await startSignIn(t, 'zy19')).step).toBe('ok');
  });

  it('may not be turned off by the roles that require it (422)', async () => {
    const admin = await signIn(t, 'admin');
    expectProblem(await admin.delete('/api/v1/session/totp', { password: 'Liaison#2026' }), 422, 'RULE_VIOLATED');
    expectProblem(await admin.get('/api/v1/session/totp/setup'), 409, 'CONFLICT');
  });
});

describe('POST /api/v1/session/password', () => {
  it('answers 400 for a missing or unknown field', async () => {
    const c = await signIn(t, 'zy21');
    expect(errorPaths(await c.post('/api/v1/session/password', { currentPassword: 'Liaison#2026' }))).toEqual(['body.newPassword']);
    expect(errorPaths(await c.post('/api/v1/session/password', { currentPassword: 'a', newPassword: 'b', username: 'x' }))).toEqual(['body.username']);
  });
});

describe('DELETE /api/v1/sessions/:id', () => {
  it("answers 404 for another user's session and 400 for a malformed id", async () => {
    const mine = await signIn(t, 'zy22');
    const theirs = await signIn(t, 'zy23');
    const theirId = (await theirs.get('/api/v1/sessions')).json()[0].id;
    expectProblem(await mine.delete(`/api/v1/sessions/${theirId}`), 404, 'NOT_FOUND');
    expect((await theirs.get('/api/v1/session')).statusCode).toBe(200);
    expectProblem(await mine.delete(`/api/v1/sessions/${'s'.repeat(65)}`), 400, 'VALIDATION_FAILED');
  });

  it('lists sessions without exposing the cookie value', async () => {
    const c = await signIn(t, 'zy24');
    const list = (await c.get('/api/v1/sessions')).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ current: true, ip: '127.0.0.1', userAgent: 'lightMyRequest' });
    expect(c.cookie!.split('=')[1]).not.toBe(list[0].id);
    expect(list[0].id).toMatch(/^[0-9a-f]{64}$/);
  });
});
