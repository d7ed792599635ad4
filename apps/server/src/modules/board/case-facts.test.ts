import { describe, expect, it } from 'vitest';
import type { CaseTable, CaseUnitTable } from '../../kernel/db/schema.js';
import { cellKey, cellsOf, diffCells, factsOf, sameFacts, type Cells } from './case-facts.js';

/** 10:00 Hangzhou time on a date, in ms. */
const at10 = (date: string) => Date.parse(`${date}T02:00:00Z`);
const endOf = (date: string) => Date.parse(`${date}T15:59:59.999Z`);

const row = (over: Partial<CaseTable> = {}): CaseTable => ({
  id: 'c1', districtId: 'D', number: 'XC-2026-000001', projectId: 'P', type: 'safety', category: '脚手架', title: 't', description: 'd',
  source: 'commissioner', priority: 'normal', status: 'submitted', reporterId: 'u1', reporterUnitId: null, dispatcherId: null, leadUnitId: null,
  assigneeId: null, clockState: 'idle', signLimitDays: null, signDeadline: null, limitDays: null, deadline: null, dueAt: null, pausedAt: null,
  light: 'green', overdue: 0, supervisionLevel: 0, escalatedFor: null, remindedFor: null, extDays: null, extReason: null, extRequestedAt: null,
  publicReply: null, answeredAt: null, rating: null, ratingComment: null, reopenCount: 0, mergedIntoId: null, sourceRefType: null, sourceRefId: null,
  acceptedAt: null, dispatchedAt: null, signedAt: null, closedAt: null, version: 1, createdAt: at10('2026-11-16'), updatedAt: at10('2026-11-16'), ...over,
});
const unit = (over: Partial<CaseUnitTable> = {}): CaseUnitTable => ({
  id: 'cu1', caseId: 'c1', unitId: 'ZJJ', role: 'lead', status: 'assigned', active: 1, signDeadline: endOf('2026-11-17'), deadline: null,
  signedAt: null, answeredAt: null, createdAt: at10('2026-11-16'), ...over,
});
const none = { closeDays: 0, resolutionOnTime: false };
const get = (cells: Cells, kind: 'g' | 'f' | 'c', ...parts: string[]) => cells.get(cellKey(kind, ...parts)) ?? {};

describe('the facts of a case and the cells they count', () => {
  it('counts a new case once per scope: status, day opened, category', () => {
    const cells = cellsOf(factsOf(row(), [], none));
    for (const scope of ['d:D', 'p:P']) {
      expect(get(cells, 'g', scope, '', 'safety')).toEqual({ submitted: 1 });
      expect(get(cells, 'f', scope, '', '2026-11-16', 'safety')).toEqual({ opened: 1 });
      expect(get(cells, 'c', scope, '', '2026-11-16', '脚手架')).toEqual({ opened: 1 });
    }
    expect(cells.size).toBe(6);
  });

  it('gives each active handling unit its share, and every dispatch its response and return', () => {
    const units = [
      unit({ id: 'a', unitId: 'FGJ', status: 'returned', active: 0 }),
      unit({ id: 'b', unitId: 'ZJJ', status: 'signed', signedAt: at10('2026-11-17') }),
      unit({ id: 'c', unitId: 'CGJ', role: 'co', status: 'signed', signedAt: endOf('2026-11-17') + 1 }),
    ];
    const f = factsOf(row({ status: 'in_progress', leadUnitId: 'ZJJ' }), units, none);
    const cells = cellsOf(f);
    expect(get(cells, 'g', 'd:D', 'ZJJ', 'safety')).toEqual({ inProgress: 1 });
    expect(get(cells, 'g', 'd:D', 'CGJ', 'safety')).toEqual({ inProgress: 1 });
    expect(get(cells, 'g', 'd:D', 'FGJ', 'safety')).toEqual({});
    expect(get(cells, 'f', 'd:D', '', '2026-11-16', 'safety')).toEqual({ opened: 1, assigned: 3, returned: 1 });
    expect(get(cells, 'f', 'd:D', 'FGJ', '2026-11-16', 'safety')).toEqual({ assigned: 1, returned: 1 });
    // 住建局 signed within the limit on the 17th; 城管局 a moment after the limit ran out (the 18th in Hangzhou).
    expect(get(cells, 'f', 'p:P', '', '2026-11-17', 'safety')).toEqual({ signDue: 1, signedOnTime: 1 });
    expect(get(cells, 'f', 'p:P', 'CGJ', '2026-11-18', 'safety')).toEqual({ signDue: 1 });
  });

  it('counts a missed sign-for limit only once the sweep has marked the case overdue', () => {
    const waiting = row({ status: 'assigned', clockState: 'sign', leadUnitId: 'ZJJ' });
    expect(factsOf(waiting, [unit()], none).u[0]!.sd).toBe('');
    const missed = factsOf({ ...waiting, overdue: 1 }, [unit()], none);
    expect(missed.u[0]).toMatchObject({ sd: '2026-11-17', so: 0 });
    expect(missed.o).toBe(1);
    expect(get(cellsOf(missed), 'g', 'd:D', 'ZJJ', 'safety')).toEqual({ assigned: 1, overdue: 1 });
  });

  it('counts a closing on its day: on time when answered by the deadline, days to close, the rating', () => {
    const closed = row({
      status: 'closed', closedAt: at10('2026-11-19'), answeredAt: at10('2026-11-18'), deadline: endOf('2026-11-18'), rating: 'basically_satisfied',
      sourceRefType: 'resolution', sourceRefId: 'r1',
    });
    const f = factsOf(closed, [], { closeDays: 3, resolutionOnTime: true });
    const cells = cellsOf(f);
    expect(get(cells, 'f', 'd:D', '', '2026-11-19', 'safety')).toEqual({ closed: 1, closedOnTime: 1, closeDays: 3, rated: 1, satisfied: 1, resClosed: 1, resOnTime: 1 });
    expect(get(cells, 'g', 'd:D', '', 'safety')).toEqual({ closed: 1, resTotal: 1, resDone: 1, resOnTime: 1 });
    const late = factsOf({ ...closed, answeredAt: endOf('2026-11-18') + 1, rating: 'unsatisfied' }, [], none);
    expect(get(cellsOf(late), 'f', 'd:D', '', '2026-11-19', 'safety')).toEqual({ closed: 1, rated: 1, resClosed: 1 });
  });

  it('moves a case between cells as a difference, and nothing for a change the board does not count', () => {
    const before = factsOf(row({ status: 'assigned', leadUnitId: 'ZJJ' }), [unit()], none);
    const after = factsOf(row({ status: 'in_progress', leadUnitId: 'ZJJ', light: 'yellow' }), [unit({ status: 'signed', signedAt: at10('2026-11-17') })], none);
    const d = diffCells(before, after);
    expect(get(d, 'g', 'd:D', '', 'safety')).toEqual({ assigned: -1, inProgress: 1 });
    expect(get(d, 'f', 'd:D', 'ZJJ', '2026-11-17', 'safety')).toEqual({ signDue: 1, signedOnTime: 1 });
    expect(get(d, 'f', 'd:D', '', '2026-11-16', 'safety')).toEqual({});
    const relit = factsOf(row({ status: 'in_progress', leadUnitId: 'ZJJ', light: 'red', version: 9 }), [unit({ status: 'signed', signedAt: at10('2026-11-17') })], none);
    expect(sameFacts(after, relit)).toBe(true);
    expect(diffCells(after, relit).size).toBe(0);
  });

  it('adds up to nothing: counting a case in and out leaves every cell at zero', () => {
    const f = factsOf(row({ status: 'closed', closedAt: at10('2026-11-20'), answeredAt: at10('2026-11-19'), rating: 'satisfied' }), [unit({ status: 'answered', signedAt: at10('2026-11-16') })], { closeDays: 4, resolutionOnTime: false });
    const total = diffCells(null, f);
    diffCells(f, null, total);
    for (const cols of total.values()) for (const n of Object.values(cols)) expect(n).toBe(0);
  });
});
