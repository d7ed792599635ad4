import type { Tx } from '../../kernel/db/connect.js';

/**
 * The few reads of other modules' records the case engine needs (names to show, people to notify), kept in one
 * place so each can move behind that module's service when it offers one.
 */
export type NameRefs = {
  projects: Map<string, { id: string; code: string; name: string }>;
  units: Map<string, { id: string; name: string }>;
  users: Map<string, { id: string; displayName: string }>;
};

const uniq = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

export async function loadNames(db: Tx, ids: { projects?: (string | null)[]; units?: (string | null)[]; users?: (string | null)[] }): Promise<NameRefs> {
  const p = uniq(ids.projects ?? []);
  const u = uniq(ids.units ?? []);
  const s = uniq(ids.users ?? []);
  const [projects, units, users] = await Promise.all([
    p.length ? db.selectFrom('projects').select(['id', 'code', 'name']).where('id', 'in', p).execute() : [],
    u.length ? db.selectFrom('units').select(['id', 'name']).where('id', 'in', u).execute() : [],
    s.length ? db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', s).execute() : [],
  ]);
  return {
    projects: new Map(projects.map((x) => [x.id, x])),
    units: new Map(units.map((x) => [x.id, x])),
    users: new Map(users.map((x) => [x.id, x])),
  };
}

/** Who dispatches a project's cases: its active commissioner; the organisation dept when it has none. */
export async function dispatcherUserIds(db: Tx, projectId: string): Promise<string[]> {
  const rows = await db.selectFrom('assignments').select('userId')
    .where('projectId', '=', projectId).where('role', '=', 'commissioner').where('active', '=', 1).execute();
  if (rows.length) return rows.map((r) => r.userId);
  return usersWithRole(db, 'org_admin');
}

export async function usersWithRole(db: Tx, role: string): Promise<string[]> {
  const rows = await db.selectFrom('userRoles').innerJoin('users', 'users.id', 'userRoles.userId')
    .select('users.id').where('userRoles.role', '=', role).where('users.isActive', '=', 1).execute();
  return rows.map((r) => r.id);
}

/** The district's short code for case numbers (XC for 下城区). */
export async function districtCode(db: Tx, districtId: string): Promise<string> {
  const row = await db.selectFrom('units').select('code').where('id', '=', districtId).executeTakeFirst();
  return row?.code ?? 'XX';
}

/** A unit a case may be dispatched to: active, and not the district itself. */
export async function findDispatchableUnits(db: Tx, ids: string[]): Promise<Map<string, { id: string; name: string }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name'])
    .where('id', 'in', ids).where('isActive', '=', 1).where('kind', '!=', 'district').execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findActiveUser(db: Tx, id: string) {
  return db.selectFrom('users').select(['id', 'unitId', 'displayName']).where('id', '=', id).where('isActive', '=', 1).executeTakeFirst();
}
