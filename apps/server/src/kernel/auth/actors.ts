import { permissionsOf, roles as allRoles, type Role } from '@liaison/contracts';
import type { Tx } from '../db/connect.js';
import type { Actor } from '../context.js';

const isRole = (r: string): r is Role => (allRoles as readonly string[]).includes(r);

/** The actor of a user row and its role names (from the same read as the session: see authenticate). */
export function actorOf(user: { id: string; username: string; displayName: string; unitId: string | null }, roleNames: string[], via: Actor['via'], extra: Partial<Actor> = {}): Actor {
  const roles = roleNames.filter(isRole);
  return { userId: user.id, username: user.username, displayName: user.displayName, unitId: user.unitId, roles, permissions: permissionsOf(roles), via, ...extra };
}

/** Builds the actor for a user id, or undefined when the user is gone or disabled. */
export async function loadActor(db: Tx, userId: string, via: Actor['via'], extra: Partial<Actor> = {}): Promise<Actor | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'displayName', 'unitId', 'isActive'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || !user.isActive) return undefined;
  const roleRows = await db.selectFrom('userRoles').select('role').where('userId', '=', userId).execute();
  return actorOf(user, roleRows.map((r) => r.role), via, extra);
}
