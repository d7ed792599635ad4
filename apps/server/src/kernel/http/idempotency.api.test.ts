import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { expectProblem, signIn, uniq, userId } from '../../../test/factories.js';

let t: TestApp;
let leader: Client;
let orgdept: Client;
beforeAll(async () => {
  t = await createTestApp();
  leader = await signIn(t, 'leader');
  orgdept = await signIn(t, 'orgdept');
});
afterAll(async () => t.close());

const tokensNamed = async (username: string, name: string) =>
  t.db.selectFrom('apiTokens').select('id').where('userId', '=', await userId(t, username)).where('name', '=', name).execute();

describe('Idempotency-Key on POST', () => {
  it('runs the request once and replays the same answer to a retry', async () => {
    const key = uniq('key-');
    const name = uniq('idem');
    const first = await leader.post('/api/v1/tokens', { name }, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await leader.post('/api/v1/tokens', { name }, { 'idempotency-key': key });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.body).toBe(first.body);
    expect(again.json().token).toBe(first.json().token);
    expect(await tokensNamed('leader', name)).toEqual([{ id: first.json().id }]);
    expect((await t.db.selectFrom('auditLog').select('seq').where('entityId', '=', first.json().id).execute()).length).toBe(1);
  });

  it('refuses the same key with a different body (422 IDEMPOTENCY_KEY_REUSED) and creates nothing', async () => {
    const key = uniq('key-');
    const name = uniq('idem');
    expect((await leader.post('/api/v1/tokens', { name }, { 'idempotency-key': key })).statusCode).toBe(201);
    const other = await leader.post('/api/v1/tokens', { name: `${name}-other` }, { 'idempotency-key': key });
    expectProblem(other, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await tokensNamed('leader', `${name}-other`)).toEqual([]);
  });

  it('keeps keys per caller: another user with the same key gets their own new record', async () => {
    const key = uniq('key-');
    const name = uniq('idem');
    const mine = await leader.post('/api/v1/tokens', { name }, { 'idempotency-key': key });
    const theirs = await orgdept.post('/api/v1/tokens', { name }, { 'idempotency-key': key });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect((await tokensNamed('orgdept', name)).length).toBe(1);
  });

  it('creates a new record each time without a key', async () => {
    const name = uniq('idem');
    await leader.post('/api/v1/tokens', { name });
    await leader.post('/api/v1/tokens', { name });
    expect((await tokensNamed('leader', name)).length).toBe(2);
  });

  it('replays a refusal too, so a retry cannot turn into a success by accident', async () => {
    const gb = await signIn(t, 'gb04');
    const key = uniq('key-');
    expectProblem(await gb.post('/api/v1/tokens', { name: 'x' }, { 'idempotency-key': key }), 403, 'FORBIDDEN');
    const again = await gb.post('/api/v1/tokens', { name: 'x' }, { 'idempotency-key': key });
    expect(again.statusCode).toBe(403);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('rejects a malformed key with 400', async () => {
    for (const key of ['short', 'has spaces in it', 'x'.repeat(201)]) {
      expectProblem(await leader.post('/api/v1/tokens', { name: 'x' }, { 'idempotency-key': key }), 400, 'BAD_REQUEST');
    }
  });
});
