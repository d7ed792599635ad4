import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../connect.js';
import { createTextIndex, gramText } from '../search.js';

/**
 * Case search by character pairs (search.ts) instead of trigrams: a 2-character term — 塔吊, 噪声 — was a scan of every
 * case (3 s at a million), and a common 3-character one sorted all its matches. Rebuilds the index from the cases,
 * oldest first (on SQLite the index's rowid order is then the cases' entry order, which the newest-first search reads).
 */
const CASES = { table: 'cases', idColumn: 'id', ftsTable: 'cases_fts', columns: ['number', 'title', 'description'], ordered: true } as const;
const BATCH = 2000;

export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  if (dialect === 'postgres') {
    for (const col of CASES.columns) await sql`drop index if exists ${sql.id(`cases_${col}_trgm`)}`.execute(db);
  } else {
    await sql`drop table if exists cases_fts`.execute(db);
  }
  await createTextIndex(db, CASES);
  // Keyset pages over the primary key: ids are UUIDv7, so id order is creation order (to the millisecond).
  let after: string | null = null;
  for (;;) {
    let q = db.selectFrom('cases').select(['id', 'number', 'title', 'description', 'created_at']).orderBy('id').limit(BATCH);
    if (after !== null) q = q.where('id', '>', after);
    const rows = await q.execute();
    if (!rows.length) break;
    await db.insertInto('cases_fts').values(rows.map((r) => ({
      doc_id: r.id, body: gramText([r.number, r.title, r.description]),
      // The handle maps result columns to camelCase (createdAt); PostgreSQL's index row keeps it for ordering.
      ...(dialect === 'postgres' ? { created_at: Number((r as { createdAt?: unknown }).createdAt) } : {}),
    }))).execute();
    after = rows[rows.length - 1]!.id as string;
    if (rows.length < BATCH) break;
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
