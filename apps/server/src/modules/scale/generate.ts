import pino from 'pino';
import type { Config } from '../../config.js';
import { hashPassword } from '../../kernel/auth/passwords.js';
import type { Secrets } from '../../kernel/auth/secrets.js';
import { startOfShanghaiDay, shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import { fixedClock } from '../../kernel/clock.js';
import { buildCtx, systemActor } from '../../kernel/context.js';
import { migrateToLatest } from '../../kernel/db/migrator.js';
import { DEMO_PASSWORD } from '../demo/demo-accounts.js';
import { isSeeded, loadDemoData, seedDemo } from '../demo/seed-demo.js';
import { paths } from '../../paths.js';
import { BulkLoader } from './bulk-loader.js';
import { generateCases } from './generate-cases.js';
import { generateExtras } from './generate-extras.js';
import { generateOrg } from './generate-org.js';
import { loadOrg } from './org-model.js';
import { scalePlan } from './scale-plan.js';

/** The tables whose secondary indexes are rebuilt after the load rather than kept up row by row. */
const BIG_TABLES = ['cases', 'cases_fts', 'case_events', 'case_units', 'notifications', 'audit_log', 'site_logs', 'appeals'];
const GENERATED_KEY = 'scale.generated';

export type GenerateOptions = {
  database: Config['database'];
  scale: string;
  seed?: number;
  /** The dataset's "now": cases run their lifecycle up to it. Default: the start of today (Shanghai). */
  now?: Date;
  /** Override the plan's case count. */
  cases?: number;
  /** A hash-chained `case.created` audit row per case (default off: the audit log is not what the benchmark reads). */
  audit?: boolean;
  /** Drop and rebuild the big tables' secondary indexes around the load (default on). */
  suspendIndexes?: boolean;
  log?: (line: string) => void;
};

export type GenerateReport = { scale: string; seconds: number; rows: number; counts: Record<string, number>; phases: Record<string, number> };

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const dur = (s: number) => (s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${s.toFixed(1)}s`);

/**
 * Migrates the database and fills it with a deterministic dataset of the given scale: the demo district (seeded by
 * the demo module, if not there yet), then the generated districts, people, projects, cases and their history.
 * Refuses a database that already holds generated data.
 */
export async function generateScale(opts: GenerateOptions): Promise<GenerateReport> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const plan = scalePlan(opts.scale, { cases: opts.cases });
  const seed = opts.seed ?? 2026;
  const now = (opts.now ?? startOfShanghaiDay(shanghaiDate(new Date()))).getTime();
  const started = performance.now();
  const phases: Record<string, number> = {};
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    phases[name] = (performance.now() - t0) / 1000;
    log(`  ${name}: ${dur(phases[name]!)}`);
    return out;
  };
  const loader = await BulkLoader.open(opts.database);
  try {
    const db = loader.db;
    log(`generating ${plan.name}: ${plan.districts} districts, ${fmt(plan.projects)} projects, ${fmt(plan.cases)} cases over ${plan.years} years, seed ${seed}, now ${new Date(now).toISOString()} (${loader.dialect})`);
    await phase('migrate + demo district', async () => {
      await migrateToLatest(db);
      if (await db.selectFrom('settings').select('key').where('key', '=', GENERATED_KEY).executeTakeFirst()) {
        throw new Error('this database already holds generated data; generate into a fresh one');
      }
      if (!(await isSeeded(db))) {
        const deps = { db, dialect: loader.dialect, clock: fixedClock(new Date(now)), config: { demo: true } as Config, secrets: {} as Secrets, log: pino({ level: 'silent' }) };
        await seedDemo(buildCtx(deps, systemActor), loadDemoData(paths.demoData));
      }
    });
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const orgCounts = await phase('districts, people, projects', () => generateOrg(loader, plan, seed, now, passwordHash));
    const org = await loadOrg(db);
    if (opts.suspendIndexes !== false) await phase('set indexes aside', () => loader.suspendIndexes(BIG_TABLES));
    let last = performance.now();
    const t0 = performance.now();
    const caseCounts = await phase('cases and their history', () => generateCases(loader, org, plan, {
      seed, now, audit: opts.audit === true,
      threads: (cpu) => log(`  CPU by thread (s): ${cpu.map((c) => `${c.name} ${c.seconds.toFixed(0)}`).join(', ')}`),
      progress: (done, total, rows) => {
        const t = performance.now();
        if (t - last < 3000 && done < total) return;
        last = t;
        const s = (t - t0) / 1000;
        log(`  cases ${fmt(done)} / ${fmt(total)} (${((100 * done) / total).toFixed(1)}%)  ${fmt(done / s)} cases/s  ${fmt(rows / s)} rows/s  ETA ${dur(((total - done) * s) / Math.max(done, 1))}`);
      },
    }));
    const extras = await phase('branches, meetings, milestones, progress, learning', () => generateExtras(loader, org, plan, { seed, now }, caseCounts.resolutionCases));
    await phase('rebuild indexes', () => loader.restoreIndexes((name, ms) => log(`    index ${name} ${dur(ms / 1000)}`)));
    if (loader.dialect === 'sqlite') await phase('full-text optimize', () => loader.exec(`insert into cases_fts (cases_fts) values ('optimize')`));
    const counts = { ...orgCounts, cases: plan.cases, events: caseCounts.events, notifications: caseCounts.notifications, siteLogs: caseCounts.siteLogs, appeals: caseCounts.appeals, ...extras };
    await loader.exec(loader.dialect === 'sqlite' ? 'insert into settings (key, value, updated_at) values (?, ?, ?)' : 'insert into settings (key, value, updated_at) values ($1, $2, $3)',
      [GENERATED_KEY, JSON.stringify({ scale: plan.name, seed, now: new Date(now).toISOString(), counts }), Date.now()]);
    await phase(loader.dialect === 'sqlite' ? 'foreign key check + analyze' : 'analyze', () => loader.finish());
    if (loader.timings.size) log(`  time in the database by table: ${[...loader.timings].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${dur(v / 1000)}`).join(', ')}`);
    const seconds = (performance.now() - started) / 1000;
    log(`done in ${dur(seconds)}: ${Object.entries(counts).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
    return { scale: plan.name, seconds, rows: caseCounts.rows, counts, phases };
  } finally {
    await loader.close();
  }
}
