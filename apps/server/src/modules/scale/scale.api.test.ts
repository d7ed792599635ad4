import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_NOW, type TestApp } from '../../../test/harness.js';
import { verifyAuditChain } from '../../kernel/audit/audit.js';
import { loadWorkingCalendar } from '../../kernel/calendar/calendar-store.js';
import { addWorkingDays } from '../../kernel/calendar/working-calendar.js';
import { FastCalendar } from './fast-calendar.js';
import { buildCtx, systemActor } from '../../kernel/context.js';
import { syncCases } from '../board/board-stats.js';
import { loadActor } from '../../kernel/auth/actors.js';
import { caseScope, todoClause } from '../cases/cases.policy.js';
import { scopedCases } from '../cases/cases.repository.js';
import { generateScale, type GenerateReport } from './generate.js';
import { Rng } from './prng.js';

// The tiny scale into the harness database (SQLite file, or a fresh PostgreSQL database in the postgres stage).
let t: TestApp;
let report: GenerateReport;

beforeAll(async () => {
  t = await createTestApp();
  report = await generateScale({ database: t.config.database, scale: 'tiny', now: new Date(TEST_NOW), audit: true, log: () => undefined });
}, 240_000);
afterAll(async () => t?.close());

const count = async (table: 'cases' | 'projects' | 'caseEvents' | 'caseUnits' | 'users' | 'siteLogs' | 'meetings') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('npm run generate -- --scale tiny', () => {
  it('fills the planned numbers of districts, projects and cases, with their history', async () => {
    const districts = await t.db.selectFrom('units').select('code').where('kind', '=', 'district').orderBy('code').execute();
    expect(districts.map((d) => d.code)).toEqual(['SC', 'XC']);
    expect(await count('projects')).toBe(50);
    expect(await count('cases')).toBe(20_000);
    expect(await count('caseEvents')).toBe(report.counts.events);
    expect(report.counts.events! / 20_000).toBeGreaterThan(8);
    expect(await count('caseUnits')).toBeGreaterThan(15_000);
    expect(await count('siteLogs')).toBeGreaterThan(0);
    expect(await count('meetings')).toBeGreaterThan(0);
    expect(await count('users')).toBeGreaterThan(300);
  });

  it('puts every case on an existing project of its own district', async () => {
    const orphans = await t.db.selectFrom('cases').leftJoin('projects', 'projects.id', 'cases.projectId')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('projects.id', 'is', null), eb('projects.districtId', '!=', eb.ref('cases.districtId'))])).executeTakeFirstOrThrow();
    expect(Number(orphans.n)).toBe(0);
  });

  it('numbers cases gaplessly per district and year, and leaves the counters at the last number', async () => {
    const rows = await t.db.selectFrom('cases').innerJoin('units', 'units.id', 'cases.districtId').select(['cases.number', 'cases.districtId', 'units.code']).execute();
    const seen = new Map<string, number[]>();
    for (const r of rows) {
      const m = /^([A-Z0-9]+)-(\d{4})-(\d{6})$/.exec(r.number)!;
      expect(m[1]).toBe(r.code);
      const key = `${r.districtId}:${m[2]}`;
      (seen.get(key) ?? seen.set(key, []).get(key)!).push(Number(m[3]));
    }
    const counters = await t.db.selectFrom('caseCounters').selectAll().execute();
    expect(counters.length).toBe(seen.size);
    for (const c of counters) {
      const numbers = seen.get(`${c.districtId}:${c.year}`)!.sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
      expect(c.last).toBe(numbers.length);
    }
  });

  it('gives every case a timeline that starts with its creation and counts 1..n', async () => {
    const stats = await t.db.selectFrom('caseEvents')
      .select((eb) => ['caseId', eb.fn.countAll<number>().as('n'), eb.fn.min('seq').as('lo'), eb.fn.max('seq').as('hi')])
      .groupBy('caseId').execute();
    expect(stats.length).toBe(20_000);
    for (const s of stats) expect([Number(s.lo), Number(s.hi)]).toEqual([1, Number(s.n)]);
    const firsts = await t.db.selectFrom('caseEvents').select('kind').distinct().where('seq', '=', 1).execute();
    expect(firsts.map((f) => f.kind)).toEqual(['created']);
  });

  it('keeps each case\'s clock consistent with its status', async () => {
    const bad = await t.db.selectFrom('cases').select(['number', 'status', 'clockState', 'dueAt'])
      .where((eb) => eb.or([
        eb.and([eb('status', 'in', ['assigned', 'in_progress']), eb.or([eb('dueAt', 'is', null), eb('clockState', 'not in', ['sign', 'running'])])]),
        eb.and([eb('status', 'in', ['closed', 'rejected', 'withdrawn', 'answered']), eb('dueAt', 'is not', null)]),
        eb.and([eb('status', '=', 'closed'), eb('closedAt', 'is', null)]),
      ])).limit(5).execute();
    expect(bad).toEqual([]);
    const open = await t.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['submitted', 'accepted', 'assigned', 'in_progress', 'answered']).executeTakeFirstOrThrow();
    expect(Number(open.n)).toBeGreaterThan(50);
  });

  it('leaves the board\'s counters as the board itself counts the cases', async () => {
    const byStatus = await t.db.selectFrom('cases').select((eb) => ['districtId', 'status', eb.fn.countAll<number>().as('n')]).groupBy(['districtId', 'status']).execute();
    const gauges = await t.db.selectFrom('boardGauges').selectAll().where('unit', '=', '').where('scope', 'like', 'd:%').execute();
    for (const r of byStatus) {
      const col = (r.status === 'in_progress' ? 'inProgress' : r.status) as 'closed';
      const sum = gauges.filter((g) => g.scope === `d:${r.districtId}`).reduce((a, g) => a + Number(g[col]), 0);
      expect(sum, `${r.status} in ${r.districtId}`).toBe(Number(r.n));
    }
    // Recounting a sample with the board's own code changes nothing: every mark already holds the facts it computes.
    const sample = await t.db.selectFrom('cases').select('id').orderBy('number').limit(300).execute();
    expect(await syncCases(buildCtx(t.app.deps, systemActor), sample.map((s) => s.id))).toBe(0);
  });

  it('continues the audit hash chain', async () => {
    const result = await verifyAuditChain(t.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(20_000);
  });

  it('computes deadlines exactly as the working calendar does', async () => {
    const cal = await loadWorkingCalendar(t.db);
    const from = Date.parse('2024-06-01T00:00:00Z');
    const fast = new FastCalendar(cal, from, Date.parse(TEST_NOW));
    const rng = new Rng(7);
    for (let i = 0; i < 500; i++) {
      const start = from + rng.int(900) * 86_400_000 + rng.int(86_400_000);
      const n = rng.range(0, 20);
      expect(fast.addWorkingDays(start, n)).toBe(addWorkingDays(cal, new Date(start), n).getTime());
    }
  });

  it('lets a generated handler sign in with the demo password and work through their to-do list', async () => {
    const zjj = await t.signInAs('sc.zjj1');
    const unit = await t.db.selectFrom('units').select('id').where('code', '=', 'SC-ZJJ').executeTakeFirstOrThrow();
    const res = await zjj.get(`/api/v1/cases?view=todo&unitId=${unit.id}&sort=deadline`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
    const first = res.json().items[0];
    const page = await zjj.get(`/api/v1/cases/${first.id}/events`);
    expect(page.statusCode).toBe(200);
    expect(page.json().items[0].kind).toBe('created');
  });

  it('keeps every to-do list inside the caller\'s scope (the to-do query leaves the scope clause out for speed)', async () => {
    const now = new Date(TEST_NOW);
    for (const username of ['zjj', 'cgj', 'tianshui', 'zy01', 'gb01', 'yz01', 'sg01', 'orgdept', 'leader', 'sc.zjj1', 'sc.s1a', 'sc.zy001', 'sc.qy1a']) {
      const user = await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
      const actor = (await loadActor(t.db, user.id, 'session'))!;
      const todo = await scopedCases(t.db, t.rt.handle.dialect, actor, { view: 'todo' }, now).select('cases.id').orderBy('cases.id').execute();
      const inScope = await t.db.selectFrom('cases').where(caseScope(actor)).where(todoClause(actor)).select('cases.id').orderBy('cases.id').execute();
      expect(todo.map((r) => r.id), username).toEqual(inScope.map((r) => r.id));
    }
  });

  it('refuses a database that already holds generated data', async () => {
    await expect(generateScale({ database: t.config.database, scale: 'tiny', log: () => undefined })).rejects.toThrow(/already holds generated data/);
  });
});
