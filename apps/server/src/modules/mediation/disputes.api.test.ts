import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { caseKit, closeTestApp, expectProblem, type Json } from '../cases/testing/case-kit.js';
import { disputeBody } from './testing/dispute-fixtures.js';

/** Disputes on 中大银泰城 (project 1, 东新街道): filing, parties with sealed phones, who sees them, edits, the list. */
let t: TestApp;
let k: Awaited<ReturnType<typeof caseKit>>;
let dongxinUnit: string;
let dongxin: string;
beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  dongxinUnit = (await t.db.selectFrom('units').select('id').where('code', '=', 'DX').executeTakeFirstOrThrow()).id;
  dongxin = (await t.db.selectFrom('users').select('id').where('username', '=', 'dongxin').executeTakeFirstOrThrow()).id;
});
afterAll(async () => closeTestApp(t));

describe('POST /api/v1/disputes', () => {
  let d: Json;
  it('files the dispute case and its detail in one step, dispatched to the street', async () => {
    const res = await (await k.as('zy01')).post('/api/v1/disputes', disputeBody(k.ids.p01, { mediatorId: dongxin, dispatchUnitId: dongxinUnit }));
    expect(res.statusCode, res.body).toBe(201);
    d = res.json();
    expect(d.case).toMatchObject({ type: 'dispute', category: '噪声扰民', status: 'assigned', priority: 'normal', leadUnit: { id: dongxinUnit } });
    expect(d).toMatchObject({ category: 'noise', risk: 'medium', settleBy: '2026-12-26', settled: false, settleOverdue: false, sessions: 0, agreement: null, judicialConfirmation: 'not_applied' });
    expect(d.mediator).toMatchObject({ id: dongxin });
    expect(d.allowedActions).toEqual(['edit', 'record-session', 'edit-agreement']);
    const audit = (await t.db.selectFrom('auditLog').select('action').where('entityId', '=', d.caseId).orderBy('seq').execute()).map((a) => a.action);
    expect(audit).toEqual(['case.created', 'case.accepted', 'case.dispatched', 'dispute.created']);
    const told = await t.db.selectFrom('notifications').select('kind').where('userId', '=', dongxin).where('entityId', '=', d.caseId).execute();
    expect(told.map((n) => n.kind).sort()).toEqual(['case.dispatched', 'dispute.mediator-assigned']);
  });

  it('seals the phones at rest and shows them whole only to the mediator and the dispatcher', async () => {
    const rows = await t.db.selectFrom('disputeParties').selectAll().where('caseId', '=', d.caseId).orderBy('position').execute();
    expect(rows.map((r) => r.phoneMasked)).toEqual(['138****1234', '057****6655']);
    for (const r of rows) expect(r.phoneSealed).not.toContain('1234');
    for (const who of ['zy01', 'dongxin', 'orgdept']) {
      const v = (await (await k.as(who)).get(`/api/v1/disputes/${d.caseId}`)).json();
      expect([who, v.contactsVisible, v.parties.map((p: Json) => p.phone)]).toEqual([who, true, ['13812341234', '0571-88776655']]);
    }
    const leader = (await (await k.as('leader')).get(`/api/v1/disputes/${d.caseId}`)).json();
    expect(leader.contactsVisible).toBe(false);
    expect(leader.parties.map((p: Json) => [p.phone, p.phoneMasked])).toEqual([['138****1234', true], ['057****6655', true]]);
    expect(leader.allowedActions).toEqual([]);
    for (const who of ['zjj', 'sg01', 'zy02', 'tianshui']) expectProblem(await (await k.as(who)).get(`/api/v1/disputes/${d.caseId}`), 404, 'NOT_FOUND');
    expectProblem(await t.anonymous().get(`/api/v1/disputes/${d.caseId}`), 401);
    expectProblem(await (await k.as('auditor')).get(`/api/v1/disputes/${d.caseId}`), 403);
    expectProblem(await (await k.as('zy01')).get(`/api/v1/disputes/${'x'.repeat(65)}`), 400);
  });

  it('answers 400 for bad input and unknown fields, 401 signed out, 403 without the permission', async () => {
    const zy = await k.as('zy01');
    const one = await zy.post('/api/v1/disputes', disputeBody(k.ids.p01, { parties: [disputeBody(k.ids.p01).parties[0]] }));
    expectProblem(one, 400, 'VALIDATION_FAILED');
    expect(one.json().errors.map((e: Json) => e.path)).toContain('body.parties');
    expectProblem(await zy.post('/api/v1/disputes', disputeBody(k.ids.p01, { status: 'closed' })), 400);
    expectProblem(await zy.post('/api/v1/disputes', disputeBody(k.ids.p01, { risk: 'extreme' })), 400);
    expectProblem(await zy.post('/api/v1/disputes', disputeBody(k.ids.p01, { parties: [{ kind: 'resident', name: '甲', phone: 'call me' }, { kind: 'other', name: '乙' }] })), 400);
    const notMine = await (await k.as('zy02')).post('/api/v1/disputes', disputeBody(k.ids.p01));
    expectProblem(notMine, 400, 'VALIDATION_FAILED');
    expect(notMine.json().errors[0].path).toBe('projectId');
    const leaderId = (await t.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()).id;
    const badMediator = await zy.post('/api/v1/disputes', disputeBody(k.ids.p01, { mediatorId: leaderId }));
    expectProblem(badMediator, 400);
    expect(badMediator.json().errors[0].path).toBe('mediatorId');
    expectProblem(await t.anonymous().post('/api/v1/disputes', disputeBody(k.ids.p01)), 401);
    expectProblem(await (await k.as('sg01')).post('/api/v1/disputes', disputeBody(k.ids.p01)), 403, 'FORBIDDEN');
    expectProblem(await (await k.as('leader')).post('/api/v1/disputes', disputeBody(k.ids.p01)), 403, 'FORBIDDEN');
    // A street handler files on its own street's project; only the dispatcher may dispatch at once (and nothing is left behind).
    const before = await t.db.selectFrom('disputes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expectProblem(await (await k.as('dongxin')).post('/api/v1/disputes', disputeBody(k.ids.p01, { dispatchUnitId: dongxinUnit })), 403);
    const after = await t.db.selectFrom('disputes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const own = await (await k.as('dongxin')).post('/api/v1/disputes', disputeBody(k.ids.p01, { title: '围挡倒塌砸坏车辆', category: 'compensation', risk: 'high' }));
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ mediator: { id: dongxin }, case: { status: 'submitted', priority: 'urgent' } });
  });
});

describe('GET /api/v1/disputes', () => {
  it('lists what the caller sees, with filters, and flags the ones not settled within a month', async () => {
    const zy = await k.as('zy01');
    const all = (await zy.get('/api/v1/disputes')).json();
    expect(all.total).toBe(2);
    expect(all.items[0]).toMatchObject({ title: '围挡倒塌砸坏车辆', category: 'compensation', risk: 'high', settleOverdue: false, partyNames: ['李秀英', '中建华东建设工程局有限公司'] });
    expect((await zy.get('/api/v1/disputes?risk=high')).json().items.map((i: Json) => i.title)).toEqual(['围挡倒塌砸坏车辆']);
    expect((await zy.get('/api/v1/disputes?category=noise&status=assigned')).json().total).toBe(1);
    expect((await (await k.as('zy02')).get('/api/v1/disputes')).json().total).toBe(0);
    expect((await (await k.as('leader')).get(`/api/v1/disputes?mediatorId=${dongxin}`)).json().total).toBe(2);
    expectProblem(await zy.get('/api/v1/disputes?risk=extreme'), 400);
    expectProblem(await zy.get('/api/v1/disputes?pageSize=500'), 400);
    expectProblem(await t.anonymous().get('/api/v1/disputes'), 401);
    expectProblem(await (await k.as('auditor')).get('/api/v1/disputes'), 403);

    t.clock.set('2026-12-27T02:00:00.000Z');
    const late = (await (await k.as('zy01')).get('/api/v1/disputes?settleOverdue=true')).json();
    expect(late.total).toBe(2);
    expect(late.items.every((i: Json) => i.settleOverdue)).toBe(true);
    expect((await (await k.as('zy01')).get('/api/v1/disputes?settleOverdue=false')).json().total).toBe(0);
    t.clock.set('2026-11-26T02:00:00.000Z');
  });
});

describe('PATCH /api/v1/disputes/:caseId', () => {
  it('edits the detail, keeps phones it is not given, and leaves numbers out of the audit log', async () => {
    const zy = await k.as('zy01');
    const d = (await zy.get('/api/v1/disputes?category=noise')).json().items[0];
    const cur = (await zy.get(`/api/v1/disputes/${d.caseId}`)).json();
    const res = await zy.patch(`/api/v1/disputes/${d.caseId}`, {
      version: cur.version, risk: 'high',
      parties: [
        { id: cur.parties[0].id, kind: 'resident', name: '李秀英', address: '东新园小区3幢2单元501室' },
        { id: cur.parties[1].id, kind: 'enterprise', name: '中建华东建设工程局有限公司', phone: '0571-88776600' },
        { kind: 'resident', name: '王国平', phone: '13900001111' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().risk).toBe('high');
    expect(res.json().parties.map((p: Json) => p.phone)).toEqual(['13812341234', '0571-88776600', '13900001111']);
    const audit = await t.db.selectFrom('auditLog').select('changes').where('entityId', '=', d.caseId).where('action', '=', 'dispute.updated').executeTakeFirstOrThrow();
    expect(audit.changes).not.toMatch(/1381234|88776600|13900001111/);
    expectProblem(await zy.patch(`/api/v1/disputes/${d.caseId}`, { version: cur.version, risk: 'low' }), 409, 'STALE_VERSION');
    const v = res.json().version;
    const badParty = await zy.patch(`/api/v1/disputes/${d.caseId}`, { version: v, parties: [{ id: 'nobody', kind: 'other', name: '甲' }, { kind: 'other', name: '乙' }] });
    expectProblem(badParty, 400);
    expect(badParty.json().errors[0].path).toBe('parties.0.id');
    expectProblem(await zy.patch(`/api/v1/disputes/${d.caseId}`, { version: v, category: 'gossip' }), 400);
    expectProblem(await t.anonymous().patch(`/api/v1/disputes/${d.caseId}`, { version: v }), 401);
    expectProblem(await (await k.as('leader')).patch(`/api/v1/disputes/${d.caseId}`, { version: v, risk: 'low' }), 403);
    expectProblem(await (await k.as('zjj')).patch(`/api/v1/disputes/${d.caseId}`, { version: v, risk: 'low' }), 404);
    // The mediator may hand over to another mediator; a leader cannot mediate.
    const leaderId = (await t.db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()).id;
    expectProblem(await zy.patch(`/api/v1/disputes/${d.caseId}`, { version: v, mediatorId: leaderId }), 400);
  });
});

describe('a mediator from outside the case', () => {
  it('sees and works the dispute, with the parties\' numbers, but not the case engine\'s actions', async () => {
    const wulinId = (await t.db.selectFrom('users').select('id').where('username', '=', 'wulin').executeTakeFirstOrThrow()).id;
    const d = k.ok(await (await k.as('zy01')).post('/api/v1/disputes', disputeBody(k.ids.p01, { title: '外聘调解员调解的纠纷', mediatorId: wulinId })), 201);
    const wulin = await k.as('wulin');
    const v = (await wulin.get(`/api/v1/disputes/${d.caseId}`)).json();
    expect(v).toMatchObject({ contactsVisible: true, allowedActions: ['edit', 'record-session', 'edit-agreement'] });
    expect(v.parties[0].phone).toBe('13812341234');
    expect(v.case.allowedActions).toEqual([]);
    expectProblem(await wulin.get(`/api/v1/cases/${d.caseId}`), 404);
    expect((await wulin.get('/api/v1/disputes')).json().items.map((i: Json) => i.caseId)).toEqual([d.caseId]);
    // Handing over to another mediator takes the dispute off the first one's desk.
    k.ok(await (await k.as('zy01')).patch(`/api/v1/disputes/${d.caseId}`, { version: v.version, mediatorId: dongxin }));
    expectProblem(await (await k.as('wulin')).get(`/api/v1/disputes/${d.caseId}`), 404);
  });
});
