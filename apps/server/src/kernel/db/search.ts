import { PostgresAdapter, sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Dialect, Tx } from './connect.js';
import { containsText } from './dialect-sql.js';
import { likePattern } from './tx.js';

/**
 * Substring search that finds Chinese text, one adapter for both databases (STACK.md gotcha 3):
 * SQLite keeps an FTS5 table with the trigram tokenizer, written by the owning service (not triggers);
 * PostgreSQL searches the columns themselves with ILIKE backed by pg_trgm GIN indexes.
 * Both indexes only help terms of 3+ characters; shorter terms fall back to LIKE/ILIKE, correct but a scan.
 */
export type TextIndex = {
  /** The searched table and its text-id primary key column (snake_case). */
  table: string;
  idColumn: string;
  /** The SQLite FTS5 table's name. */
  ftsTable: string;
  columns: readonly string[];
};

export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** For a migration: the FTS5 table on SQLite, the extension and one trigram index per column on PostgreSQL. */
export async function createTextIndex(db: Kysely<any>, ix: TextIndex): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`create extension if not exists pg_trgm`.execute(db);
    for (const col of ix.columns) {
      await sql`create index ${sql.id(`${ix.table}_${col}_trgm`)} on ${sql.table(ix.table)} using gin (${sql.id(col)} gin_trgm_ops)`.execute(db);
    }
    return;
  }
  const cols = sql.join(ix.columns.map((c) => sql.id(c)));
  await sql`create virtual table ${sql.table(ix.ftsTable)} using fts5(doc_id unindexed, ${cols}, tokenize = 'trigram')`.execute(db);
}

/**
 * Writes (or rewrites) one record's text into the SQLite index, inside the record's transaction. No-op on PostgreSQL.
 * `isNew`: the record was just created (its id is new), so there is no old text to remove.
 */
export async function indexText(trx: Tx, dialect: Dialect, ix: TextIndex, id: string, values: Record<string, string | null>, opts: { isNew?: boolean } = {}): Promise<void> {
  if (dialect === 'postgres') return;
  // doc_id is unindexed, so this delete scans the whole index (about a second at a million cases): edits only.
  if (!opts.isNew) await sql`delete from ${sql.table(ix.ftsTable)} where doc_id = ${id}`.execute(trx);
  const cols = sql.join(ix.columns.map((c) => sql.id(c)));
  const vals = sql.join(ix.columns.map((c) => values[c] ?? ''));
  await sql`insert into ${sql.table(ix.ftsTable)} (doc_id, ${cols}) values (${id}, ${vals})`.execute(trx);
}

/** Splits what the user typed into terms; quotes and FTS operators are kept as plain text. */
export function searchTerms(q: string): string[] {
  return q.split(/\s+/).map((t) => t.trim()).filter(Boolean).slice(0, 8);
}

const charCount = (s: string) => [...s].length;

/**
 * A where-clause for the searched table: every term must occur in one of the columns.
 * Assumes the query selects from `ix.table` under its own name.
 */
export function matchesText(dialect: Dialect, ix: TextIndex, q: string): Expression<SqlBool> {
  const terms = searchTerms(q);
  const anyColumn = (term: string) => {
    const p = likePattern(term);
    return sql<SqlBool>`(${sql.join(ix.columns.map((c) => containsText(dialect, `${ix.table}.${c}`, p)), sql` or `)})`;
  };
  if (dialect === 'postgres') return sql<SqlBool>`(${sql.join(terms.map(anyColumn), sql` and `)})`;
  const long = terms.filter((t) => charCount(t) >= 3);
  const short = terms.filter((t) => charCount(t) < 3);
  const parts = short.map(anyColumn);
  if (long.length) {
    const match = long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
    parts.push(sql<SqlBool>`${sql.ref(`${ix.table}.${ix.idColumn}`)} in (select doc_id from ${sql.table(ix.ftsTable)} where ${sql.table(ix.ftsTable)} match ${match})`);
  }
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}
