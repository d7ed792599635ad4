import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { createActiveUser, errorPaths, expectProblem, signIn } from '../../../test/factories.js';

// Tests here move the clock (token expiry), so each signs in the sessions it needs.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const bearer = (token: string, opts: { method?: 'GET' | 'POST' | 'DELETE'; url: string; payload?: unknown }) =>
  t.app.inject({ method: opts.method ?? 'GET', url: opts.url, headers: { authorization: `Bearer ${token}` }, ...(opts.payload ? { payload: opts.payload as object } : {}) });

describe('POST /api/v1/tokens', () => {
  it('shows the token once; the list shows its prefix only and nothing but a hash is stored', async () => {
    const zy = await signIn(t, 'zy10');
    const res = await zy.post('/api/v1/tokens', { name: '数据对接', expiresInDays: 30 });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.token).toMatch(/^lsn_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: '数据对接', prefix: created.token.slice(0, 8), revokedAt: null, lastUsedAt: null });
    expect(Date.parse(created.expiresAt) - t.clock.now().getTime()).toBe(30 * 86_400_000);

    const list = await zy.get('/api/v1/tokens');
    expect(list.json()).toEqual([{ id: created.id, name: '数据对接', prefix: created.prefix, createdAt: created.createdAt, lastUsedAt: null, expiresAt: created.expiresAt, revokedAt: null }]);
    expect(list.body).not.toContain(created.token);
    const row = await t.db.selectFrom('apiTokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 400 for a bad body, 403 for roles without token.manage, 401 without a session', async () => {
    const zy = await signIn(t, 'zy11');
    expect(errorPaths(await zy.post('/api/v1/tokens', { name: '' }))).toEqual(['body.name']);
    expect(errorPaths(await zy.post('/api/v1/tokens', { name: 'x', expiresInDays: 0 }))).toEqual(['body.expiresInDays']);
    expect(errorPaths(await zy.post('/api/v1/tokens', { name: 'x', scope: 'all' }))).toEqual(['body.scope']);
    for (const who of ['gb02', 'sg02', 'auditor']) expectProblem(await (await signIn(t, who)).post('/api/v1/tokens', { name: 'x' }), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().post('/api/v1/tokens', { name: 'x' }), 401, 'UNAUTHENTICATED');
  });
});

describe('Bearer tokens', () => {
  it("work without a cookie or CSRF token and carry the owner's roles and scope", async () => {
    const zy = await signIn(t, 'zy01');
    const { token } = (await zy.post('/api/v1/tokens', { name: 'integration' })).json();
    const projects = await bearer(token, { url: '/api/v1/projects' });
    expect(projects.statusCode).toBe(200);
    expect(projects.json().items.map((p: { name: string }) => p.name)).toEqual(['中大银泰城']);
    // A write with the token alone: no X-CSRF-Token needed.
    const made = await bearer(token, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'made by token' } });
    expect(made.statusCode).toBe(201);
    // The owner's roles, not more.
    expectProblem(await bearer(token, { url: '/api/v1/users' }), 403, 'FORBIDDEN');
    expectProblem(await bearer(token, { url: '/api/v1/audit' }), 403, 'FORBIDDEN');
    const names = (await zy.get('/api/v1/tokens')).json().map((x: { name: string }) => x.name);
    expect(names).toEqual(expect.arrayContaining(['integration', 'made by token']));
  });

  it('records when a token was last used', async () => {
    const leader = await signIn(t, 'leader');
    const { id, token } = (await leader.post('/api/v1/tokens', { name: 'usage' })).json();
    await bearer(token, { url: '/api/v1/projects' });
    const listed = (await leader.get('/api/v1/tokens')).json().find((x: { id: string }) => x.id === id);
    expect(listed.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it('an unknown, revoked or expired token gets 401', async () => {
    const zy = await signIn(t, 'zy12');
    expectProblem(await bearer('lsn_not-a-real-token', { url: '/api/v1/projects' }), 401, 'UNAUTHENTICATED');

    const revoked = (await zy.post('/api/v1/tokens', { name: 'to revoke' })).json();
    expect((await bearer(revoked.token, { url: '/api/v1/projects' })).statusCode).toBe(200);
    expect((await zy.delete(`/api/v1/tokens/${revoked.id}`)).statusCode).toBe(204);
    expectProblem(await bearer(revoked.token, { url: '/api/v1/projects' }), 401, 'UNAUTHENTICATED');
    const listed = (await zy.get('/api/v1/tokens')).json().find((x: { id: string }) => x.id === revoked.id);
    expect(listed.revokedAt).toBe(t.clock.now().toISOString());

    const expiring = (await zy.post('/api/v1/tokens', { name: 'one day', expiresInDays: 1 })).json();
    expect((await bearer(expiring.token, { url: '/api/v1/projects' })).statusCode).toBe(200);
    t.clock.advance(86_400_000 + 1000);
    expectProblem(await bearer(expiring.token, { url: '/api/v1/projects' }), 401, 'UNAUTHENTICATED');
  });

  it("stops working when its owner is disabled", async () => {
    const admin = await signIn(t, 'admin');
    const { user, client } = await createActiveUser(t, admin, { roles: ['leader'] });
    const { token } = (await client.post('/api/v1/tokens', { name: 'owner goes' })).json();
    expect((await bearer(token, { url: '/api/v1/projects' })).statusCode).toBe(200);
    const version = (await admin.get(`/api/v1/users/${user.id}`)).json().version;
    expect((await admin.patch(`/api/v1/users/${user.id}`, { version, isActive: false })).statusCode).toBe(200);
    expectProblem(await bearer(token, { url: '/api/v1/projects' }), 401);
  });
});

describe('DELETE /api/v1/tokens/:id', () => {
  it("answers 404 for another user's token, an unknown one, or one already revoked", async () => {
    const a = await signIn(t, 'zy13');
    const b = await signIn(t, 'zy14');
    const mine = (await a.post('/api/v1/tokens', { name: 'mine' })).json();
    expectProblem(await b.delete(`/api/v1/tokens/${mine.id}`), 404, 'NOT_FOUND');
    expect((await bearer(mine.token, { url: '/api/v1/projects' })).statusCode).toBe(200);
    expectProblem(await a.delete('/api/v1/tokens/no-such-token'), 404, 'NOT_FOUND');
    expect((await a.delete(`/api/v1/tokens/${mine.id}`)).statusCode).toBe(204);
    expectProblem(await a.delete(`/api/v1/tokens/${mine.id}`), 404, 'NOT_FOUND');
  });

  it('answers 400 for a malformed id, 403 without token.manage, 401 without a session', async () => {
    const a = await signIn(t, 'zy15');
    expectProblem(await a.delete(`/api/v1/tokens/${'t'.repeat(65)}`), 400, 'VALIDATION_FAILED');
    expectProblem(await (await signIn(t, 'gb03')).delete('/api/v1/tokens/whatever'), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().delete('/api/v1/tokens/whatever'), 401);
  });
});

describe('GET /api/v1/tokens', () => {
  it('lists only my own tokens, newest first', async () => {
    const a = await signIn(t, 'zy16');
    const b = await signIn(t, 'zy17');
    await a.post('/api/v1/tokens', { name: 'first' });
    t.clock.advance(1000);
    await a.post('/api/v1/tokens', { name: 'second' });
    await b.post('/api/v1/tokens', { name: 'not yours' });
    expect((await a.get('/api/v1/tokens')).json().map((x: { name: string }) => x.name)).toEqual(['second', 'first']);
    expectProblem(await (await signIn(t, 'sg03')).get('/api/v1/tokens'), 403, 'FORBIDDEN');
  });
});
