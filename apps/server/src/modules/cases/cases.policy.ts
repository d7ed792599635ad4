import type { CaseRating, Role } from '@liaison/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Actor } from '../../kernel/context.js';
import type { CaseTable, CaseUnitTable, Database } from '../../kernel/db/schema.js';
import type { CaseFacts, CaseRelation } from './case-state-machine.js';

type Eb = ExpressionBuilder<Database, 'cases'>;

/** Roles that see every case of the district. */
const SEES_ALL: readonly Role[] = ['leader', 'org_admin'];
/** Roles whose members handle what is dispatched to their unit. */
const UNIT_HANDLERS: readonly Role[] = ['dept_handler', 'street_handler', 'enterprise'];

const has = (actor: Actor, roles: readonly Role[]) => actor.roles.some((r) => roles.includes(r));

/** True when caseScope puts no limit on the actor (leaders, the organisation dept). */
export const seesAllCases = (actor: Actor) => has(actor, SEES_ALL);

// `in (subquery)` rather than a correlated `exists`: both databases then read the few matching ids from an index
// (and can OR them with the reporter's) instead of testing every case row.
const onMyProjects = (eb: Eb, actor: Actor, roles: readonly string[]) => eb('cases.projectId', 'in',
  eb.selectFrom('assignments').select('assignments.projectId')
    .where('assignments.userId', '=', actor.userId)
    .where('assignments.role', 'in', roles)
    .where('assignments.active', '=', 1),
);

const toMyUnit = (eb: Eb, unitId: string, onlyActive: boolean) => {
  let q = eb.selectFrom('caseUnits').select('caseUnits.caseId').where('caseUnits.unitId', '=', unitId);
  if (onlyActive) q = q.where('caseUnits.active', '=', 1);
  return eb('cases.id', 'in', q);
};

/**
 * The where-clause that scopes a case query to what the actor may see: leaders and the organisation dept all;
 * commissioners and assistants their projects' cases; handlers and enterprises what was ever dispatched to their
 * unit (lead or co-handling); everyone the cases they reported. Anyone else sees nothing (and gets 404s).
 */
export function caseScope(actor: Actor) {
  return (eb: Eb): Expression<SqlBool> => {
    if (has(actor, SEES_ALL)) return eb.lit(true);
    const ors: Expression<SqlBool>[] = [eb('cases.reporterId', '=', actor.userId)];
    if (has(actor, ['commissioner', 'assistant'])) ors.push(onMyProjects(eb, actor, ['commissioner', 'assistant']));
    if (actor.unitId && has(actor, UNIT_HANDLERS)) ors.push(toMyUnit(eb, actor.unitId, false));
    return eb.or(ors);
  };
}

/** 待我处理: the cases waiting for this actor's next step. */
export function todoClause(actor: Actor) {
  return (eb: Eb): Expression<SqlBool> => {
    const ors: Expression<SqlBool>[] = [
      eb.and([eb('cases.reporterId', '=', actor.userId), eb('cases.status', '=', 'closed'), eb('cases.rating', 'is', null)]),
    ];
    const dispatcherWork = eb.or([
      eb('cases.status', 'in', ['submitted', 'accepted', 'answered']),
      eb.and([eb('cases.status', '=', 'in_progress'), eb('cases.extRequestedAt', 'is not', null)]),
    ]);
    if (actor.roles.includes('org_admin')) ors.push(dispatcherWork);
    if (actor.roles.includes('commissioner')) ors.push(eb.and([dispatcherWork, onMyProjects(eb, actor, ['commissioner'])]));
    if (actor.roles.includes('assistant')) {
      ors.push(eb.and([
        eb.or([eb('cases.status', 'in', ['submitted', 'accepted']), eb.and([eb('cases.status', '=', 'in_progress'), eb('cases.extRequestedAt', 'is not', null)])]),
        onMyProjects(eb, actor, ['assistant']),
      ]));
    }
    if (actor.unitId && has(actor, UNIT_HANDLERS)) {
      const unitId = actor.unitId;
      // The lead unit signs and answers; a co-handling unit until it has given its answer. Two separate terms, each
      // read from an index: `lead_unit_id` names the active lead row's unit (dispatch sets both, a return clears both),
      // so the unit's few open cases are found without visiting every case it ever led.
      ors.push(eb.and([
        eb('cases.leadUnitId', '=', unitId), eb('cases.status', 'in', ['assigned', 'in_progress']),
        eb.exists(eb.selectFrom('caseUnits').select('caseUnits.id').whereRef('caseUnits.caseId', '=', 'cases.id')
          .where('caseUnits.unitId', '=', unitId).where('caseUnits.role', '=', 'lead').where('caseUnits.active', '=', 1)),
      ]));
      ors.push(eb.and([
        eb('cases.status', 'in', ['assigned', 'in_progress']),
        eb('cases.id', 'in', eb.selectFrom('caseUnits').select('caseUnits.caseId')
          .where('caseUnits.unitId', '=', unitId).where('caseUnits.role', '=', 'co').where('caseUnits.active', '=', 1)
          .where('caseUnits.status', 'in', ['assigned', 'signed'])),
      ]));
    }
    return eb.or(ors);
  };
}

/** My unit's cases: dispatched to it (still active) or raised from it. */
export function unitClause(actor: Actor) {
  return (eb: Eb): Expression<SqlBool> => {
    if (!actor.unitId) return eb.lit(false);
    return eb.or([toMyUnit(eb, actor.unitId, true), eb('cases.reporterUnitId', '=', actor.unitId)]);
  };
}

/** How the actor stands to one case; `project` says whether they are its commissioner or an assistant on it. */
export function relationsOf(actor: Actor, c: CaseTable, units: CaseUnitTable[], project: { commissioner: boolean; assistant: boolean }): CaseRelation[] {
  const out: CaseRelation[] = [];
  if (actor.roles.includes('org_admin') || (actor.roles.includes('commissioner') && project.commissioner)) out.push('dispatcher');
  if (actor.roles.includes('assistant') && project.assistant) out.push('assistant');
  if (actor.unitId && has(actor, UNIT_HANDLERS)) {
    const mine = units.filter((u) => u.active === 1 && u.unitId === actor.unitId);
    if (mine.some((u) => u.role === 'lead')) out.push('handler');
    if (mine.some((u) => u.role === 'co')) out.push('co_handler');
  }
  if (c.reporterId === actor.userId) out.push('reporter');
  if (actor.roles.includes('leader')) out.push('leader');
  return out.length ? out : ['other'];
}

/** The actor's own co-handling row, if their unit is a 协办 unit of the case. */
export const myCoUnitRow = (actor: Actor, units: CaseUnitTable[]) =>
  units.find((u) => u.active === 1 && u.role === 'co' && u.unitId === actor.unitId);

export function factsOf(actor: Actor, c: CaseTable, units: CaseUnitTable[]): CaseFacts {
  const co = myCoUnitRow(actor, units);
  return {
    extensionPending: c.extRequestedAt !== null,
    unitSigned: !!co && co.signedAt !== null,
    unitAnswered: !!co && co.status === 'answered',
    rating: c.rating as CaseRating | null,
    reopenCount: c.reopenCount,
  };
}

/** Internal entries are for the handling chain; enterprises never see them, even when they handle the case. */
export const seesInternal = (actor: Actor, relations: readonly CaseRelation[]) =>
  !actor.roles.includes('enterprise') && relations.some((r) => ['dispatcher', 'assistant', 'handler', 'co_handler', 'leader'].includes(r));
