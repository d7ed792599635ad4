import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { Actor } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/schema.js';

/** Roles that see every project of the district. Department handlers see project basics everywhere (DOMAIN.md). */
const SEES_ALL = new Set(['leader', 'org_admin', 'system_admin', 'dept_handler']);

/**
 * The where-clause that scopes a project query to what the actor may see: their own assignments,
 * their street, or the projects their enterprise works on. Several roles widen the scope (OR).
 */
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
