import type { Tx } from '../../kernel/db/connect.js';

/**
 * The reads of other modules' records the public side needs (project facts, the commissioner, the branch), kept in
 * one place: no other module offers a service for a caller with no account, and these columns are the only ones that
 * may leave. Each can move behind its module's service when that module offers one.
 */
export async function listPublicProjectRows(db: Tx, projectId?: string) {
  let q = db.selectFrom('projects')
    .leftJoin('units as street', 'street.id', 'projects.streetId')
    .select([
      'projects.id', 'projects.code', 'projects.name', 'projects.category', 'projects.address', 'projects.lat', 'projects.lng',
      'projects.phase', 'projects.light', 'projects.constructionHours', 'projects.impactNotice', 'projects.description',
      'projects.districtId', 'street.name as streetName',
    ])
    .where('projects.archivedAt', 'is', null);
  if (projectId) q = q.where('projects.id', '=', projectId);
  const rows = await q.orderBy('projects.code').execute();
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [commissioners, branches] = await Promise.all([
    db.selectFrom('assignments').innerJoin('users', 'users.id', 'assignments.userId')
      .select(['assignments.projectId', 'users.displayName', 'users.phone'])
      .where('assignments.projectId', 'in', ids).where('assignments.role', '=', 'commissioner').where('assignments.active', '=', 1)
      .execute(),
    db.selectFrom('branches').select(['projectId', 'name']).where('projectId', 'in', ids).where('status', '=', 'active').execute(),
  ]);
  const c = new Map(commissioners.map((x) => [x.projectId, { name: x.displayName, phone: x.phone }]));
  const b = new Map(branches.map((x) => [x.projectId, { name: x.name }]));
  return rows.map((r) => ({ ...r, commissioner: c.get(r.id) ?? null, branch: b.get(r.id) ?? null }));
}
export type PublicProjectRow = Awaited<ReturnType<typeof listPublicProjectRows>>[number];

/** The district an appeal without a project belongs to (this installation serves one district). */
export async function findDistrictId(db: Tx): Promise<string | null> {
  const row = await db.selectFrom('units').select('id').where('kind', '=', 'district').where('isActive', '=', 1).orderBy('createdAt').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

/** Unit names by id, for the public timeline (agencies, never people). */
export async function unitNames(db: Tx, ids: string[]): Promise<Map<string, string>> {
  const uniq = [...new Set(ids)];
  if (!uniq.length) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', uniq).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
