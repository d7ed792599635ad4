import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { closeTestApp } from '../../modules/cases/testing/case-kit.js';
import { enqueue, registerHandler, registerSchedule, runDueJobs } from './jobs.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => closeTestApp(t));

describe('recurring jobs', () => {
  it('run each tick once, however many workers poll at the same time', async () => {
    let runs = 0;
    registerSchedule('test.count-ticks', 60_000, async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
    });
    const deps = t.app.deps;
    await Promise.all([runDueJobs(deps, t.clock.now()), runDueJobs(deps, t.clock.now()), runDueJobs(deps, t.clock.now())]);
    expect(runs).toBe(1);
    t.clock.advance(30_000);
    await runDueJobs(deps, t.clock.now());
    expect(runs).toBe(1);
    t.clock.advance(30_000);
    await Promise.all([runDueJobs(deps, t.clock.now()), runDueJobs(deps, t.clock.now())]);
    expect(runs).toBe(2);
    const row = await t.db.selectFrom('jobSchedules').selectAll().where('name', '=', 'test.count-ticks').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ lockedBy: null, lockedUntil: null, lastError: null });
    expect(row.nextRunAt % 60_000).toBe(0);
  });

  it('leave a tick alone while another instance holds its lease', async () => {
    let runs = 0;
    registerSchedule('test.leased-tick', 60_000, async () => {
      runs++;
    });
    t.clock.advance(60_000);
    await runDueJobs(t.app.deps, t.clock.now());
    expect(runs).toBe(1);
    t.clock.advance(60_000);
    const now = t.clock.now().getTime();
    await t.db.updateTable('jobSchedules').set({ lockedBy: 'other-host:1', lockedUntil: now + 60_000 }).where('name', '=', 'test.leased-tick').execute();
    await runDueJobs(t.app.deps, t.clock.now());
    expect(runs).toBe(1);
    // The other instance died: once its lease runs out, the tick is taken over.
    t.clock.advance(61_000);
    await runDueJobs(t.app.deps, t.clock.now());
    expect(runs).toBe(2);
  });

  it('keeps going after a failing tick and records the error', async () => {
    registerSchedule('test.failing-tick', 60_000, async () => {
      throw new Error('boom');
    });
    t.clock.advance(60_000);
    const report = await runDueJobs(t.app.deps, t.clock.now());
    expect(report.failed).toContainEqual({ name: 'test.failing-tick', error: 'Error: boom' });
    const row = await t.db.selectFrom('jobSchedules').select(['lastError', 'lockedBy']).where('name', '=', 'test.failing-tick').executeTakeFirstOrThrow();
    expect(row).toEqual({ lastError: 'Error: boom', lockedBy: null });
  });
});

describe('queued jobs', () => {
  it('run once after their transaction commits, and not at all when it rolls back', async () => {
    const seen: unknown[] = [];
    registerHandler('test.record-payload', async (_ctx, payload) => {
      seen.push(payload);
    });
    await t.db.transaction().execute((trx) => enqueue(trx, 'test.record-payload', { n: 1 }));
    await t.db.transaction().execute(async (trx) => {
      await enqueue(trx, 'test.record-payload', { n: 2 });
      throw new Error('rolled back');
    }).catch(() => undefined);
    await t.db.transaction().execute((trx) => enqueue(trx, 'test.record-payload', { n: 3 }, new Date(t.clock.now().getTime() + 3_600_000)));
    await Promise.all([runDueJobs(t.app.deps, t.clock.now()), runDueJobs(t.app.deps, t.clock.now())]);
    expect(seen).toEqual([{ n: 1 }]);
    t.clock.advance(3_600_000);
    await runDueJobs(t.app.deps, t.clock.now());
    expect(seen).toEqual([{ n: 1 }, { n: 3 }]);
  });

  it('retry with backoff and give up after five attempts', async () => {
    let attempts = 0;
    registerHandler('test.always-fail', async () => {
      attempts++;
      throw new Error('no');
    });
    const id = await t.db.transaction().execute((trx) => enqueue(trx, 'test.always-fail'));
    for (let i = 0; i < 8; i++) {
      await runDueJobs(t.app.deps, t.clock.now());
      t.clock.advance(30 * 60_000);
    }
    expect(attempts).toBe(5);
    const row = await t.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 5, lastError: 'Error: no' });
    expect(row.failedAt).not.toBeNull();
  });

  it('refuses a badly named job', () => {
    expect(() => registerHandler('NoDomain', async () => undefined)).toThrow(/domain\.verb-noun/);
  });
});
