import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { dialectOf, type Dialect, type Tx } from './connect.js';
import { containsText } from './dialect-sql.js';
import { likePattern } from './tx.js';

/**
 * Substring search that finds Chinese text, one design for both databases (STACK.md gotcha 3).
 *
 * A record's text is cut into tokens here, in JavaScript: every run of Chinese (any non-ASCII letter or digit) gives its
 * overlapping character pairs and, last, its final character alone (塔吊夜间 → 塔吊 吊夜 夜间 间); every run of ASCII
 * letters and digits gives the lower-cased word (XC-2026-000123 → xc 2026 000123). The tokens, separated by spaces,
 * are the `body` of the index row: an FTS5 table (unicode61 keeps each token whole) on SQLite, a table with a
 * generated `to_tsvector('simple', body)` column under a GIN index on PostgreSQL. Indexes of exact tokens answer
 * 2-character terms — the most common Chinese search — which trigram indexes cannot.
 *
 * A term becomes the phrase of its own tokens: a Chinese term of two or more characters matches exactly (its pairs,
 * adjacent); one character matches as a prefix (塔 → 塔吊, 塔…, and a run's last character); an ASCII word matches
 * words that start with it. Where a term holds anything the tokens lose (ASCII words, punctuation, quotes), the
 * candidates are re-checked with LIKE against the columns, so what is found always contains the term as typed.
 * The index rows are written by the owning service in the record's own transaction (no triggers).
 */
export type TextIndex = {
  /** The searched table and its text-id primary key column (snake_case). */
  table: string;
  idColumn: string;
  /** The index table: FTS5 on SQLite, a plain table on PostgreSQL; same name and columns (doc_id, body). */
  ftsTable: string;
  columns: readonly string[];
  /**
   * On PostgreSQL the index row also keeps the record's creation time (`created_at`), so a newest-first search sorts
   * its matches inside the index table and reads only one page of records (SQLite reads its index in rowid order).
   */
  ordered?: boolean;
};

/** For a migration: the index table of `ix` (empty). */
export async function createTextIndex(db: Kysely<any>, ix: TextIndex): Promise<void> {
  const t = sql.table(ix.ftsTable);
  if (dialectOf(db) === 'postgres') {
    await sql`create table ${t} (
      doc_id varchar(64) primary key references ${sql.table(ix.table)} (${sql.id(ix.idColumn)}) on delete cascade,
      ${ix.ordered ? sql`created_at bigint not null,` : sql``}
      body text not null,
      tsv tsvector generated always as (to_tsvector('simple', body)) stored)`.execute(db);
    await sql`create index ${sql.id(`${ix.ftsTable}_tsv`)} on ${t} using gin (tsv)`.execute(db);
    return;
  }
  await sql`create virtual table ${t} using fts5(doc_id unindexed, body, tokenize = 'unicode61 remove_diacritics 0')`.execute(db);
}

const ASCII_WORD = /[a-z0-9]/;
const OTHER_WORD = /[\p{L}\p{N}]/u;

type Run = { kind: 'ascii' | 'cjk'; text: string };

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let cur: Run | null = null as Run | null;
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const kind: Run['kind'] | null = ASCII_WORD.test(ch) ? 'ascii' : OTHER_WORD.test(ch) ? 'cjk' : null;
    if (kind && cur && cur.kind === kind) cur.text += ch;
    else {
      cur = kind ? { kind, text: ch } : null;
      if (cur) runs.push(cur);
    }
  }
  return runs;
}

function tokensOfRun(run: Run): string[] {
  if (run.kind === 'ascii') return [run.text];
  const chars = [...run.text];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  out.push(chars[chars.length - 1]!);
  return out;
}

/** The index text of a record: its fields' tokens, separated by spaces. */
export function gramText(values: (string | null | undefined)[]): string {
  return values.flatMap((v) => (v ? runsOf(v).flatMap(tokensOfRun) : [])).join(' ');
}

/** Splits what the user typed into terms; quotes and FTS operators are kept as plain text. */
export function searchTerms(q: string): string[] {
  return q.split(/\s+/).map((t) => t.trim()).filter(Boolean).slice(0, 8);
}

type TermQuery = { tokens: string[]; prefix: boolean; recheck: boolean };

/**
 * The tokens a term must match in a row, in order. A run of several Chinese characters gives its pairs only (its
 * last character alone would break the phrase: in the index it follows the pairs of the whole run).
 */
function termQuery(term: string): TermQuery | null {
  const runs = runsOf(term);
  if (!runs.length) return null;
  const tokens: string[] = [];
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    if (run.kind === 'ascii') tokens.push(run.text);
    else if ([...run.text].length === 1) tokens.push(run.text);
    else tokens.push(...tokensOfRun(run).slice(0, -1));
    // A run that is not the last one is followed by a run of the other kind: in the index its last character is there.
    if (!last && run.kind === 'cjk' && [...run.text].length > 1) tokens.push([...run.text].at(-1)!);
  });
  const lastRun = runs[runs.length - 1]!;
  const prefix = lastRun.kind === 'ascii' || [...lastRun.text].length === 1;
  // Exact without a re-check only when the term is one run of Chinese (no ASCII prefix words, nothing dropped).
  const recheck = !(runs.length === 1 && lastRun.kind === 'cjk' && runs[0]!.text === term.normalize('NFKC').toLowerCase());
  return { tokens, prefix, recheck };
}

/** The match expression's text for the index: FTS5 query syntax on SQLite, tsquery syntax on PostgreSQL. */
function matchText(dialect: Dialect, terms: TermQuery[]): string {
  if (dialect === 'postgres') {
    return terms.map((t) => t.tokens.map((tok, i) => `'${tok}'${t.prefix && i === t.tokens.length - 1 ? ':*' : ''}`).join(' <-> ')).map((p) => `(${p})`).join(' & ');
  }
  return terms.map((t) => `"${t.tokens.join(' ')}"${t.prefix ? '*' : ''}`).join(' AND ');
}

export type TextQuery = {
  /** The match against the index table, to put in its WHERE (`index match …` / `tsv @@ …`). */
  match: Expression<SqlBool>;
  /** Terms to re-check on the searched table's columns (LIKE), or null when the index answers exactly. */
  recheck: Expression<SqlBool> | null;
};

/** What a search string asks of the index; null when it holds no searchable character (then LIKE alone decides). */
export function textQuery(dialect: Dialect, ix: TextIndex, q: string): TextQuery | null {
  const terms = searchTerms(q);
  const parsed = terms.map(termQuery);
  const usable = parsed.filter((t): t is TermQuery => t !== null);
  if (!usable.length) return null;
  const text = matchText(dialect, usable);
  const match = dialect === 'postgres'
    ? sql<SqlBool>`${sql.ref(`${ix.ftsTable}.tsv`)} @@ to_tsquery('simple', ${text})`
    : sql<SqlBool>`${sql.table(ix.ftsTable)} match ${text}`;
  const toCheck = terms.filter((_, i) => parsed[i] === null || parsed[i]!.recheck);
  return { match, recheck: toCheck.length ? likeAll(dialect, ix, toCheck) : null };
}

function likeAll(dialect: Dialect, ix: TextIndex, terms: string[]): Expression<SqlBool> {
  const anyColumn = (term: string) => {
    const p = likePattern(term);
    return sql<SqlBool>`(${sql.join(ix.columns.map((c) => containsText(dialect, `${ix.table}.${c}`, p)), sql` or `)})`;
  };
  return sql<SqlBool>`(${sql.join(terms.map(anyColumn), sql` and `)})`;
}

/**
 * A where-clause for the searched table: every term occurs in one of the columns.
 * Assumes the query selects from `ix.table` under its own name.
 */
export function matchesText(dialect: Dialect, ix: TextIndex, q: string): Expression<SqlBool> {
  const tq = textQuery(dialect, ix, q);
  if (!tq) return likeAll(dialect, ix, searchTerms(q));
  const inIndex = sql<SqlBool>`${sql.ref(`${ix.table}.${ix.idColumn}`)} in (select doc_id from ${sql.table(ix.ftsTable)} where ${tq.match})`;
  return tq.recheck ? sql<SqlBool>`(${inIndex} and ${tq.recheck})` : inIndex;
}

/**
 * Writes (or rewrites) one record's index row, inside the record's transaction. `isNew`: there is no old row.
 * `createdAt`: the record's creation time, for an `ordered` index.
 */
export async function indexText(trx: Tx, dialect: Dialect, ix: TextIndex, id: string, values: Record<string, string | null>, opts: { isNew?: boolean; createdAt?: number } = {}): Promise<void> {
  const body = gramText(ix.columns.map((c) => values[c]));
  const t = sql.table(ix.ftsTable);
  // On SQLite doc_id is not indexed, so the delete scans the index (about a second at a million cases): edits only.
  if (!opts.isNew) await sql`delete from ${t} where doc_id = ${id}`.execute(trx);
  if (ix.ordered && dialect === 'postgres') {
    if (opts.createdAt === undefined) throw new Error(`indexText(${ix.ftsTable}): createdAt is required`);
    await sql`insert into ${t} (doc_id, created_at, body) values (${id}, ${opts.createdAt}, ${body})`.execute(trx);
  } else {
    await sql`insert into ${t} (doc_id, body) values (${id}, ${body})`.execute(trx);
  }
}
