import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { caseKit, closeTestApp, expectProblem } from '../cases/testing/case-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => closeTestApp(t));

const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as object });

describe('GET /api/v1/calendar/days', () => {
  it('lists a year\'s holidays and make-up working days to anyone signed in', async () => {
    const c = await t.signInAs('sg01');
    const res = await c.get('/api/v1/calendar/days?year=2025');
    expect(res.statusCode).toBe(200);
    const { year, items } = res.json();
    expect(year).toBe(2025);
    expect(items).toContainEqual({ date: '2025-10-01', kind: 'holiday', name: '国庆节、中秋节' });
    expect(items).toContainEqual({ date: '2025-10-11', kind: 'workday', name: '国庆节、中秋节调休上班' });
    expect(items.filter((d: { kind: string }) => d.kind === 'workday')).toHaveLength(5);
    expect((await c.get('/api/v1/calendar/days?year=2026')).json().items).toContainEqual({ date: '2026-02-14', kind: 'workday', name: '春节调休上班' });
    expect((await c.get('/api/v1/calendar/days?year=2030')).json().items).toEqual([]);
    expectProblem(await c.get('/api/v1/calendar/days'), 400);
    expectProblem(await c.get('/api/v1/calendar/days?year=abc'), 400);
    expectProblem(await t.anonymous().get('/api/v1/calendar/days?year=2025'), 401);
  });
});

describe('editing the calendar', () => {
  it('is for the system admin, audited, and moves new deadlines', async () => {
    const zy = await t.signInAs('zy01');
    expectProblem(await put(zy, '/api/v1/calendar/days/2026-11-27', { kind: 'holiday', name: '临时休假' }), 403);
    const admin = await signIn(t, 'admin');
    expectProblem(await put(admin, '/api/v1/calendar/days/2026-02-30', { kind: 'holiday', name: 'x' }), 400);
    expectProblem(await put(admin, '/api/v1/calendar/days/2026-11-27', { kind: 'vacation', name: 'x' }), 400);
    expectProblem(await put(admin, '/api/v1/calendar/days', { days: [] }), 400);
    const one = await put(admin, '/api/v1/calendar/days/2026-11-27', { kind: 'holiday', name: '临时休假' });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ date: '2026-11-27', kind: 'holiday', name: '临时休假' });
    const bulk = await put(admin, '/api/v1/calendar/days', { days: [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-02-06', kind: 'workday', name: '春节调休上班' },
    ] });
    expect(bulk.json().items).toHaveLength(2);
    expect((await zy.get('/api/v1/calendar/days?year=2027')).json().items.map((d: { date: string }) => d.date)).toEqual(['2027-01-01', '2027-02-06']);
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityType', '=', 'calendar').execute();
    expect(audit.map((a) => a.action)).toEqual(['calendar.days_updated', 'calendar.days_updated']);

    // Friday 27 November is now a holiday: a case dispatched on Thursday must be signed by Monday.
    const k = await caseKit(t);
    const c = await k.caseIn('assigned');
    expect(c.signDeadline).toBe('2026-11-30T15:59:59.999Z');

    expect((await admin.delete('/api/v1/calendar/days/2026-11-27')).statusCode).toBe(204);
    expectProblem(await admin.delete('/api/v1/calendar/days/2026-11-27'), 404);
    expectProblem(await zy.delete('/api/v1/calendar/days/2027-01-01'), 403);
    const again = await k.caseIn('assigned');
    expect(again.signDeadline).toBe('2026-11-27T15:59:59.999Z');
  });
});
