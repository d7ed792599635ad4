import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Config } from '../../config.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database> | Kysely<Database>;

/** Which database a Kysely handle talks to (for code that has the handle but no context, e.g. migrations). */
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export type DbHandle = { db: Db; dialect: Dialect; close(): Promise<void>; sqlite?: SqliteDatabase.Database };

// int8 and count(*) come back as strings from pg unless told otherwise; our ints fit in 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function openSqlite(file: string): SqliteDatabase.Database {
  mkdirSync(dirname(file), { recursive: true });
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  return raw;
}

/**
 * Kysely's SQLite driver prepares every query afresh, and preparing (parsing and planning) costs about as much as
 * running a small indexed query. The app sends the same few hundred SQL texts over and over: keep their statements.
 * A statement still iterating (a streamed query) is busy, so the same text then gets a fresh one.
 */
export function withStatementCache(raw: SqliteDatabase.Database, max = 1000) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string): SqliteDatabase.Statement {
      const hit = cache.get(sql);
      if (hit && !hit.busy) return hit;
      const stmt = raw.prepare(sql);
      if (cache.size >= max && !hit) cache.delete(cache.keys().next().value!);
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

export function connect(database: Config['database']): DbHandle {
  if (database.kind === 'sqlite') {
    const raw = openSqlite(database.file);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }), plugins: [new CamelCasePlugin()] });
    return { db, dialect: 'sqlite', sqlite: raw, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: database.url, max: database.poolSize });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}
