import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { dialectOf, type Db } from '../db/connect.js';
import type { SessionTable } from '../db/schema.js';
import type { Actor } from '../context.js';
import { sql } from 'kysely';
import { actorOf, loadActor } from './actors.js';
import { sha256 } from './tokens.js';

export const SESSION_COOKIE = 'liaison_session';

export type AuthResult = {
  actor: Actor | null;
  session: SessionTable | null;
  /** Why there is no actor when a credential was presented: lets the API say "expired" rather than "sign in". */
  failure: 'expired' | 'invalid' | null;
};

const TOUCH_EVERY_MS = 60_000;

/** Resolves the caller from a Bearer API token or the session cookie. Never throws for bad credentials. */
export async function authenticate(db: Db, config: Config, req: FastifyRequest, now: Date): Promise<AuthResult> {
  const header = req.headers.authorization;
  const t = now.getTime();
  if (header?.startsWith('Bearer ')) {
    const token = await db
      .selectFrom('apiTokens')
      .selectAll()
      .where('tokenHash', '=', sha256(header.slice(7).trim()))
      .executeTakeFirst();
    if (!token || token.revokedAt !== null || (token.expiresAt !== null && token.expiresAt <= t))
      return { actor: null, session: null, failure: 'invalid' };
    const actor = await loadActor(db, token.userId, 'token', { tokenId: token.id });
    if (!actor) return { actor: null, session: null, failure: 'invalid' };
    if (token.lastUsedAt === null || t - token.lastUsedAt > TOUCH_EVERY_MS)
      await db.updateTable('apiTokens').set({ lastUsedAt: t }).where('id', '=', token.id).execute();
    return { actor, session: null, failure: null };
  }
  const raw = req.cookies?.[SESSION_COOKIE];
  if (!raw) return { actor: null, session: null, failure: null };
  // The session, its user and the user's roles in one read: it runs before every request.
  const roles = dialectOf(db) === 'postgres'
    ? sql<string | null>`(select string_agg(role, ',') from user_roles where user_id = sessions.user_id)`
    : sql<string | null>`(select group_concat(role, ',') from user_roles where user_id = sessions.user_id)`;
  const row = await db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.userId')
    .selectAll('sessions')
    .select(['users.username', 'users.displayName', 'users.unitId', 'users.isActive', roles.as('roleNames')])
    .where('sessions.id', '=', sha256(raw)).executeTakeFirst();
  if (!row || row.endedAt !== null || !row.isActive) return { actor: null, session: null, failure: 'expired' };
  const { username, displayName, unitId, isActive: _active, roleNames, ...session } = row;
  const idleLimit = config.sessionIdleMinutes * 60_000;
  if (session.expiresAt <= t || t - session.lastSeenAt > idleLimit) return { actor: null, session: null, failure: 'expired' };
  const actor = actorOf({ id: session.userId, username, displayName, unitId }, roleNames ? roleNames.split(',') : [], 'session', { sessionId: session.id });
  if (t - session.lastSeenAt > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ lastSeenAt: t }).where('id', '=', session.id).execute();
    session.lastSeenAt = t;
  }
  return { actor, session, failure: null };
}
