// Throwaway measurement of the board at scale (not part of the repository): node --import tsx board-measure.tmp.ts <db-url>
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from './src/config.js';
import { fixedClock } from './src/kernel/clock.js';
import { buildCtx, systemActor } from './src/kernel/context.js';
import { openSqlite } from './src/kernel/db/connect.js';
import { inTransaction } from './src/kernel/db/tx.js';
import { cachedSummary } from './src/modules/board/board-cache.js';
import { resolvePeriod } from './src/modules/board/board-links.js';
import { districtBoardScope, resolveBoardScope } from './src/modules/board/board.policy.js';
import { computeSummary } from './src/modules/board/board-summary.js';
import { recordCaseChange } from './src/modules/board/board-stats.js';
import { rankUnits } from './src/modules/board/board-rankings.service.js';

const url = process.argv[2]!;
const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', DATABASE_POOL_SIZE: '4' });
const captured: { sql: string; params: readonly unknown[] }[] = [];
let capture = false;
const durations = new Map<string, number[]>();
let timing = false;
const log = (e: any) => {
  if (capture && e.level === 'query') captured.push({ sql: e.query.sql, params: e.query.parameters });
  if (timing) { const k = e.query.sql.replace(/\s+/g, ' ').slice(0, 90); durations.set(k, [...(durations.get(k) ?? []), e.queryDurationMillis]); }
};
const isPg = config.database.kind === 'postgres';
let raw: any;
const db = isPg
  ? new Kysely<any>({ dialect: new PostgresDialect({ pool: (raw = new pg.Pool({ connectionString: (config.database as any).url, max: 4 })) }), plugins: [new CamelCasePlugin()], log })
  : new Kysely<any>({ dialect: new SqliteDialect({ database: (raw = openSqlite((config.database as any).file)) }), plugins: [new CamelCasePlugin()], log });
const now = new Date(process.argv[3] ?? Date.now());
const deps = { db, dialect: isPg ? 'postgres' : 'sqlite', clock: fixedClock(now), config, secrets: {} as any, log: pino({ level: 'silent' }) } as any;
const ctx = buildCtx(deps, systemActor);

const ms = async (n: number, fn: () => Promise<unknown>) => {
  const t: number[] = [];
  for (let i = 0; i < n; i++) { const s = performance.now(); await fn(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  return `min ${t[0]!.toFixed(1)} ms, median ${t[Math.floor(n / 2)]!.toFixed(1)} ms, max ${t[n - 1]!.toFixed(1)} ms`;
};

const counts = await db.selectFrom('cases').select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirst();
const cells = await Promise.all(['boardGauges', 'boardFlows', 'boardCategories', 'boardCaseMarks'].map(async (t) => [t, (await db.selectFrom(t).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirst()).n]));
console.log('cases', counts.n, 'counter rows', Object.fromEntries(cells), 'now', now.toISOString());
const districts = await db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'district').orderBy('code').execute();
const d1 = districts[0]!;
const perDistrict = await db.selectFrom('cases').select(['districtId', (eb: any) => eb.fn.countAll().as('n')]).groupBy('districtId').execute();
console.log('districts', districts.length, 'cases in', d1.name, perDistrict.find((r: any) => r.districtId === d1.id)?.n);

const district = await districtBoardScope(ctx, d1.id);
const all = await districtBoardScope(ctx, null);
const ytd = resolvePeriod({}, now);
const week = resolvePeriod({ week: undefined, from: undefined, to: undefined }, now);
const busiest = await db.selectFrom('boardGauges').select(['unit', (eb: any) => eb.fn.sum('inProgress').as('n')]).where('scope', '=', `d:${d1.id}`).where('unit', '!=', '').groupBy('unit').orderBy('n', 'desc').limit(1).executeTakeFirst();
const zjjUser = await db.selectFrom('users').select(['id', 'username', 'unitId']).where('unitId', '=', busiest.unit).limit(1).executeTakeFirst();
const unitScope = await resolveBoardScope(ctx, { ...systemActor, userId: zjjUser?.id ?? 'x', roles: ['dept_handler'], unitId: busiest.unit, via: 'session' } as any);
const p1 = await db.selectFrom('projects').select('id').where('districtId', '=', d1.id).orderBy('code').limit(1).executeTakeFirst();
const projectScope = await resolveBoardScope(ctx, { ...systemActor, roles: ['leader'], unitId: d1.id, via: 'session' } as any, { projectId: p1.id });

timing = true;
for (let i = 0; i < 10; i++) await computeSummary(ctx, district, ytd);
timing = false;
for (const [k, v] of durations) { v.sort((a, b) => a - b); console.log(`  ${v[Math.floor(v.length / 2)]!.toFixed(1)} / ${v[v.length - 1]!.toFixed(1)} ms  ${k}`); }
for (const [name, scope] of [['district', district], ['all districts', all], ['busiest unit', unitScope], ['one project', projectScope]] as const) {
  console.log(`computeSummary ${name} (year so far, cache miss):`, await ms(5, () => computeSummary(ctx, scope, ytd)));
}
console.log('computeSummary district, one week:', await ms(5, () => computeSummary(ctx, district, resolvePeriod({ week: '2026-W47' }, now))));
console.log('cachedSummary district (hit: version + projects stamp):', await ms(50, () => cachedSummary(ctx, district, ytd, () => computeSummary(ctx, district, ytd))));
console.log('rankUnits district (year so far):', await ms(5, () => rankUnits(ctx, district.keys, ytd, { kind: 'all', sort: 'solve' })));
void week;

// The hook on one case: nothing to count (reads only), and a real change (the mark's status moved back).
const one = await db.selectFrom('cases').select(['id', 'status']).where('districtId', '=', d1.id).where('status', '=', 'in_progress').limit(1).executeTakeFirst();
console.log('hook, nothing changed:', await ms(50, () => inTransaction(ctx, (trx) => recordCaseChange(ctx, trx, one.id))));
const mark = await db.selectFrom('boardCaseMarks').select('facts').where('caseId', '=', one.id).executeTakeFirst();
const moved = JSON.stringify({ ...JSON.parse(mark.facts), s: 'assigned' });
console.log('hook, one status change counted:', await ms(30, async () => {
  await db.updateTable('boardCaseMarks').set({ facts: moved }).where('caseId', '=', one.id).execute();
  await inTransaction(ctx, (trx) => recordCaseChange(ctx, trx, one.id));
}));

// Query plans of every statement of one summary.
capture = true;
await computeSummary(ctx, district, ytd);
await cachedSummary(ctx, district, ytd, async () => ({}) as any);
capture = false;
console.log(`\n${captured.length} statements; plans:`);
for (const q of captured) {
  console.log('\n--', q.sql.replace(/\s+/g, ' ').slice(0, 220));
  if (isPg) {
    const c = await raw.connect();
    const r = await c.query(`explain (analyze, buffers off, timing off, summary on) ${q.sql}`, q.params);
    c.release();
    console.log(r.rows.map((x: any) => '   ' + x['QUERY PLAN']).join('\n'));
  } else {
    const plan = raw.prepare(`explain query plan ${q.sql}`).all(...q.params.map((p: any) => (typeof p === 'boolean' ? Number(p) : p)));
    console.log(plan.map((x: any) => `   ${x.detail}`).join('\n'));
  }
}
await db.destroy();
void sql;
