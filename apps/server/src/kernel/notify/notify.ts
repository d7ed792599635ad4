import type { Ctx, Deps } from '../context.js';
import type { Tx } from '../db/connect.js';
import { newId } from '../ids.js';
import { sendMail } from './mailer.js';

export type Notice = {
  userIds?: string[];
  /** Every active member of these units is told. */
  unitIds?: string[];
  kind: string;
  title: string;
  body?: string;
  link?: string;
  entityType?: string;
  entityId?: string;
};

/**
 * Puts a notice in the inbox of everyone who must act, inside the caller's transaction; the acting user is not
 * told about their own action. E-mail goes out afterwards from the outbox (`sendPendingEmails`) when SMTP is set.
 */
export async function notify(ctx: Ctx, trx: Tx, n: Notice): Promise<number> {
  const ids = new Set(n.userIds ?? []);
  if (n.unitIds?.length) {
    const members = await trx.selectFrom('users').select('id').where('unitId', 'in', n.unitIds).where('isActive', '=', 1).execute();
    for (const m of members) ids.add(m.id);
  }
  if (ctx.actor) ids.delete(ctx.actor.userId);
  if (ids.size === 0) return 0;
  const withEmail = ctx.config.smtp
    ? new Set((await trx.selectFrom('users').select('id').where('id', 'in', [...ids]).where('email', 'is not', null).execute()).map((u) => u.id))
    : new Set<string>();
  const now = ctx.now().getTime();
  await trx
    .insertInto('notifications')
    .values([...ids].map((userId) => ({
      id: newId(), userId, kind: n.kind, title: n.title.slice(0, 300), body: n.body ?? null, link: n.link ?? null,
      entityType: n.entityType ?? null, entityId: n.entityId ?? null, createdAt: now, readAt: null,
      emailState: withEmail.has(userId) ? 'pending' : null,
    })))
    .execute();
  return ids.size;
}

/** The e-mail outbox: sends pending notices in order; a failure is kept and tried again on the next run. */
export async function sendPendingEmails(deps: Pick<Deps, 'db' | 'config' | 'log'>, limit = 50): Promise<{ sent: number; failed: number }> {
  const smtp = deps.config.smtp;
  if (!smtp) return { sent: 0, failed: 0 };
  const rows = await deps.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.userId')
    .select(['notifications.id', 'notifications.title', 'notifications.body', 'notifications.link', 'users.email'])
    .where('notifications.emailState', '=', 'pending')
    .orderBy('notifications.createdAt')
    .limit(limit)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const r of rows) {
    if (!r.email) continue;
    const link = r.link && deps.config.publicUrl ? `\n\n${new URL(r.link, deps.config.publicUrl).toString()}` : '';
    try {
      await sendMail(smtp, { to: r.email, subject: `[Liaison] ${r.title}`, text: `${r.body ?? r.title}${link}` });
      await deps.db.updateTable('notifications').set({ emailState: 'sent' }).where('id', '=', r.id).execute();
      sent++;
    } catch (err) {
      deps.log.warn({ err: (err as Error).message, notification: r.id }, 'e-mail not sent; will retry');
      failed++;
    }
  }
  return { sent, failed };
}
