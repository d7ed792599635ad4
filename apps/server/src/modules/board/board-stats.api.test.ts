import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { buildCtx, systemActor } from '../../kernel/context.js';
import { withTrx } from '../../kernel/db/tx.js';
import { newId } from '../../kernel/ids.js';
import { runDueJobs } from '../../kernel/jobs/jobs.js';
import { caseKit, closeTestApp, type Json } from '../cases/testing/case-kit.js';
import { createCase } from '../cases/use-cases/create-case.js';
import { countFailures } from './board.jobs.js';
import { rebuildBoardStats } from './board-stats.js';

/** The counters are kept by the case writes themselves; these tests read them with no job in between. */
let t: TestApp;
let k: Awaited<ReturnType<typeof caseKit>>;
beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  // The first pass of the jobs sets the reconciliation watermark; from here on only the hook counts.
  await runDueJobs(t.app.deps, t.clock.now());
});
afterAll(async () => {
  await closeTestApp(t);
  // Only the test that breaks counting on purpose may have made it fail.
  expect(countFailures()).toBe(1);
});

const board = async () => k.ok(await (await k.as('leader')).get('/api/v1/dashboard/summary'));
const funnel = (b: Json) => Object.fromEntries(b.charts.funnel.map((f: Json) => [f.status, f.n]));
/** Every non-zero counter row, sorted: what a recount from scratch must reproduce. */
async function snapshot() {
  const tables = await Promise.all((['boardGauges', 'boardFlows', 'boardCategories'] as const).map((tb) => t.db.selectFrom(tb).selectAll().execute()));
  return tables.map((rows) => rows.filter((r: Json) => Object.values(r).some((v) => typeof v === 'number' && v !== 0)).map((r) => JSON.stringify(r)).sort());
}
const ctx = () => buildCtx(t.app.deps, systemActor);

describe('the counters kept by the case writes', () => {
  it('count each step of a case in the request that makes it', async () => {
    const start = funnel(await board());
    const c = await k.create({ type: 'enterprise' }, 'zy01');
    expect(funnel(await board()).submitted).toBe(start.submitted + 1);
    await k.actOk('zy01', c.id, 'accept');
    await k.actOk('zy01', c.id, 'dispatch', { unitId: k.ids.ZJJ });
    expect(funnel(await board())).toMatchObject({ submitted: start.submitted, assigned: start.assigned + 1 });
    await k.actOk('zjj', c.id, 'sign');
    await k.actOk('zjj', c.id, 'answer', { publicReply: '已协调。' });
    await k.actOk('zy01', c.id, 'verify', { accept: true });
    const b = await board();
    expect(funnel(b)).toMatchObject({ assigned: start.assigned, closed: start.closed + 1 });
    expect(b.rates.response.denominator).toBeGreaterThan(0);
  });

  it('count nothing for a change that rolls back', async () => {
    const before = await snapshot();
    const zy01 = await t.db.selectFrom('users').select(['id', 'unitId']).where('username', '=', 'zy01').executeTakeFirstOrThrow();
    const actor = { ...systemActor, userId: zy01.id, username: 'zy01', unitId: zy01.unitId, roles: ['commissioner' as const], permissions: ['case.create' as const, 'project.read' as const, 'case.read' as const], via: 'session' as const };
    const c = buildCtx(t.app.deps, actor);
    await expect(t.db.transaction().execute(async (trx) => {
      await createCase(withTrx(c, trx), { projectId: k.ids.p01, type: 'safety', title: '回滚的问题', description: '不会留下' });
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await snapshot()).toEqual(before);
  });

  it('follow every path of the lifecycle exactly: return, co-handling, extension, reopen, withdraw, merge, overdue', async () => {
    const a = await k.caseIn('assigned', { type: 'appeal' }, { coUnitIds: [k.ids.CGJ] });
    await k.actOk('cgj', a.id, 'sign');
    await k.actOk('cgj', a.id, 'return', { reasonCode: 'overlap', reason: '职能交叉' });
    await k.actOk('zjj', a.id, 'return', { reasonCode: 'territory', reason: '属地不符' });
    await k.actOk('zy01', a.id, 'dispatch', { unitId: k.ids.FGJ });
    await k.actOk('fgj', a.id, 'sign');
    await k.actOk('fgj', a.id, 'request-extension', { days: 2, reason: '需补材料' });
    await k.actOk('zy01', a.id, 'decide-extension', { approve: true });
    await k.actOk('fgj', a.id, 'answer', { publicReply: '已处理。' });
    await k.actOk('zy01', a.id, 'verify', { accept: true });
    await k.actOk('yz01', a.id, 'rate', { rating: 'unsatisfied' });
    await k.actOk('yz01', a.id, 'reopen', { reason: '问题反复' });
    const w = await k.caseIn('in_progress', { type: 'dispute' });
    await k.actOk('zy01', w.id, 'withdraw', { reason: '双方和解' });
    const dup = await k.caseIn('accepted', { type: 'appeal' });
    const into = await k.caseIn('submitted', { type: 'appeal' });
    await k.actOk('zy01', dup.id, 'merge', { intoCaseId: into.id, reason: '重复' });
    const late = await k.caseIn('in_progress', { type: 'safety', priority: 'urgent' });
    await k.actOk('zy01', late.id, 'escalate', { reason: '督促' });
    const counted = await snapshot();
    await rebuildBoardStats(ctx());
    expect(await snapshot()).toEqual(counted);
    // The deadline sweep's overdue flags too, counted by its own writes.
    t.clock.advance(5 * 86_400_000);
    await k.sweep();
    const swept = await snapshot();
    await rebuildBoardStats(ctx());
    expect(await snapshot()).toEqual(swept);
    expect(swept).not.toEqual(counted);
    const b = await board();
    expect(b.cases.total.overdue.n).toBe((await (await k.as('leader')).get('/api/v1/cases?overdue=true')).json().total);
  });

  it('survive concurrent writes on many cases (PostgreSQL: no deadlock, no lost count)', async () => {
    const made = await Promise.all(Array.from({ length: 6 }, (_, i) => k.create({ type: i % 2 ? 'safety' : 'appeal', category: `并发${i % 3}` }, 'zy01')));
    await Promise.all(made.map(async (c) => {
      await k.actOk('zy01', c.id, 'accept');
      await k.actOk('zy01', c.id, 'dispatch', { unitId: k.ids.ZJJ, coUnitIds: [k.ids.CGJ] });
    }));
    // Many cases at once; one case's steps one after another (on one case the loser of a race gets a 409, by design).
    await Promise.all(made.map((c) => k.actOk('zjj', c.id, 'sign')));
    await Promise.all(made.map((c) => k.actOk('cgj', c.id, 'sign')));
    const counted = await snapshot();
    await rebuildBoardStats(ctx());
    expect(await snapshot()).toEqual(counted);
  });
});

describe('the safety net behind the hook', () => {
  it('counts cases written past the hook (bulk loads) at the next reconciliation', async () => {
    const before = (await board()).cases.total.opened.n;
    const template = await t.db.selectFrom('cases').selectAll().limit(1).executeTakeFirstOrThrow();
    const now = t.clock.now().getTime();
    const bulk = (updatedAt: number) => ({ ...template, id: newId(), number: `BULK-${newId().slice(-8)}`, status: 'submitted', createdAt: now, updatedAt, closedAt: null, overdue: 0 });
    await t.db.insertInto('cases').values([bulk(now), bulk(now - 86_400_000 * 30)]).execute();
    expect((await board()).cases.total.opened.n).toBe(before);
    t.clock.advance(60_000);
    await runDueJobs(t.app.deps, t.clock.now());
    // The one written "now" is found by its updated_at; the one back-dated by the ten-minute count check.
    expect((await board()).cases.total.opened.n).toBe(before + 1);
    t.clock.advance(600_000);
    await runDueJobs(t.app.deps, t.clock.now());
    expect((await board()).cases.total.opened.n).toBe(before + 2);
  });

  it('lets a case change commit when counting fails, and counts it later', async () => {
    const before = (await board()).cases.total.opened.n;
    await sql`alter table board_case_marks rename to board_case_marks_away`.execute(t.db);
    let made: Json;
    try {
      made = await k.create({ type: 'approval' }, 'zy01');
    } finally {
      await sql`alter table board_case_marks_away rename to board_case_marks`.execute(t.db);
    }
    expect(made.status).toBe('submitted');
    expect(countFailures()).toBe(1);
    expect((await board()).cases.total.opened.n).toBe(before);
    t.clock.advance(60_000);
    await runDueJobs(t.app.deps, t.clock.now());
    expect((await board()).cases.total.opened.n).toBe(before + 1);
    const counted = await snapshot();
    await rebuildBoardStats(ctx());
    expect(await snapshot()).toEqual(counted);
  });
});
