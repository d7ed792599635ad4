import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, settingsDoc } from './config.js';
import { verifyAuditChain } from './kernel/audit/audit.js';
import { migrateToLatest } from './kernel/db/migrator.js';
import { seedActivity } from './modules/demo/seed-activity.js';
import { isSeeded, loadDemoData, seedDemo } from './modules/demo/seed-demo.js';
import { createUserCli, resetPasswordCli } from './modules/identity/users.cli.js';
import { AppError } from './kernel/errors/app-error.js';
import { paths } from './paths.js';
import { openRuntime } from './runtime.js';

const HELP = `liaison <command> [options]

  migrate                         apply pending database migrations
  seed-demo                       load the demo district (once; skipped if already there)
  create-user --username U --name N --role R [--role R2] [--unit CODE] [--password P]
                                  create a user (prompts nothing: a random password is printed when none is given);
                                  they must change the password at first sign-in
  reset-password --username U [--password P]
                                  set a new password (printed when generated); the user must change it at sign-in
  verify-audit                    check the audit hash chain; exits 1 and names the first broken row
  backup --out FILE               SQLite: online backup to FILE; PostgreSQL: pg_dump -Fc to FILE
  restore --from FILE             SQLite: replace the database with FILE (server stopped); PostgreSQL: pg_restore --clean

Settings come from the environment (${settingsDoc.join(', ')}).`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return 0;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', multiple: true },
      unit: { type: 'string' }, password: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' },
    },
  });
  const config = loadConfig();
  const rt = openRuntime(config);
  try {
    switch (command) {
      case 'migrate': {
        const done = await migrateToLatest(rt.handle.db);
        console.log(done.length ? `applied: ${done.join(', ')}` : 'the database is up to date');
        return 0;
      }
      case 'seed-demo': {
        await migrateToLatest(rt.handle.db);
        if (await isSeeded(rt.handle.db)) {
          console.log('the demo district is already there');
          return 0;
        }
        const n = await seedDemo(rt.systemCtx(), loadDemoData(paths.demoData));
        const cases = config.demoActivity ? await seedActivity(rt.systemCtx()) : 0;
        console.log(`seeded: ${n.units} units, ${n.users} users, ${n.projects} projects, ${cases} cases`);
        return 0;
      }
      case 'create-user':
        return await createUserCli(rt.systemCtx(), values);
      case 'reset-password':
        return await resetPasswordCli(rt.systemCtx(), values);
      case 'verify-audit': {
        const r = await verifyAuditChain(rt.handle.db);
        if (r.ok) console.log(`audit chain intact: ${r.checked} records`);
        else console.error(`audit chain BROKEN at record ${r.firstBrokenSeq}: ${r.reason} (${r.checked} records before it are intact)`);
        return r.ok ? 0 : 1;
      }
      case 'backup': {
        if (!values.out) throw new UsageError('backup needs --out FILE');
        const out = resolve(values.out);
        mkdirSync(dirname(out), { recursive: true });
        if (rt.handle.sqlite) {
          await rt.handle.sqlite.backup(out);
        } else {
          run('pg_dump', ['-Fc', '-f', out, pgUrl(config)]);
        }
        console.log(`backup written to ${out}`);
        return 0;
      }
      case 'restore': {
        if (!values.from || !existsSync(values.from)) throw new UsageError('restore needs --from FILE (an existing backup)');
        const from = resolve(values.from);
        if (config.database.kind === 'sqlite') {
          const target = config.database.file;
          await rt.handle.close();
          for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
          copyFileSync(from, target);
          console.log(`restored ${target} from ${from}; start the server again`);
          return 0;
        }
        run('pg_restore', ['--clean', '--if-exists', '--no-owner', '-d', pgUrl(config), from]);
        console.log(`restored from ${from}`);
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
    }
  } finally {
    await rt.handle.close().catch(() => undefined);
  }
}

class UsageError extends Error {}
const pgUrl = (config: ReturnType<typeof loadConfig>) => (config.database.kind === 'postgres' ? config.database.url : '');
function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.error) throw new UsageError(`${cmd} could not run: ${r.error.message} (install postgresql-client)`);
  if (r.status !== 0) throw new UsageError(`${cmd} failed with exit code ${r.status}`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof UsageError || err instanceof ConfigError) console.error(err.message);
    else if (err instanceof AppError) console.error(`${err.code}: ${err.message}${err.errors ? ' — ' + err.errors.map((e) => `${e.path}: ${e.message}`).join('; ') : ''}`);
    else console.error(err);
    process.exit(1);
  },
);
