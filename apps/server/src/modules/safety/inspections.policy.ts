import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Actor } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import type { Database } from '../../kernel/db/schema.js';
import { projectScope } from '../projects/projects.policy.js';

type Eb = ExpressionBuilder<Database, 'inspections' | 'projects'>;

/**
 * Who sees an inspection: whoever sees its project, once it is submitted; a draft only the people who may run
 * inspections on that project (the organisation dept, its commissioner and assistants) and its inspector.
 */
export function inspectionScope(actor: Actor) {
  return (eb: Eb): Expression<SqlBool> => {
    const runners: Expression<SqlBool>[] = [eb('inspections.status', '=', 'submitted'), eb('inspections.inspectorId', '=', actor.userId)];
    if (actor.permissions.includes('inspection.run')) {
      if (actor.roles.includes('org_admin')) runners.push(eb.lit(true));
      runners.push(eb('inspections.projectId', 'in', eb.selectFrom('assignments').select('assignments.projectId')
        .where('assignments.userId', '=', actor.userId).where('assignments.role', 'in', ['commissioner', 'assistant']).where('assignments.active', '=', 1)));
    }
    return eb.and([projectScope(actor)(eb as never), eb.or(runners)]);
  };
}

/** May the actor inspect this project (and edit or submit its drafts)? The organisation dept anywhere; commissioners and assistants on their projects. */
export async function runsInspectionsOn(db: Tx, actor: Actor, projectId: string): Promise<boolean> {
  if (!actor.permissions.includes('inspection.run')) return false;
  if (actor.roles.includes('org_admin')) return true;
  const a = await db.selectFrom('assignments').select('id').where('projectId', '=', projectId).where('userId', '=', actor.userId)
    .where('role', 'in', ['commissioner', 'assistant']).where('active', '=', 1).executeTakeFirst();
  return !!a;
}
