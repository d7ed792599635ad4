import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { expectProblem, signIn, uniq, userId } from '../../../test/factories.js';
import { purgeIdempotencyKeys } from './idempotency.js';

let t: TestApp;
let zy01: Client;
let zy02: Client;
const project: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  zy01 = await signIn(t, 'zy01');
  zy02 = await signIn(t, 'zy02');
  for (const [k, code] of [['p1', 'XC-ZD-2026-01'], ['p2', 'XC-ZD-2026-02']]) project[k!] = (await t.db.selectFrom('projects').select('id').where('code', '=', code!).executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

const milestonesNamed = (name: string) => t.db.selectFrom('milestones').select('id').where('name', '=', name).execute();
const add = (c: Client, p: string, name: string, key?: string) =>
  c.post(`/api/v1/projects/${p}/milestones`, { name, plannedDate: '2027-01-31' }, key ? { 'idempotency-key': key } : {});

describe('Idempotency-Key on POST', () => {
  it('runs the request once and replays the same answer to a retry', async () => {
    const key = uniq('key-');
    const name = uniq('idem');
    const first = await add(zy01, project.p1!, name, key);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await add(zy01, project.p1!, name, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.body).toBe(first.body);
    expect(await milestonesNamed(name)).toEqual([{ id: first.json().id }]);
    expect((await t.db.selectFrom('auditLog').select('seq').where('entityId', '=', first.json().id).execute()).length).toBe(1);
  });

  it('refuses the same key with a different body (422 IDEMPOTENCY_KEY_REUSED) and creates nothing', async () => {
    const key = uniq('key-');
    const name = uniq('idem');
    expect((await add(zy01, project.p1!, name, key)).statusCode).toBe(201);
    expectProblem(await add(zy01, project.p1!, `${name}-other`, key), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await milestonesNamed(`${name}-other`)).toEqual([]);
  });

  it('keeps keys per caller: another user with the same key gets their own new record', async () => {
    const key = uniq('key-');
    const name = uniq('idem');
    const mine = await add(zy01, project.p1!, name, key);
    const theirs = await add(zy02, project.p2!, name, key);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect((await milestonesNamed(name)).length).toBe(2);
  });

  it('creates a new record each time without a key', async () => {
    const name = uniq('idem');
    await add(zy01, project.p1!, name);
    await add(zy01, project.p1!, name);
    expect((await milestonesNamed(name)).length).toBe(2);
  });

  it('replays a refusal too, so a retry cannot turn into a success by accident', async () => {
    const sg = await signIn(t, 'sg01');
    const key = uniq('key-');
    expectProblem(await add(sg, project.p1!, 'x', key), 403, 'FORBIDDEN');
    const again = await add(sg, project.p1!, 'x', key);
    expect(again.statusCode).toBe(403);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('rejects a malformed key with 400', async () => {
    for (const key of ['short', 'has spaces in it', 'x'.repeat(201)]) {
      expectProblem(await add(zy01, project.p1!, 'x', key), 400, 'BAD_REQUEST');
    }
  });

  it('never stores an answer that holds a secret: API token creation ignores the key', async () => {
    const leader = await signIn(t, 'leader');
    const key = uniq('key-');
    const name = uniq('tok');
    const a = await leader.post('/api/v1/tokens', { name }, { 'idempotency-key': key });
    const b = await leader.post('/api/v1/tokens', { name }, { 'idempotency-key': key });
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.json().id).not.toBe(a.json().id);
    const stored = await t.db.selectFrom('idempotencyKeys').select('key').where('key', '=', key).execute();
    expect(stored).toEqual([]);
    expect((await t.db.selectFrom('apiTokens').select('id').where('userId', '=', await userId(t, 'leader')).where('name', '=', name).execute()).length).toBe(2);
  });

  it('forgets stored answers after a day', async () => {
    const key = uniq('key-');
    await add(zy01, project.p1!, uniq('idem'), key);
    t.clock.advance(25 * 3_600_000);
    expect(await purgeIdempotencyKeys(t.db, t.clock.now())).toBeGreaterThan(0);
    expect(await t.db.selectFrom('idempotencyKeys').select('key').where('key', '=', key).execute()).toEqual([]);
  });
});
