import type { z } from 'zod';
import type { dashboardCommissionersQuery, dashboardCommissionerSchema, dashboardUnitSchema, dashboardUnitsQuery } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import { created, fig, link, OPEN, rate, resolvePeriod, type Period } from './board-links.js';
import { districtKeysOfUnit, flowsByScope, flowsByUnit, gaugesByScope, gaugesByUnit, openOf, zeroFlows, zeroGauges } from './board-read.repository.js';
import { casesRaisedBy, commissionersOf, handlingUnitsOf, siteDaysInMonth, unitsByIds } from './board-sources.js';
import { scopeProjects } from './board.service.js';
import { resolveBoardScope } from './board.policy.js';

type Commissioner = z.infer<typeof dashboardCommissionerSchema>;
type UnitRow = z.infer<typeof dashboardUnitSchema>;

const page = <T>(items: T[], q: { page: number; pageSize: number }) =>
  ({ items: items.slice((q.page - 1) * q.pageSize, q.page * q.pageSize), total: items.length, page: q.page, pageSize: q.pageSize });

/**
 * GET /dashboard/commissioners: each project's commissioner with days on site this month, cases they raised, cases of
 * the project opened and closed in the period and the average working days to close. Leaders and the organisation
 * department see the district's; a commissioner their own row, an assistant their mentor's.
 */
export async function listCommissionerFigures(ctx: Ctx, q: z.infer<typeof dashboardCommissionersQuery>) {
  const actor = assertCan(ctx, 'board.commissioners');
  const scope = await resolveBoardScope(ctx, actor);
  const period = resolvePeriod(q, ctx.now());
  const projects = await scopeProjects(ctx, scope);
  const ids = projects.map((p) => p.id);
  const keys = ids.map((id) => `p:${id}`);
  const commissioners = await commissionersOf(ctx.db, ids);
  const userIds = [...new Set([...commissioners.values()].map((c) => c.id))];
  const [days, raised, flows, gauges] = await Promise.all([
    siteDaysInMonth(ctx.db, userIds, shanghaiDate(ctx.now()).slice(0, 7)),
    casesRaisedBy(ctx.db, userIds, period.from, period.to),
    flowsByScope(ctx.db, keys, '', period.from, period.to),
    gaugesByScope(ctx.db, keys, ''),
  ]);
  const items: Commissioner[] = projects.filter((p) => commissioners.has(p.id)).map((p) => {
    const c = commissioners.get(p.id)!;
    const f = flows.get(`p:${p.id}`) ?? zeroFlows();
    const g = gauges.get(`p:${p.id}`) ?? zeroGauges();
    const list = (...extra: Record<string, string | readonly string[]>[]) => link('/cases', { projectId: p.id }, ...extra);
    return {
      user: c, project: { id: p.id, code: p.code, name: p.name, light: p.light as Commissioner['project']['light'] },
      daysOnSiteThisMonth: days.get(c.id)?.days ?? 0, siteLogsThisMonth: days.get(c.id)?.logs ?? 0,
      casesRaised: fig(raised.get(c.id) ?? 0, link('/cases', { reporterId: c.id }, created(period))),
      casesOpened: fig(f.opened, list(created(period))),
      casesClosed: fig(f.closed, list({ status: 'closed' })),
      avgDaysToClose: f.closed ? Math.round((f.closeDays / f.closed) * 10) / 10 : null,
      open: fig(openOf(g), list(OPEN)),
      overdue: fig(g.overdue, list({ overdue: 'true' })),
    };
  });
  const sort = q.sort ?? 'project';
  const key: Record<string, (x: Commissioner) => number> = {
    daysOnSite: (x) => x.daysOnSiteThisMonth, casesClosed: (x) => x.casesClosed.n, avgDaysToClose: (x) => x.avgDaysToClose ?? Infinity,
  };
  if (sort !== 'project') {
    const k = key[sort.replace('-', '')]!;
    items.sort((a, b) => (sort.startsWith('-') ? k(b) - k(a) : k(a) - k(b)) || a.project.code.localeCompare(b.project.code));
  }
  return page(items, q);
}

const KINDS: Record<string, readonly string[] | null> = { department: ['department', 'city_department'], street: ['street', 'community'], all: null };
/** Best first: the rates high, returns and overdue cases few; units with nothing to rate go last. */
const ORDER: Record<string, (u: UnitRow) => number> = {
  response: (u) => -(u.response.rate ?? -1), solve: (u) => -(u.solve.rate ?? -1), satisfaction: (u) => -(u.satisfaction.rate ?? -1),
  assigned: (u) => -u.assigned, returned: (u) => u.returned, overdue: (u) => u.overdue.n,
};

/**
 * GET /dashboard/units: departments and streets ranked by 响应率 / 解决率 / 满意率, with what was dispatched to them
 * and what they sent back. A department or street handler sees its own unit's row.
 */
export async function listUnitFigures(ctx: Ctx, q: z.infer<typeof dashboardUnitsQuery>) {
  const actor = assertCan(ctx, 'board.units');
  const period = resolvePeriod(q, ctx.now());
  const sees = actor.roles.some((r) => r === 'leader' || r === 'org_admin');
  const own = sees ? undefined : (actor.unitId ?? '-');
  const keys = sees ? (await resolveBoardScope(ctx, actor)).keys : await districtKeysOfUnit(ctx.db, own!);
  return page(await rankUnits(ctx, keys, period, { kind: q.kind, sort: q.sort, own }), q);
}

/** Units with cases in the scopes, ranked; `own` limits the rows to one unit. No access check: callers do it. */
export async function rankUnits(ctx: Ctx, keys: string[], period: Period, o: { kind: string; sort: string; own?: string }): Promise<UnitRow[]> {
  const gauges = await gaugesByUnit(ctx.db, keys);
  // Every unit that ever handled a case here has a gauge row; units of the districts are asked too (one that only
  // sent cases back still ranks on its returns).
  const candidates = o.own ? [o.own] : [...gauges.keys(), ...(await handlingUnitsOf(ctx.db, keys.map((k) => k.slice(2)))).map((u) => u.id)];
  const flows = await flowsByUnit(ctx.db, keys, period.from, period.to, candidates);
  const units = await unitsByIds(ctx.db, [...flows.keys(), ...gauges.keys()].filter((id) => !o.own || id === o.own));
  const kinds = KINDS[o.kind];
  const rows = [...units.values()].filter((u) => !kinds || kinds.includes(u.kind)).map((u) => unitRow(u, flows.get(u.id), gauges.get(u.id), period));
  const order = ORDER[o.sort]!;
  rows.sort((a, b) => order(a) - order(b) || b.assigned - a.assigned || a.unit.name.localeCompare(b.unit.name));
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}

function unitRow(u: { id: string; name: string; kind: string }, flows = zeroFlows(), gauges = zeroGauges(), period: Period): UnitRow {
  const list = (...extra: Record<string, string | readonly string[]>[]) => link('/cases', { unitId: u.id }, ...extra);
  const closed = list({ status: 'closed' });
  return {
    rank: 0, unit: u, assigned: flows.assigned, returned: flows.returned,
    response: rate(flows.signedOnTime, flows.signDue, list(created(period))),
    solve: rate(flows.closedOnTime, flows.closed, closed),
    satisfaction: rate(flows.satisfied, flows.rated, closed),
    open: fig(openOf(gauges), list(OPEN)),
    overdue: fig(gauges.overdue, list({ overdue: 'true' })),
  };
}
