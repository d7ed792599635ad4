import { caseActions, caseStatuses, type CaseAction, type CaseStatus } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { allowedActions, caseRelations, decide, nextStatus, noFacts, type CaseFacts } from './case-state-machine.js';

/**
 * Every state × action × relation, each expectation written out.
 * Y allowed · N 409 CASE_ACTION_NOT_ALLOWED (the relation may, but not in this state) · F 403 FORBIDDEN (never).
 * Columns: dispatcher assistant handler co_handler reporter leader other.
 * Facts are the ones that enable the action (e.g. an extension pending for decide-extension); the facts that
 * disable it have their own tests below.
 */
const grid: Record<CaseAction, Record<CaseStatus, string>> = {
  accept: {
    submitted: 'Y Y F F F F F', accepted: 'N N F F F F F', assigned: 'N N F F F F F', in_progress: 'N N F F F F F',
    answered: 'N N F F F F F', closed: 'N N F F F F F', rejected: 'N N F F F F F', withdrawn: 'N N F F F F F',
  },
  reject: {
    submitted: 'Y F F F F F F', accepted: 'N F F F F F F', assigned: 'N F F F F F F', in_progress: 'N F F F F F F',
    answered: 'N F F F F F F', closed: 'N F F F F F F', rejected: 'N F F F F F F', withdrawn: 'N F F F F F F',
  },
  dispatch: {
    submitted: 'N N F F F F F', accepted: 'Y Y F F F F F', assigned: 'Y Y F F F F F', in_progress: 'N N F F F F F',
    answered: 'N N F F F F F', closed: 'N N F F F F F', rejected: 'N N F F F F F', withdrawn: 'N N F F F F F',
  },
  sign: {
    submitted: 'F F N N F F F', accepted: 'F F N N F F F', assigned: 'F F Y Y F F F', in_progress: 'F F N Y F F F',
    answered: 'F F N N F F F', closed: 'F F N N F F F', rejected: 'F F N N F F F', withdrawn: 'F F N N F F F',
  },
  return: {
    submitted: 'F F N N F F F', accepted: 'F F N N F F F', assigned: 'F F Y Y F F F', in_progress: 'F F Y Y F F F',
    answered: 'F F N N F F F', closed: 'F F N N F F F', rejected: 'F F N N F F F', withdrawn: 'F F N N F F F',
  },
  'request-extension': {
    submitted: 'F F N F F F F', accepted: 'F F N F F F F', assigned: 'F F N F F F F', in_progress: 'F F Y F F F F',
    answered: 'F F N F F F F', closed: 'F F N F F F F', rejected: 'F F N F F F F', withdrawn: 'F F N F F F F',
  },
  'decide-extension': {
    submitted: 'N N F F F F F', accepted: 'N N F F F F F', assigned: 'N N F F F F F', in_progress: 'Y Y F F F F F',
    answered: 'N N F F F F F', closed: 'N N F F F F F', rejected: 'N N F F F F F', withdrawn: 'N N F F F F F',
  },
  answer: {
    submitted: 'F F N N F F F', accepted: 'F F N N F F F', assigned: 'F F N N F F F', in_progress: 'F F Y Y F F F',
    answered: 'F F N N F F F', closed: 'F F N N F F F', rejected: 'F F N N F F F', withdrawn: 'F F N N F F F',
  },
  verify: {
    submitted: 'N F F F F F F', accepted: 'N F F F F F F', assigned: 'N F F F F F F', in_progress: 'N F F F F F F',
    answered: 'Y F F F F F F', closed: 'N F F F F F F', rejected: 'N F F F F F F', withdrawn: 'N F F F F F F',
  },
  reopen: {
    submitted: 'N F F F N F F', accepted: 'N F F F N F F', assigned: 'N F F F N F F', in_progress: 'N F F F N F F',
    answered: 'N F F F N F F', closed: 'Y F F F Y F F', rejected: 'N F F F N F F', withdrawn: 'N F F F N F F',
  },
  rate: {
    submitted: 'F F F F N F F', accepted: 'F F F F N F F', assigned: 'F F F F N F F', in_progress: 'F F F F N F F',
    answered: 'F F F F N F F', closed: 'F F F F Y F F', rejected: 'F F F F N F F', withdrawn: 'F F F F N F F',
  },
  comment: {
    submitted: 'Y Y Y Y Y Y F', accepted: 'Y Y Y Y Y Y F', assigned: 'Y Y Y Y Y Y F', in_progress: 'Y Y Y Y Y Y F',
    answered: 'Y Y Y Y Y Y F', closed: 'Y Y Y Y Y Y F', rejected: 'Y Y Y Y Y Y F', withdrawn: 'N N N N N N F',
  },
  escalate: {
    submitted: 'Y Y F F F Y F', accepted: 'Y Y F F F Y F', assigned: 'Y Y F F F Y F', in_progress: 'Y Y F F F Y F',
    answered: 'Y Y F F F Y F', closed: 'N N F F F N F', rejected: 'N N F F F N F', withdrawn: 'N N F F F N F',
  },
  withdraw: {
    submitted: 'N F F F Y F F', accepted: 'Y F F F Y F F', assigned: 'Y F F F Y F F', in_progress: 'Y F F F Y F F',
    answered: 'N F F F N F F', closed: 'N F F F N F F', rejected: 'N F F F N F F', withdrawn: 'N F F F N F F',
  },
  merge: {
    submitted: 'Y F F F F F F', accepted: 'Y F F F F F F', assigned: 'Y F F F F F F', in_progress: 'N F F F F F F',
    answered: 'N F F F F F F', closed: 'N F F F F F F', rejected: 'N F F F F F F', withdrawn: 'N F F F F F F',
  },
};

const enabling: Partial<Record<CaseAction, Partial<CaseFacts>>> = {
  'decide-extension': { extensionPending: true },
  answer: { unitSigned: true },
  reopen: { rating: 'unsatisfied' },
};

const combos = caseActions.flatMap((action) => caseStatuses.flatMap((status) => caseRelations.map((relation, i) => ({
  action, status, relation, expected: grid[action][status].split(' ')[i]!,
}))));

describe('case state machine: every state × action × relation', () => {
  it('has an expectation for every combination', () => {
    expect(combos).toHaveLength(caseActions.length * caseStatuses.length * caseRelations.length);
    expect(combos.every((c) => ['Y', 'N', 'F'].includes(c.expected))).toBe(true);
  });
  it.each(combos)('$action in $status by $relation → $expected', ({ action, status, relation, expected }) => {
    const d = decide(status, action, [relation], { ...noFacts, ...enabling[action] });
    const got = d.ok ? 'Y' : d.code === 'CASE_ACTION_NOT_ALLOWED' ? 'N' : 'F';
    expect(got).toBe(expected);
  });
});

describe('facts beyond the state', () => {
  it('reopens only after an unsatisfied rating, and only once', () => {
    expect(decide('closed', 'reopen', ['reporter'], { ...noFacts, rating: 'unsatisfied' }).ok).toBe(true);
    expect(decide('closed', 'reopen', ['reporter'], { ...noFacts, rating: 'basically_satisfied' })).toEqual({ ok: false, code: 'CASE_ACTION_NOT_ALLOWED' });
    expect(decide('closed', 'reopen', ['reporter'], noFacts)).toEqual({ ok: false, code: 'CASE_ACTION_NOT_ALLOWED' });
    expect(decide('closed', 'reopen', ['dispatcher'], { ...noFacts, rating: 'unsatisfied', reopenCount: 1 })).toEqual({ ok: false, code: 'CASE_ACTION_NOT_ALLOWED' });
  });
  it('rates once', () => {
    expect(decide('closed', 'rate', ['reporter'], { ...noFacts, rating: 'satisfied' }).ok).toBe(false);
  });
  it('asks for one extension at a time, and decides only a pending one', () => {
    expect(decide('in_progress', 'request-extension', ['handler'], { ...noFacts, extensionPending: true }).ok).toBe(false);
    expect(decide('in_progress', 'decide-extension', ['dispatcher'], noFacts)).toEqual({ ok: false, code: 'CASE_ACTION_NOT_ALLOWED' });
  });
  it('lets a co-handling unit sign once, answer once signed, and not return after answering', () => {
    const signed = { ...noFacts, unitSigned: true };
    expect(decide('in_progress', 'sign', ['co_handler'], signed).ok).toBe(false);
    expect(decide('in_progress', 'answer', ['co_handler'], noFacts).ok).toBe(false);
    expect(decide('in_progress', 'answer', ['co_handler'], { ...signed, unitAnswered: true }).ok).toBe(false);
    expect(decide('in_progress', 'return', ['co_handler'], { ...signed, unitAnswered: true }).ok).toBe(false);
  });
});

describe('several relations at once', () => {
  it('allows what any one of them allows', () => {
    // A commissioner who raised the case is its dispatcher and its reporter.
    expect(allowedActions('closed', ['dispatcher', 'reporter'], noFacts)).toEqual(['rate', 'comment']);
    expect(allowedActions('submitted', ['dispatcher', 'reporter'], noFacts)).toEqual(['accept', 'reject', 'comment', 'escalate', 'withdraw', 'merge']);
    expect(allowedActions('assigned', ['other'], noFacts)).toEqual([]);
    expect(allowedActions('in_progress', ['handler'], noFacts)).toEqual(['return', 'request-extension', 'answer', 'comment']);
  });
});

describe('nextStatus', () => {
  it('follows the lifecycle', () => {
    expect(nextStatus('submitted', 'accept')).toBe('accepted');
    expect(nextStatus('submitted', 'reject')).toBe('rejected');
    expect(nextStatus('accepted', 'dispatch')).toBe('assigned');
    expect(nextStatus('assigned', 'sign')).toBe('in_progress');
    expect(nextStatus('in_progress', 'return')).toBe('accepted');
    expect(nextStatus('in_progress', 'answer')).toBe('answered');
    expect(nextStatus('answered', 'verify', { accept: true })).toBe('closed');
    expect(nextStatus('answered', 'verify', { accept: false })).toBe('in_progress');
    expect(nextStatus('closed', 'reopen')).toBe('in_progress');
    expect(nextStatus('accepted', 'merge')).toBe('withdrawn');
    expect(nextStatus('in_progress', 'answer', { asCoHandler: true })).toBe('in_progress');
    expect(nextStatus('in_progress', 'request-extension')).toBe('in_progress');
  });
});
