import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../kernel/audit/audit.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LIAISON_DEMO_ACTIVITY: 'true' } });
});
afterAll(async () => t.close());

describe('demo activity', () => {
  it('runs two months of cases through the case engine, as the real people, in every state', async () => {
    const leader = await t.signInAs('leader');
    const all = (await leader.get('/api/v1/cases?pageSize=100')).json();
    expect(all.total).toBe(14);
    const statuses = new Set(all.items.map((c: { status: string }) => c.status));
    for (const s of ['submitted', 'accepted', 'assigned', 'in_progress', 'answered', 'closed']) expect(statuses).toContain(s);
    const closed = all.items.filter((c: { status: string }) => c.status === 'closed');
    expect(closed.every((c: { rating: string | null }) => c.rating !== null)).toBe(true);
    // Numbers are gapless and the timeline was written by the people who acted.
    expect(all.items.map((c: { number: string }) => c.number).sort()).toEqual(Array.from({ length: 14 }, (_, i) => `XC-2026-${String(i + 1).padStart(6, '0')}`));
    const one = closed[0];
    const events = (await leader.get(`/api/v1/cases/${one.id}/events`)).json().items;
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['created', 'accepted', 'dispatched', 'signed', 'answered', 'closed', 'rated']));
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('puts work in the handlers\' to-do lists', async () => {
    const yjj = await t.signInAs('yjj');
    const todo = (await yjj.get('/api/v1/cases?view=todo')).json();
    expect(todo.total).toBeGreaterThanOrEqual(1);
  });
});
