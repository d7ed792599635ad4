import type { Tx } from '../../kernel/db/connect.js';
import { FLOW_COLUMNS, GAUGE_COLUMNS, parseCellKey, type CellKind, type Cells } from './case-facts.js';

/** Kysely queries on the board's own counter tables. Every function takes db-or-transaction. */
const TABLES = {
  g: { table: 'boardGauges', keys: ['scope', 'unit', 'type'], cols: GAUGE_COLUMNS },
  f: { table: 'boardFlows', keys: ['scope', 'unit', 'day', 'type'], cols: FLOW_COLUMNS },
  c: { table: 'boardCategories', keys: ['scope', 'unit', 'day', 'category'], cols: ['opened'] },
} as const;
const CHUNK = 400;

/**
 * Adds the deltas to the counters: one multi-row upsert per table and chunk, in key order, so that concurrent writers
 * on PostgreSQL take the row locks in the same order and never deadlock on each other.
 */
export async function addToCounters(trx: Tx, cells: Cells): Promise<void> {
  const byKind = new Map<CellKind, Record<string, unknown>[]>();
  for (const key of [...cells.keys()].sort()) {
    const [kind, ...parts] = parseCellKey(key);
    const spec = TABLES[kind];
    const vals = cells.get(key)!;
    const row: Record<string, unknown> = Object.fromEntries(spec.keys.map((k, i) => [k, parts[i]]));
    for (const c of spec.cols) row[c] = vals[c] ?? 0;
    if (!byKind.has(kind)) byKind.set(kind, []);
    byKind.get(kind)!.push(row);
  }
  for (const [kind, rows] of byKind) {
    const spec = TABLES[kind];
    for (let i = 0; i < rows.length; i += CHUNK) {
      // The table is chosen at run time, so the typed builder is used untyped here.
      const q = (trx as any).insertInto(spec.table).values(rows.slice(i, i + CHUNK));
      await q.onConflict((oc: any) => oc.columns(spec.keys).doUpdateSet((eb: any) =>
        Object.fromEntries(spec.cols.map((c) => [c, eb(`${spec.table}.${c}`, '+', eb.ref(`excluded.${c}`))])))).execute();
    }
  }
}

export async function findMarks(db: Tx, caseIds: string[]) {
  if (!caseIds.length) return [];
  return db.selectFrom('boardCaseMarks').selectAll().where('caseId', 'in', caseIds).execute();
}

export async function saveMarks(trx: Tx, marks: { caseId: string; overdue: number; facts: string; updatedAt: number }[]): Promise<void> {
  const sorted = [...marks].sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
  for (let i = 0; i < sorted.length; i += CHUNK) {
    await trx.insertInto('boardCaseMarks').values(sorted.slice(i, i + CHUNK))
      .onConflict((oc) => oc.column('caseId').doUpdateSet((eb) => ({
        overdue: eb.ref('excluded.overdue'), facts: eb.ref('excluded.facts'), updatedAt: eb.ref('excluded.updatedAt'),
      }))).execute();
  }
}

/** Bumps the cache versions (`d:<district>` and `*`): readers holding an older version recompute. */
export async function bumpVersions(trx: Tx, keys: string[]): Promise<void> {
  const all = [...new Set(keys)].sort();
  if (!all.length) return;
  await trx.insertInto('boardVersions').values(all.map((key) => ({ key, version: 1 })))
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ version: eb('boardVersions.version', '+', 1) }))).execute();
}

/** Projects whose light inputs changed: the lights job recomputes them. */
export async function markProjectsDirty(trx: Tx, projectIds: string[]): Promise<void> {
  const ids = [...new Set(projectIds)].sort();
  if (!ids.length) return;
  await trx.insertInto('boardProjectLights')
    .values(ids.map((projectId) => ({ projectId, light: 'green', reasons: '[]', inputs: '{}', dirty: 1, computedAt: null, changedAt: null })))
    .onConflict((oc) => oc.column('projectId').doUpdateSet({ dirty: 1 })).execute();
}

/** A watermark kept in the versions table (milliseconds). */
export async function readWatermark(db: Tx, key: string): Promise<number | null> {
  const row = await db.selectFrom('boardVersions').select('version').where('key', '=', key).executeTakeFirst();
  return row ? Number(row.version) : null;
}
export async function writeWatermark(db: Tx, key: string, ms: number): Promise<void> {
  await db.insertInto('boardVersions').values({ key, version: ms })
    .onConflict((oc) => oc.column('key').doUpdateSet({ version: ms })).execute();
}

/** Empties the counters (a rebuild recounts every case). */
export async function clearCounters(trx: Tx): Promise<void> {
  for (const t of ['boardGauges', 'boardFlows', 'boardCategories', 'boardCaseMarks'] as const) await trx.deleteFrom(t).execute();
}
