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

describe('POST /api/v1/cases', () => {
  it('submits a case with a number, to the project commissioner', async () => {
    const c = await k.create({ type: 'enterprise', category: '车位', priority: 'urgent', source: 'enterprise' });
    expect(c.number).toMatch(/^XC-2026-\d{6}$/);
    expect(c).toMatchObject({ status: 'submitted', type: 'enterprise', priority: 'urgent', light: 'green', supervisionLevel: 0, version: 1 });
    expect(c.project).toMatchObject({ code: 'XC-ZD-2026-01', name: '中大银泰城' });
    expect(c.allowedActions).toEqual(['comment', 'withdraw']);
    const inbox = await t.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.userId')
      .select(['users.username', 'notifications.kind']).where('notifications.entityId', '=', c.id).execute();
    expect(inbox).toEqual([{ username: 'zy01', kind: 'case.submitted' }]);
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', c.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['case.created']);
  });

  it('answers 400 for bad input, 401 without a session, 403 without the permission', async () => {
    const zy01 = await k.as('zy01');
    const missing = await zy01.post('/api/v1/cases', { projectId: k.ids.p01, type: 'appeal', description: 'x' });
    expectProblem(missing, 400, 'VALIDATION_FAILED');
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toContain('body.title');
    expectProblem(await zy01.post('/api/v1/cases', { projectId: k.ids.p01, type: 'appeal', title: 't', description: 'd', status: 'closed' }), 400);
    expectProblem(await zy01.post('/api/v1/cases', { projectId: k.ids.p01, type: 'gossip', title: 't', description: 'd' }), 400);
    // Another commissioner's project is not there for zy02.
    const other = await (await k.as('zy02')).post('/api/v1/cases', { projectId: k.ids.p01, type: 'appeal', title: 't', description: 'd' });
    expectProblem(other, 400, 'VALIDATION_FAILED');
    expect(other.json().errors[0].path).toBe('projectId');
    expectProblem(await t.anonymous().post('/api/v1/cases', { projectId: k.ids.p01, type: 'appeal', title: 't', description: 'd' }), 401);
    expectProblem(await (await k.as('leader')).post('/api/v1/cases', { projectId: k.ids.p01, type: 'appeal', title: 't', description: 'd' }), 403, 'FORBIDDEN');
  });

  it('attaches the reporter\'s uploads, which those who see the case may download', async () => {
    const { multipartFile } = await import('../../../test/multipart.js');
    const yz = await k.as('yz01');
    const up = k.ok(await yz.request({ method: 'POST', url: '/api/v1/files', ...multipartFile('photo.pdf', Buffer.from('%PDF-1.4\n%case\n')) }), 201);
    const c = await k.create({ attachmentIds: [up.id] });
    expect(c.attachments.map((a: { id: string }) => a.id)).toEqual([up.id]);
    expect((await (await k.as('zy01')).get(`/api/v1/files/${up.id}`)).statusCode).toBe(200);
    expect((await (await k.as('zy02')).get(`/api/v1/files/${up.id}`)).statusCode).toBe(404);
    // An id that is not the caller's upload is a 400, and nothing is created.
    const before = await t.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expectProblem(await (await k.as('yz01')).post('/api/v1/cases', { projectId: k.ids.p01, type: 'appeal', title: 't', description: 'd', attachmentIds: [up.id] }), 400);
    const after = await t.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('GET /api/v1/cases/:id', () => {
  it('hides a case from those outside its scope with 404', async () => {
    const c = await k.create();
    expect((await k.get('zy01', c.id)).id).toBe(c.id);
    expect((await k.get('leader', c.id)).allowedActions).toEqual(['comment', 'escalate']);
    for (const u of ['zy02', 'zjj', 'sg02', 'tianshui']) expectProblem(await (await k.as(u)).get(`/api/v1/cases/${c.id}`), 404, 'NOT_FOUND');
    expectProblem(await (await k.as('zy01')).get('/api/v1/cases/no-such-case'), 404);
    expectProblem(await t.anonymous().get(`/api/v1/cases/${c.id}`), 401);
  });
  it('shows the dispatcher what they may do', async () => {
    const c = await k.create();
    expect((await k.get('zy01', c.id)).allowedActions).toEqual(['accept', 'reject', 'comment', 'escalate', 'merge']);
  });
});

describe('accept and reject', () => {
  it('accepts once; a second accept is a 409; the reporter may not accept', async () => {
    const c = await k.create();
    expectProblem(await k.act('yz01', c.id, 'accept'), 403, 'FORBIDDEN');
    expectProblem(await k.act('zy02', c.id, 'accept'), 404);
    const a = await k.actOk('zy01', c.id, 'accept');
    expect(a).toMatchObject({ status: 'accepted', version: 2 });
    expect(a.allowedActions).toContain('dispatch');
    const again = await k.act('zy01', c.id, 'accept');
    expectProblem(again, 409, 'CASE_ACTION_NOT_ALLOWED');
    expect(again.json()).toMatchObject({ action: 'accept', caseStatus: 'accepted' });
  });
  it('rejects only with a reason, and tells the reporter', async () => {
    const c = await k.create();
    expectProblem(await k.act('zy01', c.id, 'reject', {}), 400);
    expectProblem(await k.act('zy01', c.id, 'reject', { reason: '   ' }), 400);
    const r = await k.actOk('zy01', c.id, 'reject', { reason: '不属于项目范围' });
    expect(r.status).toBe('rejected');
    expect(r.closedAt).not.toBeNull();
    const n = await t.db.selectFrom('notifications').select('kind').where('entityId', '=', c.id).where('kind', '=', 'case.rejected').execute();
    expect(n).toHaveLength(1);
  });
  it('refuses a stale version with 409 STALE_VERSION, an unknown action with 404, unknown fields with 400', async () => {
    const c = await k.create();
    expectProblem(await k.act('zy01', c.id, 'accept', { version: 7 }), 409, 'STALE_VERSION');
    expectProblem(await k.act('zy01', c.id, 'accept', { version: 1, extra: true }), 400);
    expectProblem(await k.act('zy01', c.id, 'teleport', {}), 404);
    expect((await k.actOk('zy01', c.id, 'accept', { version: 1 })).version).toBe(2);
  });
});

describe('dispatch, sign, co-handling, extension, answer, verify', () => {
  it('runs the whole lifecycle with a co-handling unit', async () => {
    const c = await k.caseIn('accepted');
    expectProblem(await k.act('zy01', c.id, 'dispatch', { unitId: 'nope' }), 400);
    const wrongPerson = await k.act('zy01', c.id, 'dispatch', { unitId: k.ids.ZJJ, assigneeId: k.ids.fgj });
    expectProblem(wrongPerson, 400);
    expect(wrongPerson.json().errors[0].path).toBe('assigneeId');
    expectProblem(await k.act('yz01', c.id, 'dispatch', { unitId: k.ids.ZJJ }), 403);
    const d = await k.actOk('zy01', c.id, 'dispatch', { unitId: k.ids.ZJJ, coUnitIds: [k.ids.FGJ], assigneeId: k.ids.zjj, note: '请会同发改局' });
    expect(d).toMatchObject({ status: 'assigned', clockState: 'sign', leadUnit: { id: k.ids.ZJJ, name: '区住建局' }, assignee: { id: k.ids.zjj } });
    // Thursday 10:00 + 1 working day: the end of Friday.
    expect(d.signDeadline).toBe('2026-11-27T15:59:59.999Z');
    expect(d.units.map((u: { role: string; unit: { name: string } }) => [u.role, u.unit.name])).toEqual([['lead', '区住建局'], ['co', '区发改局']]);

    // Both units now see it; the lead unit signs the case, the co unit its own part.
    expectProblem(await k.act('fgj', c.id, 'request-extension', { days: 1, reason: 'x' }), 403);
    const s = await k.actOk('zjj', c.id, 'sign');
    expect(s).toMatchObject({ status: 'in_progress', clockState: 'running', limitDays: 5, workingDaysLeft: 5 });
    expect(s.deadline).toBe('2026-12-03T15:59:59.999Z');
    expect((await k.get('fgj', c.id)).allowedActions).toEqual(['sign', 'return', 'comment']);
    await k.actOk('fgj', c.id, 'sign');
    expectProblem(await k.act('fgj', c.id, 'sign'), 409, 'CASE_ACTION_NOT_ALLOWED');

    expectProblem(await k.act('zjj', c.id, 'request-extension', { days: 2 }), 400);
    const ext = await k.actOk('zjj', c.id, 'request-extension', { days: 2, reason: '需等待监测报告' });
    expect(ext.extensionRequest).toMatchObject({ days: 2, reason: '需等待监测报告' });
    expectProblem(await k.act('zjj', c.id, 'request-extension', { days: 1, reason: 'again' }), 409);
    expectProblem(await k.act('zy01', c.id, 'decide-extension', { approve: false }), 400);
    const approved = await k.actOk('zy01', c.id, 'decide-extension', { approve: true });
    expect(approved).toMatchObject({ deadline: '2026-12-07T15:59:59.999Z', limitDays: 7, extensionRequest: null });

    const co = await k.actOk('fgj', c.id, 'answer', { publicReply: '发改局意见：同意调整作业时间。' });
    expect(co.status).toBe('in_progress');
    expect(co.units.find((u: { role: string }) => u.role === 'co').status).toBe('answered');
    const ans = await k.actOk('zjj', c.id, 'answer', { publicReply: '已责令整改，夜间停止作业。', internalNote: '施工方态度消极，已约谈。' });
    expect(ans).toMatchObject({ status: 'answered', clockState: 'stopped', publicReply: '已责令整改，夜间停止作业。' });
    expectProblem(await k.act('zy01', c.id, 'verify', { accept: false }), 400);
    expectProblem(await k.act('gb01', c.id, 'verify', { accept: true }), 404);
    const back = await k.actOk('zy01', c.id, 'verify', { accept: false, reason: '现场仍有噪声' });
    expect(back).toMatchObject({ status: 'in_progress', clockState: 'running' });
    await k.actOk('zjj', c.id, 'answer', { publicReply: '已复查，夜间无施工。' });
    const closed = await k.actOk('zy01', c.id, 'verify', { accept: true });
    expect(closed).toMatchObject({ status: 'closed', allowedActions: ['comment'] });
    expect((await k.get('yz01', c.id)).allowedActions).toEqual(['rate', 'comment']);

    const kinds = (await k.events('zy01', c.id)).map((e) => e.kind);
    expect(kinds).toEqual(['created', 'accepted', 'dispatched', 'signed', 'co-signed', 'extension-requested', 'extension-approved',
      'co-answered', 'answered', 'internal-note', 'sent-back', 'answered', 'closed']);
    const audit = await t.db.selectFrom('auditLog').select('action').where('entityId', '=', c.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['case.created', 'case.accepted', 'case.dispatched', 'case.signed', 'case.co-signed',
      'case.extension-requested', 'case.extension-approved', 'case.co-answered', 'case.answered', 'case.sent-back', 'case.answered', 'case.closed']);
  });

  it('hides internal entries from the enterprise reporter but not from the handling chain', async () => {
    const c = await k.caseIn('in_progress');
    await k.actOk('zjj', c.id, 'comment', { text: '内部：需协调城管', internal: true });
    expectProblem(await k.act('yz01', c.id, 'comment', { text: 'x', internal: true }), 403);
    await k.actOk('yz01', c.id, 'comment', { text: '请尽快处理' });
    const mine = await k.events('yz01', c.id);
    expect(mine.some((e) => e.internal)).toBe(false);
    expect(mine.map((e) => e.kind)).toContain('commented');
    const chain = await k.events('zy01', c.id);
    expect(chain.filter((e) => e.internal).map((e) => e.payload.text)).toEqual(['内部：需协调城管']);
    expect((await k.events('zjj', c.id)).filter((e) => e.internal)).toHaveLength(1);
  });

  it('lets the lead unit return a case with a reason code; the dispatcher dispatches it again', async () => {
    const c = await k.caseIn('assigned');
    expectProblem(await k.act('zjj', c.id, 'return', { reason: '不归我局' }), 400);
    expectProblem(await k.act('zjj', c.id, 'return', { reasonCode: 'weather', reason: 'x' }), 400);
    const r = await k.actOk('zjj', c.id, 'return', { reasonCode: 'ownership', reason: '属城管执法范围' });
    expect(r).toMatchObject({ status: 'accepted', leadUnit: null, clockState: 'idle' });
    // The unit that returned it still sees it, but has nothing more to do.
    expect((await k.get('zjj', c.id)).allowedActions).toEqual([]);
    const again = await k.actOk('zy01', c.id, 'dispatch', { unitId: k.ids.CGJ });
    expect(again.units.map((u: { active: boolean; status: string }) => [u.active, u.status])).toEqual([[false, 'returned'], [true, 'assigned']]);
    expect((await k.actOk('cgj', c.id, 'sign')).status).toBe('in_progress');
    const returned = (await k.events('zy01', c.id)).find((e) => e.kind === 'returned')!;
    expect(returned).toMatchObject({ internal: true, payload: { reasonCode: 'ownership', reason: '属城管执法范围', unit: { name: '区住建局' } } });
  });

  it('lets a co-handling unit bow out with a reason', async () => {
    const c = await k.caseIn('in_progress', {}, { coUnitIds: [k.ids.FGJ] });
    expectProblem(await k.act('fgj', c.id, 'return', { reasonCode: 'overlap' }), 400);
    const r = await k.actOk('fgj', c.id, 'return', { reasonCode: 'overlap', reason: '与住建局职能交叉' });
    expect(r.status).toBe('in_progress');
    expect(r.units.find((u: { role: string }) => u.role === 'co')).toMatchObject({ active: false, status: 'returned' });
  });

  it('refuses an extension for a case that is not in progress', async () => {
    const c = await k.caseIn('assigned');
    expectProblem(await k.act('zjj', c.id, 'request-extension', { days: 1, reason: '等待' }), 409, 'CASE_ACTION_NOT_ALLOWED');
    expectProblem(await k.act('zy01', c.id, 'decide-extension', { approve: true }), 409, 'CASE_ACTION_NOT_ALLOWED');
    expectProblem(await k.act('zjj', c.id, 'answer', { publicReply: 'x' }), 409, 'CASE_ACTION_NOT_ALLOWED');
  });

  it('refuses an extension and says why', async () => {
    const c = await k.caseIn('in_progress');
    await k.actOk('zjj', c.id, 'request-extension', { days: 3, reason: '材料未齐' });
    const r = await k.actOk('zy01', c.id, 'decide-extension', { approve: false, reason: '期限内可完成' });
    expect(r).toMatchObject({ extensionRequest: null, deadline: c.deadline, limitDays: c.limitDays });
    expect((await k.events('zjj', c.id)).at(-1)).toMatchObject({ kind: 'extension-refused', payload: { reason: '期限内可完成' } });
  });
});

describe('rate and reopen', () => {
  it('reopens once after an unsatisfied rating, with a fresh handling limit', async () => {
    const c = await k.caseIn('closed');
    expectProblem(await k.act('zy01', c.id, 'reopen', { reason: 'x' }), 409, 'CASE_ACTION_NOT_ALLOWED');
    expectProblem(await k.act('zjj', c.id, 'rate', { rating: 'satisfied' }), 403);
    expectProblem(await k.act('yz01', c.id, 'rate', { rating: 'meh' }), 400);
    const rated = await k.actOk('yz01', c.id, 'rate', { rating: 'unsatisfied', comment: '仍有噪声' });
    expect(rated).toMatchObject({ rating: 'unsatisfied', ratingComment: '仍有噪声' });
    expect(rated.allowedActions).toEqual(['reopen', 'comment']);
    expectProblem(await k.act('yz01', c.id, 'rate', { rating: 'satisfied' }), 409);
    expectProblem(await k.act('yz01', c.id, 'reopen', {}), 400);
    t.clock.advance(60 * 60_000);
    const re = await k.actOk('yz01', c.id, 'reopen', { reason: '噪声问题反复' });
    expect(re).toMatchObject({ status: 'in_progress', reopenCount: 1, rating: null, clockState: 'running', closedAt: null });
    expect(re.deadline).toBe('2026-12-03T15:59:59.999Z');
    await k.actOk('zjj', c.id, 'answer', { publicReply: '已再次整改' });
    await k.actOk('zy01', c.id, 'verify', { accept: true });
    await k.actOk('yz01', c.id, 'rate', { rating: 'unsatisfied' });
    expectProblem(await k.act('yz01', c.id, 'reopen', { reason: '再次重办' }), 409, 'CASE_ACTION_NOT_ALLOWED');
    expectProblem(await k.act('zy01', c.id, 'reopen', { reason: '再次重办' }), 409, 'CASE_ACTION_NOT_ALLOWED');
  });
});

describe('escalate, withdraw, merge', () => {
  it('lets the commissioner urge (1, 2) and a leader list a case (3); levels only go up', async () => {
    const c = await k.caseIn('in_progress');
    expectProblem(await k.act('zy01', c.id, 'escalate', {}), 400);
    expect((await k.actOk('zy01', c.id, 'escalate', { reason: '进度滞后' })).supervisionLevel).toBe(1);
    expectProblem(await k.act('zy01', c.id, 'escalate', { reason: 'x', level: 3 }), 403);
    expectProblem(await k.act('zy01', c.id, 'escalate', { reason: 'x', level: 1 }), 422, 'RULE_VIOLATED');
    expectProblem(await k.act('zjj', c.id, 'escalate', { reason: 'x' }), 403);
    expect((await k.actOk('leader', c.id, 'escalate', { reason: '区领导挂牌督办' })).supervisionLevel).toBe(3);
    const leaders = await t.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.userId').select('users.username')
      .where('entityId', '=', c.id).where('kind', '=', 'case.escalated').execute();
    expect(leaders.map((l) => l.username)).toEqual(expect.arrayContaining(['zjj', 'zy01']));
  });

  it('lets the reporter withdraw until the answer, with a reason', async () => {
    const c = await k.caseIn('assigned');
    expectProblem(await k.act('yz01', c.id, 'withdraw', {}), 400);
    expectProblem(await k.act('zjj', c.id, 'withdraw', { reason: 'x' }), 403);
    const w = await k.actOk('yz01', c.id, 'withdraw', { reason: '已自行协商解决' });
    expect(w).toMatchObject({ status: 'withdrawn', clockState: 'stopped', allowedActions: [] });
    expectProblem(await k.act('yz01', c.id, 'withdraw', { reason: 'again' }), 409);
    const answered = await k.caseIn('answered');
    expectProblem(await k.act('yz01', answered.id, 'withdraw', { reason: 'late' }), 409, 'CASE_ACTION_NOT_ALLOWED');
  });

  it('merges a duplicate into an open case of the same project', async () => {
    const keep = await k.create({ title: '塔吊夜间作业噪声' });
    const dup = await k.create({ title: '塔吊夜间作业噪声（重复）' }, 'sg01');
    const elsewhere = await k.create({ projectId: k.ids.p02, title: '别的项目' }, 'zy02');
    expectProblem(await k.act('zy01', dup.id, 'merge', { intoCaseId: keep.id }), 400);
    expectProblem(await k.act('zy01', dup.id, 'merge', { intoCaseId: dup.id, reason: 'x' }), 422);
    expectProblem(await k.act('zy01', dup.id, 'merge', { intoCaseId: elsewhere.id, reason: 'x' }), 400);
    expectProblem(await k.act('sg01', dup.id, 'merge', { intoCaseId: keep.id, reason: 'x' }), 403);
    const m = await k.actOk('zy01', dup.id, 'merge', { intoCaseId: keep.id, reason: '同一事项' });
    expect(m).toMatchObject({ status: 'withdrawn', mergedIntoId: keep.id });
    const kept = await k.events('zy01', keep.id);
    expect(kept.at(-1)).toMatchObject({ kind: 'duplicate-merged', payload: { from: { number: dup.number } } });
    expect((await k.get('zy01', keep.id)).version).toBe(2);
  });
});

describe('other relations', () => {
  it('lets an assistant do the dispatcher\'s work except ending a case', async () => {
    const p04 = (await t.db.selectFrom('projects').select('id').where('code', '=', 'XC-ZD-2026-04').executeTakeFirstOrThrow()).id;
    const c = await k.create({ projectId: p04 }, 'yz04');
    expect((await k.get('gb01', c.id)).allowedActions).toEqual(['accept', 'comment', 'escalate']);
    expectProblem(await k.act('gb01', c.id, 'reject', { reason: 'x' }), 403);
    await k.actOk('gb01', c.id, 'accept');
    await k.actOk('gb01', c.id, 'dispatch', { unitId: k.ids.ZJJ });
    await k.actOk('zjj', c.id, 'sign');
    await k.actOk('zjj', c.id, 'answer', { publicReply: '已处理' });
    expectProblem(await k.act('gb01', c.id, 'verify', { accept: true }), 403);
    expect((await k.actOk('zy04', c.id, 'verify', { accept: true })).status).toBe('closed');
  });

  it('lets a street raise a case on a project in its street, and the org dept dispatch it', async () => {
    const p = await t.db.selectFrom('projects').innerJoin('units', 'units.id', 'projects.streetId').select('projects.id')
      .where('units.code', '=', 'TS').executeTakeFirstOrThrow();
    const c = await k.create({ projectId: p.id, type: 'dispute' }, 'tianshui');
    expect(c.reporterUnit.name).toBe('天水街道');
    expect((await k.actOk('orgdept', c.id, 'accept')).status).toBe('accepted');
    expect((await k.get('tianshui', c.id)).allowedActions).toEqual(['comment', 'withdraw']);
  });

  it('answers 401 and 404 on the timeline as on the case', async () => {
    const c = await k.create();
    expectProblem(await t.anonymous().get(`/api/v1/cases/${c.id}/events`), 401);
    expectProblem(await (await k.as('zy02')).get(`/api/v1/cases/${c.id}/events`), 404);
    expect((await k.events('yz01', c.id)).map((e) => e.kind)).toEqual(['created']);
  });
});
