import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../paths.js';
import { loadDemoData, seedDemo } from '../demo/seed-demo.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { OTHER_PASSWORD, createUser, expectProblem, signIn, startSignIn, type NewUser } from '../../../test/factories.js';

const DAY = 86_400_000;

// Not demo mode, passwords expire after 90 days. The harness seeds nothing outside demo mode, so the demo district is
// loaded directly: its accounts are flagged as demo accounts, which only demo mode exempts from the age limit.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LIAISON_DEMO: 'false', PASSWORD_MAX_AGE_DAYS: '90' } });
  await seedDemo(t.rt.systemCtx(), loadDemoData(paths.demoData));
});
afterAll(async () => t.close());

it('does not advertise demo accounts outside demo mode', async () => {
  const meta = (await t.anonymous().get('/api/v1/meta')).json();
  expect(meta.demo).toBe(false);
  expect(meta.demoPassword).toBeUndefined();
  expect(meta.demoAccounts).toBeUndefined();
});

describe('password maximum age (in order: the clock moves forward)', () => {
  let user: NewUser;

  it('a user created by the admin changes the password at first sign-in', async () => {
    const admin = await signIn(t, 'admin');
    user = await createUser(admin, { roles: ['leader'] });
    const c = await startSignIn(t, user.username, user.password);
    expect(c.step).toBe('change_password');
    const changed = await c.post('/api/v1/session/password', { currentPassword: user.password, newPassword: OTHER_PASSWORD });
    expect(changed.json().step).toBe('ok');
    user.password = OTHER_PASSWORD;
  });

  it('asks again once the password is older than PASSWORD_MAX_AGE_DAYS, not before', async () => {
    t.clock.advance(89 * DAY);
    expect((await startSignIn(t, user.username, user.password)).step).toBe('ok');
    t.clock.advance(2 * DAY);
    const c = await startSignIn(t, user.username, user.password);
    expect(c.step).toBe('change_password');
    expectProblem(await c.get('/api/v1/projects'), 403, 'PASSWORD_CHANGE_REQUIRED');
    const changed = await c.post('/api/v1/session/password', { currentPassword: user.password, newPassword: 'Renewed#Password-91' });
    expect(changed.json().step).toBe('ok');
    expect((await c.get('/api/v1/projects')).json().total).toBe(26);
    expect((await startSignIn(t, user.username, 'Renewed#Password-91')).step).toBe('ok');
  });

  it('does not exempt demo-flagged accounts outside demo mode', async () => {
    const c = await startSignIn(t, 'zy01');
    expect(c.step).toBe('change_password');
    expectProblem(await c.get('/api/v1/projects'), 403, 'PASSWORD_CHANGE_REQUIRED');
  });

  it('exempts demo accounts when the installation runs in demo mode', async () => {
    t.config.demo = true;
    try {
      expect((await startSignIn(t, 'zy02')).step).toBe('ok');
      // A real account is not exempt, demo mode or not.
      expect((await startSignIn(t, user.username, 'Renewed#Password-91')).step).toBe('ok');
      t.clock.advance(91 * DAY);
      expect((await startSignIn(t, user.username, 'Renewed#Password-91')).step).toBe('change_password');
      expect((await startSignIn(t, 'zy02')).step).toBe('ok');
    } finally {
      t.config.demo = false;
    }
  });
});
