import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashOf } from '../../kernel/audit/audit.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { GOOD_PASSWORD, OTHER_PASSWORD, createUser, errorPaths, expectProblem, signIn, startSignIn, uniq, userId } from '../../../test/factories.js';

let t: TestApp;
let admin: Client;
let auditor: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, 'admin');
  auditor = await signIn(t, 'auditor');
});
afterAll(async () => t.close());

type AuditRecord = {
  seq: number; id: string; at: string; actorId: string | null; actorName: string | null; actorRole: string | null; action: string;
  entityType: string; entityId: string | null; changes: any; ip: string | null; userAgent: string | null; requestId: string | null; hash: string;
};
const auditOf = async (query: string): Promise<{ items: AuditRecord[]; total: number; page: number; pageSize: number }> => {
  const res = await auditor.get(`/api/v1/audit${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
/** The audit rows of one entity, oldest first. */
const rowsFor = async (entityId: string) => (await auditOf(`?entityId=${encodeURIComponent(entityId)}&sort=seq&pageSize=200`)).items;
const rid = () => uniq('req-');
const signInRaw = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });

describe('every state change leaves an audit row', () => {
  it('records user administration with actor, past-tense action, entity, before/after, ip and request id', async () => {
    const adminId = await userId(t, 'admin');
    const ids = { create: rid(), update: rid(), disable: rid(), reset: rid(), unlock: rid() };
    const username = uniq('aud');
    const created = await admin.post('/api/v1/users', { username, displayName: '审计对象', roles: ['leader'], password: GOOD_PASSWORD }, { 'x-request-id': ids.create });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    await admin.patch(`/api/v1/users/${id}`, { version: 1, displayName: '审计对象改', roles: ['org_admin'] }, { 'x-request-id': ids.update });
    await admin.patch(`/api/v1/users/${id}`, { version: 2, isActive: false }, { 'x-request-id': ids.disable });
    await admin.post(`/api/v1/users/${id}/password`, { password: 'Reset#Password-77' }, { 'x-request-id': ids.reset });
    await admin.post(`/api/v1/users/${id}/unlock`, undefined, { 'x-request-id': ids.unlock });

    const rows = await rowsFor(id);
    expect(rows.map((r) => [r.action, r.requestId])).toEqual([
      ['user.created', ids.create], ['user.updated', ids.update], ['user.disabled', ids.disable],
      ['user.password_reset', ids.reset], ['user.unlocked', ids.unlock],
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ actorId: adminId, actorName: 'admin', actorRole: 'system_admin', entityType: 'user', entityId: id, ip: '127.0.0.1', at: t.clock.now().toISOString() });
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(rows[0]!.changes).toEqual({ username, displayName: '审计对象', unitId: null, roles: ['leader'] });
    expect(rows[1]!.changes).toEqual({ displayName: ['审计对象', '审计对象改'], roles: [['leader'], ['org_admin']] });
    expect(rows[2]!.changes).toEqual({ isActive: [1, 0] });
    expect(rows[3]!.changes).toBeNull();
  });

  it('records units, tokens, sign-in, sign-out, failures, lockouts and password changes', async () => {
    const unitRid = rid();
    const unit = (await admin.post('/api/v1/units', { code: uniq('AU'), name: '审计单位', kind: 'enterprise' }, { 'x-request-id': unitRid })).json();
    await admin.patch(`/api/v1/units/${unit.id}`, { version: 1, name: '审计单位改', phone: '0571-2' });
    const unitRows = await rowsFor(unit.id);
    expect(unitRows.map((r) => r.action)).toEqual(['unit.created', 'unit.updated']);
    expect(unitRows[0]).toMatchObject({ entityType: 'unit', requestId: unitRid, changes: { code: unit.code, name: '审计单位', kind: 'enterprise' } });
    expect(unitRows[1]!.changes).toEqual({ name: ['审计单位', '审计单位改'], phone: [null, '0571-2'] });

    const zy = await signIn(t, 'zy20');
    const token = (await zy.post('/api/v1/tokens', { name: '审计令牌' })).json();
    await zy.delete(`/api/v1/tokens/${token.id}`);
    const tokenRows = await rowsFor(token.id);
    expect(tokenRows.map((r) => [r.action, r.entityType, r.actorName, r.actorRole])).toEqual([
      ['api_token.created', 'api_token', 'zy20', 'commissioner'], ['api_token.revoked', 'api_token', 'zy20', 'commissioner'],
    ]);
    expect(tokenRows[0]!.changes).toEqual({ name: '审计令牌', expiresAt: null });

    const u = await createUser(admin, { roles: ['leader'] });
    await signInRaw(u.username, 'Wrong#Password-1');
    const c = await startSignIn(t, u.username, u.password);
    await c.post('/api/v1/session/password', { currentPassword: u.password, newPassword: OTHER_PASSWORD });
    await c.delete('/api/v1/session');
    for (let i = 0; i < 5; i++) await signInRaw(u.username, 'Wrong#Password-1');
    const userRows = await rowsFor(u.id);
    expect(userRows.map((r) => r.action)).toEqual([
      'user.created', 'session.sign_in_failed', 'user.password_changed',
      'session.sign_in_failed', 'session.sign_in_failed', 'session.sign_in_failed', 'session.sign_in_failed', 'session.sign_in_failed', 'user.locked_out',
    ]);
    expect(userRows[1]).toMatchObject({ actorId: u.id, actorName: u.username, changes: { reason: 'wrong password', failures: 1 } });
    expect(userRows[2]).toMatchObject({ actorId: u.id, actorName: u.username, actorRole: 'leader' });
    expect(userRows.at(-1)!.changes).toEqual({ until: new Date(t.clock.now().getTime() + 15 * 60_000).toISOString() });

    const sessions = (await auditOf(`?actorId=${u.id}&entityType=session&sort=seq`)).items;
    expect(sessions.map((r) => r.action)).toEqual(['session.signed_in', 'session.signed_out']);
    expect(sessions[0]!.changes).toEqual({ step: 'change_password' });
  });

  it('names every action in the past tense and never stores a password', async () => {
    const all = await t.db.selectFrom('auditLog').select(['action', 'changes']).execute();
    expect(all.length).toBeGreaterThan(10);
    for (const r of all) {
      expect(r.action).toMatch(/^[a-z_]+\.([a-z_-]+[_-])?([a-z]+ed|reset)([_-](in|out))?$/);
      expect(r.changes ?? '').not.toMatch(/argon2|Liaison#2026|Harbour#Light|Meadow&River|Reset#Password/);
    }
  });
});

describe('GET /api/v1/audit', () => {
  it('filters by actor, action, entity type and time, sorts both ways and pages', async () => {
    const adminId = await userId(t, 'admin');
    await createUser(admin);
    const byAdmin = await auditOf(`?actorId=${adminId}&pageSize=200`);
    expect(byAdmin.total).toBeGreaterThan(0);
    expect(byAdmin.items.every((r) => r.actorId === adminId)).toBe(true);

    const created = await auditOf('?action=user.created&pageSize=200');
    expect(created.items.every((r) => r.action === 'user.created' && r.entityType === 'user')).toBe(true);
    const count = await t.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'user.created').executeTakeFirstOrThrow();
    expect(created.total).toBe(Number(count.n));

    const desc = await auditOf('?pageSize=5');
    const asc = await auditOf('?pageSize=5&sort=seq');
    expect(asc.items.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(desc.items[0]!.seq).toBe(desc.total);
    expect(desc.items.map((r) => r.seq)).toEqual([0, 1, 2, 3, 4].map((i) => desc.total - i));
    expect((await auditOf('?pageSize=5&page=2&sort=seq')).items.map((r) => r.seq)).toEqual([6, 7, 8, 9, 10]);
    expect(asc.items[0]).toMatchObject({ seq: 1, action: 'demo.seeded', entityType: 'district', actorName: 'system' });

    t.clock.advance(2_000);
    const later = t.clock.now().toISOString();
    const u = await createUser(admin);
    const since = await auditOf(`?from=${encodeURIComponent(later)}&pageSize=200`);
    expect(since.items.map((r) => [r.action, r.entityId])).toEqual([['user.created', u.id]]);
    const before = await auditOf(`?to=${encodeURIComponent(later)}&entityId=${u.id}`);
    expect(before.total).toBe(0);
    const withOffset = await auditOf(`?from=${encodeURIComponent(later.replace('Z', '+00:00'))}&entityType=user&action=user.created`);
    expect(withOffset.items.map((r) => r.entityId)).toEqual([u.id]);
  });

  it('answers 400 for bad parameters (never a 500), 401 without a session, 403 for the system admin', async () => {
    for (const [query, path] of [
      ['?from=garbage', 'querystring.from'], ['?to=2026-13-45', 'querystring.to'], ['?from=2026-11-26', 'querystring.from'],
      ['?pageSize=500', 'querystring.pageSize'], ['?sort=at', 'querystring.sort'], ['?hash=x', 'querystring.hash'],
    ]) {
      const res = await auditor.get(`/api/v1/audit${query}`);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect([query, errorPaths(res)]).toEqual([query, [path]]);
    }
    expectProblem(await t.anonymous().get('/api/v1/audit'), 401, 'UNAUTHENTICATED');
    expectProblem(await admin.get('/api/v1/audit'), 403, 'FORBIDDEN');
    expectProblem(await (await signIn(t, 'leader')).get('/api/v1/audit/verify'), 403, 'FORBIDDEN');
    expect((await (await signIn(t, 'secadmin')).get('/api/v1/audit?pageSize=1')).json().total).toBeGreaterThan(0);
  });
});

describe('GET /api/v1/audit/verify', () => {
  const verify = async () => {
    const res = await auditor.get('/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    return res.json() as { ok: boolean; checked: number; firstBrokenSeq: number | null; reason: string | null };
  };
  const rowCount = async () => Number((await t.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('finds the chain intact and says how many records it checked', async () => {
    expect(await verify()).toEqual({ ok: true, checked: await rowCount(), firstBrokenSeq: null, reason: null });
  });

  it('keeps one chain when many changes are written at once', async () => {
    const leader = await signIn(t, 'leader');
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => leader.post('/api/v1/tokens', { name: `并发 ${i}` })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const seqs = (await t.db.selectFrom('auditLog').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect((await verify()).ok).toBe(true);
  });

  it('answers 400 for a query parameter', async () => {
    expect(errorPaths(await auditor.get('/api/v1/audit/verify?from=1'))).toEqual(['querystring.from']);
  });

  // In order: each step tampers with the database, checks what verify says, then puts the row back.
  describe('after tampering with the table directly (in order)', () => {
    it('names the first row whose content was changed', async () => {
      await createUser(admin);
      const target = Math.floor((await rowCount()) / 2);
      const original = await t.db.selectFrom('auditLog').selectAll().where('seq', '=', target).executeTakeFirstOrThrow();
      await t.db.updateTable('auditLog').set({ changes: JSON.stringify({ forged: true }) }).where('seq', '=', target).execute();
      try {
        expect(await verify()).toEqual({ ok: false, checked: target - 1, firstBrokenSeq: target, reason: 'row content does not match its hash' });
      } finally {
        await t.db.updateTable('auditLog').set({ changes: original.changes }).where('seq', '=', target).execute();
      }
      expect((await verify()).ok).toBe(true);
    });

    it('catches a rewritten row whose hash was recomputed: the next row no longer links to it', async () => {
      const target = 3;
      const original = await t.db.selectFrom('auditLog').selectAll().where('seq', '=', target).executeTakeFirstOrThrow();
      const { hash: _old, ...rest } = original;
      const forged = { ...rest, actorName: 'someone-else' };
      await t.db.updateTable('auditLog').set({ actorName: forged.actorName, hash: hashOf(forged) }).where('seq', '=', target).execute();
      try {
        expect(await verify()).toEqual({ ok: false, checked: target, firstBrokenSeq: target + 1, reason: 'link to the previous row is broken' });
      } finally {
        await t.db.updateTable('auditLog').set({ actorName: original.actorName, hash: original.hash }).where('seq', '=', target).execute();
      }
      expect((await verify()).ok).toBe(true);
    });

    it('names the first missing row when one is deleted', async () => {
      const target = Math.floor((await rowCount()) / 3) + 1;
      const original = await t.db.selectFrom('auditLog').selectAll().where('seq', '=', target).executeTakeFirstOrThrow();
      await t.db.deleteFrom('auditLog').where('seq', '=', target).execute();
      try {
        expect(await verify()).toEqual({ ok: false, checked: target - 1, firstBrokenSeq: target, reason: `row ${target} is missing` });
      } finally {
        await t.db.insertInto('auditLog').values(original).execute();
      }
      expect((await verify()).ok).toBe(true);
    });
  });
});
