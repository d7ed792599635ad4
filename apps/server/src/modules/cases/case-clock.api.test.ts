import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { caseKit, closeTestApp, expectProblem } from './testing/case-kit.js';

let t: TestApp;
let k: Awaited<ReturnType<typeof caseKit>>;
beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
});
afterAll(async () => closeTestApp(t));

/** 10:00 in Hangzhou on a date. */
const at10 = (date: string) => `${date}T02:00:00.000Z`;
const inbox = async (caseId: string, kind: string) => (await t.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.userId')
  .select('users.username').where('notifications.entityId', '=', caseId).where('notifications.kind', '=', kind).execute()).map((r) => r.username).sort();

describe('the clock across the 2025 National Day holiday', () => {
  // Tests here keep the clock moving forwards, as the sweep's schedule expects.
  it('treats a unit that does not sign in time as overdue too', async () => {
    t.clock.set(at10('2025-09-26'));
    const c = await k.caseIn('assigned');
    // Friday → the make-up Sunday 28 September is the next working day.
    expect(c.signDeadline).toBe('2025-09-28T15:59:59.999Z');
    t.clock.set(at10('2025-09-29'));
    await k.sweep();
    const after = await k.get('zy01', c.id);
    expect(after).toMatchObject({ status: 'assigned', supervisionLevel: 1, overdue: true });
    expect((await k.events('zy01', c.id)).at(-1)!.payload.reason).toBe('not signed in time');
    // Signing starts a fresh handling clock: a new period, no longer overdue.
    const s = await k.actOk('zjj', c.id, 'sign');
    expect(s).toMatchObject({ overdue: false, light: 'green', deadline: '2025-10-13T15:59:59.999Z' });
  });

  it('gives a 5-working-day limit signed on 2025-09-30 until the end of 2025-10-14, warns, then escalates once', async () => {
    t.clock.set(at10('2025-09-30'));
    const c = await k.create({ type: 'appeal', title: '国庆前的噪声投诉' });
    expect(c.number).toMatch(/^XC-2025-/);
    await k.actOk('zy01', c.id, 'accept');
    const d = await k.actOk('zy01', c.id, 'dispatch', { unitId: k.ids.ZJJ });
    // Sign-for: the next working day after 30 September is 9 October.
    expect(d.signDeadline).toBe('2025-10-09T15:59:59.999Z');
    const s = await k.actOk('zjj', c.id, 'sign');
    expect(s).toMatchObject({ deadline: '2025-10-14T15:59:59.999Z', limitDays: 5, workingDaysLeft: 5, light: 'green' });

    // Monday 13 October: 1.6 of 5 working days left, still green; nothing to remind yet.
    t.clock.set(at10('2025-10-13'));
    await k.sweep();
    expect(await k.get('zjj', c.id)).toMatchObject({ light: 'green', workingDaysLeft: 1 });
    expect(await inbox(c.id, 'case.deadline-soon')).toEqual([]);

    // The last day: yellow (more than 80% used), and one reminder to the unit.
    t.clock.set(at10('2025-10-14'));
    await k.sweep();
    expect(await k.get('zjj', c.id)).toMatchObject({ light: 'yellow', overdue: false, workingDaysLeft: 0 });
    const stored = await t.db.selectFrom('cases').select(['light', 'version']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ light: 'yellow', version: s.version });
    t.clock.advance(60_000);
    await k.sweep();
    expect(await inbox(c.id, 'case.deadline-soon')).toEqual(['zjj']);
    expect((await (await k.as('zy01')).get('/api/v1/cases?light=yellow')).json().total).toBe(1);

    // 23:59:59.999 is still on time; a millisecond later it is overdue.
    t.clock.set('2025-10-14T15:59:59.999Z');
    expect((await k.get('zy01', c.id)).overdue).toBe(false);
    t.clock.set(at10('2025-10-15'));
    expect(await k.get('zy01', c.id)).toMatchObject({ light: 'red', overdue: true, workingDaysLeft: -1, supervisionLevel: 0 });
    expect((await (await k.as('zy01')).get('/api/v1/cases?view=overdue')).json().items.map((i: { id: string }) => i.id)).toContain(c.id);

    // The sweep raises it one level (专员督促), once per overdue period.
    const r1 = await k.sweep();
    expect(r1.ticks).toContain('cases.sweep-deadlines');
    const up = await k.get('zy01', c.id);
    expect(up).toMatchObject({ supervisionLevel: 1, light: 'red', version: s.version + 1 });
    expect((await k.sweep()).ticks).not.toContain('cases.sweep-deadlines');
    t.clock.advance(5 * 60_000);
    await k.sweep();
    t.clock.set(at10('2025-10-20'));
    await k.sweep();
    expect((await k.get('zy01', c.id)).supervisionLevel).toBe(1);
    const esc = (await k.events('zy01', c.id)).filter((e) => e.kind === 'escalated');
    expect(esc).toEqual([expect.objectContaining({ actor: null, payload: expect.objectContaining({ from: 0, to: 1, automatic: true, reason: 'overdue' }) })]);
    expect(await inbox(c.id, 'case.overdue')).toEqual(['zjj', 'zy01']);
    const audit = await t.db.selectFrom('auditLog').select(['action', 'actorName']).where('entityId', '=', c.id).where('action', '=', 'case.escalated').execute();
    expect(audit).toEqual([{ action: 'case.escalated', actorName: 'system' }]);

    // Too late to ask for more time; a leader can still list it.
    expectProblem(await k.act('zjj', c.id, 'request-extension', { days: 2, reason: '来不及' }), 422, 'RULE_VIOLATED');
    expect((await k.actOk('leader', c.id, 'escalate', { reason: '挂牌督办' })).supervisionLevel).toBe(3);
  });

});

describe('return and extension move the deadline', () => {
  it('stops the clock from a return until the next dispatch', async () => {
    t.clock.set(at10('2026-11-26'));
    const c = await k.caseIn('in_progress', { type: 'dispute' }, { unitId: k.ids.CGJ });
    // Ten working days from Thursday 26 November.
    expect(c.deadline).toBe('2026-12-10T15:59:59.999Z');
    t.clock.set(at10('2026-11-27'));
    const r = await k.actOk('cgj', c.id, 'return', { reasonCode: 'territory', reason: '不在本局辖区' });
    expect(r).toMatchObject({ status: 'accepted', clockState: 'paused', workingDaysLeft: null });
    // It stands still over the weekend and two working days (30 Nov, 1 Dec) …
    t.clock.set(at10('2026-12-01'));
    await k.sweep();
    const d = await k.actOk('zy01', c.id, 'dispatch', { unitId: k.ids.ZJJ });
    expect(d).toMatchObject({ clockState: 'sign', deadline: '2026-12-14T15:59:59.999Z' });
    expect((await k.events('zy01', c.id)).at(-1)!.payload.clockResumedAfterWorkingDays).toBe(2);
    // … and signing resumes it rather than starting over.
    const s = await k.actOk('zjj', c.id, 'sign');
    expect(s).toMatchObject({ clockState: 'running', deadline: '2026-12-14T15:59:59.999Z', limitDays: 10 });
  });

  it('moves the deadline by the approved working days', async () => {
    t.clock.set(at10('2026-12-23'));
    const c = await k.caseIn('in_progress', { type: 'safety' });
    // Three working days from Wednesday 23 December: 24, 25, 28.
    expect(c.deadline).toBe('2026-12-28T15:59:59.999Z');
    await k.actOk('zjj', c.id, 'request-extension', { days: 3, reason: '需第三方检测' });
    const ok = await k.actOk('zy01', c.id, 'decide-extension', { approve: true, reason: '同意' });
    // 29, 30, 31 December (2027 is not in the calendar yet: weekends only).
    expect(ok).toMatchObject({ deadline: '2026-12-31T15:59:59.999Z', limitDays: 6 });
    const notified = await inbox(c.id, 'case.extension-approved');
    expect(notified).toEqual(['zjj']);
  });

  it('gives an urgent safety hazard one working day', async () => {
    t.clock.set(at10('2026-11-26'));
    const c = await k.caseIn('in_progress', { type: 'safety', priority: 'urgent' });
    expect(c).toMatchObject({ limitDays: 1, deadline: '2026-11-27T15:59:59.999Z' });
    // 80% of one day used at 19:12 on the day.
    t.clock.set('2026-11-27T11:00:00.000Z');
    expect((await k.get('zy01', c.id)).light).toBe('green');
    t.clock.set('2026-11-27T11:15:00.000Z');
    expect((await k.get('zy01', c.id)).light).toBe('yellow');
  });
});
