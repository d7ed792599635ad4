import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { expectProblem } from '../../../test/factories.js';

// An app whose sign-in form allows 3 attempts a minute per address.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_SIGNIN_PER_MINUTE: '3' } });
});
afterAll(async () => t.close());

const signIn = (remoteAddress: string, password = 'Liaison#2026', username = 'zy01') =>
  t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password }, remoteAddress });

describe('sign-in rate limit', () => {
  it('answers the 4th attempt within a minute from one address with 429, right password or not', async () => {
    expect((await signIn('10.0.0.1', 'Wrong#Password-1')).statusCode).toBe(401);
    expect((await signIn('10.0.0.1')).statusCode).toBe(200);
    expect((await signIn('10.0.0.1', 'Wrong#Password-1', 'zy02')).statusCode).toBe(401);
    const limited = await signIn('10.0.0.1');
    const body = expectProblem(limited, 429, 'RATE_LIMITED');
    expect(body.detail).toMatch(/^too many requests/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.cookies.find((c) => c.name === 'liaison_session')).toBeUndefined();
  });

  it('counts each address on its own and leaves other routes alone', async () => {
    for (let i = 0; i < 4; i++) await signIn('10.0.0.2');
    expectProblem(await signIn('10.0.0.2'), 429, 'RATE_LIMITED');
    expect((await signIn('10.0.0.3')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) {
      const meta = await t.app.inject({ method: 'GET', url: '/api/v1/meta', remoteAddress: '10.0.0.2' });
      expect(meta.statusCode).toBe(200);
    }
  });
});
