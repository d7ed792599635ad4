import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-accounts.js';
import { accessMatrix, callers, caseAt, meetingAt, publicCreates, publicRoutes, type Caller, type MatrixCtx, type MatrixIds } from './access-matrix.js';
import { createActiveUser, createUser, expectProblem, multipartFile, projectCode, projectId, signIn, tinyPdf, uniq, unitId, userRow } from './factories.js';
import { createTestApp, type Client, type TestApp } from './harness.js';

let t: TestApp;
const clients = new Map<Caller, Client>();
let ids: MatrixIds;

beforeAll(async () => {
  t = await createTestApp();
  for (const who of callers) clients.set(who, who === 'anonymous' ? t.anonymous() : await signIn(t, who));
  const admin = clients.get('admin')!;
  const orgdept = clients.get('orgdept')!;
  const zy01 = clients.get('zy01')!;
  const must = (res: { statusCode: number; body: string; json(): any }, status: number) => {
    if (res.statusCode !== status) throw new Error(`matrix set-up: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  const target = await createUser(admin, { roles: ['enterprise'] });
  const unit = must(await admin.post('/api/v1/units', { code: uniq('MXT'), name: '矩阵目标单位', kind: 'enterprise' }), 201);
  const projects = await Promise.all(Array.from({ length: 26 }, (_, i) => projectId(t, i + 1)));

  // A project of the matrix's own, archived, with a commissioner it can be handed between.
  const c1 = await createUser(admin, { roles: ['commissioner'] });
  const c2 = await createUser(admin, { roles: ['commissioner'] });
  const own = must(await orgdept.post('/api/v1/projects', { code: uniq('MX-OWN'), name: '矩阵专用项目', category: '测试', address: '测试路2号', totalInvestment: 1_000_000 }), 201);
  must(await orgdept.post('/api/v1/assignments', { projectId: own.id, userId: c1.id, role: 'commissioner', startDate: '2026-11-01' }), 201);
  must(await orgdept.post(`/api/v1/projects/${own.id}/archive`, { version: own.version }), 200);

  const milestone = must(await orgdept.post(`/api/v1/projects/${projects[0]}/milestones`, { name: '主体封顶', plannedDate: '2027-03-31' }), 201);
  const photo = must(await zy01.request({ method: 'POST', url: '/api/v1/files', ...multipartFile(tinyPdf(), '现场.pdf', 'application/pdf') }), 201);
  const siteLog = must(await zy01.post('/api/v1/site-logs', { projectId: projects[0], date: '2026-11-24', duties: ['coordination'], done: '协调交通组织', photoIds: [photo.id] }), 201);

  // An assistant on project 1 under zy01, with a learning log to comment on.
  const { user: assistant, client: asAssistant } = await createActiveUser(t, admin, { roles: ['assistant'] });
  const zy01Id = (await userRow(t, 'zy01')).id;
  must(await orgdept.post('/api/v1/assignments', { projectId: projects[0], userId: assistant.id, role: 'assistant', mentorUserId: zy01Id, startDate: '2026-11-01' }), 201);
  const log = must(await asAssistant.post('/api/v1/learning-logs', { date: '2026-11-24', projectId: projects[0], activities: '旁听协调会', learned: '如何组织各方' }), 201);

  const zjjUnit = await unitId(t, 'ZJJ');
  const caseIds = { project1: projects[0]!, zjjUnit } as MatrixIds;
  const openCase = await caseAt({ as: (who) => clients.get(who)!, ids: caseIds }, 'submitted');
  const dispatchedCase = await caseAt({ as: (who) => clients.get(who)!, ids: caseIds }, 'assigned');

  const branch = await t.db.selectFrom('branches').select('id').where('projectId', '=', projects[0]!).where('status', '=', 'active').executeTakeFirstOrThrow();
  const meetingIds = { ...caseIds, branch: branch.id } as MatrixIds;
  const leaderId = (await userRow(t, 'leader')).id;
  const meeting = await meetingAt({ as: (who) => clients.get(who)!, ids: meetingIds }, 'scheduled', [leaderId]);
  const heldMeeting = await meetingAt({ as: (who) => clients.get(who)!, ids: meetingIds }, 'held', [leaderId]);

  ids = {
    projects, project1: projects[0]!, matrixProject: own.id, c1: c1.id, c2: c2.id, liaison: (await userRow(t, 'wulin')).id,
    unit: unit.id, user: target.id, milestone: milestone.id, siteLog: siteLog.id, siteLogPhoto: photo.id,
    assistant: assistant.id, learningLog: log.id, zjjUnit, openCase: openCase.id, dispatchedCase: dispatchedCase.id,
    branch: branch.id, meeting: meeting.id, heldMeeting: heldMeeting.id,
  };
});
afterAll(async () => t.close());

const ctxFor = (who: Caller): MatrixCtx => ({
  t,
  who,
  client: clients.get(who)!,
  as: (other) => clients.get(other)!,
  fresh: async () => (who === 'anonymous' ? t.anonymous() : signIn(t, who)),
  username: who === 'anonymous' ? 'zy02' : who,
  password: DEMO_PASSWORD,
  ids,
});
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const column = (who: Caller) => callers.indexOf(who);

describe('access matrix: every route × every role', () => {
  it.each(accessMatrix.map((r) => [key(r), r] as const))('%s', async (_name, row) => {
    const actual: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const [i, who] of callers.entries()) {
      const m = ctxFor(who);
      const res = row.send ? await row.send(m) : await m.client.request({ method: row.method, url: row.path });
      actual[who] = res.statusCode;
      expected[who] = row.expect[i]!;
    }
    expect(actual).toEqual(expected);
  });

  it('has a row for every route of the OpenAPI document, and none for a route that is not there', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).filter((m) => m !== 'parameters').map((m) => `${m.toUpperCase()} ${path}`))
      .filter((r) => !r.includes(' /api/docs'));
    const tabled = accessMatrix.map(key);
    expect(new Set(tabled).size).toBe(tabled.length);
    expect(documented.length).toBeGreaterThanOrEqual(30);
    expect([...tabled].sort()).toEqual([...documented].sort());
  });

  it('answers the anonymous caller 401 under /api/v1 except sign-in and meta, and 200 on the public routes', () => {
    for (const r of accessMatrix) {
      const isPublic = publicRoutes.has(key(r)) || !r.path.startsWith('/api/v1/');
      expect([key(r), r.expect[column('anonymous')]]).toEqual([key(r), isPublic ? (publicCreates.has(key(r)) ? 201 : 200) : 401]);
    }
  });

  it('says "sign in first" as a problem document to the anonymous caller on every protected route', async () => {
    const anon = t.anonymous();
    for (const r of accessMatrix.filter((r) => r.expect[0] === 401)) {
      const res = await anon.request({ method: r.method, url: r.path.replace(/\{\w+\}/g, 'some-id') });
      expect([key(r), res.statusCode]).toEqual([key(r), 401]);
      expectProblem(res, 401, 'UNAUTHENTICATED');
    }
  });

  it('keeps the system admin, the security admin and the auditor apart (三员分立)', () => {
    for (const r of accessMatrix) {
      const k = key(r);
      if (r.path.startsWith('/api/v1/audit')) expect([k, r.expect[column('admin')]]).toEqual([k, 403]);
      // Self-service (one's own sessions, password, second factor and inbox) is not business data.
      const selfService = /^\/api\/v1\/(session|notifications)/.test(r.path);
      const businessWrite = r.method !== 'GET' && r.path.startsWith('/api/v1/') && !selfService;
      if (r.path.startsWith('/api/v1/users') || businessWrite) {
        expect([k, r.expect[column('secadmin')], r.expect[column('auditor')]]).toEqual([k, 403, 403]);
      }
    }
  });

  it('refuses the audit roles every business write with a FORBIDDEN problem, and the admin the audit log', async () => {
    for (const who of ['secadmin', 'auditor'] as const) {
      const c = clients.get(who)!;
      expectProblem(await c.get('/api/v1/users'), 403, 'FORBIDDEN');
      expectProblem(await c.post('/api/v1/users', { username: uniq('x'), displayName: 'x', roles: ['leader'], password: 'Matrix#User-2026x' }), 403, 'FORBIDDEN');
      expectProblem(await c.post('/api/v1/units', { code: uniq('X'), name: 'x', kind: 'enterprise' }), 403, 'FORBIDDEN');
      expectProblem(await c.patch(`/api/v1/units/${ids.unit}`, { version: 1, name: 'x' }), 403, 'FORBIDDEN');
      expectProblem(await c.post('/api/v1/tokens', { name: 'x' }), 403, 'FORBIDDEN');
    }
    const body = expectProblem(await clients.get('admin')!.get('/api/v1/audit'), 403, 'FORBIDDEN');
    expect(body.detail).toBe('missing permission audit.read');
  });
});

describe('record-level scope of projects', () => {
  const codesOf = async (c: Client) => {
    const res = await c.get('/api/v1/projects?pageSize=200');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: { code: string; name: string; street: { name: string } | null; contractor: { id: string; name: string } | null; commissioner: { id: string } | null }[] };
    expect(body.items.length).toBe(body.total);
    return body;
  };

  it('shows a commissioner their own project only; another one is "not found"', async () => {
    const zy01 = clients.get('zy01')!;
    const { items } = await codesOf(zy01);
    expect(items.map((p) => [p.code, p.name])).toEqual([[projectCode(1), '中大银泰城']]);
    expectProblem(await zy01.get(`/api/v1/projects/${await projectId(t, 2)}`), 404, 'NOT_FOUND');
    const own = await zy01.get(`/api/v1/projects/${ids.project1}`);
    expect(own.json().name).toBe('中大银泰城');
  });

  it("shows an assistant their mentor's project", async () => {
    const gb01 = await userRow(t, 'gb01');
    const assignment = await t.db.selectFrom('assignments').selectAll().where('userId', '=', gb01.id).executeTakeFirstOrThrow();
    const { items } = await codesOf(clients.get('gb01')!);
    expect(items.map((p) => p.code)).toEqual([projectCode(4)]);
    expect(items[0]!.commissioner!.id).toBe(assignment.mentorUserId);
    expect(assignment.mentorUserId).toBe((await userRow(t, 'zy04')).id);
    expectProblem(await clients.get('gb01')!.get(`/api/v1/projects/${ids.project1}`), 404, 'NOT_FOUND');
  });

  it("shows an enterprise contact only the projects its unit builds", async () => {
    const sg01 = await userRow(t, 'sg01');
    const { items } = await codesOf(clients.get('sg01')!);
    expect(items.map((p) => p.code)).toEqual([1, 3, 14, 25].map(projectCode));
    for (const p of items) expect(p.contractor).toEqual({ id: sg01.unitId, name: '中建华东建设工程局有限公司' });
    const contracted = await t.db.selectFrom('projects').select('code').where('contractorUnitId', '=', sg01.unitId).orderBy('code').execute();
    expect(contracted.map((r) => r.code)).toEqual(items.map((p) => p.code));
    expectProblem(await clients.get('sg01')!.get(`/api/v1/projects/${await projectId(t, 2)}`), 404, 'NOT_FOUND');
  });

  it('shows a street handler only the projects in its street', async () => {
    const tianshui = clients.get('tianshui')!;
    const { items } = await codesOf(tianshui);
    expect(items.map((p) => p.code)).toEqual([4, 5, 6, 7, 8, 9].map(projectCode));
    expect(new Set(items.map((p) => p.street?.name))).toEqual(new Set(['天水街道']));
    expectProblem(await tianshui.get(`/api/v1/projects/${ids.project1}`), 404, 'NOT_FOUND');
    expect((await tianshui.get(`/api/v1/projects/${await projectId(t, 4)}`)).statusCode).toBe(200);
    const csv = (await tianshui.get('/api/v1/projects/export?format=csv')).body.trim().split('\r\n');
    expect(csv.length).toBe(1 + 6);
  });

  it('shows the leader, the organisation department and a department handler all 26', async () => {
    for (const who of ['leader', 'orgdept', 'zjj'] as const) {
      const { total, items } = await codesOf(clients.get(who)!);
      expect([who, total]).toEqual([who, 26]);
      expect(items.map((p) => p.code)).toEqual(Array.from({ length: 26 }, (_, i) => projectCode(i + 1)));
    }
  });
});
