import { endOfShanghaiDay, shanghaiDate, startOfShanghaiDay } from '../../kernel/calendar/working-calendar.js';
import type { Tx } from '../../kernel/db/connect.js';

/**
 * The briefing's lists of cases, read by indexed columns: overdue cases (the overdue flag), and the cases closed in
 * the week (the `closed` events of the week, then the cases still closed at that time). Other modules' tables are
 * read here, in one place, as the board reads them (modules/board/board-sources.ts).
 */
export type ListedCase = {
  id: string; number: string; title: string; type: string; projectName: string; leadUnit: string; rating: string | null;
  dueAt: number | null; supervisionLevel: number; closedDay: string | null; closeDays: number | null; sourceRefType: string | null; sourceRefId: string | null;
};

const columns = [
  'cases.id', 'cases.number', 'cases.title', 'cases.type', 'cases.rating', 'cases.dueAt', 'cases.supervisionLevel', 'cases.closedAt',
  'cases.sourceRefType', 'cases.sourceRefId', 'cases.leadUnitId', 'projects.name as projectName', 'leadUnit.name as leadUnit',
] as const;

function base(db: Tx, districtId: string) {
  return db.selectFrom('cases').innerJoin('projects', 'projects.id', 'cases.projectId')
    .leftJoin('units as leadUnit', 'leadUnit.id', 'cases.leadUnitId')
    .select([...columns]).where('cases.districtId', '=', districtId);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
const listed = (r: Row, closeDays: number | null = null): ListedCase => ({
  id: r.id, number: r.number, title: r.title, type: r.type, projectName: r.projectName, leadUnit: r.leadUnit ?? '', rating: r.rating,
  dueAt: r.dueAt, supervisionLevel: r.supervisionLevel, closedDay: r.closedAt === null ? null : shanghaiDate(r.closedAt), closeDays,
  sourceRefType: r.sourceRefType, sourceRefId: r.sourceRefId,
});

/** Open cases past their running deadline now, the longest overdue first. */
export async function overdueCases(db: Tx, districtId: string, limit = 100): Promise<ListedCase[]> {
  const rows = await base(db, districtId).where('cases.overdue', '=', 1)
    .where('cases.status', 'in', ['submitted', 'accepted', 'assigned', 'in_progress', 'answered'])
    .orderBy('cases.dueAt').orderBy('cases.number').limit(limit).execute();
  return rows.map((r) => listed(r));
}

/** Cases closed in the period (and still closed), with the working days to close the board counted for them. */
export async function casesClosedIn(db: Tx, districtId: string, from: string, to: string): Promise<ListedCase[]> {
  const t0 = startOfShanghaiDay(from).getTime();
  const t1 = endOfShanghaiDay(to).getTime();
  const rows = await base(db, districtId).where('cases.status', '=', 'closed').where('cases.closedAt', '>=', t0).where('cases.closedAt', '<=', t1)
    .where('cases.id', 'in', db.selectFrom('caseEvents').select('caseEvents.caseId').where('caseEvents.kind', '=', 'closed')
      .where('caseEvents.at', '>=', t0).where('caseEvents.at', '<=', t1))
    .orderBy('cases.closedAt').orderBy('cases.number').execute();
  const marks = rows.length ? await db.selectFrom('boardCaseMarks').select(['caseId', 'facts']).where('caseId', 'in', rows.map((r) => r.id)).execute() : [];
  const days = new Map(marks.map((m) => [m.caseId, (JSON.parse(m.facts) as { xw: number }).xw]));
  return rows.map((r) => listed(r, days.get(r.id) ?? null));
}

/** The resolutions behind resolution cases: text and due date. */
export async function resolutionsOf(db: Tx, ids: string[]) {
  if (!ids.length) return new Map<string, { text: string; dueDate: string | null }>();
  const rows = await db.selectFrom('resolutions').select(['id', 'text', 'dueDate']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { text: r.text, dueDate: r.dueDate }]));
}

/** Leaders and the organisation department of a district: who is told a briefing is ready. */
export async function briefingReaders(db: Tx, districtId: string): Promise<string[]> {
  const rows = await db.selectFrom('users').innerJoin('userRoles', 'userRoles.userId', 'users.id').innerJoin('units', 'units.id', 'users.unitId')
    .select('users.id').distinct().where('userRoles.role', 'in', ['leader', 'org_admin']).where('users.isActive', '=', 1)
    .where((eb) => eb.or([eb('units.id', '=', districtId), eb('units.districtId', '=', districtId)])).execute();
  return rows.map((r) => r.id);
}
