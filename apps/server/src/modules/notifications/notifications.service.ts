import { requireActor } from '../../kernel/access/assert.js';
import type { Ctx } from '../../kernel/context.js';
import { toIso } from '../../kernel/db/tx.js';
import { notFound } from '../../kernel/errors/app-error.js';

/** Each user reads and marks only their own inbox; the where-clause is the whole policy. */
export async function listInbox(ctx: Ctx, q: { page: number; pageSize: number; unread?: 'true' | 'false' }) {
  const actor = requireActor(ctx);
  let query = ctx.db.selectFrom('notifications').where('userId', '=', actor.userId);
  if (q.unread === 'true') query = query.where('readAt', 'is', null);
  if (q.unread === 'false') query = query.where('readAt', 'is not', null);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return {
    items: rows.map((n) => ({
      id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, entityType: n.entityType, entityId: n.entityId,
      createdAt: toIso(n.createdAt)!, readAt: toIso(n.readAt),
    })),
    total: Number(total.n), page: q.page, pageSize: q.pageSize, unread: await countUnread(ctx),
  };
}

export async function countUnread(ctx: Ctx): Promise<number> {
  const actor = requireActor(ctx);
  const r = await ctx.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', actor.userId).where('readAt', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function markRead(ctx: Ctx, id: string): Promise<void> {
  const actor = requireActor(ctx);
  const res = await ctx.db.updateTable('notifications').set({ readAt: ctx.now().getTime() })
    .where('id', '=', id).where('userId', '=', actor.userId).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound('notification');
}

export async function markAllRead(ctx: Ctx): Promise<number> {
  const actor = requireActor(ctx);
  const res = await ctx.db.updateTable('notifications').set({ readAt: ctx.now().getTime() })
    .where('userId', '=', actor.userId).where('readAt', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}
