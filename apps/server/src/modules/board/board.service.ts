import type { BoardSummaryQuery, DashboardProject, LightReason } from '@liaison/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { dashboardProjectsQuery } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import { toIso } from '../../kernel/db/tx.js';
import { projectScope } from '../projects/projects.policy.js';
import { cachedSummary } from './board-cache.js';
import { fig, link, OPEN, resolvePeriod } from './board-links.js';
import { gaugesByScope, openOf, zeroGauges } from './board-read.repository.js';
import { commissionersOf, investmentInYear, unitsByIds, type ProjectRow } from './board-sources.js';
import { computeSummary } from './board-summary.js';
import { resolveBoardScope, type BoardScope } from './board.policy.js';
import { investmentOf } from './light-rules.js';

/** GET /dashboard/summary: the caller's board (see board.policy.ts for whose figures). */
export async function getBoardSummary(ctx: Ctx, q: BoardSummaryQuery) {
  const actor = assertCan(ctx, 'board.read');
  const scope = await resolveBoardScope(ctx, actor, { projectId: q.projectId, unitId: q.unitId });
  const period = resolvePeriod(q, ctx.now());
  return cachedSummary(ctx, scope, period, () => computeSummary(ctx, scope, period));
}

/** The projects a scope's lists cover, filtered in SQL (and never beyond what the caller may see of projects). */
export async function scopeProjects(ctx: Ctx, scope: BoardScope, f: { light?: string; streetId?: string } = {}): Promise<ProjectRow[]> {
  let q = ctx.db.selectFrom('projects')
    .select(['id', 'districtId', 'code', 'name', 'streetId', 'phase', 'light', 'totalInvestment', 'annualPlannedInvestment', 'investmentCompleted'])
    .where('archivedAt', 'is', null);
  // A person never sees more projects than the registry shows them; a job (the system actor) has resolved its scope itself.
  if (ctx.actor && ctx.actor.via !== 'system') q = q.where(projectScope(ctx.actor));
  if (scope.projectIds) q = scope.projectIds.length ? q.where('id', 'in', scope.projectIds) : q.where((eb) => eb.lit(false));
  else q = q.where('districtId', 'in', scope.districtIds.length ? scope.districtIds : ['-']);
  if (scope.streetId) q = q.where('streetId', '=', scope.streetId);
  if (scope.kind === 'unit' && !scope.streetId && !scope.projectIds?.length) {
    // A department's list: the projects it has cases on.
    const unit = scope.unit;
    q = q.where((eb) => eb.exists(eb.selectFrom('boardGauges').select('boardGauges.scope')
      .where('boardGauges.scope', '=', sql<string>`'p:' || ${sql.ref('projects.id')}`).where('boardGauges.unit', '=', unit)));
  }
  if (f.light) q = q.where('light', '=', f.light);
  if (f.streetId) q = q.where('streetId', '=', f.streetId);
  return q.orderBy('code').execute();
}

const lightRank: Record<string, number> = { red: 0, yellow: 1, green: 2 };

/** GET /dashboard/projects: each project with its light and the reasons, investment against plan, open and overdue cases. */
export async function listDashboardProjects(ctx: Ctx, q: z.infer<typeof dashboardProjectsQuery>) {
  const actor = assertCan(ctx, 'board.read');
  const scope = await resolveBoardScope(ctx, actor);
  const items = await projectRows(ctx, { ...scope, projectIds: scope.kind === 'unit' && !scope.streetId ? null : scope.projectIds }, q);
  const by: Record<string, (a: DashboardProject, b: DashboardProject) => number> = {
    code: (a, b) => a.project.code.localeCompare(b.project.code),
    light: (a, b) => lightRank[a.light]! - lightRank[b.light]!,
    overdue: (a, b) => b.overdue.n - a.overdue.n,
    gap: (a, b) => (b.investment.gap ?? -1) - (a.investment.gap ?? -1),
  };
  const sort = q.sort ?? 'code';
  const cmp = by[sort.replace('-', '')]!;
  items.sort((a, b) => (sort.startsWith('-') ? -cmp(a, b) : cmp(a, b)) || by.code!(a, b));
  return { items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: items.length, page: q.page, pageSize: q.pageSize };
}

/** The project rows of a scope, in code order. No access check: callers do it (the briefing job has none). */
export async function projectRows(ctx: Ctx, scope: BoardScope, f: { light?: string; streetId?: string } = {}): Promise<DashboardProject[]> {
  const projects = await scopeProjects(ctx, scope, f);
  const ids = projects.map((p) => p.id);
  const today = shanghaiDate(ctx.now());
  const [invested, gauges, lights, commissioners, streets] = await Promise.all([
    investmentInYear(ctx.db, ids, today.slice(0, 4)),
    gaugesByScope(ctx.db, ids.map((id) => `p:${id}`), scope.unit),
    ids.length ? ctx.db.selectFrom('boardProjectLights').select(['projectId', 'light', 'reasons', 'computedAt']).where('projectId', 'in', ids).execute() : [],
    commissionersOf(ctx.db, ids),
    unitsByIds(ctx.db, projects.map((p) => p.streetId ?? '')),
  ]);
  const lightOf = new Map(lights.map((l) => [l.projectId, l]));
  return projects.map((p) => {
    const g = gauges.get(`p:${p.id}`) ?? zeroGauges();
    const l = lightOf.get(p.id);
    const computed = l?.computedAt ? l : undefined;
    const c = commissioners.get(p.id);
    const s = p.streetId ? streets.get(p.streetId) : undefined;
    const scoped = { ...scope.drill, projectId: p.id };
    const { totalInvestment, completed, annualPlan, annualPlanToDate, completedThisYear, percentOfPlanToDate, gap } = investmentOf(p, invested.get(p.id), today);
    return {
      project: { id: p.id, code: p.code, name: p.name }, street: s ? { id: s.id, name: s.name } : null, phase: p.phase as DashboardProject['phase'],
      light: p.light as DashboardProject['light'], computedLight: (computed?.light ?? null) as DashboardProject['computedLight'],
      reasons: computed ? (JSON.parse(computed.reasons) as LightReason[]) : [], lightComputedAt: toIso(computed?.computedAt),
      commissioner: c ? { id: c.id, displayName: c.displayName } : null,
      investment: { totalInvestment, completed, annualPlan, annualPlanToDate, completedThisYear, percentOfPlanToDate, gap },
      open: fig(openOf(g), link('/cases', scoped, OPEN)),
      overdue: fig(g.overdue, link('/cases', scoped, { overdue: 'true' })),
      drill: link('/cases', scoped),
    };
  });
}
