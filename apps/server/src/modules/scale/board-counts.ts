import { shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { CaseTable, CaseUnitTable } from '../../kernel/db/schema.js';
import { cellsOf, factsOf, FLOW_COLUMNS, GAUGE_COLUMNS, overdueOpen, parseCellKey, type Cells } from '../board/case-facts.js';
import type { BulkLoader } from './bulk-loader.js';
import type { FastCalendar } from './fast-calendar.js';

/**
 * The board's counters for the generated cases, exactly as the board module's case hook would have left them: each
 * case's facts and counter cells come from the board's own pure functions (`factsOf`, `cellsOf`), the facts are saved
 * as the case's mark, and the cells are summed. A day's cells are final once the generator's clock has passed that
 * day (later cases only count on their own days and after), so they are handed on as the clock moves.
 */
export type Sink = { add(row: object): void };
export type BoardSinks = Record<'marks' | 'flows' | 'categories' | 'gauges' | 'versions', Sink>;

const SPEC = {
  g: { keys: ['scope', 'unit', 'type'], cols: GAUGE_COLUMNS as readonly string[] },
  f: { keys: ['scope', 'unit', 'day', 'type'], cols: FLOW_COLUMNS as readonly string[] },
  c: { keys: ['scope', 'unit', 'day', 'category'], cols: ['opened'] as readonly string[] },
} as const;
/** Staging copies: day cells arrive day by day, but the tables' keys start with the scope. */
export const STAGED = { boardFlows: 'scaleStagedBoardFlows', boardCategories: 'scaleStagedBoardCategories' } as const;
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const DAY_IN_KEY = /"(\d{4}-\d{2}-\d{2})"/;
const FLUSH_EVERY_DAYS = 90;

export class BoardCounts {
  /** Every cell not handed on yet: gauges until the end, day cells until their day is past. */
  private readonly cells: Cells = new Map();
  private readonly districts = new Set<string>();
  private daysSinceFlush = 0;

  constructor(private readonly sinks: BoardSinks, private readonly fast: FastCalendar, private readonly resolutionDue: (resolutionId: string) => string | undefined, private readonly now: number) {}

  add(row: CaseTable, units: CaseUnitTable[]): void {
    const closed = row.status === 'closed' && row.closedAt !== null;
    const closedDay = closed ? shanghaiDate(row.closedAt!) : '';
    const due = row.sourceRefType === 'resolution' && row.sourceRefId ? this.resolutionDue(row.sourceRefId) : undefined;
    const facts = factsOf(row, units, {
      closeDays: closed ? this.fast.workingDaysBetween(row.createdAt, row.closedAt!) : 0,
      resolutionOnTime: !!closedDay && due !== undefined && closedDay <= due,
    });
    this.districts.add(row.districtId);
    this.sinks.marks.add({ caseId: row.id, overdue: overdueOpen(facts), facts: JSON.stringify(facts), updatedAt: this.now });
    cellsOf(facts, this.cells);
  }

  /** Called when the generator's clock reaches `day`: every so often, the cells of earlier days are handed on. */
  newDay(day: string): void {
    if (++this.daysSinceFlush < FLUSH_EVERY_DAYS) return;
    this.daysSinceFlush = 0;
    this.handOn((key) => !key.startsWith('["g"') && DAY_IN_KEY.exec(key)![1]! < day);
  }

  /** Everything left, the cache versions of the districts, and the reconciliation watermark at `now`. */
  finish(): void {
    this.handOn(() => true);
    for (const key of ['*', ...[...this.districts].map((d) => `d:${d}`)]) this.sinks.versions.add({ key, version: 1 });
    // The board's every-minute pass then looks only at cases written after this moment.
    this.sinks.versions.add({ key: 'reconciled-at', version: this.now });
  }

  private handOn(done: (key: string) => boolean): void {
    for (const key of this.cells.keys()) {
      if (!done(key)) continue;
      const [kind, ...parts] = parseCellKey(key);
      const spec = SPEC[kind];
      const vals = this.cells.get(key)!;
      const row: Record<string, unknown> = {};
      spec.keys.forEach((k, i) => (row[k] = parts[i]));
      for (const c of spec.cols) row[c] = vals[c] ?? 0;
      (kind === 'g' ? this.sinks.gauges : kind === 'f' ? this.sinks.flows : this.sinks.categories).add(row);
      this.cells.delete(key);
    }
  }
}

/** Whether a module's migration has made `table` (snake_case) yet. */
export async function hasTable(loader: BulkLoader, table: string): Promise<boolean> {
  const sql = loader.dialect === 'sqlite' ? `select name from sqlite_master where type = 'table' and name = ?` : `select to_regclass($1) as name`;
  return !!(await loader.exec(sql, [table]))[0]?.name;
}

/** Session-local staging copies of the day-cell tables. */
export async function stageBoardTables(loader: BulkLoader): Promise<void> {
  for (const [real, staged] of Object.entries(STAGED)) {
    const [from, to] = [snake(real), snake(staged)];
    await loader.exec(loader.dialect === 'sqlite' ? `create temp table ${to} as select * from ${from} where 0` : `create temp table ${to} (like ${from})`);
  }
}

/** Into the real tables in key order, one INSERT … SELECT … ORDER BY per table. */
export async function moveStagedBoardTables(loader: BulkLoader): Promise<void> {
  for (const [real, staged] of Object.entries(STAGED)) {
    const keys = real === 'boardFlows' ? SPEC.f.keys : SPEC.c.keys;
    await loader.exec(`insert into ${snake(real)} select * from ${snake(staged)} order by ${keys.join(', ')}`);
    await loader.exec(`drop table ${snake(staged)}`);
  }
}
