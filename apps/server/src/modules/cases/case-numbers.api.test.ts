import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { caseKit, closeTestApp } from './testing/case-kit.js';

let t: TestApp;
let k: Awaited<ReturnType<typeof caseKit>>;
beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
});
afterAll(async () => closeTestApp(t));

describe('case numbers', () => {
  it('stay gapless under 20 concurrent creations, and across a failed one', async () => {
    const clients = await Promise.all(['yz01', 'sg01', 'zy01', 'jl01'].map((u) => k.as(u)));
    const res = await Promise.all(Array.from({ length: 20 }, (_, i) => clients[i % clients.length]!.post('/api/v1/cases', {
      projectId: k.ids.p01, type: 'appeal', title: `并发提交 ${i}`, description: '并发编号测试',
    })));
    expect(res.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const got = res.map((r) => r.json().number as string).sort();
    expect(got).toEqual(Array.from({ length: 20 }, (_, i) => `XC-2026-${String(i + 1).padStart(6, '0')}`));

    // A creation that fails inside its transaction (a file that is not the caller's) gives its number back.
    const bad = await clients[0]!.post('/api/v1/cases', { projectId: k.ids.p01, type: 'appeal', title: 'x', description: 'y', attachmentIds: ['not-a-file'] });
    expect(bad.statusCode).toBe(400);
    expect((await k.create()).number).toBe('XC-2026-000021');

    // A new year starts again at 1.
    t.clock.set('2026-12-31T16:00:00.000Z');
    expect((await k.create()).number).toBe('XC-2027-000001');
  });
});
