import type { Tx } from '../../kernel/db/connect.js';
import { projectScope } from '../projects/projects.policy.js';
import type { Actor } from '../../kernel/context.js';

/** A project's chain with the catalogue item and the agent (and their unit), in order. */
export function chainQuery(db: Tx) {
  return db.selectFrom('projectApprovals')
    .innerJoin('approvalItems', 'approvalItems.id', 'projectApprovals.itemId')
    .leftJoin('users as agent', 'agent.id', 'projectApprovals.agentId')
    .leftJoin('units as agentUnit', 'agentUnit.id', 'agent.unitId')
    .selectAll('projectApprovals')
    .select([
      'approvalItems.code as itemCode', 'approvalItems.name as itemName', 'approvalItems.authority as itemAuthority',
      'approvalItems.authorityLevel as itemAuthorityLevel', 'agent.displayName as agentName', 'agentUnit.id as agentUnitId',
      'agentUnit.name as agentUnitName',
    ]);
}
export type ChainRow = Awaited<ReturnType<ReturnType<typeof chainQuery>['execute']>>[number];

export async function listChainRows(db: Tx, projectId: string) {
  return chainQuery(db).where('projectApprovals.projectId', '=', projectId).orderBy('projectApprovals.position').orderBy('projectApprovals.id').execute();
}

export async function findChainRow(db: Tx, projectId: string, id: string) {
  return chainQuery(db).where('projectApprovals.projectId', '=', projectId).where('projectApprovals.id', '=', id).executeTakeFirst();
}

/** Every item on the projects the actor may see, for the district report. */
export async function listScopedRows(db: Tx, actor: Actor, projectId?: string) {
  let q = db.selectFrom('projectApprovals')
    .innerJoin('approvalItems', 'approvalItems.id', 'projectApprovals.itemId')
    .innerJoin('projects', 'projects.id', 'projectApprovals.projectId')
    .leftJoin('users as agent', 'agent.id', 'projectApprovals.agentId')
    .select([
      'projectApprovals.id', 'projectApprovals.status', 'projectApprovals.submittedOn', 'projectApprovals.acceptedOn',
      'projectApprovals.approvedOn', 'projectApprovals.sentBackOn', 'projectApprovals.statutoryDays', 'projectApprovals.itemId',
      'approvalItems.code as itemCode', 'approvalItems.name as itemName', 'approvalItems.statutoryDays as itemStatutoryDays',
      'approvalItems.sortOrder', 'projects.id as projectId', 'projects.name as projectName', 'agent.displayName as agentName',
    ])
    .where(projectScope(actor))
    .where('projects.archivedAt', 'is', null);
  if (projectId) q = q.where('projects.id', '=', projectId);
  return q.orderBy('approvalItems.sortOrder').orderBy('projects.code').execute();
}

export type BlockCase = { id: string; number: string; status: string; light: string; leadUnit: { id: string; name: string } | null };

/**
 * The number, state and lead unit of the cases blocking items: shown on the chain to everyone who sees the project,
 * like a resolution's case. The case itself stays behind the case engine's own scope (GET /cases/:id).
 */
export async function findBlockCases(db: Tx, ids: (string | null)[]): Promise<Map<string, BlockCase>> {
  const caseIds = [...new Set(ids.filter((x): x is string => !!x))];
  if (!caseIds.length) return new Map();
  const rows = await db.selectFrom('cases').leftJoin('units', 'units.id', 'cases.leadUnitId')
    .select(['cases.id', 'cases.number', 'cases.status', 'cases.light', 'units.id as unitId', 'units.name as unitName'])
    .where('cases.id', 'in', caseIds).execute();
  return new Map(rows.map((r) => [r.id, {
    id: r.id, number: r.number, status: r.status, light: r.light, leadUnit: r.unitId ? { id: r.unitId, name: r.unitName ?? '' } : null,
  }]));
}
