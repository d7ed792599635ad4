import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, signIn } from '../../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let anon: Client;
beforeAll(async () => {
  t = await createTestApp();
  anon = t.anonymous();
});
afterAll(async () => t?.close());

describe('/api/v1/open311/keys (system admin)', () => {
  it('issues (shown once), lists and revokes keys; others are refused', async () => {
    const admin = await signIn(t, 'admin');
    const created = await admin.post('/api/v1/open311/keys', { name: '城市大脑', source: 'other' });
    expect(created.statusCode).toBe(201);
    expect(created.json().apiKey).toMatch(/^o311_/);
    const list = await admin.get('/api/v1/open311/keys');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.json().apiKey);
    expect(list.json().items.map((k: { id: string }) => k.id)).toContain(created.json().id);
    expectProblem(await admin.post('/api/v1/open311/keys', { name: 'x' }), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.post('/api/v1/open311/keys', { name: '城市大脑', source: 'twitter' }), 400, 'VALIDATION_FAILED');
    const orgdept = await signIn(t, 'orgdept');
    expectProblem(await orgdept.get('/api/v1/open311/keys'), 403, 'FORBIDDEN');
    expectProblem(await orgdept.post('/api/v1/open311/keys', { name: '城市大脑' }), 403, 'FORBIDDEN');
    expectProblem(await orgdept.delete(`/api/v1/open311/keys/${created.json().id}`), 403, 'FORBIDDEN');
    expectProblem(await anon.get('/api/v1/open311/keys'), 401, 'UNAUTHENTICATED');
    expect((await admin.delete(`/api/v1/open311/keys/${created.json().id}`)).statusCode).toBe(204);
    expectProblem(await admin.delete(`/api/v1/open311/keys/${created.json().id}`), 404, 'NOT_FOUND');
    expectProblem(await admin.delete(`/api/v1/open311/keys/${'k'.repeat(65)}`), 400, 'VALIDATION_FAILED');
  });
});
