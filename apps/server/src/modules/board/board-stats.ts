import { loadWorkingCalendar } from '../../kernel/calendar/calendar-store.js';
import { shanghaiDate, workingDaysBetween, type WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import type { BoardCaseMarkTable, CaseTable, CaseUnitTable } from '../../kernel/db/schema.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { findResolutionDueDates } from './board-sources.js';
import {
  addToCounters, bumpVersions, clearCounters, findMarks, markProjectsDirty, readWatermark, saveMarks, writeWatermark,
} from './board-stats.repository.js';
import { diffCells, factsOf, overdueOpen, sameFacts, type BoardFacts, type Cells } from './case-facts.js';

/**
 * Keeps the board's counters exact. `recordCaseChange` runs inside the transaction of every case write (the case
 * engine's `onCaseChanged` hook), after the write: it reads the case as it now is, compares its facts with those last
 * counted (`board_case_marks`) and adds the difference. Running it twice changes nothing the second time, so the
 * reconciliation below may run it again for any case at any time.
 */
type Change = { caseId: string; before: BoardFacts | null; after: BoardFacts };

/** The facts of some cases, with the calendar and resolution due dates read once for all of them. */
async function buildFacts(trx: Tx, rows: CaseTable[], units: CaseUnitTable[], marks: BoardCaseMarkTable[]): Promise<Change[]> {
  const before = new Map(marks.map((m) => [m.caseId, JSON.parse(m.facts) as BoardFacts]));
  const unitsBy = new Map<string, CaseUnitTable[]>();
  for (const u of units) {
    if (!unitsBy.has(u.caseId)) unitsBy.set(u.caseId, []);
    unitsBy.get(u.caseId)!.push(u);
  }
  // Working days to close and the resolution's due date are read only when a closing is new to the counters.
  const fresh = rows.filter((r) => r.status === 'closed' && r.closedAt !== null && before.get(r.id)?.xd !== shanghaiDate(r.closedAt));
  let cal: WorkingCalendar | null = null;
  if (fresh.length) cal = await loadWorkingCalendar(trx, fresh.reduce((min, r) => (shanghaiDate(r.createdAt) < min ? shanghaiDate(r.createdAt) : min), '9999-12-31'));
  const dues = await findResolutionDueDates(trx, fresh.filter((r) => r.sourceRefType === 'resolution').map((r) => r.sourceRefId!));
  return rows.map((row) => {
    const prev = before.get(row.id) ?? null;
    const closedDay = row.closedAt !== null ? shanghaiDate(row.closedAt) : '';
    const known = prev !== null && prev.xd !== '' && prev.xd === closedDay;
    const due = row.sourceRefId ? dues.get(row.sourceRefId) : undefined;
    const inputs = known
      ? { closeDays: prev.xw, resolutionOnTime: prev.ro === 1 }
      : {
          closeDays: cal && closedDay ? workingDaysBetween(cal, shanghaiDate(row.createdAt), closedDay) : 0,
          resolutionOnTime: !!closedDay && (due === null || (due !== undefined && closedDay <= due)),
        };
    return { caseId: row.id, before: prev, after: factsOf(row, unitsBy.get(row.id) ?? [], inputs) };
  });
}

/** Counts the changes: counters, marks, cache versions, and the projects whose light must be looked at again. */
async function applyChanges(trx: Tx, changes: Change[], now: number): Promise<void> {
  const real = changes.filter((c) => !sameFacts(c.before, c.after));
  if (!real.length) return;
  const cells: Cells = new Map();
  const versions = ['*'];
  const dirty: string[] = [];
  for (const { before, after } of real) {
    diffCells(before, after, cells);
    versions.push(`d:${after.d}`, ...(before ? [`d:${before.d}`] : []));
    if (overdueOpen(before) !== overdueOpen(after) || (before && before.p !== after.p)) dirty.push(after.p, ...(before ? [before.p] : []));
  }
  await addToCounters(trx, cells);
  await saveMarks(trx, real.map((c) => ({ caseId: c.caseId, overdue: overdueOpen(c.after), facts: JSON.stringify(c.after), updatedAt: now })));
  await bumpVersions(trx, versions);
  await markProjectsDirty(trx, dirty);
}

/** Loads, locks (PostgreSQL) and counts the given cases, inside the caller's transaction. */
async function countCases(ctx: Ctx, trx: Tx, ids: string[]): Promise<number> {
  if (!ids.length) return 0;
  let q = trx.selectFrom('cases').selectAll().where('id', 'in', ids).orderBy('id');
  // The case row's lock orders this count after any write of the same case still in flight.
  if (ctx.dialect === 'postgres') q = q.forUpdate();
  const rows = await q.execute();
  const units = await trx.selectFrom('caseUnits').selectAll().where('caseId', 'in', ids).orderBy('createdAt').orderBy('id').execute();
  const changes = await buildFacts(trx, rows, units, await findMarks(trx, ids));
  await applyChanges(trx, changes, ctx.now().getTime());
  return changes.filter((c) => !sameFacts(c.before, c.after)).length;
}

/** The case engine's hook: count this case's change, in the transaction that made it. */
export async function recordCaseChange(ctx: Ctx, trx: Tx, caseId: string): Promise<void> {
  await countCases(ctx, trx, [caseId]);
}

/** Counts some cases again, each page in its own transaction. */
export async function syncCases(ctx: Ctx, ids: string[], page = 500): Promise<number> {
  let n = 0;
  for (let i = 0; i < ids.length; i += page) {
    const slice = ids.slice(i, i + page);
    n += await inTransaction(ctx, (trx) => countCases(ctx, trx, slice));
  }
  return n;
}

/** Counts every case the counters have never seen (cases loaded in bulk, by the data generator or an import). */
export async function syncUncountedCases(ctx: Ctx, page = 500): Promise<number> {
  let n = 0;
  for (let after = ''; ;) {
    const ids = (await ctx.db.selectFrom('cases').leftJoin('boardCaseMarks', 'boardCaseMarks.caseId', 'cases.id')
      .select('cases.id').where('boardCaseMarks.caseId', 'is', null).where('cases.id', '>', after)
      .orderBy('cases.id').limit(page).execute()).map((r) => r.id);
    if (!ids.length) return n;
    n += await syncCases(ctx, ids, page);
    after = ids[ids.length - 1]!;
  }
}

/** Throws the counters away and counts every case again: for repairs, and for tests that check the running counts. */
export async function rebuildBoardStats(ctx: Ctx): Promise<number> {
  await inTransaction(ctx, async (trx) => {
    await clearCounters(trx);
    await bumpVersions(trx, ['*', ...(await trx.selectFrom('units').select('id').where('kind', '=', 'district').execute()).map((u) => `d:${u.id}`)]);
  });
  return syncUncountedCases(ctx);
}

const WATERMARK = 'reconciled-at';
/** Cases written since the last pass are looked at again this far back too (late commits, clocks of other instances). */
const OVERLAP_MS = 5 * 60_000;

/**
 * The safety net behind the hook (job `board.sync-stats`, every minute): counts cases written since the last pass
 * (by `updated_at`), cases whose overdue flag the counters disagree with (the deadline sweep's bookkeeping), and — on
 * the first pass, or when asked to check and the numbers of cases and marks differ — every case never counted.
 * Idempotent.
 */
export async function reconcileBoardStats(ctx: Ctx, opts: { checkCounts?: boolean } = {}): Promise<{ counted: number }> {
  const now = ctx.now().getTime();
  const since = await readWatermark(ctx.db, WATERMARK);
  let counted = 0;
  if (since === null || (opts.checkCounts && (await countsDiffer(ctx)))) counted += await syncUncountedCases(ctx);
  if (since !== null) {
    for (let from = since - OVERLAP_MS, after = ''; ;) {
      const rows = await ctx.db.selectFrom('cases').select(['id', 'updatedAt']).where('updatedAt', '>=', from)
        .where((eb) => eb.or([eb('updatedAt', '>', from), eb('id', '>', after)]))
        .orderBy('updatedAt').orderBy('id').limit(500).execute();
      if (!rows.length) break;
      counted += await syncCases(ctx, rows.map((r) => r.id));
      from = rows[rows.length - 1]!.updatedAt;
      after = rows[rows.length - 1]!.id;
    }
  }
  const flagged = await ctx.db.selectFrom('cases').innerJoin('boardCaseMarks', 'boardCaseMarks.caseId', 'cases.id').select('cases.id')
    .where('cases.overdue', '=', 1).where('boardCaseMarks.overdue', '=', 0).execute();
  const cleared = await ctx.db.selectFrom('boardCaseMarks').innerJoin('cases', 'cases.id', 'boardCaseMarks.caseId').select('cases.id')
    .where('boardCaseMarks.overdue', '=', 1).where('cases.overdue', '=', 0).execute();
  counted += await syncCases(ctx, [...flagged, ...cleared].map((r) => r.id));
  await writeWatermark(ctx.db, WATERMARK, now);
  return { counted };
}

async function countsDiffer(ctx: Ctx): Promise<boolean> {
  const [cases, marks] = await Promise.all([
    ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('boardCaseMarks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return Number(cases.n) !== Number(marks.n);
}
