import { caseStatuses, caseTypes, type BoardSummary, type CaseType } from '@liaison/contracts';
import { shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import { boardFigure, hasBoardFigure, type FigureScope } from './board-figures.js';
import { caseLink, created, fig, link, OPEN, pct, periodParams, rate, weeksUpTo, type Period } from './board-links.js';
import {
  flowsByDay, flowsByType, gaugesByScope, gaugesByType, gaugesByUnit, openOf, sumFlows, sumGauges, topCategories,
  zeroFlows, zeroGauges,
} from './board-read.repository.js';
import { investmentInYear, listProjects, unitsByIds, type ProjectRow } from './board-sources.js';
import type { BoardScope } from './board.policy.js';
import { statusColumn, UNCATEGORISED } from './case-facts.js';
import { investmentOf } from './light-rules.js';

/**
 * The board's figures for a scope and a period, from the counters only (no pass over the cases): the same function
 * serves the home page, the drill-through boards and the weekly briefing, so they cannot disagree.
 */
export async function computeSummary(ctx: Ctx, scope: BoardScope, period: Period): Promise<BoardSummary> {
  const now = ctx.now();
  const today = shanghaiDate(now);
  const { keys, unit } = scope;
  const weeks = weeksUpTo(period.to);
  const [gauges, flows, days, categories, byUnitGauges, projects] = await Promise.all([
    gaugesByType(ctx.db, keys, unit),
    flowsByType(ctx.db, keys, unit, period.from, period.to),
    flowsByDay(ctx.db, keys, unit, weeks[0]!.from, weeks[weeks.length - 1]!.to),
    topCategories(ctx.db, keys, unit, period.from, period.to, 10),
    unit ? Promise.resolve(new Map()) : gaugesByUnit(ctx.db, keys),
    scope.projectIds !== null && scope.projectIds.length === 0 ? Promise.resolve(null)
      : listProjects(ctx.db, scope.projectIds ? { projectIds: scope.projectIds } : { districtIds: scope.districtIds, streetId: scope.streetId ?? undefined }),
  ]);
  const g = sumGauges(gauges);
  const f = sumFlows(flows);
  const open = openOf(g);
  const closedList = caseLink(scope, { status: 'closed' });

  const byType = caseTypes.map((type) => {
    const tg = gauges.get(type) ?? zeroGauges();
    const tf = flows.get(type) ?? zeroFlows();
    return {
      type,
      open: fig(openOf(tg), caseLink(scope, { type }, OPEN)),
      overdue: fig(tg.overdue, caseLink(scope, { type, overdue: 'true' })),
      opened: fig(tf.opened, caseLink(scope, { type }, created(period))),
      closed: fig(tf.closed, caseLink(scope, { type, status: 'closed' })),
    };
  });

  const figureScope: FigureScope = { districtIds: scope.districtIds, projectIds: scope.projectIds, unitId: scope.unit || null };
  const safety = gauges.get('safety') ?? zeroGauges();
  const [openHazards, stopWorkSites, approvalsStuck, highRiskDisputes] = await Promise.all([
    hasBoardFigure('openHazards') ? boardFigure(ctx, 'openHazards', figureScope) : fig(openOf(safety), caseLink(scope, { type: 'safety' }, OPEN)),
    boardFigure(ctx, 'stopWorkSites', figureScope),
    boardFigure(ctx, 'approvalsStuck', figureScope),
    boardFigure(ctx, 'highRiskDisputes', figureScope),
  ]);

  const sections = await projectSections(ctx, scope, projects, today);
  return {
    scope: { kind: scope.kind, label: scope.label, districtIds: scope.districtIds, projectIds: scope.projectIds, unitId: scope.unit || null },
    period,
    asOf: now.toISOString(),
    projects: sections.projects,
    investment: sections.investment,
    cases: {
      total: {
        open: fig(open, caseLink(scope, OPEN)),
        overdue: fig(g.overdue, caseLink(scope, { overdue: 'true' })),
        opened: fig(f.opened, caseLink(scope, created(period))),
        closed: fig(f.closed, closedList),
      },
      byType,
    },
    rates: {
      response: rate(f.signedOnTime, f.signDue, link('/dashboard/units', { sort: 'response' }, periodParams(period))),
      solve: rate(f.closedOnTime, f.closed, closedList),
      satisfaction: rate(f.satisfied, f.rated, closedList),
    },
    avgDaysToClose: { days: f.closed ? Math.round((f.closeDays / f.closed) * 10) / 10 : null, closed: f.closed, drill: closedList },
    services: { openHazards, stopWorkSites, approvalsStuck, highRiskDisputes },
    resolutions: {
      total: g.resTotal, open: g.resTotal - g.resDone, done: g.resDone, doneOnTime: g.resOnTime,
      doneInPeriod: f.resClosed, doneOnTimeInPeriod: f.resOnTime, drill: caseLink(scope, { type: 'coordination', source: 'branch_meeting' }),
    },
    charts: {
      weekly: weeks.map((w) => {
        const opened = Object.fromEntries(caseTypes.map((t) => [t, 0])) as Record<CaseType, number>;
        let closed = 0;
        for (const d of days) {
          if (d.day < w.from || d.day > w.to) continue;
          if (d.type in opened) opened[d.type as CaseType] += d.opened;
          closed += d.closed;
        }
        return { ...w, opened, closed };
      }),
      funnel: caseStatuses.map((status) => ({ status, n: g[statusColumn(status)], drill: caseLink(scope, { status }) })),
      topCategories: categories.map((c) => ({
        category: c.category, n: c.n,
        drill: caseLink(scope, created(period), c.category === UNCATEGORISED ? {} : { q: c.category }),
      })),
      byStreet: sections.byStreet,
      byUnit: await unitBars(ctx, scope, byUnitGauges),
      investmentByProject: sections.investmentByProject,
    },
  };
}

async function unitBars(ctx: Ctx, scope: BoardScope, gauges: Map<string, ReturnType<typeof zeroGauges>>) {
  const units = await unitsByIds(ctx.db, [...gauges.keys()]);
  return [...gauges].filter(([id]) => units.has(id)).map(([id, g]) => {
    const u = units.get(id)!;
    return { unit: { id, name: u.name, kind: u.kind }, open: openOf(g), overdue: g.overdue, drill: link('/cases', scope.drill, { unitId: id }) };
  }).sort((a, b) => b.open - a.open || b.overdue - a.overdue || a.unit.name.localeCompare(b.unit.name)).slice(0, 30);
}

/** Projects by light, investment against plan and the time-proportional plan, per-street and per-project bars. */
async function projectSections(ctx: Ctx, scope: BoardScope, projects: ProjectRow[] | null, today: string) {
  if (!projects) return { projects: null, investment: null, byStreet: [], investmentByProject: [] };
  const ids = projects.map((p) => p.id);
  const [invested, perProject] = await Promise.all([
    investmentInYear(ctx.db, ids, today.slice(0, 4)),
    gaugesByScope(ctx.db, ids.map((id) => `p:${id}`), scope.unit),
  ]);
  const projectList = (extra: Record<string, string>) => link('/projects', scope.streetId ? { streetId: scope.streetId } : {}, extra);
  const count = (light: string) => projects.filter((p) => p.light === light).length;
  const inv = projects.map((p) => ({ p, ...investmentOf(p, invested.get(p.id), today) }));
  const sum = (k: 'totalInvestment' | 'completed' | 'annualPlan' | 'annualPlanToDate' | 'completedThisYear') => Math.round(inv.reduce((s, x) => s + x[k], 0) * 100) / 100;
  return {
    projects: {
      total: fig(projects.length, projectList({})),
      green: fig(count('green'), projectList({ light: 'green' })),
      yellow: fig(count('yellow'), projectList({ light: 'yellow' })),
      red: fig(count('red'), projectList({ light: 'red' })),
    },
    investment: {
      totalInvestment: sum('totalInvestment'), completed: sum('completed'), percentOfTotal: pct(sum('completed'), sum('totalInvestment')),
      annualPlan: sum('annualPlan'), annualPlanToDate: sum('annualPlanToDate'), completedThisYear: sum('completedThisYear'),
      percentOfAnnualPlan: pct(sum('completedThisYear'), sum('annualPlan')), percentOfPlanToDate: pct(sum('completedThisYear'), sum('annualPlanToDate')),
      drill: projectList({ sort: 'light' }),
    },
    byStreet: await streetBars(ctx, projects, perProject),
    investmentByProject: inv
        .sort((a, b) => (a.percentOfPlanToDate ?? Infinity) - (b.percentOfPlanToDate ?? Infinity) || a.p.code.localeCompare(b.p.code))
        .slice(0, 60)
        .map((x) => ({
          project: { id: x.p.id, code: x.p.code, name: x.p.name }, light: x.p.light as 'green' | 'yellow' | 'red', totalInvestment: x.totalInvestment, completed: x.completed,
          percentOfTotal: pct(x.completed, x.totalInvestment), annualPlanToDate: x.annualPlanToDate, completedThisYear: x.completedThisYear,
          percentOfPlanToDate: x.percentOfPlanToDate, drill: `/projects/${x.p.id}`,
        })),
  };
}

async function streetBars(ctx: Ctx, projects: ProjectRow[], perProject: Map<string, ReturnType<typeof zeroGauges>>) {
  const streets = await unitsByIds(ctx.db, projects.map((p) => p.streetId).filter((s): s is string => !!s));
  const bars = new Map<string, { street: { id: string; name: string }; projects: number; redProjects: number; open: number; overdue: number; drill: string }>();
  for (const p of projects) {
    const s = p.streetId ? streets.get(p.streetId) : undefined;
    if (!s) continue;
    const bar = bars.get(s.id) ?? { street: { id: s.id, name: s.name }, projects: 0, redProjects: 0, open: 0, overdue: 0, drill: link('/projects', { streetId: s.id }) };
    const g = perProject.get(`p:${p.id}`) ?? zeroGauges();
    bar.projects++;
    if (p.light === 'red') bar.redProjects++;
    bar.open += openOf(g);
    bar.overdue += g.overdue;
    bars.set(s.id, bar);
  }
  return [...bars.values()].sort((a, b) => b.open - a.open || a.street.name.localeCompare(b.street.name));
}
