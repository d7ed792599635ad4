import { sql } from 'kysely';
import type { Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import { registerSchedule } from '../../kernel/jobs/jobs.js';
import { onCaseChanged } from '../cases/case-hooks.js';
import { reconcileBoardStats, recordCaseChange } from './board-stats.js';
import { refreshDirtyLights, refreshProjectLights } from './light-rules.service.js';

export const SYNC_JOB = 'board.sync-stats';
let failures = 0;
/** How many counts failed in this process (and were left to the reconciliation): tests expect none. */
export const countFailures = () => failures;
export const LIGHTS_JOB = 'board.refresh-lights';

/**
 * The case engine's hook, fenced by a savepoint: should counting ever fail, the case change still commits and the
 * reconciliation job counts the case a minute later (its `updated_at` is past the watermark).
 */
export async function countCaseChange(ctx: Ctx, trx: Tx, caseId: string): Promise<void> {
  if (!trx.isTransaction) {
    await trx.transaction().execute((t) => countCaseChange(ctx, t, caseId));
    return;
  }
  await sql`savepoint board_stats`.execute(trx);
  try {
    await recordCaseChange(ctx, trx, caseId);
    await sql`release savepoint board_stats`.execute(trx);
  } catch (err) {
    await sql`rollback to savepoint board_stats`.execute(trx);
    await sql`release savepoint board_stats`.execute(trx);
    failures++;
    ctx.log.error({ err, caseId }, 'board counters not updated; the reconciliation job will count the case');
  }
}

/**
 * The board's background work: every minute the counters are reconciled (the hook's safety net) and the lights of
 * projects whose overdue cases changed are recomputed; every ten minutes every project's light (the time-proportional
 * plan moves daily, other modules' signals change on their own) after checking no case went uncounted.
 */
export function registerBoardJobs(): void {
  onCaseChanged(countCaseChange);
  registerSchedule(SYNC_JOB, 60_000, async (ctx) => {
    const { counted } = await reconcileBoardStats(ctx);
    const lights = await refreshDirtyLights(ctx);
    if (counted || lights.changed) ctx.log.info({ job: SYNC_JOB, counted, ...lights }, 'board counters reconciled');
  });
  registerSchedule(LIGHTS_JOB, 600_000, async (ctx) => {
    const { counted } = await reconcileBoardStats(ctx, { checkCounts: true });
    const lights = await refreshProjectLights(ctx);
    if (counted || lights.changed) ctx.log.info({ job: LIGHTS_JOB, counted, ...lights }, 'project lights refreshed');
  });
}
