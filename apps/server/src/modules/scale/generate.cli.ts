/**
 * `npm run generate -- --scale city|province|tiny --db <sqlite:path | postgres://…> [--seed 2026] [--now ISO]
 *  [--cases N] [--audit] [--keep-indexes]`
 * A PostgreSQL database that does not exist yet is created first.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../../config.js';
import { generateScale } from './generate.js';

async function ensurePostgresDatabase(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    await c.end();
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err;
    const admin = new URL(url);
    const name = decodeURIComponent(admin.pathname.slice(1));
    admin.pathname = '/postgres';
    const a = new pg.Client({ connectionString: admin.toString() });
    await a.connect();
    await a.query(`create database "${name.replace(/"/g, '""')}"`);
    await a.end();
    console.log(`created database ${name}`);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'tiny' },
      db: { type: 'string' },
      seed: { type: 'string', default: '2026' },
      now: { type: 'string' },
      cases: { type: 'string' },
      audit: { type: 'boolean', default: false },
      'keep-indexes': { type: 'boolean', default: false },
    },
  });
  if (!values.db) throw new Error('--db sqlite:/path/file.db or --db postgres://user@host:port/name is required');
  const database = loadConfig({ DATABASE_URL: values.db, LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: '2' }).database;
  if (database.kind === 'postgres') await ensurePostgresDatabase(database.url);
  await generateScale({
    database, scale: values.scale!, seed: Number(values.seed), now: values.now ? new Date(values.now) : undefined,
    cases: values.cases ? Number(values.cases) : undefined, audit: values.audit, suspendIndexes: !values['keep-indexes'],
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
