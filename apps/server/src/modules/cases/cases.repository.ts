import type { CaseFilters } from '@liaison/contracts';
import { sql, type SqlBool } from 'kysely';
import { startOfShanghaiDay, endOfShanghaiDay } from '../../kernel/calendar/working-calendar.js';
import type { Actor } from '../../kernel/context.js';
import type { Dialect, Tx } from '../../kernel/db/connect.js';
import type { CaseTable } from '../../kernel/db/schema.js';
import { matchesText, textQuery, type TextIndex, type TextQuery } from '../../kernel/db/search.js';
import { parseSort } from '../../kernel/db/tx.js';
import { newId } from '../../kernel/ids.js';
import { caseScope, seesAllCases, todoClause, unitClause } from './cases.policy.js';

export const CASE_TEXT: TextIndex = { table: 'cases', idColumn: 'id', ftsTable: 'cases_fts', columns: ['number', 'title', 'description'], ordered: true };

/**
 * The actor's cases narrowed by the list filters; every condition is SQL, so paging and counts are right.
 * `viaIndex`: start from the search index's matches (joined as `cases_fts`) instead of testing `q` per case — the
 * newest-first search on SQLite, which then reads the index in its rowid order.
 */
export function scopedCases(db: Tx, dialect: Dialect, actor: Actor, f: CaseFilters, now: Date, viaIndex?: TextQuery) {
  // 待我处理 only ever picks cases within the caller's scope (every branch of todoClause is narrower than caseScope):
  // on its own it lets the database start from the few cases waiting for the caller, not all the caller may see.
  let q = viaIndex
    // The index table is not in the typed schema: the joined builder is typed as the plain one (only cases.* is read).
    ? ((db.selectFrom('cases') as any).innerJoin(sql.table(CASE_TEXT.ftsTable).as('cases_fts'), (j: any) => j.on(sql<SqlBool>`cases_fts.doc_id = cases.id`))
      .where(viaIndex.match) as ReturnType<typeof db.selectFrom<'cases'>>)
    : db.selectFrom('cases');
  q = q.where(f.view === 'todo' ? todoClause(actor) : caseScope(actor));
  if (f.view === 'unit') q = q.where(unitClause(actor));
  if (f.view === 'overdue' || f.overdue === 'true') q = q.where('cases.dueAt', '<', now.getTime());
  if (f.overdue === 'false') q = q.where((eb) => eb.or([eb('cases.dueAt', 'is', null), eb('cases.dueAt', '>=', now.getTime())]));
  if (f.type) q = q.where('cases.type', '=', f.type);
  if (f.status) q = q.where('cases.status', 'in', Array.isArray(f.status) ? f.status : [f.status]);
  if (f.projectId) q = q.where('cases.projectId', '=', f.projectId);
  if (f.unitId) {
    const unitId = f.unitId;
    q = q.where((eb) => eb.exists(eb.selectFrom('caseUnits').select('caseUnits.id')
      .whereRef('caseUnits.caseId', '=', 'cases.id').where('caseUnits.unitId', '=', unitId).where('caseUnits.active', '=', 1)));
  }
  if (f.assigneeId) q = q.where('cases.assigneeId', '=', f.assigneeId);
  if (f.reporterId) q = q.where('cases.reporterId', '=', f.reporterId);
  if (f.light) q = q.where('cases.light', '=', f.light);
  if (f.supervisionLevel !== undefined) q = q.where('cases.supervisionLevel', '=', f.supervisionLevel);
  if (f.source) q = q.where('cases.source', '=', f.source);
  if (f.priority) q = q.where('cases.priority', '=', f.priority);
  if (f.createdFrom) q = q.where('cases.createdAt', '>=', startOfShanghaiDay(f.createdFrom).getTime());
  if (f.createdTo) q = q.where('cases.createdAt', '<=', endOfShanghaiDay(f.createdTo).getTime());
  if (viaIndex) {
    if (viaIndex.recheck) q = q.where(viaIndex.recheck);
  } else if (f.q) q = q.where(matchesText(dialect, CASE_TEXT, f.q));
  return q;
}

/** Filters besides the search text: with none of them (and a caller who sees every case) the index alone counts. */
const NARROWING: (keyof CaseFilters)[] = ['view', 'overdue', 'type', 'status', 'projectId', 'unitId', 'assigneeId', 'reporterId', 'light',
  'supervisionLevel', 'source', 'priority', 'createdFrom', 'createdTo'];

/**
 * A case list's count, and a page of its rows in order.
 * Search, newest first, starts from the index. On SQLite its matches are read in rowid order — the order the cases
 * were entered, which is their creation order — and each is checked against the caller's scope and filters, so a
 * common term (thousands of matches) stops after one page instead of sorting them all. On PostgreSQL the index rows
 * carry the creation time: with nothing else to check, a page is sorted out of the index table before any case is
 * read. With no other filter and a caller who sees every case, the index alone counts the matches.
 */
export function caseListQueries(db: Tx, dialect: Dialect, actor: Actor, f: CaseFilters, now: Date) {
  const tq = f.q && !f.sort ? textQuery(dialect, CASE_TEXT, f.q) : null;
  if (tq) {
    const indexAlone = !tq.recheck && seesAllCases(actor) && NARROWING.every((k) => f[k] === undefined);
    const fts = sql.table(CASE_TEXT.ftsTable);
    const base = scopedCases(db, dialect, actor, f, now, tq);
    const count = indexAlone
      ? db.selectNoFrom(sql<number>`(select count(*) from ${fts} where ${tq.match})`.as('n'))
      : base.select((eb) => eb.fn.countAll<number>().as('n'));
    if (dialect === 'sqlite') {
      return { count, page: (limit: number, offset: number) => base.selectAll('cases').orderBy(sql`cases_fts.rowid`, 'desc').limit(limit).offset(offset) };
    }
    const page = indexAlone
      ? (limit: number, offset: number) => db.selectFrom('cases').selectAll('cases')
        .where(sql<SqlBool>`cases.id in (select doc_id from ${fts} where ${tq.match} order by created_at desc, doc_id desc limit ${limit} offset ${offset})`)
        .orderBy('cases.createdAt', 'desc').orderBy('cases.id', 'desc')
      : (limit: number, offset: number) => base.selectAll('cases').orderBy('cases.createdAt', 'desc').orderBy('cases.id', 'desc').limit(limit).offset(offset);
    return { count, page };
  }
  const base = scopedCases(db, dialect, actor, f, now);
  let ordered = base.selectAll('cases');
  for (const o of caseOrder(f.sort)) ordered = ordered.orderBy(o);
  ordered = ordered.orderBy('cases.id', 'desc');
  return { count: base.select((eb) => eb.fn.countAll<number>().as('n')), page: (limit: number, offset: number) => ordered.limit(limit).offset(offset) };
}

const sortColumns = {
  deadline: 'cases.dueAt', createdAt: 'cases.createdAt', updatedAt: 'cases.updatedAt', number: 'cases.number',
  supervisionLevel: 'cases.supervisionLevel', priority: 'cases.priority',
} as const;

/** ORDER BY for `?sort=`; cases with no running deadline sort last either way. Default: newest first. */
export function caseOrder(sort: string | undefined) {
  if (!sort) return [sql`cases.created_at desc`];
  const [field, dir] = parseSort<keyof typeof sortColumns>(sort, 'createdAt');
  const col = sortColumns[field] ?? sortColumns.createdAt;
  return [sql`${sql.ref(col)} ${sql.raw(dir)} nulls last`];
}

export async function findCase(db: Tx, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findVisibleCase(db: Tx, actor: Actor, id: string) {
  return db.selectFrom('cases').selectAll().where('cases.id', '=', id).where(caseScope(actor)).executeTakeFirst();
}

export async function listCaseUnits(db: Tx, caseIds: string[]) {
  if (!caseIds.length) return [];
  return db.selectFrom('caseUnits').selectAll().where('caseId', 'in', caseIds).orderBy('createdAt').orderBy('id').execute();
}

/**
 * The next number of a district's year, gapless: the counter row is bumped and read in the creating
 * transaction, so a rolled-back creation gives its number back and concurrent ones queue on the row lock.
 */
export async function nextCaseNumber(trx: Tx, districtId: string, code: string, year: number): Promise<string> {
  await trx.insertInto('caseCounters').values({ districtId, year, last: 0 })
    .onConflict((oc) => oc.columns(['districtId', 'year']).doNothing()).execute();
  const row = await trx.updateTable('caseCounters').set((eb) => ({ last: eb('last', '+', 1) }))
    .where('districtId', '=', districtId).where('year', '=', year)
    .returning('last').executeTakeFirstOrThrow();
  return `${code}-${year}-${String(row.last).padStart(6, '0')}`;
}

export type NewEvent = { kind: string; payload: Record<string, unknown>; internal?: boolean };

/** Appends to the timeline. Call after the case row's update in the same transaction: that row lock orders the seqs. */
export async function appendEvents(trx: Tx, caseId: string, actor: { id: string | null; name: string | null }, at: number, events: NewEvent[]) {
  if (!events.length) return;
  const last = await trx.selectFrom('caseEvents').select((eb) => eb.fn.max('seq').as('seq')).where('caseId', '=', caseId).executeTakeFirst();
  let seq = Number(last?.seq ?? 0);
  await trx.insertInto('caseEvents').values(events.map((e) => ({
    id: newId(), caseId, seq: ++seq, kind: e.kind, actorId: actor.id, actorName: actor.name, at,
    payload: JSON.stringify(e.payload), internal: e.internal ? 1 : 0,
  }))).execute();
}

/** Writes a change to the case if nobody changed it since `version`; false when someone did. */
export async function updateCaseAt(trx: Tx, id: string, version: number, patch: Partial<CaseTable>, now: number): Promise<boolean> {
  const res = await trx.updateTable('cases').set({ ...patch, version: version + 1, updatedAt: now })
    .where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function loadLimits(db: Tx) {
  const rows = await db.selectFrom('caseLimits').select(['type', 'priority', 'days']).execute();
  const map = new Map(rows.map((r) => [`${r.type}:${r.priority}`, r.days]));
  return (type: string, priority: string) => map.get(`${type}:${priority}`) ?? map.get(`${type}:normal`) ?? 10;
}
