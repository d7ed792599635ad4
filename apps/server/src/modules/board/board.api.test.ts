import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { closeTestApp, type Json } from '../cases/testing/case-kit.js';
import { countFailures } from './board.jobs.js';
import { boardCacheStats } from './board-cache.js';
import { rebuildBoardStats, reconcileBoardStats } from './board-stats.js';
import { buildStory, STORY_START } from './testing/board-kit.js';
import { buildCtx, systemActor } from '../../kernel/context.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof buildStory>>;
const get = async (who: string, url: string, status = 200): Promise<Json> => s.k.ok(await (await s.k.as(who)).get(url), status);
const summary = (who: string, q = '') => get(who, `/api/v1/dashboard/summary${q}`);
const counts = (b: Json) => Object.fromEntries(Object.entries(b.cases.total as Record<string, { n: number }>).map(([k, v]) => [k, v.n]));
const byType = (b: Json, key: string) => Object.fromEntries((b.cases.byType as Json[]).filter((x) => x[key].n).map((x) => [x.type, x[key].n]));
const rates = (b: Json) => Object.fromEntries(Object.entries(b.rates as Record<string, Json>).map(([k, v]) => [k, [v.numerator, v.denominator]]));

beforeAll(async () => {
  t = await createTestApp({ now: STORY_START });
  s = await buildStory(t);
  const zy01 = await s.k.as('zy01');
  for (const date of ['2026-11-24', '2026-11-25']) {
    s.k.ok(await zy01.post('/api/v1/site-logs', { projectId: s.k.ids.p01, date, duties: ['coordination'], done: '协调夜间施工' }), 201);
  }
});
afterAll(async () => {
  await closeTestApp(t);
  expect(countFailures()).toBe(0);
});

describe('the district board, figures counted by hand from the story', () => {
  it('week 47: three opened, two closed on time, response 3 of 4, satisfaction 1 of 2, two working days to close', async () => {
    const b = await summary('leader', '?week=2026-W47');
    expect(b.scope).toMatchObject({ kind: 'district', label: '下城区', projectIds: null, unitId: null });
    expect(b.period).toEqual({ from: '2026-11-16', to: '2026-11-22', week: '2026-W47' });
    expect(counts(b)).toEqual({ open: 3, overdue: 1, opened: 3, closed: 2 });
    expect(byType(b, 'opened')).toEqual({ safety: 1, appeal: 1, dispute: 1 });
    expect(byType(b, 'closed')).toEqual({ safety: 1, appeal: 1 });
    expect(rates(b)).toEqual({ response: [3, 4], solve: [2, 2], satisfaction: [1, 2] });
    expect(b.rates.response.rate).toBe(0.75);
    expect(b.avgDaysToClose).toMatchObject({ days: 2, closed: 2 });
    expect(b.charts.topCategories.map((c: Json) => [c.category, c.n])).toEqual([['噪声', 1], ['未分类', 1], ['脚手架', 1]]);
    expect(b.charts.weekly.at(-1)).toMatchObject({ week: '2026-W47', opened: { safety: 1, appeal: 1, dispute: 1, approval: 0, enterprise: 0, coordination: 0 }, closed: 2 });
    expect(b.charts.weekly).toHaveLength(12);
  });

  it('week 48: four opened, one closed and rated, both dispatches signed in time', async () => {
    const b = await summary('leader', '?week=2026-W48');
    expect(counts(b)).toEqual({ open: 3, overdue: 1, opened: 4, closed: 1 });
    expect(byType(b, 'opened')).toEqual({ safety: 2, enterprise: 1, coordination: 1 });
    expect(rates(b)).toEqual({ response: [2, 2], solve: [1, 1], satisfaction: [1, 1] });
    expect(b.avgDaysToClose.days).toBe(0);
    expect(b.charts.weekly.slice(-2).map((w: Json) => [w.week, w.closed])).toEqual([['2026-W47', 2], ['2026-W48', 1]]);
  });

  it('the year so far, and what stands now: the funnel, open and overdue by type, the projects', async () => {
    const b = await summary('leader');
    expect(b.period).toEqual({ from: '2026-01-01', to: '2026-11-26', week: null });
    expect(counts(b)).toEqual({ open: 3, overdue: 1, opened: 7, closed: 3 });
    expect(rates(b)).toEqual({ response: [5, 6], solve: [3, 3], satisfaction: [2, 3] });
    expect(b.avgDaysToClose.days).toBe(1.3);
    expect(Object.fromEntries(b.charts.funnel.map((f: Json) => [f.status, f.n]))).toEqual({
      submitted: 1, accepted: 0, assigned: 0, in_progress: 2, answered: 0, closed: 3, rejected: 1, withdrawn: 0,
    });
    expect(byType(b, 'open')).toEqual({ safety: 1, dispute: 1, enterprise: 1 });
    expect(byType(b, 'overdue')).toEqual({ safety: 1 });
    expect(b.services.openHazards.n).toBe(1);
    expect([b.services.stopWorkSites, b.services.approvalsStuck, b.services.highRiskDisputes]).toEqual([null, null, null]);
    expect({ total: b.projects.total.n, green: b.projects.green.n, yellow: b.projects.yellow.n, red: b.projects.red.n }).toEqual({ total: 26, green: 19, yellow: 5, red: 2 });
    const dx = b.charts.byStreet.find((x: Json) => x.street.name === '东新街道');
    // 中大银泰城 (E, G) and 创新创业新天地综合体 (C) are both in 东新街道.
    expect(dx).toMatchObject({ open: 3, overdue: 1 });
    expect(b.charts.byUnit.map((u: Json) => [u.unit.name, u.open, u.overdue])).toEqual([['区住建局', 1, 1], ['区城管局', 1, 0], ['区发改局', 0, 0]]);
  });

  it('sums the investment of the 26 projects against plan and the time-proportional plan', async () => {
    const b = await summary('leader');
    const projects = await t.db.selectFrom('projects').selectAll().execute();
    const total = projects.reduce((a, p) => a + p.totalInvestment, 0);
    const done = projects.reduce((a, p) => a + p.investmentCompleted, 0);
    const plan = projects.reduce((a, p) => a + p.annualPlannedInvestment, 0);
    expect(b.investment).toMatchObject({ totalInvestment: total, completed: done, annualPlan: plan, completedThisYear: 0, percentOfPlanToDate: 0 });
    // 26 November is day 330 of 365.
    expect(b.investment.annualPlanToDate).toBeCloseTo(plan * (330 / 365), 0);
    expect(b.charts.investmentByProject).toHaveLength(26);
  });

  it('drills down to lists that hold exactly the cases counted', async () => {
    const leader = await s.k.as('leader');
    const total = async (drill: string) => (await leader.get(`/api/v1${drill}${drill.includes('?') ? '&' : '?'}pageSize=1`)).json().total as number;
    for (const q of ['?week=2026-W47', '?week=2026-W48', '']) {
      const b = await summary('leader', q);
      const exact = [
        b.cases.total.open, b.cases.total.overdue, b.cases.total.opened, b.services.openHazards,
        ...b.cases.byType.flatMap((x: Json) => [x.open, x.overdue, x.opened]), ...b.charts.funnel,
      ];
      for (const f of exact) expect([f.drill, await total(f.drill)]).toEqual([f.drill, f.n]);
      // Closings have no list filter of their own: their list (all closed cases) holds them, checked by closing day.
      const closed = (await leader.get(`/api/v1${b.cases.total.closed.drill}&pageSize=200`)).json().items as Json[];
      const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
      expect(closed.filter((c) => day(c.closedAt) >= b.period.from && day(c.closedAt) <= b.period.to)).toHaveLength(b.cases.total.closed.n);
    }
  });

  it('keeps counters that equal a recount from scratch, and the reconciliation finds nothing to add', async () => {
    const snapshot = async () => {
      const rows = await Promise.all((['boardGauges', 'boardFlows', 'boardCategories'] as const).map((tb) => t.db.selectFrom(tb).selectAll().execute()));
      return rows.map((r) => r.filter((x: Json) => Object.entries(x).some(([k, v]) => typeof v === 'number' && v !== 0 && k !== 'version'))
        .map((x) => JSON.stringify(x)).sort());
    };
    const ctx = buildCtx(t.app.deps, systemActor);
    const before = await snapshot();
    expect(before[0]!.length).toBeGreaterThan(10);
    expect(await reconcileBoardStats(ctx, { checkCounts: true })).toEqual({ counted: 0 });
    expect(await rebuildBoardStats(ctx)).toBe(7);
    expect(await snapshot()).toEqual(before);
  });
});

describe('whose board: scoped by role', () => {
  it('shows a commissioner their project only', async () => {
    const zy01 = await summary('zy01', '?week=2026-W47');
    expect(zy01.scope).toMatchObject({ kind: 'project', label: '中大银泰城', projectIds: [s.k.ids.p01] });
    expect(counts(zy01)).toEqual({ open: 2, overdue: 1, opened: 2, closed: 2 });
    expect(rates(zy01)).toEqual({ response: [2, 3], solve: [2, 2], satisfaction: [1, 2] });
    expect(zy01.cases.total.open.drill).toContain(`projectId=${s.k.ids.p01}`);
    expect(zy01.projects.total.n).toBe(1);
    const zy02 = await summary('zy02');
    expect(counts(zy02)).toEqual({ open: 1, overdue: 0, opened: 2, closed: 0 });
    expect(byType(zy02, 'opened')).toEqual({ dispute: 1, coordination: 1 });
  });

  it('shows a department only the cases it handles, and its own signing', async () => {
    const zjj = await summary('zjj', '?week=2026-W47');
    expect(zjj.scope).toMatchObject({ kind: 'unit', label: '区住建局', unitId: s.k.ids.ZJJ });
    expect(counts(zjj)).toEqual({ open: 1, overdue: 1, opened: 2, closed: 2 });
    expect(rates(zjj)).toEqual({ response: [1, 2], solve: [2, 2], satisfaction: [1, 2] });
    expect(zjj.projects).toBeNull();
    const cgj = await summary('cgj', '?week=2026-W47');
    expect(counts(cgj)).toEqual({ open: 1, overdue: 0, opened: 2, closed: 1 });
    expect(rates(cgj)).toEqual({ response: [2, 2], solve: [1, 1], satisfaction: [0, 1] });
    // 发改局 sent its only case back: nothing of it is on its board.
    expect(counts(await summary('fgj', '?week=2026-W47'))).toEqual({ open: 0, overdue: 0, opened: 0, closed: 0 });
    const unitList = await (await s.k.as('zjj')).get(`/api/v1${zjj.cases.total.opened.drill}`);
    expect(unitList.json().total).toBe(2);
  });

  it('shows a street with no cases an empty board with its projects', async () => {
    const ts = await summary('tianshui');
    expect(counts(ts)).toEqual({ open: 0, overdue: 0, opened: 0, closed: 0 });
    expect(ts.projects.total.n).toBe(6);
  });

  it('lets a leader look at a unit\'s or a project\'s board, which equals that unit\'s or commissioner\'s own', async () => {
    const strip = (b: Json) => ({ cases: b.cases.total, rates: b.rates, funnel: b.charts.funnel.map((f: Json) => f.n) });
    expect(strip(await summary('leader', `?week=2026-W47&unitId=${s.k.ids.ZJJ}`))).toEqual(strip(await summary('zjj', '?week=2026-W47')));
    expect(strip(await summary('leader', `?week=2026-W47&projectId=${s.k.ids.p01}`))).toEqual(strip(await summary('zy01', '?week=2026-W47')));
  });

  it('answers 401, 403, 404 and 400 where it must', async () => {
    expectProblem(await t.anonymous().get('/api/v1/dashboard/summary'), 401, 'UNAUTHENTICATED');
    for (const who of ['sg01', 'admin', 'auditor']) expectProblem(await (await s.k.as(who)).get('/api/v1/dashboard/summary'), 403, 'FORBIDDEN');
    expectProblem(await (await s.k.as('zjj')).get(`/api/v1/dashboard/summary?unitId=${s.k.ids.CGJ}`), 403, 'FORBIDDEN');
    expectProblem(await (await s.k.as('zy01')).get(`/api/v1/dashboard/summary?projectId=${s.k.ids.p02}`), 404, 'NOT_FOUND');
    expectProblem(await (await s.k.as('leader')).get('/api/v1/dashboard/summary?unitId=no-such-unit'), 404, 'NOT_FOUND');
    for (const q of ['week=2026-48', 'week=2025-W53', 'from=2026-01-01', 'week=2026-W47&from=2026-01-01&to=2026-01-02', 'colour=red']) {
      expectProblem(await (await s.k.as('leader')).get(`/api/v1/dashboard/summary?${q}`), 400, 'VALIDATION_FAILED');
    }
  });
});

describe('the lists behind the board', () => {
  it('lists projects with light, reasons, investment and cases; a commissioner sees theirs', async () => {
    const all = await get('leader', '/api/v1/dashboard/projects?sort=overdue&pageSize=5');
    expect(all.total).toBe(26);
    expect(all.items[0]).toMatchObject({ project: { id: s.k.ids.p01 }, open: { n: 2 }, overdue: { n: 1 }, light: 'green', computedLight: 'yellow' });
    expect(all.items[0].reasons.map((r: Json) => r.rule)).toEqual(['overdueCases']);
    expect((await get('leader', '/api/v1/dashboard/projects?sort=-overdue&pageSize=200')).items.at(-1).project.id).toBe(s.k.ids.p01);
    const red = await get('leader', '/api/v1/dashboard/projects?light=red');
    expect(red.total).toBe(2);
    expect((await get('zy01', '/api/v1/dashboard/projects')).items.map((p: Json) => p.project.id)).toEqual([s.k.ids.p01]);
    expect((await get('zjj', '/api/v1/dashboard/projects')).items.map((p: Json) => p.project.id)).toEqual([s.k.ids.p01]);
    expectProblem(await (await s.k.as('leader')).get('/api/v1/dashboard/projects?sort=colour'), 400, 'VALIDATION_FAILED');
    expectProblem(await t.anonymous().get('/api/v1/dashboard/projects'), 401);
    expectProblem(await (await s.k.as('sg01')).get('/api/v1/dashboard/projects'), 403, 'FORBIDDEN');
  });

  it('ranks commissioners: days on site, cases raised, opened, closed, days to close', async () => {
    const all = await get('leader', '/api/v1/dashboard/commissioners?week=2026-W47');
    expect(all.total).toBe(26);
    const zy01 = all.items.find((c: Json) => c.project.id === s.k.ids.p01);
    expect(zy01).toMatchObject({ daysOnSiteThisMonth: 2, siteLogsThisMonth: 2, casesRaised: { n: 1 }, casesOpened: { n: 2 }, casesClosed: { n: 2 }, avgDaysToClose: 2, open: { n: 2 }, overdue: { n: 1 } });
    expect((await get('leader', '/api/v1/dashboard/commissioners?sort=daysOnSite&pageSize=200')).items.at(-1).project.id).toBe(s.k.ids.p01);
    const own = await get('zy01', '/api/v1/dashboard/commissioners');
    expect(own.items.map((c: Json) => [c.project.id, c.casesRaised.n])).toEqual([[s.k.ids.p01, 4]]);
    expect((await (await s.k.as('zy01')).get(`/api/v1${own.items[0].casesRaised.drill}`)).json().total).toBe(4);
    expectProblem(await (await s.k.as('zjj')).get('/api/v1/dashboard/commissioners'), 403, 'FORBIDDEN');
    expectProblem(await (await s.k.as('leader')).get('/api/v1/dashboard/commissioners?sort=name'), 400, 'VALIDATION_FAILED');
    expectProblem(await t.anonymous().get('/api/v1/dashboard/commissioners'), 401);
  });

  it('ranks units by 响应率 / 解决率 / 满意率, with dispatches and returns; a unit sees its own row', async () => {
    const w47 = await get('leader', '/api/v1/dashboard/units?week=2026-W47&sort=response');
    const row = (name: string) => w47.items.find((u: Json) => u.unit.name === name);
    expect(w47.items.map((u: Json) => [u.rank, u.unit.name])).toEqual([[1, '区城管局'], [2, '区住建局'], [3, '区发改局']]);
    expect(row('区住建局')).toMatchObject({ assigned: 2, returned: 0, response: { numerator: 1, denominator: 2 }, solve: { numerator: 2, denominator: 2 }, satisfaction: { numerator: 1, denominator: 2 }, open: { n: 1 }, overdue: { n: 1 } });
    expect(row('区城管局')).toMatchObject({ assigned: 2, returned: 0, response: { rate: 1 }, solve: { rate: 1 }, satisfaction: { rate: 0 } });
    expect(row('区发改局')).toMatchObject({ assigned: 1, returned: 1, response: { rate: null } });
    expect((await get('leader', '/api/v1/dashboard/units?kind=street')).total).toBe(0);
    const own = await get('zjj', '/api/v1/dashboard/units?week=2026-W47');
    expect(own.items.map((u: Json) => u.unit.name)).toEqual(['区住建局']);
    expectProblem(await (await s.k.as('zy01')).get('/api/v1/dashboard/units'), 403, 'FORBIDDEN');
    expectProblem(await (await s.k.as('leader')).get('/api/v1/dashboard/units?kind=company'), 400, 'VALIDATION_FAILED');
    expectProblem(await t.anonymous().get('/api/v1/dashboard/units'), 401);
  });
});

describe('the summary cache', () => {
  it('serves a repeated board from memory while nothing changed, and a fresh one after a change', async () => {
    const first = await summary('orgdept');
    const hits = boardCacheStats().hits;
    expect(await summary('orgdept')).toEqual(first);
    expect(boardCacheStats().hits).toBe(hits + 1);
    await s.k.create({ type: 'appeal', title: '缓存之后的新问题', description: '看板应立即计入。' }, 'zy01');
    const after = await summary('orgdept');
    expect(boardCacheStats().hits).toBe(hits + 1);
    expect(after.cases.total.open.n).toBe(first.cases.total.open.n + 1);
    expect(after.cases.total.opened.n).toBe(first.cases.total.opened.n + 1);
  });
});
