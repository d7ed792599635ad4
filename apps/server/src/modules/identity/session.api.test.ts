import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../kernel/auth/totp.js';
import { cookieFrom, createTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const signIn = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });

describe('sign-in', () => {
  it('signs a commissioner in with a session cookie and a CSRF token', async () => {
    const res = await signIn('zy01', 'Liaison#2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.step).toBe('ok');
    expect(body.roles).toEqual(['commissioner']);
    expect(body.csrfToken).toMatch(/.{20,}/);
    const c = res.cookies.find((x) => x.name === 'liaison_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
  });

  it('gives a fresh session id at every sign-in', async () => {
    const a = cookieFrom(await signIn('zy02', 'Liaison#2026'));
    const b = cookieFrom(await signIn('zy02', 'Liaison#2026'));
    expect(a).not.toBe(b);
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const wrong = await signIn('zy03', 'Wrong#Password1');
    const unknown = await signIn('nobody-here', 'Wrong#Password1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('locks an account after 5 failures for 15 minutes with 423, existing or not', async () => {
    for (const user of ['zy04', 'ghost-user']) {
      for (let i = 0; i < 5; i++) expect((await signIn(user, 'Wrong#Password1')).statusCode).toBe(401);
      const locked = await signIn(user, user === 'zy04' ? 'Liaison#2026' : 'Wrong#Password1');
      expect(locked.statusCode).toBe(423);
      expect(locked.headers['content-type']).toContain('application/problem+json');
      expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    }
    t.clock.advance(15 * 60_000 + 1000);
    expect((await signIn('zy04', 'Liaison#2026')).statusCode).toBe(200);
  });

  it('rejects unknown fields and missing fields with field paths', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'zy01', password: 'x', admin: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('body.admin');
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'zy01' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('body.password');
  });

  it('refuses a non-JSON body with 415 and a huge one with 413', async () => {
    const text = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(415);
    const big = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'x', password: 'y'.repeat(2_000_000) } });
    expect(big.statusCode).toBe(413);
  });
});

describe('session use', () => {
  it('requires the CSRF token on state-changing requests made with the cookie', async () => {
    const c = await t.signInAs('zy05');
    const without = await c.request({ method: 'POST', url: '/api/v1/tokens', payload: { name: 'x' }, headers: { 'x-csrf-token': 'nope' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_FAILED');
    expect((await c.post('/api/v1/tokens', { name: 'x' })).statusCode).toBe(201);
  });

  it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
    const c = await t.signInAs('zy06');
    t.clock.advance(29 * 60_000);
    expect((await c.get('/api/v1/session')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const idle = await c.get('/api/v1/projects');
    expect(idle.statusCode).toBe(401);
    expect(idle.json().code).toBe('SESSION_EXPIRED');
    const d = await t.signInAs('zy06');
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60_000);
      await d.get('/api/v1/session');
    }
    expect((await d.get('/api/v1/session')).statusCode).toBe(401);
  });

  it('lists my sessions and ends one of them', async () => {
    const a = await t.signInAs('zy07');
    const b = await t.signInAs('zy07');
    const list = (await a.get('/api/v1/sessions')).json();
    expect(list.length).toBe(2);
    const other = list.find((s: { current: boolean }) => !s.current);
    expect((await a.delete(`/api/v1/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await b.get('/api/v1/session')).statusCode).toBe(401);
    expect((await a.delete(`/api/v1/sessions/${other.id}`)).statusCode).toBe(404);
  });

  it('signs out', async () => {
    const c = await t.signInAs('zy08');
    expect((await c.delete('/api/v1/session')).statusCode).toBe(204);
    expect((await c.get('/api/v1/session')).statusCode).toBe(401);
  });
});

describe('second factor', () => {
  it('makes the admin enrol TOTP before anything else, then asks for a code at every sign-in', async () => {
    const first = await signIn('admin', 'Liaison#2026');
    expect(first.json().step).toBe('totp_enrol');
    const cookie = cookieFrom(first)!;
    const csrf = first.json().csrfToken;
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('MFA_ENROLMENT_REQUIRED');
    const setup = (await t.app.inject({ method: 'GET', url: '/api/v1/session/totp/setup', headers: { cookie } })).json();
    expect(setup.otpauthUrl).toContain('otpauth://totp/');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/session/totp/enable', headers: { cookie, 'x-csrf-token': csrf }, payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(401);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/session/totp/enable', headers: { cookie, 'x-csrf-token': csrf }, payload: { code: totpCode(setup.secret, t.clock.now()) } });
    expect(ok.json().step).toBe('ok');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie } })).statusCode).toBe(200);

    t.clock.advance(60_000);
    const again = await signIn('admin', 'Liaison#2026');
    expect(again.json().step).toBe('totp');
    const c2 = cookieFrom(again)!;
    const h = { cookie: c2, 'x-csrf-token': again.json().csrfToken };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: c2 } })).json().code).toBe('MFA_REQUIRED');
    const code = totpCode(setup.secret, t.clock.now());
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session/totp', headers: h, payload: { code } })).json().step).toBe('ok');
    // The same code cannot be replayed in another session.
    const third = await signIn('admin', 'Liaison#2026');
    const h3 = { cookie: cookieFrom(third)!, 'x-csrf-token': third.json().csrfToken };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session/totp', headers: h3, payload: { code } })).statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('changes a password under the policy and ends the other sessions', async () => {
    const a = await t.signInAs('zy09');
    const b = await t.signInAs('zy09');
    const weak = await a.post('/api/v1/session/password', { currentPassword: 'Liaison#2026', newPassword: 'password123' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    expect(weak.json().errors.every((e: { path: string }) => e.path === 'newPassword')).toBe(true);
    const wrongCurrent = await a.post('/api/v1/session/password', { currentPassword: 'nope', newPassword: 'Str0ng&Longer!' });
    expect(wrongCurrent.statusCode).toBe(422);
    expect(wrongCurrent.json().errors[0].path).toBe('currentPassword');
    const ok = await a.post('/api/v1/session/password', { currentPassword: 'Liaison#2026', newPassword: 'Str0ng&Longer!' });
    expect(ok.statusCode).toBe(200);
    expect((await b.get('/api/v1/session')).statusCode).toBe(401);
    expect((await signIn('zy09', 'Str0ng&Longer!')).statusCode).toBe(200);
  });
});
