/**
 * Several Liaison instances on one PostgreSQL (issue 9): two built servers (apps/server/dist/main.js, as production
 * runs them) behind a small round-robin balancer, all on 127.0.0.1. Runs in the PostgreSQL stage of `npm test`;
 * SQLite is one process by design, so the SQLite stage skips it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServer, type ServerProcess } from '../bench/server-process.js';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-accounts.js';
import { startProxy, type Proxy } from './round-robin-proxy.js';

const onPostgres = process.env.TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL;
const SWEEP = 'cases.sweep-deadlines';
const WEEKLY = 'briefings.generate-weekly';
const serverDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

type Session = { cookie: string; csrf: string };
let dbName = '';
let dbUrl = '';
let dataDir = '';
let a: ServerProcess;
let b: ServerProcess;
let proxy: Proxy;
let sql: pg.Client;

const url = (port: number, path: string) => `http://127.0.0.1:${port}${path}`;
async function signIn(port: number, username: string): Promise<Session> {
  const res = await fetch(url(port, '/api/v1/session'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  expect(res.status).toBe(200);
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('liaison_session='))!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}
const post = (port: number, s: Session, path: string, body: unknown) =>
  fetch(url(port, path), { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const get = (port: number, s: Session, path: string) => fetch(url(port, path), { headers: { cookie: s.cookie } });
const until = async (what: string, fn: () => Promise<boolean>, ms = 15_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await fn()) return;
  throw new Error(`timed out waiting for ${what}`);
};

describe.skipIf(!onPostgres)('several instances on one PostgreSQL (skipped unless TEST_DB=postgres: SQLite runs one process)', () => {
  beforeAll(async () => {
    if (!existsSync(join(serverDir, 'dist', 'main.js'))) {
      expect(spawnSync(process.execPath, ['build.mjs'], { cwd: serverDir, stdio: 'inherit' }).status).toBe(0);
    }
    dbName = `liaison_mi_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(process.env.TEST_DATABASE_URL!);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    dataDir = mkdtempSync(join(tmpdir(), 'liaison-mi-'));
    // Shared: the same database, secret and file storage; each instance its own port.
    const env = (port: number) => ({
      NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: dbUrl, DATABASE_POOL_SIZE: '4', DATA_DIR: dataDir,
      LIAISON_SECRET: 'multi-instance-secret-multi-instance-01', LIAISON_DEMO: 'true', LOG_LEVEL: 'warn', RATE_LIMIT_SIGNIN_PER_MINUTE: '10000',
      WEB_DIST_DIR: join(dataDir, 'no-web'),
    });
    // The first instance migrates and seeds; the second finds both done (deploy one, then scale out).
    a = await startServer(join(serverDir, 'dist', 'main.js'), env(await freePort()), 45_000);
    b = await startServer(join(serverDir, 'dist', 'main.js'), env(await freePort()), 45_000);
    proxy = await startProxy([a.port, b.port]);
    sql = new pg.Client({ connectionString: dbUrl });
    await sql.connect();
    // Test instrumentation in the test's own database: every claim of a recurring job's tick, by whom.
    await sql.query(`create table test_job_claims (name text, tick bigint, worker text)`);
    await sql.query(`create function test_record_claim() returns trigger language plpgsql as $$ begin
      if new.locked_by is not null and old.locked_by is distinct from new.locked_by then
        insert into test_job_claims values (new.name, old.next_run_at, new.locked_by);
      end if; return new; end $$`);
    await sql.query(`create trigger test_job_claims after update on job_schedules for each row execute function test_record_claim()`);
  }, 90_000);

  afterAll(async () => {
    await proxy?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await sql?.end();
    if (dbName) {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('serves a session made on one instance from the other, and from behind the balancer', async () => {
    const s = await signIn(a.port, 'zy01');
    for (const port of [b.port, a.port, proxy.port, proxy.port]) {
      const res = await get(port, s, '/api/v1/session');
      expect(res.status).toBe(200);
      expect(((await res.json()) as { user: { username: string } }).user.username).toBe('zy01');
    }
    expect(proxy.served.get(a.port)).toBeGreaterThan(0);
    expect(proxy.served.get(b.port)).toBeGreaterThan(0);
  });

  it('never loses an update: of concurrent actions on one case with the same version, one wins and the rest get 409', async () => {
    const zy = await signIn(b.port, 'zy01');
    const { rows: [project] } = await sql.query(`select id from projects where code = 'XC-ZD-2026-01'`);
    const created = await post(a.port, zy, '/api/v1/cases', { projectId: project.id, type: 'safety', title: '塔吊基础积水', description: '塔吊基础周边积水，需排水。' });
    expect(created.status).toBe(201);
    const { id, version } = (await created.json()) as { id: string; version: number };
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      post(i % 2 ? a.port : b.port, zy, `/api/v1/cases/${id}/actions/comment`, { text: `并发留言 ${i}`, version })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(11);
    const { rows: [row] } = await sql.query('select version from cases where id = $1', [id]);
    const { rows: events } = await sql.query(`select kind from case_events where case_id = $1 order by seq`, [id]);
    expect(row.version).toBe(version + 1);
    expect(events.map((e) => e.kind)).toEqual(['created', 'commented']);
  });

  it('runs each tick of the deadline sweep and of the weekly briefing exactly once across the instances', async () => {
    for (const job of [SWEEP, WEEKLY]) {
      await until(`the ${job} schedule to exist`, async () => (await sql.query('select 1 from job_schedules where name = $1', [job])).rowCount === 1);
      // Three ticks made due at once for both pollers (the schedules' own ticks are a minute and an hour apart).
      for (let tick = 1; tick <= 3; tick++) {
        await until('the previous tick to finish', async () => (await sql.query('select 1 from job_schedules where name = $1 and locked_by is null', [job])).rowCount === 1);
        await sql.query('update job_schedules set next_run_at = $2 where name = $1', [job, tick]);
        await until(`${job} tick ${tick} to run`, async () => (await sql.query('select 1 from job_schedules where name = $1 and last_run_at is not null and next_run_at > 1000', [job])).rowCount === 1);
      }
      const { rows } = await sql.query(`select tick, count(*)::int as n from test_job_claims where name = $1 and tick between 1 and 3 group by tick order by tick`, [job]);
      expect(rows.map((r) => [Number(r.tick), r.n])).toEqual([[1, 1], [2, 1], [3, 1]]);
    }
    // …and no tick of any recurring job was ever claimed twice.
    const { rows: doubles } = await sql.query('select name, tick, count(*)::int as n from test_job_claims group by name, tick having count(*) > 1');
    expect(doubles).toEqual([]);
  }, 45_000);

  it('loses no acknowledged write when an instance is killed mid-load, and the other keeps serving', async () => {
    const zy = await signIn(proxy.port, 'zy01');
    const { rows: [project] } = await sql.query(`select id from projects where code = 'XC-ZD-2026-01'`);
    const acknowledged: { id: string; at: number }[] = [];
    const failures: string[] = [];
    let killedAt = Infinity;
    const stopAt = Date.now() + 4000;
    const worker = async (w: number) => {
      for (let i = 0; Date.now() < stopAt; i++) {
        try {
          const res = await post(proxy.port, zy, '/api/v1/cases', { projectId: project.id, type: 'appeal', title: `压测诉求 ${w}-${i}`, description: '夜间施工噪声' });
          if (res.status === 201) acknowledged.push({ id: ((await res.json()) as { id: string }).id, at: Date.now() });
          else failures.push(`${res.status} ${(await res.text()).slice(0, 200)}`);
        } catch (err) {
          failures.push(String(err));
        }
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, (_, w) => worker(w)));
    await new Promise((r) => setTimeout(r, 1500));
    killedAt = Date.now();
    b.child.kill('SIGKILL');
    await load;
    expect(acknowledged.filter((x) => x.at < killedAt).length, failures.slice(0, 3).join('\n')).toBeGreaterThan(0);
    expect(acknowledged.filter((x) => x.at > killedAt + 200).length).toBeGreaterThan(5);
    const { rows } = await sql.query('select id from cases where id = any($1)', [acknowledged.map((x) => x.id)]);
    expect(rows.length).toBe(acknowledged.length);
    // Whatever was cut off mid-flight was answered 502 and is either there or not — never acknowledged and lost.
    expect(failures.length, failures.slice(0, 3).join('\n')).toBeLessThan(20);
    const after = await get(proxy.port, zy, '/api/v1/cases?pageSize=1');
    expect(after.status).toBe(200);
  }, 30_000);
});
