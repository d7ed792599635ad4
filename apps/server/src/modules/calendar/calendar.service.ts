import type { CalendarDay } from '@liaison/contracts';
import { assertCan, requireActor } from '../../kernel/access/assert.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { notFound } from '../../kernel/errors/app-error.js';

/**
 * The working calendar's listed days (holidays and make-up working days) for one year: everyone signed in reads
 * it; the system admin enters next year's State Council notice every November. Deadlines already set keep their
 * dates; new clocks count on the edited calendar.
 */
export async function listCalendarDays(ctx: Ctx, year: number): Promise<{ year: number; items: CalendarDay[] }> {
  requireActor(ctx);
  const rows = await ctx.db.selectFrom('calendarDays').select(['date', 'kind', 'name'])
    .where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).orderBy('date').execute();
  return { year, items: rows as CalendarDay[] };
}

export async function putCalendarDays(ctx: Ctx, days: CalendarDay[]): Promise<{ items: CalendarDay[] }> {
  assertCan(ctx, 'calendar.manage');
  const byDate = new Map(days.map((d) => [d.date, d]));
  const dates = [...byDate.keys()].sort();
  const before = await ctx.db.selectFrom('calendarDays').select(['date', 'kind', 'name']).where('date', 'in', dates).execute();
  const t = ctx.now().getTime();
  await inTransaction(ctx, async (trx) => {
    for (const d of byDate.values()) {
      await trx.insertInto('calendarDays').values({ ...d, updatedAt: t })
        .onConflict((oc) => oc.column('date').doUpdateSet({ kind: d.kind, name: d.name, updatedAt: t })).execute();
    }
    await writeAudit(ctx, trx, {
      action: 'calendar.days_updated', entityType: 'calendar', entityId: null,
      changes: { before, after: dates.map((d) => byDate.get(d)) },
    });
  });
  return { items: dates.map((d) => byDate.get(d)!) };
}

export async function deleteCalendarDay(ctx: Ctx, date: string): Promise<void> {
  assertCan(ctx, 'calendar.manage');
  const row = await ctx.db.selectFrom('calendarDays').select(['date', 'kind', 'name']).where('date', '=', date).executeTakeFirst();
  if (!row) throw notFound('calendar day');
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('calendarDays').where('date', '=', date).execute();
    await writeAudit(ctx, trx, { action: 'calendar.day_deleted', entityType: 'calendar', entityId: date, changes: row });
  });
}
