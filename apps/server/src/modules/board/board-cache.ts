import { boardSummarySchema, type BoardSummary } from '@liaison/contracts';
import { shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import { boardFigureNames, hasBoardFigure } from './board-figures.js';
import type { Period } from './board-links.js';
import type { BoardScope } from './board.policy.js';

/**
 * Summaries kept in memory with exact invalidation: an entry is served only while its stamp still matches — the
 * counters' versions (bumped in the transaction of every counted case change and every light change), the scope's
 * projects (count and last update: registry edits, confirmed progress reports) and the day. Figures that other
 * modules report through providers are re-read at most a minute later. Checking a stamp is one round trip of indexed
 * reads, so several server instances each keep their own cache and still never serve a stale board.
 */
const MAX_ENTRIES = 300;
const PROVIDER_TTL_MS = 60_000;
const entries = new Map<string, { stamp: string; json: string }>();
let hits = 0;
let misses = 0;

/** One round trip: the versions, and the count and last change of the scope's projects. */
async function stampOf(ctx: Ctx, scope: BoardScope): Promise<string> {
  const row = await ctx.db.selectNoFrom((eb) => [
    ...scope.versionKeys.map((key, i) => eb.selectFrom('boardVersions').select('version').where('key', '=', key).as(`v${i}`)),
    (() => {
      let q = eb.selectFrom('projects').select((e) => e.fn.countAll<number>().as('n'));
      if (scope.projectIds) q = scope.projectIds.length ? q.where('id', 'in', scope.projectIds) : q.where((e) => e.lit(false));
      else q = q.where('districtId', 'in', scope.districtIds.length ? scope.districtIds : ['-']);
      return q.as('n');
    })(),
    (() => {
      let q = eb.selectFrom('projects').select((e) => e.fn.max('updatedAt').as('at'));
      if (scope.projectIds) q = scope.projectIds.length ? q.where('id', 'in', scope.projectIds) : q.where((e) => e.lit(false));
      else q = q.where('districtId', 'in', scope.districtIds.length ? scope.districtIds : ['-']);
      return q.as('at');
    })(),
  ]).executeTakeFirstOrThrow();
  const providers = boardFigureNames.some(hasBoardFigure) ? Math.floor(ctx.now().getTime() / PROVIDER_TTL_MS) : 0;
  return `${Object.values(row as Record<string, unknown>).map((v) => String(v ?? 0)).join(',')}|${providers}`;
}

/** The summary as JSON text: checked against the contract and serialised once per change, then served as it is. */
export async function cachedSummary(ctx: Ctx, scope: BoardScope, period: Period, compute: () => Promise<BoardSummary>): Promise<string> {
  const key = JSON.stringify([scope.keys, scope.unit, scope.projectIds, scope.streetId, scope.drill, scope.label, period, shanghaiDate(ctx.now())]);
  const stamp = await stampOf(ctx, scope);
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp) {
    hits++;
    // Most recently used last: the oldest entry is the first to go.
    entries.delete(key);
    entries.set(key, hit);
    return hit.json;
  }
  misses++;
  const json = JSON.stringify(boardSummarySchema.parse(await compute()));
  entries.delete(key);
  entries.set(key, { stamp, json });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return json;
}

export const boardCacheStats = () => ({ entries: entries.size, hits, misses });
