import type { Tx } from '../../kernel/db/connect.js';
import type { Dialect } from '../../kernel/db/connect.js';
import { containsText } from '../../kernel/db/dialect-sql.js';
import { likePattern, parseSort } from '../../kernel/db/tx.js';
import type { Actor } from '../../kernel/context.js';
import type { ProjectListQuery } from '@liaison/contracts';
import { projectScope } from './projects.policy.js';

const sortColumns = {
  code: 'projects.code', name: 'projects.name', totalInvestment: 'projects.totalInvestment',
  plannedFinish: 'projects.plannedFinish', updatedAt: 'projects.updatedAt', light: 'projects.light',
} as const;

export function scopedProjects(db: Tx, dialect: Dialect, actor: Actor, q: Omit<ProjectListQuery, 'page' | 'pageSize'>) {
  let query = db.selectFrom('projects').where(projectScope(actor));
  if (q.includeArchived !== 'true') query = query.where('projects.archivedAt', 'is', null);
  if (q.streetId) query = query.where('projects.streetId', '=', q.streetId);
  if (q.phase) query = query.where('projects.phase', '=', q.phase);
  if (q.light) query = query.where('projects.light', '=', q.light);
  if (q.q) {
    const p = likePattern(q.q);
    query = query.where((eb) => eb.or([
      containsText(dialect, 'projects.name', p), containsText(dialect, 'projects.code', p), containsText(dialect, 'projects.address', p),
    ]));
  }
  return query;
}

export function projectOrder(sort: string | undefined) {
  const [field, dir] = parseSort<keyof typeof sortColumns>(sort, 'code');
  return [sortColumns[field] ?? sortColumns.code, dir] as const;
}

/** Names for the units a page of projects refers to, and each project's active commissioner: two queries. */
export async function loadProjectRefs(db: Tx, rows: { id: string; streetId: string | null; communityId: string | null; ownerUnitId: string | null; contractorUnitId: string | null; supervisorUnitId: string | null }[]) {
  const unitIds = [...new Set(rows.flatMap((r) => [r.streetId, r.communityId, r.ownerUnitId, r.contractorUnitId, r.supervisorUnitId]).filter((x): x is string => !!x))];
  const units = unitIds.length ? await db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute() : [];
  const projectIds = rows.map((r) => r.id);
  const commissioners = projectIds.length
    ? await db.selectFrom('assignments')
        .innerJoin('users', 'users.id', 'assignments.userId')
        .select(['assignments.projectId', 'users.id', 'users.displayName', 'users.phone'])
        .where('assignments.projectId', 'in', projectIds)
        .where('assignments.role', '=', 'commissioner')
        .where('assignments.active', '=', 1)
        .execute()
    : [];
  return {
    units: new Map(units.map((u) => [u.id, u])),
    commissioners: new Map(commissioners.map((c) => [c.projectId, { id: c.id, displayName: c.displayName, phone: c.phone }])),
  };
}
