import type { Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';

/**
 * The case engine's one extension point: listeners run inside the transaction of every write to a case (its row or
 * its unit rows), after the write, with the case's id. Other modules keep figures derived from cases exact this way
 * (the board's counters) instead of re-reading every case per request. Listeners must be idempotent: they read the
 * case as it now is.
 */
export type CaseChangeListener = (ctx: Ctx, trx: Tx, caseId: string) => Promise<void>;
const listeners: CaseChangeListener[] = [];

export function onCaseChanged(fn: CaseChangeListener): void {
  if (!listeners.includes(fn)) listeners.push(fn);
}

export async function caseChanged(ctx: Ctx, trx: Tx, caseId: string): Promise<void> {
  for (const fn of listeners) await fn(ctx, trx, caseId);
}
