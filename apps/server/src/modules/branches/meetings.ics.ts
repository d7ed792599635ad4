import { renderIcs } from '../../kernel/documents/icalendar.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import { assertCan } from '../../kernel/access/assert.js';
import { loadActor } from '../../kernel/auth/actors.js';
import { randomToken, sha256 } from '../../kernel/auth/tokens.js';
import { buildCtx, type Ctx } from '../../kernel/context.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { projectScope } from '../projects/projects.policy.js';

/** A personal feed token (shown once; only its hash is kept); a new one replaces the old. */
export async function issueCalendarToken(ctx: Ctx, baseUrl: string) {
  // Only for those who may see meetings at all (not the audit roles: 三员分立).
  const actor = assertCan(ctx, 'branch.read');
  const token = `cal_${randomToken()}`;
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('calendarTokens').where('userId', '=', actor.userId).execute();
    await trx.insertInto('calendarTokens').values({ userId: actor.userId, tokenHash: sha256(token), createdAt: ctx.now().getTime() }).execute();
    await writeAudit(ctx, trx, { action: 'calendar_token.issued', entityType: 'user', entityId: actor.userId });
  });
  return { token, url: `${baseUrl}/api/v1/meetings.ics?token=${token}` };
}

/**
 * The iCalendar feed of the meetings a token's owner is invited to or can see on their projects, in Asia/Shanghai
 * time; a meeting keeps its UID and raises SEQUENCE when it moves.
 */
export async function meetingsIcs(ctx: Ctx, token: string): Promise<string> {
  const row = await ctx.db.selectFrom('calendarTokens').select('userId').where('tokenHash', '=', sha256(token)).executeTakeFirst();
  const actor = row ? await loadActor(ctx.db, row.userId, 'token') : undefined;
  if (!actor) throw new AppError('NOT_FOUND', 'unknown calendar token');
  const c = buildCtx(ctx, actor, ctx.meta);
  const since = c.now().getTime() - 180 * 86_400_000;
  const rows = await c.db.selectFrom('meetings').innerJoin('branches', 'branches.id', 'meetings.branchId').innerJoin('projects', 'projects.id', 'branches.projectId')
    .select(['meetings.id', 'meetings.uid', 'meetings.title', 'meetings.place', 'meetings.startsAt', 'meetings.endsAt', 'meetings.status', 'meetings.sequence', 'meetings.updatedAt', 'branches.name as branchName'])
    .where('meetings.startsAt', '>=', since)
    .where((eb) => eb.or([
      projectScope(actor)(eb as never),
      eb.exists(eb.selectFrom('meetingInvitees').select('meetingInvitees.id').whereRef('meetingInvitees.meetingId', '=', 'meetings.id').where('meetingInvitees.userId', '=', actor.userId)),
    ]))
    .orderBy('meetings.startsAt').execute();
  return renderIcs('Liaison 会议', rows.map((m) => ({
    uid: m.uid, sequence: m.sequence, stamp: new Date(m.updatedAt), start: new Date(m.startsAt), end: new Date(m.endsAt),
    summary: `${m.title}（${m.branchName}）`, location: m.place, cancelled: m.status === 'cancelled',
    url: c.config.publicUrl ? `${c.config.publicUrl}/meetings/${m.id}` : undefined,
  })));
}
