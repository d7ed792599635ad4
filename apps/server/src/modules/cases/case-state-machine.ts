import { caseActions, type CaseAction, type CaseRating, type CaseStatus } from '@liaison/contracts';

/**
 * The case lifecycle (DOMAIN.md), as one pure module: which actor relation may take which action in which state,
 * and where the action leads. Services, `allowedActions` and the web's buttons all come from here.
 *
 * Relations of an actor to a case (an actor may hold several; any one that allows the action is enough):
 * - dispatcher: the project's active commissioner, or the organisation dept (org_admin): accepts, dispatches, verifies;
 * - assistant: a young cadre on the project: as the dispatcher, but never ends a case (no reject/verify/withdraw/merge);
 * - handler: a member of the lead unit (主办); co_handler: a member of an active co-handling unit (协办);
 * - reporter: who raised it; leader: a district leader; other: anyone else who can see it.
 */
export const caseRelations = ['dispatcher', 'assistant', 'handler', 'co_handler', 'reporter', 'leader', 'other'] as const;
export type CaseRelation = (typeof caseRelations)[number];

/** What else an action depends on beyond the state: read from the case and the actor's own unit row. */
export type CaseFacts = {
  extensionPending: boolean;
  /** The co-handler's own unit row: signed for, answered. */
  unitSigned: boolean;
  unitAnswered: boolean;
  rating: CaseRating | null;
  reopenCount: number;
};
export const noFacts: CaseFacts = { extensionPending: false, unitSigned: false, unitAnswered: false, rating: null, reopenCount: 0 };

type Rule = { who: readonly CaseRelation[]; in: readonly CaseStatus[]; when?: (f: CaseFacts) => boolean };

const OPEN: readonly CaseStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'answered'];
const NOT_WITHDRAWN: readonly CaseStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'answered', 'closed', 'rejected'];
const CHAIN: readonly CaseRelation[] = ['dispatcher', 'assistant', 'handler', 'co_handler', 'leader'];

const rules: Record<CaseAction, readonly Rule[]> = {
  accept: [{ who: ['dispatcher', 'assistant'], in: ['submitted'] }],
  reject: [{ who: ['dispatcher'], in: ['submitted'] }],
  // Re-dispatch (改派) is allowed until the unit signs.
  dispatch: [{ who: ['dispatcher', 'assistant'], in: ['accepted', 'assigned'] }],
  sign: [
    { who: ['handler'], in: ['assigned'] },
    { who: ['co_handler'], in: ['assigned', 'in_progress'], when: (f) => !f.unitSigned },
  ],
  return: [
    { who: ['handler'], in: ['assigned', 'in_progress'] },
    { who: ['co_handler'], in: ['assigned', 'in_progress'], when: (f) => !f.unitAnswered },
  ],
  'request-extension': [{ who: ['handler'], in: ['in_progress'], when: (f) => !f.extensionPending }],
  'decide-extension': [{ who: ['dispatcher', 'assistant'], in: ['in_progress'], when: (f) => f.extensionPending }],
  answer: [
    { who: ['handler'], in: ['in_progress'] },
    { who: ['co_handler'], in: ['in_progress'], when: (f) => f.unitSigned && !f.unitAnswered },
  ],
  verify: [{ who: ['dispatcher'], in: ['answered'] }],
  // 重办: once, and only after the reporter said the answer did not satisfy them.
  reopen: [{ who: ['dispatcher', 'reporter'], in: ['closed'], when: (f) => f.rating === 'unsatisfied' && f.reopenCount === 0 }],
  rate: [{ who: ['reporter'], in: ['closed'], when: (f) => f.rating === null }],
  comment: [{ who: [...CHAIN, 'reporter'], in: NOT_WITHDRAWN }],
  escalate: [{ who: ['leader', 'dispatcher', 'assistant'], in: OPEN }],
  withdraw: [
    { who: ['reporter'], in: ['submitted', 'accepted', 'assigned', 'in_progress'] },
    { who: ['dispatcher'], in: ['accepted', 'assigned', 'in_progress'] },
  ],
  merge: [{ who: ['dispatcher'], in: ['submitted', 'accepted', 'assigned'] }],
};

export type Decision = { ok: true } | { ok: false; code: 'FORBIDDEN' | 'CASE_ACTION_NOT_ALLOWED' };

/**
 * May an actor with these relations take `action` now? A relation that may never take the action is refused
 * with FORBIDDEN (403); one that may, but not in this state or situation, with CASE_ACTION_NOT_ALLOWED (409).
 */
export function decide(status: CaseStatus, action: CaseAction, relations: readonly CaseRelation[], facts: CaseFacts = noFacts): Decision {
  const mine = rules[action].filter((r) => r.who.some((w) => relations.includes(w)));
  if (mine.length === 0) return { ok: false, code: 'FORBIDDEN' };
  const allowed = mine.some((r) => r.in.includes(status) && (r.when ? r.when(facts) : true));
  return allowed ? { ok: true } : { ok: false, code: 'CASE_ACTION_NOT_ALLOWED' };
}

export function allowedActions(status: CaseStatus, relations: readonly CaseRelation[], facts: CaseFacts = noFacts): CaseAction[] {
  return caseActions.filter((a) => decide(status, a, relations, facts).ok);
}

/** True when the relation is part of the handling chain: it sees internal notes and may write them. */
export const isInChain = (relations: readonly CaseRelation[]) => relations.some((r) => CHAIN.includes(r));

/**
 * Where an allowed action leads. A co-handler's sign/return/answer changes only their own unit row, so the case
 * stays where it is; a refused verification sends the case back to the handler.
 */
export function nextStatus(status: CaseStatus, action: CaseAction, opts: { asCoHandler?: boolean; accept?: boolean } = {}): CaseStatus {
  if (opts.asCoHandler && (action === 'sign' || action === 'return' || action === 'answer')) return status;
  switch (action) {
    case 'accept': return 'accepted';
    case 'reject': return 'rejected';
    case 'dispatch': return 'assigned';
    case 'sign': return 'in_progress';
    case 'return': return 'accepted';
    case 'answer': return 'answered';
    case 'verify': return opts.accept ? 'closed' : 'in_progress';
    case 'reopen': return 'in_progress';
    case 'withdraw':
    case 'merge': return 'withdrawn';
    default: return status;
  }
}
