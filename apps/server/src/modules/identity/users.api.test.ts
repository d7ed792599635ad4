import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import {
  GOOD_PASSWORD, OTHER_PASSWORD, createActiveUser, createUser, errorPaths, expectProblem, signIn, startSignIn, uniq, unitId,
} from '../../../test/factories.js';

let t: TestApp;
let admin: Client;
let leader: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, 'admin');
  leader = await signIn(t, 'leader');
});
afterAll(async () => t.close());

const signInRaw = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });

describe('GET /api/v1/users', () => {
  it('needs a signed-in caller (401) with user.manage (403)', async () => {
    expectProblem(await t.anonymous().get('/api/v1/users'), 401, 'UNAUTHENTICATED');
    expectProblem(await leader.get('/api/v1/users'), 403, 'FORBIDDEN');
  });

  it('rejects unknown and out-of-range query parameters (400)', async () => {
    const unknown = await admin.get('/api/v1/users?password=x');
    expectProblem(unknown, 400, 'VALIDATION_FAILED');
    expect(errorPaths(unknown)).toEqual(['querystring.password']);
    expect(errorPaths(await admin.get('/api/v1/users?pageSize=201'))).toEqual(['querystring.pageSize']);
    expect(errorPaths(await admin.get('/api/v1/users?role=king'))).toEqual(['querystring.role']);
    expect(errorPaths(await admin.get('/api/v1/users?sort=passwordHash'))).toEqual(['querystring.sort']);
  });

  it('filters by text, role and unit, sorts both ways and pages with a total', async () => {
    const zy = (await admin.get('/api/v1/users?q=zy0&sort=username')).json();
    expect(zy.total).toBe(9);
    expect(zy.items.map((u: { username: string }) => u.username)).toEqual(['zy01', 'zy02', 'zy03', 'zy04', 'zy05', 'zy06', 'zy07', 'zy08', 'zy09']);
    const desc = (await admin.get('/api/v1/users?q=zy0&sort=-username&pageSize=2&page=2')).json();
    expect(desc).toMatchObject({ total: 9, page: 2, pageSize: 2 });
    expect(desc.items.map((u: { username: string }) => u.username)).toEqual(['zy07', 'zy06']);

    const auditors = (await admin.get('/api/v1/users?role=auditor')).json();
    expect(auditors.items.map((u: { username: string; roles: string[] }) => [u.username, u.roles])).toEqual([['auditor', ['auditor']]]);

    const ts = await unitId(t, 'TS');
    const inTs = (await admin.get(`/api/v1/users?unitId=${ts}&sort=username`)).json();
    expect(inTs.items.map((u: { username: string }) => u.username)).toEqual(['gb01', 'gb02', 'gb03', 'gb04', 'gb05', 'gb06', 'tianshui']);
    expect(inTs.items[6].unit).toEqual({ id: ts, name: '天水街道', kind: 'street' });
  });

  it('never shows a password hash or a TOTP secret', async () => {
    const res = await admin.get('/api/v1/users?q=admin');
    expect(res.body).not.toMatch(/argon2|passwordHash|totpSecret/);
    expect(res.json().items[0]).toMatchObject({ username: 'admin', totpEnabled: true, roles: ['system_admin'] });
  });
});

describe('GET /api/v1/users/:id', () => {
  it('answers 200 with the user, 404 for an unknown id, 400 for a malformed one, 403/401 for others', async () => {
    const u = await createUser(admin, { roles: ['leader'] });
    const res = await admin.get(`/api/v1/users/${u.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: u.id, username: u.username, roles: ['leader'], isActive: true, mustChangePassword: true, version: 1 });
    expectProblem(await admin.get('/api/v1/users/00000000-0000-7000-8000-000000000000'), 404, 'NOT_FOUND');
    expectProblem(await admin.get(`/api/v1/users/${'x'.repeat(65)}`), 400, 'VALIDATION_FAILED');
    expectProblem(await leader.get(`/api/v1/users/${u.id}`), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().get(`/api/v1/users/${u.id}`), 401);
  });
});

describe('POST /api/v1/users', () => {
  const body = (over: Record<string, unknown> = {}) => ({ username: uniq('new'), displayName: '新用户', roles: ['commissioner'], password: GOOD_PASSWORD, ...over });

  it('creates a user who must change the password at first sign-in (201)', async () => {
    const zzb = await unitId(t, 'ZZB');
    const res = await admin.post('/api/v1/users', body({ unitId: zzb, phone: '13800000000', email: 'new@example.cn' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      displayName: '新用户', roles: ['commissioner'], unit: { id: zzb, name: '区委组织部' }, phone: '13800000000', email: 'new@example.cn',
      isActive: true, mustChangePassword: true, totpEnabled: false, lastSignInAt: null, version: 1,
    });
  });

  it('rejects bad input with field paths (400): unknown field, bad username, no roles, unknown unit', async () => {
    const unknown = await admin.post('/api/v1/users', { ...body(), isAdmin: true });
    expectProblem(unknown, 400, 'VALIDATION_FAILED');
    expect(errorPaths(unknown)).toEqual(['body.isAdmin']);
    expect(errorPaths(await admin.post('/api/v1/users', body({ username: 'Bad Name' })))).toEqual(['body.username']);
    expect(errorPaths(await admin.post('/api/v1/users', body({ roles: [] })))).toEqual(['body.roles']);
    expect(errorPaths(await admin.post('/api/v1/users', body({ roles: ['emperor'] })))).toEqual(['body.roles.0']);
    const unit = await admin.post('/api/v1/users', body({ unitId: 'no-such-unit' }));
    expectProblem(unit, 400, 'VALIDATION_FAILED');
    expect(errorPaths(unit)).toEqual(['unitId']);
  });

  it('enforces the password policy (422 WEAK_PASSWORD at path "password")', async () => {
    for (const [password, message] of [
      ['Ab1!', 'at least 10 characters'],
      ['alllowercaseletters', 'at least 3 of: lowercase, uppercase, digit, symbol'],
      ['Password123!', 'too common'],
    ] as const) {
      const res = await admin.post('/api/v1/users', body({ password }));
      const problem = expectProblem(res, 422, 'WEAK_PASSWORD');
      expect(problem.errors).toContainEqual({ path: 'password', message });
    }
    const name = uniq('kate');
    const withName = await admin.post('/api/v1/users', body({ username: name, password: `X-${name}-2026` }));
    expect(expectProblem(withName, 422, 'WEAK_PASSWORD').errors).toEqual([{ path: 'password', message: 'must not contain the username' }]);
    expect((await admin.get(`/api/v1/users?q=${name}`)).json().total).toBe(0);
  });

  it('refuses two of the separated admin roles on one account (422 ADMIN_ROLES_SEPARATED)', async () => {
    for (const roles of [['system_admin', 'auditor'], ['security_admin', 'auditor'], ['system_admin', 'security_admin', 'leader']]) {
      const res = await admin.post('/api/v1/users', body({ roles }));
      const problem = expectProblem(res, 422, 'ADMIN_ROLES_SEPARATED');
      expect(problem.errors).toEqual([{ path: 'roles', message: 'at most one of system_admin, security_admin, auditor' }]);
    }
    expect((await admin.post('/api/v1/users', body({ roles: ['auditor'] }))).statusCode).toBe(201);
  });

  it('refuses a username that is taken (409 DUPLICATE)', async () => {
    const res = await admin.post('/api/v1/users', body({ username: 'zy01' }));
    expect(expectProblem(res, 409, 'DUPLICATE').errors).toEqual([{ path: 'username', message: 'taken' }]);
  });

  it('is for the system admin only (403) and needs a session (401)', async () => {
    expectProblem(await leader.post('/api/v1/users', body()), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().post('/api/v1/users', body()), 401);
  });
});

describe('first sign-in of a new user', () => {
  it('asks for a new password and refuses every other call until it is changed', async () => {
    const u = await createUser(admin, { roles: ['leader'] });
    const c = await startSignIn(t, u.username, u.password);
    expect(c.step).toBe('change_password');
    const session = await c.get('/api/v1/session');
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ step: 'change_password', permissions: [], roles: ['leader'] });
    expectProblem(await c.get('/api/v1/projects'), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectProblem(await c.post('/api/v1/tokens', { name: 'early' }), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectProblem(await c.get('/api/v1/units'), 403, 'PASSWORD_CHANGE_REQUIRED');

    const same = await c.post('/api/v1/session/password', { currentPassword: u.password, newPassword: u.password });
    expect(expectProblem(same, 422, 'WEAK_PASSWORD').errors).toEqual([{ path: 'newPassword', message: 'must differ from the current password' }]);
    const changed = await c.post('/api/v1/session/password', { currentPassword: u.password, newPassword: OTHER_PASSWORD });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().step).toBe('ok');
    expect(changed.json().permissions).toContain('project.read');
    expect((await c.get('/api/v1/projects')).json().total).toBe(26);
    expect((await admin.get(`/api/v1/users/${u.id}`)).json().mustChangePassword).toBe(false);
    expect((await startSignIn(t, u.username, OTHER_PASSWORD)).step).toBe('ok');
  });
});

describe('PATCH /api/v1/users/:id', () => {
  it('edits a user, bumps the version and refuses a stale version (409 STALE_VERSION)', async () => {
    const u = await createUser(admin, { roles: ['leader'] });
    const ok = await admin.patch(`/api/v1/users/${u.id}`, { version: 1, displayName: '改名了', roles: ['org_admin', 'leader'], phone: '0571-1' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: '改名了', roles: ['leader', 'org_admin'], phone: '0571-1', version: 2 });
    const stale = await admin.patch(`/api/v1/users/${u.id}`, { version: 1, displayName: '又改了' });
    expectProblem(stale, 409, 'STALE_VERSION');
    expect((await admin.get(`/api/v1/users/${u.id}`)).json().displayName).toBe('改名了');
  });

  it('answers 400 without a version or with an unknown field, 404 for an unknown user, 403 for a non-admin', async () => {
    const u = await createUser(admin);
    expect(errorPaths(await admin.patch(`/api/v1/users/${u.id}`, { displayName: 'x' }))).toEqual(['body.version']);
    expect(errorPaths(await admin.patch(`/api/v1/users/${u.id}`, { version: 1, username: 'root' }))).toEqual(['body.username']);
    expectProblem(await admin.patch('/api/v1/users/no-such-user', { version: 1, displayName: 'x' }), 404, 'NOT_FOUND');
    expectProblem(await leader.patch(`/api/v1/users/${u.id}`, { version: 1, displayName: 'x' }), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().patch(`/api/v1/users/${u.id}`, { version: 1, displayName: 'x' }), 401);
  });

  it('keeps the admin roles separated on edit too, and an admin cannot disable themself', async () => {
    const u = await createUser(admin, { roles: ['auditor'] });
    expectProblem(await admin.patch(`/api/v1/users/${u.id}`, { version: 1, roles: ['auditor', 'security_admin'] }), 422, 'ADMIN_ROLES_SEPARATED');
    const me = (await admin.get('/api/v1/session')).json().user;
    expectProblem(await admin.patch(`/api/v1/users/${me.id}`, { version: me.version, isActive: false }), 422, 'RULE_VIOLATED');
  });

  it('disabling a user ends their sessions and stops their sign-in; enabling lets them back', async () => {
    const { user, client } = await createActiveUser(t, admin, { roles: ['leader'] });
    const second = await signIn(t, user.username, user.password);
    const version = (await admin.get(`/api/v1/users/${user.id}`)).json().version;
    const off = await admin.patch(`/api/v1/users/${user.id}`, { version, isActive: false });
    expect(off.json()).toMatchObject({ isActive: false, version: version + 1 });
    for (const c of [client, second]) expectProblem(await c.get('/api/v1/projects'), 401, 'SESSION_EXPIRED');
    expectProblem(await signInRaw(user.username, user.password), 401, 'INVALID_CREDENTIALS');
    const disabled = (await admin.get('/api/v1/users?isActive=false')).json();
    expect(disabled.items.map((x: { id: string }) => x.id)).toContain(user.id);

    expect((await admin.patch(`/api/v1/users/${user.id}`, { version: version + 1, isActive: true })).statusCode).toBe(200);
    expect((await signInRaw(user.username, user.password)).statusCode).toBe(200);
  });
});

describe('POST /api/v1/users/:id/password (reset)', () => {
  it('sets a new password, ends the sessions and makes the user change it at sign-in', async () => {
    const { user, client } = await createActiveUser(t, admin);
    const reset = await admin.post(`/api/v1/users/${user.id}/password`, { password: 'Temporary#Pass-99' });
    expect(reset.statusCode).toBe(204);
    expect(reset.body).toBe('');
    expectProblem(await client.get('/api/v1/session'), 401, 'SESSION_EXPIRED');
    expectProblem(await signInRaw(user.username, user.password), 401, 'INVALID_CREDENTIALS');
    const again = await startSignIn(t, user.username, 'Temporary#Pass-99');
    expect(again.step).toBe('change_password');
  });

  it('answers 422 for a weak password, 404 for an unknown user, 400 for a bad body, 403 for a non-admin', async () => {
    const u = await createUser(admin);
    expectProblem(await admin.post(`/api/v1/users/${u.id}/password`, { password: 'short' }), 422, 'WEAK_PASSWORD');
    expectProblem(await admin.post('/api/v1/users/no-such-user/password', { password: 'Temporary#Pass-99' }), 404, 'NOT_FOUND');
    expect(errorPaths(await admin.post(`/api/v1/users/${u.id}/password`, {}))).toEqual(['body.password']);
    expectProblem(await leader.post(`/api/v1/users/${u.id}/password`, { password: 'Temporary#Pass-99' }), 403, 'FORBIDDEN');
  });
});

describe('POST /api/v1/users/:id/unlock', () => {
  it('lifts a lockout so the user can sign in at once', async () => {
    const { user } = await createActiveUser(t, admin);
    for (let i = 0; i < 5; i++) expectProblem(await signInRaw(user.username, 'Wrong#Password-1'), 401, 'INVALID_CREDENTIALS');
    expectProblem(await signInRaw(user.username, user.password), 423, 'ACCOUNT_LOCKED');
    expect((await admin.post(`/api/v1/users/${user.id}/unlock`)).statusCode).toBe(204);
    expect((await signInRaw(user.username, user.password)).statusCode).toBe(200);
  });

  it('answers 404 for an unknown user and 403 for a non-admin', async () => {
    expectProblem(await admin.post('/api/v1/users/no-such-user/unlock'), 404, 'NOT_FOUND');
    const u = await createUser(admin);
    expectProblem(await leader.post(`/api/v1/users/${u.id}/unlock`), 403, 'FORBIDDEN');
  });
});

describe('staff directory', () => {
  it('finds active people by name and role for any staff member, without contact details', async () => {
    const org = await signIn(t, 'orgdept');
    const res = await org.get('/api/v1/directory?q=zy0&role=commissioner&limit=5');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveLength(5);
    expect(res.json()[0]).toEqual({ id: expect.any(String), displayName: expect.any(String), username: 'zy01', unit: expect.objectContaining({ name: '区委组织部' }), roles: ['commissioner'] });
    expect(res.json()[0].phone).toBeUndefined();
    expect((await org.get('/api/v1/directory?limit=500')).statusCode).toBe(400);
    expect((await (await signIn(t, 'auditor')).get('/api/v1/directory')).statusCode).toBe(403);
  });
});
