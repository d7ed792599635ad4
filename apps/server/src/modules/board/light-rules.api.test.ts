import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowsFor, expectProblem, projectId } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { runDueJobs } from '../../kernel/jobs/jobs.js';
import { caseKit, closeTestApp, type Json } from '../cases/testing/case-kit.js';
import { registerProjectSignal, unregisterBoardProvider } from './board-figures.js';

let t: TestApp;
let k: Awaited<ReturnType<typeof caseKit>>;
let p03: string;
beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  p03 = await projectId(t, 3);
});
afterAll(async () => {
  unregisterBoardProvider('majorHazards');
  await closeTestApp(t);
});

const rules = async (who = 'orgdept') => k.ok(await (await k.as(who)).get('/api/v1/dashboard/light-rules'));
const put = async (body: Json, who = 'orgdept') => (await k.as(who)).request({ method: 'PUT', url: '/api/v1/dashboard/light-rules', payload: body });
const lightOf = async (id: string) => (await t.db.selectFrom('projects').select('light').where('id', '=', id).executeTakeFirstOrThrow()).light;
const row = async (id: string) => (k.ok(await (await k.as('leader')).get('/api/v1/dashboard/projects?pageSize=200')).items as Json[]).find((p) => p.project.id === id)!;
const tick = async (ms: number) => {
  t.clock.advance(ms);
  return runDueJobs(t.app.deps, t.clock.now());
};

describe('GET /api/v1/dashboard/light-rules', () => {
  it('shows the rules, off by default, and which inputs no module reports yet', async () => {
    const r = await rules('leader');
    expect(r).toMatchObject({ enabled: false, version: 1, updatedAt: null, rules: { overdueCases: { yellow: 1, red: 3 } } });
    expect(r.unavailable).toEqual(['majorHazards', 'approvalsOverLimit', 'highRiskDisputes']);
    expect((await rules('zjj')).version).toBe(1);
    expectProblem(await t.anonymous().get('/api/v1/dashboard/light-rules'), 401);
    expectProblem(await (await k.as('sg01')).get('/api/v1/dashboard/light-rules'), 403, 'FORBIDDEN');
  });
});

describe('PUT /api/v1/dashboard/light-rules', () => {
  it('refuses bad rules, strangers, other roles and stale versions', async () => {
    const r = await rules();
    const body = { enabled: true, rules: r.rules, version: r.version };
    expectProblem(await put({ ...body, rules: { ...r.rules, overdueCases: { yellow: 5, red: 2 } } }), 400, 'VALIDATION_FAILED');
    expectProblem(await put({ ...body, colour: 'red' }), 400, 'VALIDATION_FAILED');
    expectProblem(await put({ enabled: true, version: 1 }), 400, 'VALIDATION_FAILED');
    expectProblem(await t.anonymous().request({ method: 'PUT', url: '/api/v1/dashboard/light-rules', payload: body }), 401);
    expectProblem(await put(body, 'leader'), 403, 'FORBIDDEN');
    expectProblem(await put({ ...body, version: 7 }), 409, 'STALE_VERSION');
    expect((await rules()).enabled).toBe(false);
  });

  it('switches the composite light on (audited): an overdue case turns its project yellow, with the reason', async () => {
    const late = await k.caseIn('in_progress', { type: 'safety', priority: 'urgent' });
    t.clock.advance(3 * 86_400_000);
    await k.sweep();
    const board = async () => k.ok(await (await k.as('leader')).get('/api/v1/dashboard/summary')).projects;
    expect((await board()).yellow.n).toBe(5);
    const before = await rules();
    const res = await put({ enabled: true, rules: before.rules, version: before.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ enabled: true, version: 2 });
    const audit = await t.db.selectFrom('auditLog').select(['action', 'changes']).where('entityId', '=', 'board.light-rules').execute();
    expect(audit.map((a) => a.action)).toEqual(['board.light-rules-updated']);
    expect(JSON.parse(audit[0]!.changes!)).toEqual({ enabled: [false, true] });

    expect(await lightOf(k.ids.p01)).toBe('yellow');
    const p = await row(k.ids.p01);
    expect(p).toMatchObject({ light: 'yellow', computedLight: 'yellow', overdue: { n: 1 } });
    expect(p.reasons.map((r: Json) => r.text)).toEqual(['超期未办结工单 1 件（≥1 黄灯）']);
    const changed = (await auditRowsFor(t, k.ids.p01)).filter((a) => a.action === 'project.light-changed');
    expect(changed.map((a) => JSON.parse(a.changes!))).toEqual([{ light: ['green', 'yellow'], reasons: ['超期未办结工单 1 件（≥1 黄灯）'] }]);
    // The registry shows it too: the light is stored on the project.
    expect(k.ok(await (await k.as('leader')).get(`/api/v1/projects/${k.ids.p01}`)).light).toBe('yellow');
    // Seeded lights with nothing behind them follow the rules as well.
    expect(await lightOf(await projectId(t, 15))).toBe('green');
    // The board's cached summary follows at once (the light change bumps its version).
    expect({ green: (await board()).green.n, yellow: (await board()).yellow.n, red: (await board()).red.n }).toEqual({ green: 25, yellow: 1, red: 0 });

    // The case is answered: the project's inputs changed, and the minute job puts the light back.
    await k.actOk('zjj', late.id, 'answer', { publicReply: '已修复限位器。' });
    expect(await lightOf(k.ids.p01)).toBe('yellow');
    await tick(60_000);
    expect(await lightOf(k.ids.p01)).toBe('green');
    expect((await row(k.ids.p01)).reasons).toEqual([]);
  });

  it('judges investment against the time-proportional plan from confirmed monthly reports', async () => {
    const zy03 = await k.as('zy03');
    const report = k.ok(await zy03.post(`/api/v1/projects/${p03}/progress-reports`, { period: '2026-10', percentDone: 60, investmentPeriod: 10_000_000, narrative: '幕墙施工' }), 201);
    k.ok(await (await k.as('orgdept')).post(`/api/v1/projects/${p03}/progress-reports/${report.id}/confirm`, { version: report.version }));
    await tick(600_000);
    const p = await row(p03);
    // 5.2 亿 a year; by 29 November (333 of 365 days) 4.74 亿 was due; 0.1 亿 is 2.1% of it.
    expect(p.investment).toMatchObject({ completedThisYear: 10_000_000, percentOfPlanToDate: 2.1, gap: 97.9 });
    expect(p).toMatchObject({ light: 'red', reasons: [{ rule: 'investmentGap', level: 'red', value: 97.9, threshold: 25 }] });
  });

  it('uses what other modules report: a major hazard from the safety module turns a project red', async () => {
    const p02 = k.ids.p02;
    registerProjectSignal('majorHazards', async (_ctx, ids) => new Map(ids.filter((id) => id === p02).map((id) => [id, 1])));
    expect((await rules()).unavailable).toEqual(['approvalsOverLimit', 'highRiskDisputes']);
    await tick(600_000);
    expect(await lightOf(p02)).toBe('red');
    expect((await row(p02)).reasons.map((r: Json) => r.text)).toEqual(['未整改重大安全隐患 1 处（≥1 红灯）']);
    // A provider that breaks reads as "not reported": the rule is not applied, nothing else fails.
    registerProjectSignal('majorHazards', async () => {
      throw new Error('safety module down');
    });
    await tick(600_000);
    expect(await lightOf(p02)).toBe('green');
  });

  it('leaves lights alone once switched off again, and keeps computing the rules\' view', async () => {
    const r = await rules();
    k.ok(await put({ enabled: false, rules: { ...r.rules, overdueCases: { yellow: 2, red: 4 } }, version: r.version }));
    expect(await lightOf(p03)).toBe('red');
    k.ok(await (await k.as('orgdept')).patch(`/api/v1/projects/${p03}`, { light: 'green', version: (await t.db.selectFrom('projects').select('version').where('id', '=', p03).executeTakeFirstOrThrow()).version }));
    await tick(600_000);
    expect(await row(p03)).toMatchObject({ light: 'green', computedLight: 'red' });
  });
});
