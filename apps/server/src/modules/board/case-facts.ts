import { shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { CaseTable, CaseUnitTable } from '../../kernel/db/schema.js';

/**
 * What the board counts about one case, as a pure function of its row and unit rows, and the counter cells those
 * facts contribute. A case change is counted as cellsOf(after) − cellsOf(before), so every counter is always the
 * sum over the cases as they are now: exact, and checkable against a recount from scratch.
 */
export const OPEN_STATUSES = ['submitted', 'accepted', 'assigned', 'in_progress', 'answered'] as const;
export const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

/** One dispatch to a unit (a case_units row). */
export type UnitFact = {
  /** unit id */ u: string;
  /** lead (1) or co-handling (0) */ l: 0 | 1;
  /** still handling (1) */ a: 0 | 1;
  /** day dispatched */ ad: string;
  /** sent back (1) */ rt: 0 | 1;
  /** 响应: the day signed for, or the day the sign-for limit ran out unsigned; '' while neither */ sd: string;
  /** signed within the sign-for limit (1) */ so: 0 | 1;
};

export type BoardFacts = {
  d: string; p: string; t: string; c: string; s: string;
  /** open and past its running deadline */ o: 0 | 1;
  /** day created */ cd: string;
  /** day closed ('' unless closed) */ xd: string;
  /** answered within the handling limit */ xo: 0 | 1;
  /** working days from creation to closing */ xw: number;
  /** rating of a closed case */ rt: string;
  /** raised from a branch resolution */ rs: 0 | 1;
  /** …and closed by the resolution's due date */ ro: 0 | 1;
  u: UnitFact[];
};

/** What the rows alone do not say: working days to close (the calendar) and the resolution's due date. */
export type FactInputs = { closeDays: number; resolutionOnTime: boolean };

export const UNCATEGORISED = '未分类';

export function factsOf(row: CaseTable, units: CaseUnitTable[], inputs: FactInputs): BoardFacts {
  const closed = row.status === 'closed' && row.closedAt !== null;
  const isResolution = row.sourceRefType === 'resolution';
  return {
    d: row.districtId, p: row.projectId, t: row.type, c: (row.category ?? '').slice(0, 60), s: row.status,
    o: isOpen(row.status) && row.overdue === 1 ? 1 : 0,
    cd: shanghaiDate(row.createdAt),
    xd: closed ? shanghaiDate(row.closedAt!) : '',
    xo: closed && row.answeredAt !== null && (row.deadline === null || row.answeredAt <= row.deadline) ? 1 : 0,
    xw: closed ? inputs.closeDays : 0,
    rt: closed ? (row.rating ?? '') : '',
    rs: isResolution ? 1 : 0,
    ro: closed && isResolution && inputs.resolutionOnTime ? 1 : 0,
    u: units.map((r) => unitFact(row, r)),
  };
}

function unitFact(c: CaseTable, r: CaseUnitTable): UnitFact {
  const lead = r.role === 'lead';
  let sd = '';
  let so: 0 | 1 = 0;
  if (r.signedAt !== null) {
    sd = shanghaiDate(r.signedAt);
    so = r.signDeadline === null || r.signedAt <= r.signDeadline ? 1 : 0;
  } else if (lead && r.active === 1 && r.status === 'assigned' && c.overdue === 1 && c.clockState === 'sign' && r.signDeadline !== null) {
    // The lead unit let the sign-for limit run out (the sweep has marked the case overdue): a missed response.
    sd = shanghaiDate(r.signDeadline);
  }
  return { u: r.unitId, l: lead ? 1 : 0, a: r.active === 1 ? 1 : 0, ad: shanghaiDate(r.createdAt), rt: r.status === 'returned' ? 1 : 0, sd, so };
}

/** Open and overdue: what a project's light and the overdue gauges count. */
export const overdueOpen = (f: BoardFacts | null) => (f && isOpen(f.s) && f.o === 1 ? 1 : 0);

// --- counter cells ---
export const GAUGE_COLUMNS = ['submitted', 'accepted', 'assigned', 'inProgress', 'answered', 'closed', 'rejected', 'withdrawn', 'overdue', 'resTotal', 'resDone', 'resOnTime'] as const;
export const FLOW_COLUMNS = ['opened', 'closed', 'closedOnTime', 'closeDays', 'rated', 'satisfied', 'assigned', 'returned', 'signDue', 'signedOnTime', 'resClosed', 'resOnTime'] as const;
export type GaugeColumn = (typeof GAUGE_COLUMNS)[number];
export type FlowColumn = (typeof FLOW_COLUMNS)[number];
export const statusColumn = (s: string) => (s === 'in_progress' ? 'inProgress' : s) as GaugeColumn;

/** g: gauges [scope, unit, type]; f: flows [scope, unit, day, type]; c: categories [scope, unit, day, category]. */
export type CellKind = 'g' | 'f' | 'c';
export type Cells = Map<string, Record<string, number>>;
export const cellKey = (kind: CellKind, ...parts: string[]) => JSON.stringify([kind, ...parts]);
export const parseCellKey = (key: string) => JSON.parse(key) as [CellKind, ...string[]];

function add(cells: Cells, key: string, col: string, n: number) {
  if (n === 0) return;
  const cell = cells.get(key) ?? {};
  cell[col] = (cell[col] ?? 0) + n;
  cells.set(key, cell);
}

export function cellsOf(f: BoardFacts | null, into: Cells = new Map(), sign = 1): Cells {
  if (!f) return into;
  const active = [...new Set(f.u.filter((x) => x.a === 1).map((x) => x.u))];
  const closed = f.xd !== '';
  for (const scope of [`d:${f.d}`, `p:${f.p}`]) {
    for (const unit of ['', ...active]) {
      const g = cellKey('g', scope, unit, f.t);
      add(into, g, statusColumn(f.s), sign);
      add(into, g, 'overdue', sign * overdueOpen(f));
      if (f.rs) {
        add(into, g, 'resTotal', sign);
        if (f.s === 'closed') add(into, g, 'resDone', sign);
        add(into, g, 'resOnTime', sign * f.ro);
      }
      add(into, cellKey('f', scope, unit, f.cd, f.t), 'opened', sign);
      add(into, cellKey('c', scope, unit, f.cd, f.c || UNCATEGORISED), 'opened', sign);
      if (closed) {
        const k = cellKey('f', scope, unit, f.xd, f.t);
        add(into, k, 'closed', sign);
        add(into, k, 'closedOnTime', sign * f.xo);
        add(into, k, 'closeDays', sign * f.xw);
        add(into, k, 'rated', sign * (f.rt ? 1 : 0));
        add(into, k, 'satisfied', sign * (f.rt && f.rt !== 'unsatisfied' ? 1 : 0));
        add(into, k, 'resClosed', sign * f.rs);
        add(into, k, 'resOnTime', sign * f.ro);
      }
    }
    for (const r of f.u) {
      for (const unit of ['', r.u]) {
        const k = cellKey('f', scope, unit, r.ad, f.t);
        add(into, k, 'assigned', sign);
        add(into, k, 'returned', sign * r.rt);
        if (r.sd) {
          const s = cellKey('f', scope, unit, r.sd, f.t);
          add(into, s, 'signDue', sign);
          add(into, s, 'signedOnTime', sign * r.so);
        }
      }
    }
  }
  return into;
}

/** cellsOf(after) − cellsOf(before), with the zeros left out. */
export function diffCells(before: BoardFacts | null, after: BoardFacts | null, into: Cells = new Map()): Cells {
  const delta = cellsOf(after, cellsOf(before, new Map(), -1));
  for (const [key, cols] of delta) {
    for (const [col, n] of Object.entries(cols)) if (n !== 0) add(into, key, col, n);
  }
  return into;
}

export const sameFacts = (a: BoardFacts | null, b: BoardFacts | null) => JSON.stringify(a) === JSON.stringify(b);
