import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { Actor } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';

/** Roles that see every project of the district. Department handlers see project basics everywhere (DOMAIN.md). */
const SEES_ALL = new Set(['leader', 'org_admin', 'system_admin', 'dept_handler']);

/**
 * The where-clause that scopes a project query to what the actor may see: their own assignments,
 * their street, or the projects their enterprise works on. Several roles widen the scope (OR).
 */
/** True when projectScope puts no limit on the actor. */
export const seesAllProjects = (actor: Actor) => actor.roles.some((r) => SEES_ALL.has(r));

export function projectScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'projects'>): Expression<SqlBool> => {
    if (actor.roles.some((r) => SEES_ALL.has(r))) return eb.lit(true);
    const ors: Expression<SqlBool>[] = [];
    if (actor.roles.includes('commissioner') || actor.roles.includes('assistant')) {
      ors.push(
        eb.exists(
          eb.selectFrom('assignments')
            .select('assignments.id')
            .whereRef('assignments.projectId', '=', 'projects.id')
            .where('assignments.userId', '=', actor.userId)
            .where('assignments.active', '=', 1),
        ),
      );
    }
    if (actor.unitId && actor.roles.includes('street_handler')) {
      const unitId = actor.unitId;
      ors.push(eb.or([
        eb('projects.streetId', '=', unitId),
        eb('projects.communityId', '=', unitId),
      ]));
    }
    if (actor.unitId && actor.roles.includes('enterprise')) {
      const unitId = actor.unitId;
      ors.push(eb.or([
        eb('projects.ownerUnitId', '=', unitId),
        eb('projects.contractorUnitId', '=', unitId),
        eb('projects.supervisorUnitId', '=', unitId),
      ]));
    }
    return ors.length ? eb.or(ors) : eb.lit(false);
  };
}

export type ProjectRelation = { commissioner: boolean; assistant: boolean; ownerContact: boolean; party: boolean };

/** How the actor stands to one project: its commissioner, an assistant on it, or a contact of one of its enterprises. */
export async function relationTo(db: import('../../kernel/db/connect.js').Tx, actor: Actor, project: { id: string; ownerUnitId: string | null; contractorUnitId: string | null; supervisorUnitId: string | null }): Promise<ProjectRelation> {
  const rows = await db
    .selectFrom('assignments')
    .select('role')
    .where('projectId', '=', project.id)
    .where('userId', '=', actor.userId)
    .where('active', '=', 1)
    .execute();
  const roles = new Set(rows.map((r) => r.role));
  const unit = actor.unitId;
  const isEnterprise = actor.roles.includes('enterprise') && !!unit;
  return {
    commissioner: roles.has('commissioner'),
    assistant: roles.has('assistant'),
    ownerContact: isEnterprise && project.ownerUnitId === unit,
    party: isEnterprise && [project.ownerUnitId, project.contractorUnitId, project.supervisorUnitId].includes(unit),
  };
}

/** The project actions the caller may take, for the UI's buttons. */
export function projectActions(actor: Actor, rel: ProjectRelation, archived = false): string[] {
  const can = (p: string) => (actor.permissions as string[]).includes(p);
  const out: string[] = [];
  if (can('project.manage')) out.push('edit', archived ? 'restore' : 'archive', 'appoint');
  else if (rel.commissioner) out.push('edit-notice');
  if (can('milestone.manage') && (can('project.manage') || rel.commissioner)) out.push('manage-milestones');
  if (rel.commissioner || rel.assistant || rel.ownerContact) out.push('report-progress');
  if (rel.commissioner || can('project.manage')) out.push('confirm-progress');
  if (can('sitelog.write') && (rel.commissioner || rel.assistant)) out.push('write-site-log');
  return out;
}
