import { hostname } from 'node:os';
import { fixedClock } from '../clock.js';
import { buildCtx, systemActor, type Ctx, type Deps } from '../context.js';
import type { Tx } from '../db/connect.js';
import { newId } from '../ids.js';

/**
 * Background work on database tables, the same on SQLite and PostgreSQL (STYLE.md: jobs kept in a table).
 * - one-off jobs (`jobs`): enqueued inside the transaction that causes them, claimed with a lease;
 * - recurring jobs (`job_schedules`): one row each, whose next tick is claimed by one atomic UPDATE, so a tick runs
 *   once however many server instances poll.
 * A handler that outlives its lease may run again elsewhere: handlers must be idempotent.
 * Job names are `domain.verb-noun`.
 */
export type JobHandler = (ctx: Ctx, payload: Record<string, unknown>) => Promise<void>;

const handlers = new Map<string, JobHandler>();
const schedules = new Map<string, number>();
const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;
const BATCH = 20;

/** This process's name on the rows it locks. */
export const workerId = `${hostname()}:${process.pid}:${newId().slice(-8)}`;

export function registerHandler(name: string, fn: JobHandler): void {
  if (!/^[a-z][a-z0-9]*\.[a-z0-9-]+$/.test(name)) throw new Error(`job names are domain.verb-noun, got ${name}`);
  handlers.set(name, fn);
}

/** Runs `name`'s handler every `intervalMs`, once across all instances. */
export function registerSchedule(name: string, intervalMs: number, fn: JobHandler): void {
  registerHandler(name, fn);
  schedules.set(name, intervalMs);
}

/**
 * Queues a one-off job in the caller's transaction: it exists only if the change that caused it commits.
 * Without `runAt` it is due at once (whatever the clock says).
 */
export async function enqueue(trx: Tx, name: string, payload: Record<string, unknown> = {}, runAt?: Date): Promise<string> {
  const id = newId();
  await trx.insertInto('jobs').values({
    id, name, payload: JSON.stringify(payload), runAt: runAt ? runAt.getTime() : 0, lockedBy: null, lockedUntil: null,
    attempts: 0, lastError: null, doneAt: null, failedAt: null, createdAt: Date.now(),
  }).execute();
  return id;
}

export type RunReport = { ticks: string[]; jobs: string[]; failed: { name: string; error: string }[] };

const errorText = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 2000);

/** The context a job runs in: the system actor, and the clock frozen at `now` so one run sees one time. */
function jobCtx(deps: Deps, now: Date): Ctx {
  return buildCtx({ ...deps, clock: fixedClock(now) }, systemActor, { requestId: `job-${newId().slice(-12)}` });
}

async function runTicks(deps: Deps, now: Date, report: RunReport): Promise<void> {
  const t = now.getTime();
  for (const [name, intervalMs] of schedules) {
    await deps.db.insertInto('jobSchedules')
      .values({ name, intervalMs, nextRunAt: t, lockedBy: null, lockedUntil: null, lastRunAt: null, lastError: null })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const claim = await deps.db.updateTable('jobSchedules')
      .set({ lockedBy: workerId, lockedUntil: t + LEASE_MS })
      .where('name', '=', name)
      .where('nextRunAt', '<=', t)
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', t)]))
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    let lastError: string | null = null;
    try {
      await handlers.get(name)!(jobCtx(deps, now), {});
    } catch (err) {
      lastError = errorText(err);
      report.failed.push({ name, error: lastError });
      deps.log.error({ err, job: name }, 'scheduled job failed');
    }
    // The next tick on the interval's grid, so instances with drifting pollers agree on it.
    const next = (Math.floor(t / intervalMs) + 1) * intervalMs;
    await deps.db.updateTable('jobSchedules')
      .set({ nextRunAt: next, lockedBy: null, lockedUntil: null, lastRunAt: t, lastError })
      .where('name', '=', name).where('lockedBy', '=', workerId)
      .execute();
    report.ticks.push(name);
  }
}

async function runQueued(deps: Deps, now: Date, report: RunReport): Promise<void> {
  const t = now.getTime();
  const due = await deps.db.selectFrom('jobs').select(['id', 'name', 'payload', 'attempts'])
    .where('doneAt', 'is', null).where('runAt', '<=', t)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', t)]))
    .orderBy('runAt').limit(BATCH).execute();
  for (const job of due) {
    const claim = await deps.db.updateTable('jobs')
      .set({ lockedBy: workerId, lockedUntil: t + LEASE_MS, attempts: job.attempts + 1 })
      .where('id', '=', job.id).where('doneAt', 'is', null).where('attempts', '=', job.attempts)
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', t)]))
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    const handler = handlers.get(job.name);
    try {
      if (!handler) throw new Error(`no handler registered for ${job.name}`);
      await handler(jobCtx(deps, now), JSON.parse(job.payload) as Record<string, unknown>);
      await deps.db.updateTable('jobs').set({ doneAt: t, lockedBy: null, lockedUntil: null }).where('id', '=', job.id).execute();
      report.jobs.push(job.name);
    } catch (err) {
      const attempts = job.attempts + 1;
      const lastError = errorText(err);
      report.failed.push({ name: job.name, error: lastError });
      deps.log.warn({ err, job: job.name, attempts }, 'job failed');
      const giveUp = attempts >= MAX_ATTEMPTS;
      await deps.db.updateTable('jobs').set({
        lockedBy: null, lockedUntil: null, lastError,
        // Back off 1, 4, 9, 16 minutes; after the last attempt the job stays, failed, for someone to look at.
        ...(giveUp ? { doneAt: t, failedAt: t } : { runAt: t + attempts * attempts * 60_000 }),
      }).where('id', '=', job.id).execute();
    }
  }
}

/** Runs every due tick and queued job once, at `now`. Tests call this with the test clock's time. */
export async function runDueJobs(deps: Deps, now: Date = deps.clock.now()): Promise<RunReport> {
  const report: RunReport = { ticks: [], jobs: [], failed: [] };
  await runTicks(deps, now, report);
  await runQueued(deps, now, report);
  return report;
}

/** Polls every few seconds until stopped; main.ts starts it after listening and stops it on shutdown. */
export function startWorker(deps: Deps, opts: { intervalMs?: number } = {}): { stop(): Promise<void> } {
  const intervalMs = opts.intervalMs ?? 5000;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = runDueJobs(deps, deps.clock.now())
      .catch((err) => deps.log.error({ err }, 'job worker pass failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  let timer: NodeJS.Timeout = setTimeout(tick, Math.min(intervalMs, 1000));
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
