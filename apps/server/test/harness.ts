import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { fixedClock } from '../src/kernel/clock.js';
import { totpCode } from '../src/kernel/auth/totp.js';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-accounts.js';
import { openRuntime, prepareDatabase, type Runtime } from '../src/runtime.js';

/** 2026-11-26 10:00 in Hangzhou: the tests' "now" unless they move the clock. */
export const TEST_NOW = '2026-11-26T02:00:00.000Z';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL (scripts/test.sh sets it)');
  const name = `liaison_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      // pg-pool's end() resolves before its sockets are closed: wait for them to go, so that dropping with
      // force never kills a connection the pool still holds (vitest would report its error as unhandled).
      for (let i = 0; i < 40; i++) {
        const r = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (r.rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * A whole Liaison on a fresh database (SQLite file, or a new PostgreSQL database when TEST_DB=postgres),
 * migrated and seeded with the demo district, with a clock the test controls.
 */
export async function createTestApp(opts: { env?: Record<string, string>; now?: string } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-test-'));
  const pgDb = process.env.TEST_DB === 'postgres' ? await freshPostgresDatabase() : undefined;
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    LIAISON_DEMO: 'true',
    LIAISON_DEMO_ACTIVITY: 'false',
    RATE_LIMIT_SIGNIN_PER_MINUTE: '100000',
    LIAISON_SECRET: 'test-secret-test-secret-test-secret-0123',
    ...(pgDb ? { DATABASE_URL: pgDb.url, DATABASE_POOL_SIZE: '4' } : {}),
    ...opts.env,
  });
  const clock = fixedClock(opts.now ?? TEST_NOW);
  const rt: Runtime = openRuntime(config, clock);
  await prepareDatabase(rt);
  const app = await buildApp({ config, handle: rt.handle, clock, secrets: rt.secrets });
  await app.ready();

  const close = async () => {
    await app.close();
    await rt.handle.close();
    await pgDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    app, rt, clock, config, db: rt.handle.db, close,
    signInAs: (username: string, password = DEMO_PASSWORD) => signInAs(app, clock, username, password),
    anonymous: () => new Client(app, null, null),
  };
}

/** An HTTP client bound to one session: sends its cookie and CSRF token on every request. */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    public cookie: string | null,
    public csrf: string | null,
    readonly headers: Record<string, string> = {},
  ) {}

  request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...this.headers, ...(opts.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && opts.method && opts.method !== 'GET') headers['x-csrf-token'] ??= this.csrf;
    return this.app.inject({ ...opts, headers });
  }
  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }
  post(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });
  }
  patch(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'], headers });
  }
  delete(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.request({ method: 'DELETE', url, payload: payload as InjectOptions['payload'], headers });
  }
}

export function cookieFrom(res: LightMyRequestResponse): string | null {
  const c = res.cookies.find((x) => x.name === 'liaison_session');
  return c ? `liaison_session=${c.value}` : null;
}

/** Signs in through the API, completing a second-factor enrolment or code when the account needs one. */
export async function signInAs(app: FastifyInstance, clock: { now(): Date; advance?(ms: number): void }, username: string, password = DEMO_PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const client = new Client(app, cookieFrom(res), res.json().csrfToken);
  let step = res.json().step as string;
  if (step === 'totp_enrol') {
    const setup = await client.get('/api/v1/session/totp/setup');
    const secret = setup.json().secret as string;
    const done = await client.post('/api/v1/session/totp/enable', { code: totpCode(secret, clock.now()) });
    if (done.statusCode !== 200) throw new Error(`TOTP enrolment for ${username} failed: ${done.body}`);
    step = done.json().step;
    (client as Client & { totpSecret?: string }).totpSecret = secret;
  }
  if (step !== 'ok') throw new Error(`sign-in as ${username} stopped at step ${step}`);
  return client as Client & { totpSecret?: string };
}
