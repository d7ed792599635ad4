import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { runDueJobs } from '../../kernel/jobs/jobs.js';
import { caseKit, closeTestApp, expectProblem, type Json } from '../cases/testing/case-kit.js';
import { disputeBody } from './testing/dispute-fixtures.js';

/**
 * A dispute mediated to the end: sessions (调解笔录), the agreement (调解协议书) drafted, exported and signed, the
 * case answered and closed, a callback on performance, and the reminder of the 30-day judicial-confirmation window.
 */
let t: TestApp;
let k: Awaited<ReturnType<typeof caseKit>>;
let d: Json;
let other: Json;
/** The harness client has no PUT of its own. */
const put = (c: Client, url: string, body: unknown) => c.request({ method: 'PUT', url, payload: body as object });
const dump = (name: string, data: Buffer) => {
  if (!process.env.LIAISON_DUMP_DOCS) return;
  mkdirSync(process.env.LIAISON_DUMP_DOCS, { recursive: true });
  writeFileSync(`${process.env.LIAISON_DUMP_DOCS}/${name}`, data);
};
beforeAll(async () => {
  t = await createTestApp();
  k = await caseKit(t);
  const dx = (await t.db.selectFrom('units').select('id').where('code', '=', 'DX').executeTakeFirstOrThrow()).id;
  const mediatorId = (await t.db.selectFrom('users').select('id').where('username', '=', 'dongxin').executeTakeFirstOrThrow()).id;
  d = k.ok(await (await k.as('zy01')).post('/api/v1/disputes', disputeBody(k.ids.p01, { mediatorId, dispatchUnitId: dx })), 201);
  other = k.ok(await (await k.as('zy01')).post('/api/v1/disputes', disputeBody(k.ids.p01, { title: '渣土车撒漏污损车辆', category: 'compensation' })), 201);
  await k.actOk('dongxin', d.caseId, 'sign');
});
afterAll(async () => closeTestApp(t));

const session = (extra: Json = {}) => ({
  heldAt: '2026-11-26T09:30:00+08:00', place: '东新街道人民调解委员会调解室', outcome: 'agreement',
  attendees: [{ name: '李秀英', role: '申请人' }, { name: '周振宇', role: '被申请人代理人' }, { name: '刘海燕', role: '人民调解员' }],
  statements: [{ speaker: '李秀英', text: '夜间打桩持续到23点，家中老人无法休息，要求补偿并停止夜间施工。' }, { speaker: '周振宇', text: '同意22点后停止高噪声作业，愿意给予一次性补偿。' }],
  notes: '双方同意以协议方式解决', ...extra,
});
const agreement = (extra: Json = {}) => ({
  facts: '2026年11月起，中大银泰城项目南侧桩基施工多次延续至22时以后，东新园小区3幢居民休息受到影响。',
  issues: '夜间施工噪声的补偿金额及今后的作业时间安排。',
  responsibilities: '施工方未严格执行夜间施工时间规定，应承担主要责任；居民方对工期要求予以理解。',
  terms: ['施工方即日起22时至次日6时停止桩基等高噪声作业。', '施工方一次性补偿李秀英人民币叁仟元整（¥3,000.00）。', '双方就本纠纷再无其他争议。'],
  performanceMethod: '补偿款由施工方以银行转账方式支付至李秀英指定账户。', performBy: '2026-12-10', ...extra,
});

describe('mediation sessions at /api/v1/cases/:id/mediations', () => {
  it('records a session by the mediator and lists it to those who see the dispute', async () => {
    const res = await (await k.as('dongxin')).post(`/api/v1/cases/${d.caseId}/mediations`, session());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mediatorName: (await t.db.selectFrom('users').select('displayName').where('username', '=', 'dongxin').executeTakeFirstOrThrow()).displayName, outcome: 'agreement', heldAt: '2026-11-26T01:30:00.000Z' });
    const list = (await (await k.as('leader')).get(`/api/v1/cases/${d.caseId}/mediations`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0].statements.map((s: Json) => s.speaker)).toEqual(['李秀英', '周振宇']);
    expect((await (await k.as('zy01')).get(`/api/v1/disputes/${d.caseId}`)).json().sessions).toBe(1);
  });

  it('answers 400, 401, 403, 404 and 422 as it should', async () => {
    const dx = await k.as('dongxin');
    expectProblem(await dx.post(`/api/v1/cases/${d.caseId}/mediations`, session({ statements: [] })), 400);
    expectProblem(await dx.post(`/api/v1/cases/${d.caseId}/mediations`, session({ outcome: 'won' })), 400);
    expectProblem(await dx.post(`/api/v1/cases/${d.caseId}/mediations`, session({ heldAt: '2026-11-30T09:00:00+08:00' })), 422);
    expectProblem(await t.anonymous().post(`/api/v1/cases/${d.caseId}/mediations`, session()), 401);
    expectProblem(await t.anonymous().get(`/api/v1/cases/${d.caseId}/mediations`), 401);
    expectProblem(await (await k.as('leader')).post(`/api/v1/cases/${d.caseId}/mediations`, session()), 403);
    expectProblem(await (await k.as('auditor')).get(`/api/v1/cases/${d.caseId}/mediations`), 403);
    expectProblem(await (await k.as('zy02')).get(`/api/v1/cases/${d.caseId}/mediations`), 404);
    expectProblem(await (await k.as('zy01')).get(`/api/v1/cases/${'x'.repeat(65)}/mediations`), 400);
    expectProblem(await (await k.as('zjj')).post(`/api/v1/cases/${d.caseId}/mediations`, session()), 404);
    // A case that is not a dispute has no mediations.
    const plain = await k.create({ type: 'coordination' }, 'zy01');
    expectProblem(await (await k.as('zy01')).get(`/api/v1/cases/${plain.id}/mediations`), 404);
  });
});

describe('the mediation agreement (调解协议书)', () => {
  it('is drafted with the street\'s mediation committee, redrafted with its version', async () => {
    const zy = await k.as('dongxin');
    const first = await put(zy, `/api/v1/disputes/${d.caseId}/agreement`, agreement());
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().agreement).toMatchObject({ status: 'draft', number: null, committeeName: '东新街道人民调解委员会', version: 1, judicialDeadline: null });
    expect(first.json().allowedActions).toEqual(['edit', 'record-session', 'edit-agreement', 'sign-agreement']);
    expectProblem(await put(zy, `/api/v1/disputes/${d.caseId}/agreement`, agreement()), 409, 'STALE_VERSION');
    const again = await put(zy, `/api/v1/disputes/${d.caseId}/agreement`, agreement({ version: 1, performBy: '2026-12-15' }));
    expect(again.json().agreement).toMatchObject({ performBy: '2026-12-15', version: 2 });
    expectProblem(await put(zy, `/api/v1/disputes/${d.caseId}/agreement`, agreement({ version: 2, terms: [] })), 400);
    expectProblem(await put(t.anonymous(), `/api/v1/disputes/${d.caseId}/agreement`, agreement({ version: 2 })), 401);
    expectProblem(await put(await k.as('leader'), `/api/v1/disputes/${d.caseId}/agreement`, agreement({ version: 2 })), 403);
    expectProblem(await put(await k.as('zy02'), `/api/v1/disputes/${d.caseId}/agreement`, agreement({ version: 2 })), 404);
  });

  it('exports as PDF and Word with the items 人民调解法 第二十九条 requires', async () => {
    const zy = await k.as('zy01');
    const pdf = await zy.get(`/api/v1/disputes/${d.caseId}/agreement/document?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.includes(Buffer.from('NotoSansCJK'))).toBe(true);
    const docx = await zy.get(`/api/v1/disputes/${d.caseId}/agreement/document?format=docx`);
    expect(docx.statusCode).toBe(200);
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    for (const s of ['人民调解协议书', '当事人的基本情况', '李秀英', '13812341234', '纠纷的主要事实', '争议事项', '各方当事人的责任', '协议内容', '履行方式和期限', '2026年12月15日', '三十日内共同向人民法院申请司法确认', '东新街道人民调解委员会', '草稿']) {
      expect([s, xml.includes(s)]).toEqual([s, true]);
    }
    // The leader's copy does not carry the resident's whole number.
    const leaders = await (await k.as('leader')).get(`/api/v1/disputes/${d.caseId}/agreement/document?format=docx`);
    const lx = await (await JSZip.loadAsync(leaders.rawPayload)).file('word/document.xml')!.async('string');
    expect([lx.includes('138****1234'), lx.includes('13812341234')]).toEqual([true, false]);
    expectProblem(await zy.get(`/api/v1/disputes/${d.caseId}/agreement/document?format=xls`), 400);
    expectProblem(await t.anonymous().get(`/api/v1/disputes/${d.caseId}/agreement/document`), 401);
    expectProblem(await (await k.as('auditor')).get(`/api/v1/disputes/${d.caseId}/agreement/document`), 403);
    expectProblem(await (await k.as('zy02')).get(`/api/v1/disputes/${d.caseId}/agreement/document`), 404);
    expectProblem(await zy.get(`/api/v1/disputes/${other.caseId}/agreement/document`), 409);
  });

  it('is signed once: numbered, the dispute settled, locked', async () => {
    const dx = await k.as('dongxin');
    expectProblem(await dx.post(`/api/v1/disputes/${d.caseId}/agreement/sign`, { version: 2 }), 400);
    expectProblem(await dx.post(`/api/v1/disputes/${d.caseId}/agreement/sign`, { version: 2, signedOn: '2026-11-27' }), 422);
    expectProblem(await dx.post(`/api/v1/disputes/${d.caseId}/agreement/sign`, { version: 1, signedOn: '2026-11-26' }), 409, 'STALE_VERSION');
    expectProblem(await t.anonymous().post(`/api/v1/disputes/${d.caseId}/agreement/sign`, { version: 2, signedOn: '2026-11-26' }), 401);
    expectProblem(await (await k.as('leader')).post(`/api/v1/disputes/${d.caseId}/agreement/sign`, { version: 2, signedOn: '2026-11-26' }), 403);
    expectProblem(await (await k.as('zy02')).post(`/api/v1/disputes/${d.caseId}/agreement/sign`, { version: 2, signedOn: '2026-11-26' }), 404);
    expectProblem(await (await k.as('zy01')).post(`/api/v1/disputes/${other.caseId}/agreement/sign`, { version: 1, signedOn: '2026-11-26' }), 409);
    const res = await dx.post(`/api/v1/disputes/${d.caseId}/agreement/sign`, { version: 2, signedOn: '2026-11-26' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ settled: true, settledAt: '2026-11-26T02:00:00.000Z', allowedActions: ['edit', 'record-session', 'callback'] });
    expect(res.json().agreement).toMatchObject({ status: 'signed', number: '下调协〔2026〕第0001号', signedOn: '2026-11-26', judicialDeadline: '2026-12-26' });
    expectProblem(await dx.post(`/api/v1/disputes/${d.caseId}/agreement/sign`, { version: 3, signedOn: '2026-11-26' }), 409);
    expectProblem(await put(dx, `/api/v1/disputes/${d.caseId}/agreement`, agreement({ version: 3 })), 409);
    const pdf = await dx.get(`/api/v1/disputes/${d.caseId}/agreement/document?format=pdf`);
    dump('agreement.pdf', pdf.rawPayload);
    dump('agreement.docx', (await dx.get(`/api/v1/disputes/${d.caseId}/agreement/document?format=docx`)).rawPayload);
  });
});

describe('follow-up', () => {
  it('closes the case through the case engine; sessions stop, callbacks go on', async () => {
    await k.actOk('dongxin', d.caseId, 'answer', { publicReply: '经调解双方达成协议，已签订人民调解协议书。' });
    await k.actOk('zy01', d.caseId, 'verify', { accept: true });
    expectProblem(await (await k.as('dongxin')).post(`/api/v1/cases/${d.caseId}/mediations`, session()), 409);
    t.clock.set('2026-12-11T02:00:00.000Z');
    const dx = await k.as('dongxin');
    const res = await dx.post(`/api/v1/disputes/${d.caseId}/callbacks`, { calledOn: '2026-12-11', performance: 'performed', note: '电话回访李秀英，补偿款已到账，夜间未再施工。' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().callbacks).toMatchObject([{ calledOn: '2026-12-11', performance: 'performed' }]);
    expectProblem(await dx.post(`/api/v1/disputes/${d.caseId}/callbacks`, { calledOn: '2026-12-11', performance: 'maybe', note: 'x' }), 400);
    expectProblem(await dx.post(`/api/v1/disputes/${d.caseId}/callbacks`, { calledOn: '2026-12-12', performance: 'performed', note: 'x' }), 422);
    expectProblem(await t.anonymous().post(`/api/v1/disputes/${d.caseId}/callbacks`, { calledOn: '2026-12-11', performance: 'performed', note: 'x' }), 401);
    expectProblem(await (await k.as('leader')).post(`/api/v1/disputes/${d.caseId}/callbacks`, { calledOn: '2026-12-11', performance: 'performed', note: 'x' }), 403);
    expectProblem(await (await k.as('zy02')).post(`/api/v1/disputes/${d.caseId}/callbacks`, { calledOn: '2026-12-11', performance: 'performed', note: 'x' }), 404);
    expectProblem(await (await k.as('zy01')).post(`/api/v1/disputes/${other.caseId}/callbacks`, { calledOn: '2026-12-11', performance: 'performed', note: 'x' }), 409);
  });

  it('reminds the mediator of the 30-day judicial-confirmation window a week before it closes, once', async () => {
    const reminders = () => t.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.userId')
      .select(['users.username', 'notifications.body', 'notifications.entityId']).where('notifications.kind', '=', 'mediation.judicial-window').execute();
    // A second agreement whose parties applied already: no reminder for it.
    const zy = await k.as('zy01');
    t.clock.set('2026-11-26T02:00:00.000Z');
    const o = k.ok(await put(await k.as('zy01'), `/api/v1/disputes/${other.caseId}/agreement`, agreement()), 200);
    const signed = k.ok(await (await k.as('zy01')).post(`/api/v1/disputes/${other.caseId}/agreement/sign`, { version: o.agreement.version, signedOn: '2026-11-26' }), 200);
    expect(signed.agreement.number).toBe('下调协〔2026〕第0002号');
    k.ok(await (await k.as('zy01')).patch(`/api/v1/disputes/${other.caseId}`, { version: signed.version, judicialConfirmation: 'applied' }), 200);
    void zy;

    t.clock.set('2026-12-18T15:00:00.000Z');
    await runDueJobs(t.app.deps, t.clock.now());
    expect(await reminders()).toEqual([]);
    t.clock.set('2026-12-19T02:00:00.000Z');
    const report = await runDueJobs(t.app.deps, t.clock.now());
    expect(report.failed).toEqual([]);
    const sent = await reminders();
    expect(sent.map((r) => [r.username, r.entityId])).toEqual([['dongxin', d.caseId]]);
    expect(sent[0]!.body).toContain('2026-12-26前共同向人民法院申请司法确认');
    await runDueJobs(t.app.deps, new Date('2026-12-20T02:00:00.000Z'));
    expect(await reminders()).toHaveLength(1);
  });
});
