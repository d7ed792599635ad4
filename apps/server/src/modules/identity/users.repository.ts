import type { Tx } from '../../kernel/db/connect.js';

export function findUserByUsername(db: Tx, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Tx, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRolesOf(db: Tx, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db.selectFrom('userRoles').select(['userId', 'role']).where('userId', 'in', userIds).orderBy('role').execute();
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.role]);
  return map;
}

export async function listUnitRefs(db: Tx, unitIds: (string | null)[]) {
  const ids = [...new Set(unitIds.filter((x): x is string => !!x))];
  const map = new Map<string, { id: string; name: string; kind: string }>();
  if (ids.length === 0) return map;
  const rows = await db.selectFrom('units').select(['id', 'name', 'kind']).where('id', 'in', ids).execute();
  for (const r of rows) map.set(r.id, r);
  return map;
}

export async function replaceRoles(db: Tx, userId: string, roles: string[]) {
  await db.deleteFrom('userRoles').where('userId', '=', userId).execute();
  if (roles.length) await db.insertInto('userRoles').values(roles.map((role) => ({ userId, role }))).execute();
}

export function endSessionsOf(db: Tx, userId: string, now: number, exceptSessionId?: string) {
  let q = db.updateTable('sessions').set({ endedAt: now }).where('userId', '=', userId).where('endedAt', 'is', null);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  return q.execute();
}
