import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { GENESIS_HASH } from '../../kernel/audit/audit.js';
import { hasTable, moveStagedBoardTables, stageBoardTables } from './board-counts.js';
import type { BulkLoader, TableWriter } from './bulk-loader.js';
import { TABLE_ORDER, type ResolutionCase, type WorkerInput, type WorkerMessage } from './case-worker.js';
import type { Org } from './org-model.js';
import type { ScalePlan } from './scale-plan.js';

export type { ResolutionCase } from './case-worker.js';
export type CaseGenOptions = {
  seed: number; now: number; audit: boolean; progress: (done: number, total: number, rows: number) => void;
  /** CPU seconds of this process's busiest threads (Linux), reported as the generation ends. */
  threads?: (cpu: { name: string; seconds: number }[]) => void;
};

/** CPU time per thread of this process, from /proc (Linux only; empty elsewhere). */
function threadCpu(): { name: string; seconds: number }[] {
  try {
    return readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return { name: `${name}#${tid}`, seconds: (Number(fields[11]) + Number(fields[12])) / 100 };
    }).sort((a, b) => b.seconds - a.seconds).slice(0, 3);
  } catch {
    return [];
  }
}

/** Rows per statement and table (columns × rows stays under the dialects' parameter limits). */
const WRITERS: Record<(typeof TABLE_ORDER)[number], [columns: number, rows: number, parent?: boolean]> = {
  siteLogs: [14, 500, true], cases: [50, 600, true], caseUnits: [11, 1000], caseEvents: [9, 2000], casesFts: [3, 2000], appeals: [25, 1000], notifications: [12, 2000],
  auditLog: [15, 1000], siteLogProblems: [7, 1000], boardCaseMarks: [4, 2000], scaleStagedBoardFlows: [16, 2000], scaleStagedBoardCategories: [5, 2000],
  boardGauges: [15, 2000], boardVersions: [2, 100],
};

/**
 * Cases, oldest first over the plan's years, each run through its lifecycle to `now` — numbers gapless per district
 * and year, the counters left at the last number — with their events, unit rows, search index rows, recent
 * notifications, optionally a hash-chained `case.created` audit row each, the commissioners' site logs of the recent
 * window, and the board's counters. The lifecycles run on a worker thread (case-worker.ts) while this thread writes.
 */
export async function generateCases(loader: BulkLoader, org: Org, plan: ScalePlan, opts: CaseGenOptions) {
  const db = loader.db;
  const board = await hasTable(loader, 'board_case_marks');
  if (board) await stageBoardTables(loader);
  const last = await db.selectFrom('auditLog').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const input: WorkerInput = {
    plan, seed: opts.seed, now: opts.now, audit: opts.audit, fts: true, ftsCreatedAt: loader.dialect === 'postgres', board, appeals: await hasTable(loader, 'appeals'), chunk: WRITERS.cases[1], org,
    calendar: await db.selectFrom('calendarDays').select(['date', 'kind']).execute(),
    limits: await db.selectFrom('caseLimits').select(['type', 'priority', 'days']).execute(),
    counters: (await db.selectFrom('caseCounters').selectAll().execute()).map((r) => [`${r.districtId}:${r.year}`, r.last]),
    chain: { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH },
  };
  const writers = new Map<string, TableWriter>(TABLE_ORDER.map((t) => {
    const [columns, rows, parent] = WRITERS[t];
    return [t, loader.writer(t, columns, rows, { parent })];
  }));
  let chunks = 0;
  const write = async (m: WorkerMessage) => {
    for (const rows of m.tables) writers.get(rows.table)!.addFlat(rows);
    await loader.flushAll(m.kind === 'end');
    // A commit now and then keeps SQLite's transaction (and its journal-less rollback state) bounded.
    if (++chunks % 40 === 0) {
      await loader.commit();
      await loader.begin();
    }
  };

  await loader.begin();
  const end = await new Promise<Extract<WorkerMessage, { kind: 'end' }>>((resolve, reject) => {
    // A roomy young generation: the lifecycles make many short-lived objects.
    const worker = new Worker(new URL('./case-worker-boot.mjs', import.meta.url), { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 128 } });
    let queue = Promise.resolve();
    worker.on('message', (m: WorkerMessage) => {
      queue = queue.then(async () => {
        await write(m);
        if (m.kind === 'chunk') {
          worker.postMessage('ack');
          opts.progress(m.done, plan.cases, m.rows);
        } else {
          opts.threads?.(threadCpu());
          await worker.terminate();
          resolve(m);
        }
      }).catch((err: unknown) => {
        void worker.terminate();
        reject(err);
      });
    });
    worker.on('error', reject);
  });
  for (const [key, lastNumber] of end.counters) {
    const [districtId, year] = key.split(':');
    await loader.exec(loader.dialect === 'sqlite'
      ? 'insert into case_counters (district_id, year, last) values (?, ?, ?) on conflict (district_id, year) do update set last = excluded.last'
      : 'insert into case_counters (district_id, year, last) values ($1, $2, $3) on conflict (district_id, year) do update set last = excluded.last', [districtId, Number(year), lastNumber]);
  }
  if (board) await moveStagedBoardTables(loader);
  await loader.commit();
  opts.progress(plan.cases, plan.cases, end.rows);
  const total = (t: string) => writers.get(t)!.total;
  return { resolutionCases: end.resolutionCases as ResolutionCase[], rows: end.rows, events: total('caseEvents'), notifications: total('notifications'), siteLogs: total('siteLogs'), appeals: total('appeals') };
}
