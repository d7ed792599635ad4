import type { Ctx } from '../context.js';
import type { Tx } from './connect.js';
import type { Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * Runs `fn` in one transaction: the change, its audit row and any job commit together or not at all.
 * When `ctx.db` is already a transaction (one module calling another's service inside its own change), `fn` joins it.
 */
export function inTransaction<T>(ctx: Ctx, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx.db as Transaction<Database>);
  return ctx.db.transaction().execute(fn);
}

/** The same context, working inside `trx`: pass it to another module's service to make its change part of yours. */
export const withTrx = <C extends Ctx>(ctx: C, trx: Transaction<Database>): C => ({ ...ctx, db: trx });

export const toIso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());
export const bool = (n: number | null | undefined) => n === 1;

/** Turns `?sort=-name` into [column, direction] when the field is allowed. */
export function parseSort<F extends string>(sort: string | undefined, fallback: F): [F, 'asc' | 'desc'] {
  if (!sort) return [fallback, 'asc'];
  return sort.startsWith('-') ? [sort.slice(1) as F, 'desc'] : [sort as F, 'asc'];
}

/** LIKE pattern for a user's search text, with % and _ escaped. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
export type { Tx };
