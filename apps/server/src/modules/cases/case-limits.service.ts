import type { CaseLimit } from '@liaison/contracts';
import { AppError } from '../../kernel/errors/app-error.js';
import { assertCan, requireActor } from '../../kernel/access/assert.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import { inTransaction } from '../../kernel/db/tx.js';

const ORDER = ['safety', 'appeal', 'dispute', 'enterprise', 'approval', 'coordination', 'sign'];

/** The time limits (办理时限) in working days: everyone who works cases reads them; admins edit them. */
export async function listCaseLimits(ctx: Ctx): Promise<{ items: CaseLimit[] }> {
  const actor = requireActor(ctx);
  if (!actor.permissions.includes('case.read') && !actor.permissions.includes('case.limits.manage')) throw new AppError('FORBIDDEN', 'missing permission case.read');
  const rows = await ctx.db.selectFrom('caseLimits').select(['type', 'priority', 'days']).execute();
  rows.sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type) || a.priority.localeCompare(b.priority));
  return { items: rows as CaseLimit[] };
}

/** Changes some limits; running clocks keep their deadlines, new ones use the new limits. */
export async function updateCaseLimits(ctx: Ctx, items: CaseLimit[]): Promise<{ items: CaseLimit[] }> {
  assertCan(ctx, 'case.limits.manage');
  const before = await ctx.db.selectFrom('caseLimits').select(['type', 'priority', 'days']).execute();
  const old = new Map(before.map((r) => [`${r.type}:${r.priority}`, r.days]));
  const changes: Record<string, [number | null, number]> = {};
  for (const i of items) {
    const k = `${i.type}:${i.priority}`;
    if (old.get(k) !== i.days) changes[k] = [old.get(k) ?? null, i.days];
  }
  const t = ctx.now().getTime();
  await inTransaction(ctx, async (trx) => {
    for (const i of items) {
      await trx.insertInto('caseLimits').values({ ...i, updatedAt: t })
        .onConflict((oc) => oc.columns(['type', 'priority']).doUpdateSet({ days: i.days, updatedAt: t })).execute();
    }
    await writeAudit(ctx, trx, { action: 'case-limits.updated', entityType: 'case-limits', entityId: null, changes });
  });
  return listCaseLimits(ctx);
}
