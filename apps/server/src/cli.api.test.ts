/**
 * The command line, run as an operator would: `node --import tsx apps/server/src/cli.ts <command>` in a child process,
 * against a data directory of its own. SQLite by default; with TEST_DB=postgres only `migrate` and `verify-audit`
 * (with the `seed-demo` that gives it something to verify) run, against a fresh PostgreSQL database.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from './kernel/auth/passwords.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));
const onPostgres = process.env.TEST_DB === 'postgres';
const SECRET = 'cli-test-secret-cli-test-secret-0123456789';

type Run = { code: number; stdout: string; stderr: string };

function cli(args: string[], env: Record<string, string>): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LIAISON_DEMO: 'true', LIAISON_SECRET: SECRET, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', cliPath, ...args], { cwd: repoRoot, env: childEnv, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

describe.skipIf(onPostgres)('liaison CLI on SQLite (in order: each step builds on the last)', () => {
  let dir: string;
  let env: Record<string, string>;
  let dbFile: string;
  /** Opens the database file the CLI wrote, runs `fn`, closes it again. */
  const withDb = <T>(fn: (db: SqliteDatabase.Database) => T): T => {
    const db = new SqliteDatabase(dbFile);
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  const userRow = (username: string) =>
    withDb((db) => db.prepare('select id, unit_id, password_hash, must_change_password, is_demo from users where username = ?').get(username)) as
      | { id: string; unit_id: string | null; password_hash: string; must_change_password: number; is_demo: number }
      | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-cli-'));
    env = { DATA_DIR: dir };
    dbFile = join(dir, 'liaison.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrate applies the migrations once', async () => {
    const first = await cli(['migrate'], env);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^applied: 2026-11-26-0001-foundation/);
    expect(withDb((db) => (db.prepare('select count(*) as n from kysely_migration').get() as { n: number }).n)).toBeGreaterThanOrEqual(1);
  });

  it('seed-demo loads the demo district, and the second time says it is already there', async () => {
    const first = await cli(['seed-demo'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^seeded: \d+ units, \d+ users, 26 projects, 14 cases$/m);
    const second = await cli(['seed-demo'], env);
    expect(second).toMatchObject({ code: 0, stdout: 'the demo district is already there\n' });
    expect(withDb((db) => (db.prepare('select count(*) as n from projects').get() as { n: number }).n)).toBe(26);
    expect(userRow('zy01')).toMatchObject({ is_demo: 1, must_change_password: 0 });
  });

  it('create-user makes a user who must change the printed password at first sign-in', async () => {
    const res = await cli(['create-user', '--username', 'ops1', '--name', '运维一', '--role', 'leader', '--role', 'org_admin', '--unit', 'ZZB'], env);
    expect(res.code).toBe(0);
    const printed = /temporary password: (\S+)/.exec(res.stdout)?.[1];
    expect(res.stdout).toMatch(/^created ops1 \(leader, org_admin\); temporary password: /);
    const row = userRow('ops1')!;
    expect(row).toMatchObject({ must_change_password: 1, is_demo: 0 });
    const zzb = withDb((db) => db.prepare("select id from units where code = 'ZZB'").get()) as { id: string };
    expect(row.unit_id).toBe(zzb.id);
    const roles = withDb((db) => db.prepare('select role from user_roles where user_id = ? order by role').all(row.id)) as { role: string }[];
    expect(roles.map((r) => r.role)).toEqual(['leader', 'org_admin']);
    expect(await verifyPassword(row.password_hash, printed!)).toBe(true);
    const audit = withDb((db) => db.prepare("select actor_name, action from audit_log where entity_id = ?").all(row.id));
    expect(audit).toEqual([{ actor_name: 'cli', action: 'user.created' }]);
  });

  it('reset-password sets the given password and requires a change at sign-in', async () => {
    withDb((db) => db.prepare('update users set must_change_password = 0 where username = ?').run('ops1'));
    const res = await cli(['reset-password', '--username', 'ops1', '--password', 'Fresh#Password-2026'], env);
    expect(res).toMatchObject({ code: 0, stdout: 'password reset for ops1; they must change it at sign-in\n' });
    const row = userRow('ops1')!;
    expect(row.must_change_password).toBe(1);
    expect(await verifyPassword(row.password_hash, 'Fresh#Password-2026')).toBe(true);
  });

  it('says what is wrong on stderr, with exit code 1, for bad input', async () => {
    const [role, restore] = await Promise.all([
      cli(['create-user', '--username', 'ops9', '--name', 'x', '--role', 'king'], env),
      cli(['restore', '--from', join(dir, 'missing.db')], env),
    ]);
    expect(role).toMatchObject({ code: 1, stdout: '' });
    expect(role.stderr).toMatch(/^VALIDATION_FAILED: unknown role\(s\) king; roles are system_admin, /);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/^restore needs --from FILE/);
    expect(userRow('ops9')).toBeUndefined();
  });

  it('verify-audit finds the chain intact, then names the first tampered record with exit code 1', async () => {
    const rows = withDb((db) => (db.prepare('select count(*) as n from audit_log').get() as { n: number }).n);
    expect(rows).toBeGreaterThanOrEqual(3);
    const ok = await cli(['verify-audit'], env);
    expect(ok).toMatchObject({ code: 0, stdout: `audit chain intact: ${rows} records\n` });

    const original = withDb((db) => db.prepare('select changes from audit_log where seq = 2').get()) as { changes: string };
    withDb((db) => db.prepare('update audit_log set changes = ? where seq = 2').run('{"forged":true}'));
    const broken = await cli(['verify-audit'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe('audit chain BROKEN at record 2: row content does not match its hash (1 records before it are intact)\n');
    // Put it back; the backup step below checks the chain again.
    withDb((db) => db.prepare('update audit_log set changes = ? where seq = 2').run(original.changes));
  });

  it('backup --out then restore --from brings the data back', async () => {
    const out = join(dir, 'backups', 'liaison-backup.db');
    const backup = await cli(['backup', '--out', out], env);
    expect(backup).toMatchObject({ code: 0, stdout: `backup written to ${out}\n` });
    expect(existsSync(out)).toBe(true);

    // Changes after the backup, made straight in the file: a renamed project and a deleted audit row.
    withDb((db) => {
      db.prepare("update projects set name = '改过的名字' where code = 'XC-ZD-2026-01'").run();
      db.prepare('delete from audit_log where seq = (select max(seq) from audit_log)').run();
    });
    const auditRows = () => withDb((db) => (db.prepare('select count(*) as n from audit_log').get() as { n: number }).n);
    const afterChange = auditRows();

    const restore = await cli(['restore', '--from', out], env);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^restored .*liaison\.db from .*liaison-backup\.db; start the server again$/m);
    expect(withDb((db) => db.prepare("select name from projects where code = 'XC-ZD-2026-01'").get())).toEqual({ name: '中大银泰城' });
    expect(auditRows()).toBe(afterChange + 1);
    expect(await verifyPassword(userRow('ops1')!.password_hash, 'Fresh#Password-2026')).toBe(true);
    expect(withDb((db) => (db.prepare('select count(*) as n from projects').get() as { n: number }).n)).toBe(26);
  });
});

describe.skipIf(!onPostgres)('liaison CLI on PostgreSQL: migrate and verify-audit (in order)', () => {
  const adminUrl = process.env.TEST_DATABASE_URL ?? '';
  const name = `liaison_cli_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  let env: Record<string, string>;
  let dir: string;
  const query = async (text: string, values: unknown[] = []) => {
    const c = new pg.Client({ connectionString: env.DATABASE_URL });
    await c.connect();
    try {
      return (await c.query(text, values)).rows;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    dir = mkdtempSync(join(tmpdir(), 'liaison-cli-pg-'));
    env = { DATA_DIR: dir, DATABASE_URL: url.toString() };
  });
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrate applies the migrations once', async () => {
    const first = await cli(['migrate'], env);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^applied: 2026-11-26-0001-foundation/);
    expect((await cli(['migrate'], env)).stdout).toBe('the database is up to date\n');
  });

  it('verify-audit finds the chain intact, then names the tampered record with exit code 1', async () => {
    expect((await cli(['seed-demo'], env)).code).toBe(0);
    const [{ n }] = await query('select count(*)::int as n from audit_log');
    const ok = await cli(['verify-audit'], env);
    expect(ok).toMatchObject({ code: 0, stdout: `audit chain intact: ${n} records\n` });
    await query(`update audit_log set changes = '{"forged":true}' where seq = 1`);
    const broken = await cli(['verify-audit'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe('audit chain BROKEN at record 1: row content does not match its hash (0 records before it are intact)\n');
  });
});
