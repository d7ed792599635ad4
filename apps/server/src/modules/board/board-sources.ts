import { startOfShanghaiDay, endOfShanghaiDay } from '../../kernel/calendar/working-calendar.js';
import type { Tx } from '../../kernel/db/connect.js';

/**
 * The board's reads of other modules' records (units, projects, progress reports, appointments, site logs, cases,
 * resolutions), kept in one place as the case engine keeps its own: each can move behind that module's service
 * when it offers a set-based one. Every read is by indexed columns.
 */
export type ProjectRow = {
  id: string; districtId: string; code: string; name: string; streetId: string | null; phase: string; light: string;
  totalInvestment: number; annualPlannedInvestment: number; investmentCompleted: number;
};

export async function findUnit(db: Tx, id: string) {
  return db.selectFrom('units').select(['id', 'name', 'kind', 'districtId']).where('id', '=', id).executeTakeFirst();
}
export const districtOfUnit = (u: { id: string; kind: string; districtId: string | null }) => (u.kind === 'district' ? u.id : u.districtId);

export async function listDistricts(db: Tx) {
  return db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'district').where('isActive', '=', 1).orderBy('code').execute();
}

export async function unitsByIds(db: Tx, ids: string[]) {
  const uniq = [...new Set(ids)].filter(Boolean);
  if (!uniq.length) return new Map<string, { id: string; name: string; kind: string }>();
  const rows = await db.selectFrom('units').select(['id', 'name', 'kind']).where('id', 'in', uniq).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Units of the districts that can be dispatched to (departments, streets, communities), and the city departments. */
export async function handlingUnitsOf(db: Tx, districtIds: string[]) {
  return db.selectFrom('units').select('id').where('kind', 'in', ['department', 'street', 'community', 'city_department'])
    .where((eb) => eb.or([eb('districtId', 'in', districtIds.length ? districtIds : ['-']), eb('kind', '=', 'city_department')])).execute();
}

/** Projects of the actor's active appointments (commissioner, assistant). */
export async function appointedProjectIds(db: Tx, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('assignments').select('projectId').where('userId', '=', userId)
    .where('role', 'in', ['commissioner', 'assistant']).where('active', '=', 1).execute();
  return [...new Set(rows.map((r) => r.projectId))].sort();
}

const PROJECT_COLUMNS = ['id', 'districtId', 'code', 'name', 'streetId', 'phase', 'light', 'totalInvestment', 'annualPlannedInvestment', 'investmentCompleted'] as const;

/** Live projects: of districts, of a list, or of a street. */
export async function listProjects(db: Tx, where: { districtIds?: string[]; projectIds?: string[]; streetId?: string }): Promise<ProjectRow[]> {
  let q = db.selectFrom('projects').select([...PROJECT_COLUMNS]).where('archivedAt', 'is', null);
  if (where.projectIds) q = where.projectIds.length ? q.where('id', 'in', where.projectIds) : q.where((eb) => eb.lit(false));
  if (where.districtIds) q = where.districtIds.length ? q.where('districtId', 'in', where.districtIds) : q.where((eb) => eb.lit(false));
  if (where.streetId) q = q.where('streetId', '=', where.streetId);
  return q.orderBy('code').execute();
}

/** Confirmed investment of `year` per project (sum of the monthly progress reports). */
export async function investmentInYear(db: Tx, projectIds: string[], year: string): Promise<Map<string, number>> {
  if (!projectIds.length) return new Map();
  const rows = await db.selectFrom('progressReports')
    .select((eb) => ['projectId', eb.fn.sum<number>('investmentPeriod').as('sum')])
    .where('projectId', 'in', projectIds).where('status', '=', 'confirmed')
    .where('period', '>=', `${year}-01`).where('period', '<=', `${year}-12`)
    .groupBy('projectId').execute();
  return new Map(rows.map((r) => [r.projectId, Number(r.sum ?? 0)]));
}

/** The active commissioner of each project. */
export async function commissionersOf(db: Tx, projectIds: string[]) {
  if (!projectIds.length) return new Map<string, { id: string; displayName: string; phone: string | null }>();
  const rows = await db.selectFrom('assignments').innerJoin('users', 'users.id', 'assignments.userId')
    .select(['assignments.projectId', 'users.id', 'users.displayName', 'users.phone'])
    .where('assignments.projectId', 'in', projectIds).where('assignments.role', '=', 'commissioner').where('assignments.active', '=', 1).execute();
  return new Map(rows.map((r) => [r.projectId, { id: r.id, displayName: r.displayName, phone: r.phone }]));
}

/** Days on site this month: distinct dates of each author's site logs in the month (as the roster counts them). */
export async function siteDaysInMonth(db: Tx, userIds: string[], month: string) {
  if (!userIds.length) return new Map<string, { days: number; logs: number }>();
  const rows = await db.selectFrom('siteLogs')
    .select((eb) => ['authorId', eb.fn.count<number>('date').distinct().as('days'), eb.fn.countAll<number>().as('logs')])
    .where('authorId', 'in', userIds).where('date', '>=', `${month}-01`).where('date', '<=', `${month}-31`)
    .groupBy('authorId').execute();
  return new Map(rows.map((r) => [r.authorId, { days: Number(r.days), logs: Number(r.logs) }]));
}

/** Cases each person reported in a period (the reporter/created index). */
export async function casesRaisedBy(db: Tx, userIds: string[], from: string, to: string): Promise<Map<string, number>> {
  if (!userIds.length) return new Map();
  const rows = await db.selectFrom('cases').select((eb) => ['reporterId', eb.fn.countAll<number>().as('n')])
    .where('reporterId', 'in', userIds)
    .where('createdAt', '>=', startOfShanghaiDay(from).getTime()).where('createdAt', '<=', endOfShanghaiDay(to).getTime())
    .groupBy('reporterId').execute();
  return new Map(rows.map((r) => [r.reporterId!, Number(r.n)]));
}

/** Due dates of branch resolutions (null: none set), by resolution id. */
export async function findResolutionDueDates(db: Tx, ids: string[]): Promise<Map<string, string | null>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('resolutions').select(['id', 'dueDate']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.dueDate]));
}
