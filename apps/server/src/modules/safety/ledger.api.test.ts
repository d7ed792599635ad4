import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { caseKit, closeTestApp, expectProblem, type Json } from '../cases/testing/case-kit.js';
import { signaturePng, sitePhoto, upload } from './testing/evidence.js';

/**
 * The safety ledger, figured by hand. On Thursday 26 Nov 2026:
 * - project 2 (zy02, contractor sg02): inspection A fails 临边防护 major, 临边防护 general, 消防 general; a clean
 *   inspection passes everything. The 临边防护 general fix is accepted on Friday 27 (1 working day), the major one on
 *   Monday 30 (27, 30: 2 working days); 消防 stays open. Average 1.5.
 * - project 3 (zy03): inspection B fails 起重机械 major, left open: the site stands still.
 */
let t: TestApp;
let k: Awaited<ReturnType<typeof caseKit>>;
let templateId: string;
let p03: string;
beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  templateId = (await t.db.selectFrom('inspectionTemplates').select('id').executeTakeFirstOrThrow()).id;
  p03 = (await t.db.selectFrom('projects').select('id').where('code', '=', 'XC-ZD-2026-03').executeTakeFirstOrThrow()).id;
});
afterAll(async () => closeTestApp(t));

type Fail = { category: string; severity: string };
/** Inspects a project as `who`, failing the first item of each given category and severity. */
async function inspect(who: string, projectId: string, fails: Fail[]): Promise<Json> {
  const c = await k.as(who);
  const i = k.ok(await c.post('/api/v1/inspections', { projectId, templateId }), 201);
  const photo = await upload(c, await sitePhoto('#999'), 'p.jpg');
  const failing = new Map(fails.map((f) => [i.items.find((x: Json) => x.category === f.category && x.severity === f.severity).id, f]));
  const rec = k.ok(await c.patch(`/api/v1/inspections/${i.id}`, {
    version: i.version,
    items: i.items.map((x: Json) => (failing.has(x.id) ? { itemId: x.id, result: 'fail', note: `${x.category}问题`, photoId: photo } : { itemId: x.id, result: 'pass' })),
    inspectorSignatureId: await upload(c, await signaturePng(), 'i.png'), contractorSignatureId: await upload(c, await signaturePng(5), 'c.png'), contractorSignerName: '项目经理',
  }));
  return k.ok(await c.post(`/api/v1/inspections/${i.id}/submit`, { version: rec.version }));
}

/** The contractor signs, answers; the commissioner accepts. */
async function rectify(caseId: string, contractor: string, commissioner: string) {
  await k.actOk(contractor, caseId, 'answer', { publicReply: '已整改' });
  await k.actOk(commissioner, caseId, 'verify', { accept: true });
}

let a: Json;
describe('GET /api/v1/safety/ledger', () => {
  it('adds up a project by hand', async () => {
    a = await inspect('zy02', k.ids.p02, [{ category: '临边防护', severity: 'major' }, { category: '临边防护', severity: 'general' }, { category: '消防', severity: 'general' }]);
    await inspect('zy02', k.ids.p02, []);
    await inspect('zy03', p03, [{ category: '起重机械', severity: 'major' }]);
    for (const h of a.hazards) await k.actOk('sg02', h.case.id, 'sign');
    t.clock.set('2026-11-27T03:00:00.000Z');
    await rectify(a.hazards[1].case.id, 'sg02', 'zy02');
    t.clock.set('2026-11-30T03:00:00.000Z');
    await rectify(a.hazards[0].case.id, 'sg02', 'zy02');

    const res = await (await k.as('zy02')).get(`/api/v1/safety/ledger?projectId=${k.ids.p02}`);
    expect(res.statusCode, res.body).toBe(200);
    const l = res.json();
    expect(l).toMatchObject({ projectId: k.ids.p02, inspections: 2, avgWorkingDaysToRectify: 1.5, stopWorkSites: [] });
    expect(l.hazards).toEqual({ total: 3, open: 1, closed: 2, major: 1, general: 2, overdue: 0 });
    expect(l.byCategory).toEqual([
      { category: '临边防护', total: 2, open: 0, closed: 2, major: 1, general: 1 },
      { category: '消防', total: 1, open: 1, closed: 0, major: 0, general: 1 },
    ]);
    expect(l.items.map((h: Json) => [h.category, h.severity, h.open, h.case.status])).toEqual([
      ['临边防护', 'major', false, 'closed'], ['临边防护', 'general', false, 'closed'], ['消防', 'general', true, 'in_progress'],
    ]);
    expect(l.items[0].noticeNumber).toBe(a.noticeNumber);
  });

  it('adds up the district for the leader, with the site that stands still', async () => {
    const l = (await (await k.as('leader')).get('/api/v1/safety/ledger')).json();
    expect(l).toMatchObject({ projectId: null, inspections: 3, avgWorkingDaysToRectify: 1.5, items: [] });
    // Project 3's contractor never signed for its order: the 1-working-day sign-for limit ran out on Friday 27.
    expect(l.hazards).toEqual({ total: 4, open: 2, closed: 2, major: 2, general: 2, overdue: 1 });
    expect(l.byCategory).toEqual([
      { category: '临边防护', total: 2, open: 0, closed: 2, major: 1, general: 1 },
      { category: '消防', total: 1, open: 1, closed: 0, major: 0, general: 1 },
      { category: '起重机械', total: 1, open: 1, closed: 0, major: 1, general: 0 },
    ]);
    expect(l.stopWorkSites).toEqual([{ project: { id: p03, code: 'XC-ZD-2026-03', name: expect.any(String) }, since: '2026-11-26T02:00:00.000Z', openMajorHazards: 1 }]);
    expect((await (await k.as('leader')).get(`/api/v1/projects/${p03}/safety`)).json()).toMatchObject({ stopWork: true, openHazards: { major: 1, general: 0 } });
  });

  it('counts only what the caller sees, and by period', async () => {
    expect((await (await k.as('zy02')).get('/api/v1/safety/ledger')).json().hazards.total).toBe(3);
    expect((await (await k.as('sg02')).get('/api/v1/safety/ledger')).json().inspections).toBe(2);
    expect((await (await k.as('zy01')).get('/api/v1/safety/ledger')).json()).toMatchObject({ inspections: 0, hazards: { total: 0 }, avgWorkingDaysToRectify: null });
    expect((await (await k.as('leader')).get('/api/v1/safety/ledger?from=2026-11-27')).json().inspections).toBe(0);
    expect((await (await k.as('leader')).get('/api/v1/safety/ledger?to=2026-11-26')).json().hazards.total).toBe(4);
  });

  it('counts a rectification past its deadline as overdue', async () => {
    t.clock.set('2026-12-02T02:00:00.000Z');
    expect((await (await k.as('zy02')).get(`/api/v1/safety/ledger?projectId=${k.ids.p02}`)).json().hazards.overdue).toBe(1);
  });

  it('answers 400, 401, 403 and 404', async () => {
    expectProblem(await (await k.as('leader')).get('/api/v1/safety/ledger?from=26/11/2026'), 400);
    expectProblem(await (await k.as('leader')).get('/api/v1/safety/ledger?district=xc'), 400);
    expectProblem(await t.anonymous().get('/api/v1/safety/ledger'), 401);
    expectProblem(await (await k.as('auditor')).get('/api/v1/safety/ledger'), 403);
    expectProblem(await (await k.as('zy02')).get(`/api/v1/safety/ledger?projectId=${p03}`), 404);
  });
});
