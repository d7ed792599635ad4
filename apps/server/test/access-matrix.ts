/**
 * The access matrix: every route of the API × every role's representative demo account (and the anonymous caller)
 * → the status a representative, valid request gets. access-matrix.api.test.ts runs it, and fails when the OpenAPI
 * document has a route this table lacks: a new route must be added here, with a decision for every role.
 *
 * Record-level scope is part of it: GET /api/v1/projects/{id} asks for project 1 (中大银泰城), which gb01 (mentor on
 * project 4) and tianshui (天水街道; project 1 is in 东新街道) may not see → 404, while sg01 (its contractor) may.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { totpCode } from '../src/kernel/auth/totp.js';
import type { Client, TestApp } from './harness.js';
import { newId } from '../src/kernel/ids.js';
import { freshTotpCode, multipartFile, tinyPdf, uniq } from './factories.js';
import { defaultTemplateId, draftInspection, matrixTemplate, submittedInspection } from '../src/modules/safety/testing/matrix-fixtures.js';
import { agreementDraft, agreementVersion, disputeVersion, freshDispute, sharedDispute } from '../src/modules/mediation/testing/matrix-fixtures.js';
import { disputeBody } from '../src/modules/mediation/testing/dispute-fixtures.js';
import { matrixAppeal, matrixAppealAt, matrixPhoto, solvedChallengeFor } from '../src/modules/appeals/testing/matrix-fixtures.js';

export const callers = ['anonymous', 'admin', 'secadmin', 'auditor', 'leader', 'orgdept', 'zy01', 'gb01', 'zjj', 'tianshui', 'sg01'] as const;
export type Caller = (typeof callers)[number];
/** Expected statuses in the order of `callers`. */
export type Expect = readonly [number, number, number, number, number, number, number, number, number, number, number];
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Records the rows point at, made once per test app (access-matrix.api.test.ts builds them). */
export type MatrixIds = {
  /** The 26 demo projects by number - 1; project 1 is zy01's 中大银泰城. */
  projects: string[];
  project1: string;
  /** A project of the matrix's own, kept archived (so lists still show 26), with commissioner c1 or c2. */
  matrixProject: string;
  /** Two commissioners the matrix project is handed between. */
  c1: string;
  c2: string;
  /** A street handler appointed as street liaison and ended again (not a matrix caller). */
  liaison: string;
  /** A unit only the matrix edits. */
  unit: string;
  /** A user only the matrix edits, resets and unlocks. */
  user: string;
  /** A milestone of project 1 the matrix edits. */
  milestone: string;
  /** zy01's site log on project 1, with one photo. */
  siteLog: string;
  siteLogPhoto: string;
  /** An assistant appointed to project 1 under zy01, and one of their learning logs. */
  assistant: string;
  learningLog: string;
  /** 区住建局 (zjj's unit), where the matrix dispatches its cases. */
  zjjUnit: string;
  /** zy01's case on project 1, still submitted: what the merge row merges into. */
  openCase: string;
  /** zy01's case on project 1, dispatched to 区住建局. */
  dispatchedCase: string;
  /** The seeded temporary branch of project 1 (zy01 its secretary, sg01 a member). */
  branch: string;
  /** A scheduled meeting of that branch, minutes in draft; and one already held. */
  meeting: string;
  heldMeeting: string;
};

export type MatrixCtx = {
  t: TestApp;
  who: Caller;
  /** The caller's long-lived session (for `anonymous`: a client without cookie). */
  client: Client;
  /** Another caller's long-lived session, to prepare records the request needs. */
  as(who: Exclude<Caller, 'anonymous'>): Client;
  /** Another complete session of the caller (for `anonymous`: another anonymous client). */
  fresh(): Promise<Client>;
  /** The username and password the caller signs in with (`anonymous` borrows zy02's for the sign-in row). */
  username: string;
  password: string;
  ids: MatrixIds;
};

export type MatrixRow = {
  method: Method;
  /** As the OpenAPI document spells it ({id} for parameters). */
  path: string;
  expect: Expect;
  /** The request; by default `method path` with no body on the caller's session. */
  send?: (m: MatrixCtx) => Promise<LightMyRequestResponse>;
};

const req = (m: MatrixCtx, method: Method, url: string, payload?: unknown) =>
  m.client.request({ method, url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });

/** Turns TOTP on for the caller when it can (setup answers 200), leaving it on. */
async function enableTotp(m: MatrixCtx, c: Client): Promise<LightMyRequestResponse | null> {
  const setup = await c.get('/api/v1/session/totp/setup');
  if (setup.statusCode !== 200) return null;
  return c.post('/api/v1/session/totp/enable', { code: totpCode(setup.json().secret, m.t.clock.now()) });
}

/** Numbers for titles. */
let counter = 0;
let liaisonCounter = 0;
let periodCounter = 0;
/** A past month nobody has reported yet (one report per project and month; a future month is refused). */
const nextPeriod = () => {
  const n = periodCounter++;
  if (n >= 12 * 10) throw new Error('matrix set-up: out of report months');
  return `${2015 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
};
const version = async (m: MatrixCtx, table: 'projects' | 'milestones' | 'siteLogs' | 'learningLogs', id: string) =>
  (await m.t.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
const ok = (res: LightMyRequestResponse, status: number, what: string) => {
  if (res.statusCode !== status) throw new Error(`matrix set-up: ${what} answered ${res.statusCode} ${res.body}`);
  return res.json();
};

/** Archives or restores the matrix project through the organisation department, if it is not so already. */
async function ensureArchived(m: MatrixCtx, archived: boolean) {
  const row = await m.t.db.selectFrom('projects').select(['version', 'archivedAt']).where('id', '=', m.ids.matrixProject).executeTakeFirstOrThrow();
  if ((row.archivedAt !== null) === archived) return;
  ok(await m.as('orgdept').post(`/api/v1/projects/${m.ids.matrixProject}/${archived ? 'archive' : 'restore'}`, { version: row.version }), 200, 'archive/restore');
}

/** zy01 submits a progress report for project 1 in a fresh month: something to confirm or return. */
async function submittedReport(m: MatrixCtx) {
  const body = { period: nextPeriod(), percentDone: 50, investmentPeriod: 1000, narrative: '矩阵月报' };
  return ok(await m.as('zy01').post(`/api/v1/projects/${m.ids.project1}/progress-reports`, body), 201, 'progress report') as { id: string; version: number };
}

/** The organisation department appoints the liaison to the next project: something to end. */
async function liaisonAssignment(m: MatrixCtx) {
  const projectId = m.ids.projects[liaisonCounter++ % m.ids.projects.length]!;
  const body = { projectId, userId: m.ids.liaison, role: 'street_liaison', startDate: '2026-11-01' };
  return ok(await m.as('orgdept').post('/api/v1/assignments', body), 201, 'assignment') as { id: string };
}

/** The states the case rows need, each reached the way people reach it. */
type CaseState = 'submitted' | 'accepted' | 'assigned' | 'in_progress' | 'extension' | 'answered' | 'closed' | 'unsatisfied';

/** A new case by zy01 on project 1 (zy01 reports and dispatches), driven to `state`; handled by 区住建局 (zjj). */
export async function caseAt(m: Pick<MatrixCtx, 'as' | 'ids'>, state: CaseState): Promise<{ id: string }> {
  const zy01 = m.as('zy01');
  const zjj = m.as('zjj');
  const c = ok(await zy01.post('/api/v1/cases', { projectId: m.ids.project1, type: 'coordination', title: `矩阵工单 ${counter++}`, description: '施工围挡占用人行道' }), 201, 'case') as { id: string };
  const act = async (who: Client, action: string, body: object) => ok(await who.post(`/api/v1/cases/${c.id}/actions/${action}`, body), 200, `case ${action}`);
  const path: [CaseState, Client, string, object][] = [
    ['accepted', zy01, 'accept', {}],
    ['assigned', zy01, 'dispatch', { unitId: m.ids.zjjUnit }],
    ['in_progress', zjj, 'sign', {}],
    ...(state === 'extension' ? [['extension', zjj, 'request-extension', { days: 2, reason: '材料待补' }] as [CaseState, Client, string, object]] : []),
    ['answered', zjj, 'answer', { publicReply: '已协调施工单位整改' }],
    ['closed', zy01, 'verify', { accept: true }],
    ['unsatisfied', zy01, 'rate', { rating: 'unsatisfied' }],
  ];
  if (state === 'submitted') return c;
  for (const [reached, who, action, body] of path) {
    await act(who, action, body);
    if (reached === state) break;
  }
  return c;
}

/** A row for one case action: a fresh case in `state`, then the caller's request. */
const caseAction = (action: string, state: CaseState, expect: Expect, body: (m: MatrixCtx) => object): MatrixRow => ({
  method: 'POST', path: `/api/v1/cases/{id}/actions/${action}`, expect,
  send: async (m) => {
    const id = m.who === 'anonymous' ? 'some-case' : (await caseAt(m, state)).id;
    return req(m, 'POST', `/api/v1/cases/${id}/actions/${action}`, body(m));
  },
});

/** The organisation department registers a project (archived at once, so the lists keep their 26). */
async function freshProject(m: MatrixCtx, phase: 'construction' | 'completed' = 'construction') {
  const p = ok(await m.as('orgdept').post('/api/v1/projects', { code: uniq('MX-B'), name: '矩阵支部项目', category: '测试', address: '测试路3号', totalInvestment: 1_000_000, phase }), 201, 'project');
  ok(await m.as('orgdept').post(`/api/v1/projects/${p.id}/archive`, { version: p.version }), 200, 'archive');
  return p.id as string;
}

type MeetingView = { id: string; version: number; invitees: { id: string }[]; agenda: { id: string }[] };
/** The organisation department schedules a meeting of project 1's branch, inviting `userIds`, and takes it as far as `stage`. */
export async function meetingAt(m: Pick<MatrixCtx, 'as' | 'ids'>, stage: 'scheduled' | 'held' | 'circulated', userIds: string[]): Promise<MeetingView> {
  const orgdept = m.as('orgdept');
  let mt = ok(await orgdept.post('/api/v1/meetings', {
    branchId: m.ids.branch, type: 'deliberation', title: `矩阵议事会 ${counter++}`, startsAt: '2026-12-01T09:00:00+08:00', endsAt: '2026-12-01T11:00:00+08:00',
    place: '项目部会议室', inviteeUserIds: userIds, agenda: [{ title: '施工交通组织' }],
  }), 201, 'meeting') as MeetingView;
  if (stage === 'scheduled') return mt;
  mt = ok(await orgdept.post(`/api/v1/meetings/${mt.id}/attendance`, { version: mt.version, entries: mt.invitees.map((i) => ({ inviteeId: i.id, attendance: 'present' })) }), 200, 'attendance');
  if (stage === 'held') return mt;
  return ok(await orgdept.post(`/api/v1/meetings/${mt.id}/circulate`, { version: mt.version }), 200, 'circulate');
}
const userIdOf = async (m: MatrixCtx, username: string) => (await m.t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const meetingVersion = async (m: MatrixCtx, id: string) => (await m.t.db.selectFrom('meetings').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

/** A catalogue item of the matrix's own (so each call adds a new item), added to project 1's chain with 区住建局's agent. */
async function approvalOnProject1(m: MatrixCtx) {
  const item = ok(await m.as('orgdept').post('/api/v1/approval-items', { code: `MX${counter++}`, name: '矩阵审批事项', authority: '区住房和城乡建设局', statutoryDays: 5 }), 201, 'approval item');
  return ok(await m.as('orgdept').post(`/api/v1/projects/${m.ids.project1}/approvals`, { itemId: item.id, agentId: await userIdOf(m, 'zjj') }), 201, 'approval') as { id: string; version: number };
}
const approvalItemId = async (m: MatrixCtx, code: string) => (await m.t.db.selectFrom('approvalItems').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
/** zy01's enterprise need on project 1, dispatched at once to 区住建局. */
const needOnProject1 = async (m: MatrixCtx) => ok(await m.as('zy01').post('/api/v1/enterprise-needs', { projectId: m.ids.project1, needType: 'parking', title: `矩阵诉求 ${counter++}`, description: '车位不足', coordinatingUnitIds: [m.ids.zjjUnit], dispatch: true }), 201, 'need') as { id: string };

// prettier-ignore
export const accessMatrix: MatrixRow[] = [
  //                                                          anon admin secad audit leadr orgdp zy01 gb01  zjj  tians sg01
  { method: 'GET', path: '/healthz',                  expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'GET', path: '/readyz',                   expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'GET', path: '/metrics',                  expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'GET', path: '/api/v1/meta',              expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },

  // --- session (self-service: every signed-in role) ---
  { method: 'POST', path: '/api/v1/session',          expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: (m) => m.t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: m.username, password: m.password } }) },
  { method: 'GET', path: '/api/v1/session',           expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'DELETE', path: '/api/v1/session',        expect: [401, 204, 204, 204, 204, 204, 204, 204, 204, 204, 204],
    send: async (m) => (await m.fresh()).delete('/api/v1/session') },
  // The second-factor code step: the admin roles sign in anew and enter their code; the others have no code to enter.
  { method: 'POST', path: '/api/v1/session/totp',     expect: [401, 200, 200, 200, 409, 409, 409, 409, 409, 409, 409],
    send: async (m) => {
      if (!['admin', 'secadmin', 'auditor'].includes(m.who)) return req(m, 'POST', '/api/v1/session/totp', { code: '123456' });
      const res = await m.t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: m.username, password: m.password } });
      const code = await freshTotpCode(m.t, m.username);
      return m.t.app.inject({ method: 'POST', url: '/api/v1/session/totp', payload: { code },
        headers: { cookie: `liaison_session=${res.cookies.find((c) => c.name === 'liaison_session')!.value}`, 'x-csrf-token': res.json().csrfToken } });
    } },
  // Optional TOTP for everyone; the admin roles already have it (409) and may not turn it off (422).
  { method: 'GET', path: '/api/v1/session/totp/setup', expect: [401, 409, 409, 409, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'POST', path: '/api/v1/session/totp/enable', expect: [401, 409, 409, 409, 200, 200, 200, 200, 200, 200, 200],
    send: async (m) => {
      const res = (await enableTotp(m, m.client)) ?? (await req(m, 'POST', '/api/v1/session/totp/enable', { code: '000000' }));
      if (res.statusCode === 200) await m.client.delete('/api/v1/session/totp', { password: m.password });
      return res;
    } },
  { method: 'DELETE', path: '/api/v1/session/totp',   expect: [401, 422, 422, 422, 204, 204, 204, 204, 204, 204, 204],
    send: async (m) => {
      await enableTotp(m, m.client);
      return req(m, 'DELETE', '/api/v1/session/totp', { password: m.password });
    } },
  // Changes the password and back again, so the caller keeps signing in with its own.
  { method: 'POST', path: '/api/v1/session/password', expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: async (m) => {
      const temp = 'Matrix#Temp-2026x';
      const res = await req(m, 'POST', '/api/v1/session/password', { currentPassword: m.password, newPassword: temp });
      if (res.statusCode === 200) {
        const back = await req(m, 'POST', '/api/v1/session/password', { currentPassword: temp, newPassword: m.password });
        if (back.statusCode !== 200) throw new Error(`could not restore ${m.username}'s password: ${back.body}`);
      }
      return res;
    } },
  { method: 'GET', path: '/api/v1/sessions',          expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'DELETE', path: '/api/v1/sessions/{id}',  expect: [401, 204, 204, 204, 204, 204, 204, 204, 204, 204, 204],
    send: async (m) => {
      if (m.who === 'anonymous') return req(m, 'DELETE', '/api/v1/sessions/abc');
      await m.fresh();
      const mine = (await m.client.get('/api/v1/sessions')).json() as { id: string; current: boolean }[];
      const other = mine.find((s) => !s.current);
      if (!other) throw new Error(`${m.who} has no other session`);
      return req(m, 'DELETE', `/api/v1/sessions/${other.id}`);
    } },

  // --- users: the system admin only (三员分立: not the security admin, not the auditor) ---
  { method: 'GET', path: '/api/v1/users',             expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403] },
  { method: 'POST', path: '/api/v1/users',            expect: [401, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    send: (m) => req(m, 'POST', '/api/v1/users', { username: uniq('mx'), displayName: '矩阵用户', roles: ['leader'], password: 'Matrix#User-2026x' }) },
  { method: 'GET', path: '/api/v1/users/{id}',        expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    send: (m) => req(m, 'GET', `/api/v1/users/${m.ids.user}`) },
  { method: 'PATCH', path: '/api/v1/users/{id}',      expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    send: async (m) => {
      const { version } = await m.t.db.selectFrom('users').select('version').where('id', '=', m.ids.user).executeTakeFirstOrThrow();
      return req(m, 'PATCH', `/api/v1/users/${m.ids.user}`, { version, displayName: `矩阵 ${m.who}` });
    } },
  { method: 'POST', path: '/api/v1/users/{id}/password', expect: [401, 204, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    send: (m) => req(m, 'POST', `/api/v1/users/${m.ids.user}/password`, { password: 'Matrix#Reset-2026x' }) },
  { method: 'POST', path: '/api/v1/users/{id}/unlock', expect: [401, 204, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    send: (m) => req(m, 'POST', `/api/v1/users/${m.ids.user}/unlock`) },

  // --- units: everyone who works with records reads them; the system admin edits them ---
  { method: 'GET', path: '/api/v1/units',             expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'POST', path: '/api/v1/units',            expect: [401, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    send: (m) => req(m, 'POST', '/api/v1/units', { code: uniq('MX'), name: '矩阵单位', kind: 'enterprise' }) },
  { method: 'GET', path: '/api/v1/units/{id}',        expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200],
    send: (m) => req(m, 'GET', `/api/v1/units/${m.ids.unit}`) },
  { method: 'PATCH', path: '/api/v1/units/{id}',      expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    send: async (m) => {
      const { version } = await m.t.db.selectFrom('units').select('version').where('id', '=', m.ids.unit).executeTakeFirstOrThrow();
      return req(m, 'PATCH', `/api/v1/units/${m.ids.unit}`, { version, name: `矩阵单位 ${m.who}` });
    } },

  // --- API tokens: roles that integrate (not the audit roles, assistants or enterprise contacts) ---
  { method: 'GET', path: '/api/v1/tokens',            expect: [401, 200, 403, 403, 200, 200, 200, 403, 200, 200, 403] },
  { method: 'POST', path: '/api/v1/tokens',           expect: [401, 201, 403, 403, 201, 201, 201, 403, 201, 201, 403],
    send: (m) => req(m, 'POST', '/api/v1/tokens', { name: `matrix ${m.who}` }) },
  { method: 'DELETE', path: '/api/v1/tokens/{id}',    expect: [401, 204, 403, 403, 204, 204, 204, 403, 204, 204, 403],
    send: async (m) => {
      const made = await req(m, 'POST', '/api/v1/tokens', { name: `matrix ${m.who}` });
      return req(m, 'DELETE', `/api/v1/tokens/${made.statusCode === 201 ? made.json().id : 'no-such-token'}`);
    } },

  // --- projects: read by everyone but the audit roles (scoped per record); exported by the working roles ---
  //                                                          anon admin secad audit leadr orgdp zy01 gb01  zjj  tians sg01
  { method: 'GET', path: '/api/v1/projects',          expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'GET', path: '/api/v1/projects.geojson',  expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'GET', path: '/api/v1/projects/export',   expect: [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 403],
    send: (m) => req(m, 'GET', '/api/v1/projects/export?format=csv') },
  { method: 'GET', path: '/api/v1/projects/{id}',     expect: [401, 200, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: (m) => req(m, 'GET', `/api/v1/projects/${m.ids.project1}`) },
  // The registry: the organisation department; a commissioner may change the hours and impact notice of their own project.
  { method: 'GET', path: '/api/v1/projects/import/template', expect: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403] },
  { method: 'POST', path: '/api/v1/projects/import',  expect: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403],
    send: async (m) => {
      const template = (await m.as('orgdept').get('/api/v1/projects/import/template')).rawPayload;
      const { payload, headers } = multipartFile(template, 'projects.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return m.client.request({ method: 'POST', url: '/api/v1/projects/import?dryRun=true', payload, headers });
    } },
  { method: 'POST', path: '/api/v1/projects',         expect: [401, 403, 403, 403, 403, 201, 403, 403, 403, 403, 403],
    send: async (m) => {
      const res = await req(m, 'POST', '/api/v1/projects', { code: uniq('MX-P'), name: '矩阵新项目', category: '测试', address: '测试路1号', totalInvestment: 1_000_000 });
      // Archived at once, so that the lists keep showing the 26 demo projects.
      if (res.statusCode === 201) ok(await m.as('orgdept').post(`/api/v1/projects/${res.json().id}/archive`, { version: res.json().version }), 200, 'archive');
      return res;
    } },
  { method: 'PATCH', path: '/api/v1/projects/{id}',   expect: [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 403],
    send: async (m) => req(m, 'PATCH', `/api/v1/projects/${m.ids.project1}`, { version: await version(m, 'projects', m.ids.project1), constructionHours: `07:00-19:00 (${m.who})` }) },
  { method: 'POST', path: '/api/v1/projects/{id}/archive', expect: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403],
    send: async (m) => {
      await ensureArchived(m, false);
      const res = await req(m, 'POST', `/api/v1/projects/${m.ids.matrixProject}/archive`, { version: await version(m, 'projects', m.ids.matrixProject) });
      await ensureArchived(m, true);
      return res;
    } },
  { method: 'POST', path: '/api/v1/projects/{id}/restore', expect: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403],
    send: async (m) => {
      await ensureArchived(m, true);
      const res = await req(m, 'POST', `/api/v1/projects/${m.ids.matrixProject}/restore`, { version: await version(m, 'projects', m.ids.matrixProject) });
      await ensureArchived(m, true);
      return res;
    } },
  // Milestones and progress reports of project 1: visible to whoever sees the project (else 404; the audit roles 403); kept by its
  // commissioner and the organisation department; reported by the commissioner (sg01 is the contractor, not the owner).
  { method: 'GET', path: '/api/v1/projects/{id}/milestones', expect: [401, 200, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: (m) => req(m, 'GET', `/api/v1/projects/${m.ids.project1}/milestones`) },
  { method: 'POST', path: '/api/v1/projects/{id}/milestones', expect: [401, 403, 403, 403, 403, 201, 201, 404, 403, 404, 403],
    send: (m) => req(m, 'POST', `/api/v1/projects/${m.ids.project1}/milestones`, { name: `矩阵节点 ${m.who}`, plannedDate: '2027-01-31' }) },
  { method: 'PATCH', path: '/api/v1/projects/{id}/milestones/{milestoneId}', expect: [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 403],
    send: async (m) => req(m, 'PATCH', `/api/v1/projects/${m.ids.project1}/milestones/${m.ids.milestone}`, { version: await version(m, 'milestones', m.ids.milestone), note: m.who }) },
  { method: 'DELETE', path: '/api/v1/projects/{id}/milestones/{milestoneId}', expect: [401, 403, 403, 403, 403, 204, 204, 404, 403, 404, 403],
    send: async (m) => {
      const made = ok(await m.as('orgdept').post(`/api/v1/projects/${m.ids.project1}/milestones`, { name: '待删节点', plannedDate: '2027-02-28' }), 201, 'milestone');
      return req(m, 'DELETE', `/api/v1/projects/${m.ids.project1}/milestones/${made.id}`);
    } },
  { method: 'GET', path: '/api/v1/projects/{id}/progress-reports', expect: [401, 200, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: (m) => req(m, 'GET', `/api/v1/projects/${m.ids.project1}/progress-reports`) },
  { method: 'POST', path: '/api/v1/projects/{id}/progress-reports', expect: [401, 403, 403, 403, 403, 403, 201, 404, 403, 404, 403],
    send: (m) => req(m, 'POST', `/api/v1/projects/${m.ids.project1}/progress-reports`, { period: nextPeriod(), percentDone: 40, investmentPeriod: 500, narrative: `矩阵 ${m.who}` }) },
  { method: 'POST', path: '/api/v1/projects/{id}/progress-reports/{reportId}/confirm', expect: [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 403],
    send: async (m) => {
      const r = await submittedReport(m);
      return req(m, 'POST', `/api/v1/projects/${m.ids.project1}/progress-reports/${r.id}/confirm`, { version: r.version });
    } },
  { method: 'POST', path: '/api/v1/projects/{id}/progress-reports/{reportId}/return', expect: [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 403],
    send: async (m) => {
      const r = await submittedReport(m);
      return req(m, 'POST', `/api/v1/projects/${m.ids.project1}/progress-reports/${r.id}/return`, { version: r.version, reason: '数据不全' });
    } },

  // --- people: appointments by the organisation department; read by leaders, the department, commissioners, assistants ---
  { method: 'GET', path: '/api/v1/assignments',       expect: [401, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403] },
  { method: 'POST', path: '/api/v1/assignments',      expect: [401, 403, 403, 403, 403, 201, 403, 403, 403, 403, 403],
    send: (m) => req(m, 'POST', '/api/v1/assignments', { projectId: m.ids.projects[liaisonCounter++ % m.ids.projects.length], userId: m.ids.liaison, role: 'street_liaison', startDate: '2026-11-01' }) },
  { method: 'POST', path: '/api/v1/assignments/{id}/end', expect: [401, 403, 403, 403, 403, 204, 403, 403, 403, 403, 403],
    send: async (m) => req(m, 'POST', `/api/v1/assignments/${(await liaisonAssignment(m)).id}/end`, { endDate: '2026-11-20' }) },
  { method: 'POST', path: '/api/v1/projects/{id}/handover', expect: [401, 403, 403, 403, 403, 201, 403, 403, 403, 403, 403],
    send: async (m) => {
      const current = await m.t.db.selectFrom('assignments').select('userId').where('projectId', '=', m.ids.matrixProject).where('role', '=', 'commissioner').where('active', '=', 1).executeTakeFirstOrThrow();
      return req(m, 'POST', `/api/v1/projects/${m.ids.matrixProject}/handover`, { toUserId: current.userId === m.ids.c1 ? m.ids.c2 : m.ids.c1, date: '2026-11-26' });
    } },
  { method: 'GET', path: '/api/v1/projects/{id}/handovers', expect: [401, 403, 403, 403, 200, 200, 200, 404, 403, 403, 403],
    send: (m) => req(m, 'GET', `/api/v1/projects/${m.ids.project1}/handovers`) },
  // The staff directory: every staff role may look people up (unit.read); the audit roles may not.
  { method: 'GET', path: '/api/v1/directory', expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200],
    send: (m) => req(m, 'GET', '/api/v1/directory?q=zy&role=commissioner') },
  { method: 'GET', path: '/api/v1/commissioners',     expect: [401, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403] },
  // Learning logs: written by assistants, commented and evaluated by their mentor (zy01 mentors the matrix's assistant).
  { method: 'GET', path: '/api/v1/learning-logs',     expect: [401, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403] },
  { method: 'POST', path: '/api/v1/learning-logs',    expect: [401, 403, 403, 403, 403, 403, 403, 201, 403, 403, 403],
    send: (m) => req(m, 'POST', '/api/v1/learning-logs', { date: '2026-11-25', activities: '跟随专员协调', learned: '矩阵所学' }) },
  { method: 'POST', path: '/api/v1/learning-logs/{id}/comment', expect: [401, 403, 403, 403, 403, 403, 204, 403, 403, 403, 403],
    send: async (m) => req(m, 'POST', `/api/v1/learning-logs/${m.ids.learningLog}/comment`, { version: await version(m, 'learningLogs', m.ids.learningLog), comment: `点评 ${m.who}` }) },
  { method: 'GET', path: '/api/v1/evaluations',       expect: [401, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403] },
  { method: 'POST', path: '/api/v1/evaluations',      expect: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403, 403],
    send: (m) => req(m, 'POST', '/api/v1/evaluations', { assistantId: m.ids.assistant, termEnd: '2026-11-30', rating: 'good', comment: `矩阵评价 ${m.who}` }) },

  // --- site logs: kept by the project's commissioner and assistants, read by leaders and the organisation department ---
  { method: 'GET', path: '/api/v1/site-logs',         expect: [401, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403] },
  { method: 'POST', path: '/api/v1/site-logs',        expect: [401, 403, 403, 403, 403, 403, 201, 403, 403, 403, 403],
    send: (m) => req(m, 'POST', '/api/v1/site-logs', { projectId: m.ids.project1, date: '2026-11-25', duties: ['liaison'], done: `矩阵驻点 ${m.who}` }) },
  { method: 'GET', path: '/api/v1/site-logs/{id}',    expect: [401, 403, 403, 403, 200, 200, 200, 404, 403, 403, 403],
    send: (m) => req(m, 'GET', `/api/v1/site-logs/${m.ids.siteLog}`) },
  { method: 'PATCH', path: '/api/v1/site-logs/{id}',  expect: [401, 403, 403, 403, 403, 403, 200, 404, 403, 403, 403],
    send: async (m) => req(m, 'PATCH', `/api/v1/site-logs/${m.ids.siteLog}`, { version: await version(m, 'siteLogs', m.ids.siteLog), weather: m.who }) },
  { method: 'POST', path: '/api/v1/site-logs/{id}/problems', expect: [401, 403, 403, 403, 403, 403, 201, 404, 403, 403, 403],
    send: (m) => req(m, 'POST', `/api/v1/site-logs/${m.ids.siteLog}/problems`, { title: `矩阵问题 ${m.who}`, description: '围挡破损' }) },

  // --- files: every staff role uploads; a file is read by its owner and by whoever may see its record ---
  { method: 'POST', path: '/api/v1/files',            expect: [401, 201, 403, 403, 201, 201, 201, 201, 201, 201, 201],
    send: (m) => m.client.request({ method: 'POST', url: '/api/v1/files', ...multipartFile(tinyPdf(), '矩阵.pdf', 'application/pdf') }) },
  { method: 'GET', path: '/api/v1/files/{id}',        expect: [401, 404, 404, 404, 200, 200, 200, 404, 404, 404, 404],
    send: (m) => req(m, 'GET', `/api/v1/files/${m.ids.siteLogPhoto}`) },

  // --- notifications: everyone's own inbox ---
  { method: 'GET', path: '/api/v1/notifications',     expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'GET', path: '/api/v1/notifications/unread-count', expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'POST', path: '/api/v1/notifications/{id}/read', expect: [401, 204, 204, 204, 204, 204, 204, 204, 204, 204, 204],
    send: async (m) => {
      if (m.who === 'anonymous') return req(m, 'POST', '/api/v1/notifications/some-id/read');
      const me = await m.t.db.selectFrom('users').select('id').where('username', '=', m.username).executeTakeFirstOrThrow();
      const id = newId();
      await m.t.db.insertInto('notifications').values({ id, userId: me.id, kind: 'matrix', title: '矩阵通知', body: null, link: null, entityType: null, entityId: null, createdAt: m.t.clock.now().getTime(), readAt: null, emailState: null }).execute();
      return req(m, 'POST', `/api/v1/notifications/${id}/read`);
    } },
  { method: 'POST', path: '/api/v1/notifications/read-all', expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },

  // --- cases: raised by the working roles on projects they see; zy01's case on project 1 is seen by leaders, the
  // organisation department, zy01 and (once dispatched) 区住建局; gb01, tianshui and sg01 get 404, the admin roles 403.
  //                                                          anon admin secad audit leadr orgdp zy01 gb01  zjj  tians sg01
  { method: 'GET', path: '/api/v1/cases',             expect: [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  // A project the caller cannot see is "unknown" (400 at projectId) when raising a case on it.
  { method: 'POST', path: '/api/v1/cases',            expect: [401, 403, 403, 403, 403, 201, 201, 400, 201, 400, 201],
    send: (m) => req(m, 'POST', '/api/v1/cases', { projectId: m.ids.project1, type: 'enterprise', title: `矩阵诉求 ${m.who}`, description: '车位不足' }) },
  { method: 'GET', path: '/api/v1/cases/export',      expect: [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 403],
    send: (m) => req(m, 'GET', '/api/v1/cases/export?format=csv') },
  { method: 'GET', path: '/api/v1/cases/similar',     expect: [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200],
    send: (m) => req(m, 'GET', `/api/v1/cases/similar?projectId=${m.ids.project1}&title=${encodeURIComponent('矩阵工单')}`) },
  // Per-case refusals come back item by item (200); a caller who may not read cases at all is refused (403).
  { method: 'POST', path: '/api/v1/cases/bulk-dispatch', expect: [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200],
    send: async (m) => {
      const id = m.who === 'anonymous' ? 'some-case' : (await caseAt(m, 'accepted')).id;
      return req(m, 'POST', '/api/v1/cases/bulk-dispatch', { caseIds: [id], unitId: m.ids.zjjUnit });
    } },
  { method: 'GET', path: '/api/v1/cases/{id}',        expect: [401, 403, 403, 403, 200, 200, 200, 404, 200, 404, 404],
    send: (m) => req(m, 'GET', `/api/v1/cases/${m.ids.dispatchedCase}`) },
  { method: 'GET', path: '/api/v1/cases/{id}/events', expect: [401, 403, 403, 403, 200, 200, 200, 404, 200, 404, 404],
    send: (m) => req(m, 'GET', `/api/v1/cases/${m.ids.dispatchedCase}/events`) },
  // The lifecycle: dispatcher (orgdept, zy01), handler (zjj), reporter (zy01), leader; 403 for a relation that may never act.
  caseAction('accept', 'submitted',           [401, 403, 403, 403, 403, 200, 200, 404, 404, 404, 404], () => ({})),
  caseAction('reject', 'submitted',           [401, 403, 403, 403, 403, 200, 200, 404, 404, 404, 404], () => ({ reason: '不属于受理范围' })),
  caseAction('dispatch', 'accepted',          [401, 403, 403, 403, 403, 200, 200, 404, 404, 404, 404], (m) => ({ unitId: m.ids.zjjUnit })),
  caseAction('sign', 'assigned',              [401, 403, 403, 403, 403, 403, 403, 404, 200, 404, 404], () => ({})),
  caseAction('return', 'assigned',            [401, 403, 403, 403, 403, 403, 403, 404, 200, 404, 404], () => ({ reasonCode: 'territory', reason: '不属于本单位职责' })),
  caseAction('request-extension', 'in_progress', [401, 403, 403, 403, 403, 403, 403, 404, 200, 404, 404], () => ({ days: 3, reason: '需要协调市级部门' })),
  caseAction('decide-extension', 'extension', [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 404], () => ({ approve: true })),
  caseAction('answer', 'in_progress',         [401, 403, 403, 403, 403, 403, 403, 404, 200, 404, 404], () => ({ publicReply: '已处理完毕' })),
  caseAction('verify', 'answered',            [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 404], () => ({ accept: true })),
  caseAction('reopen', 'unsatisfied',         [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 404], () => ({ reason: '问题仍未解决' })),
  caseAction('rate', 'closed',                [401, 403, 403, 403, 403, 403, 200, 404, 403, 404, 404], () => ({ rating: 'satisfied' })),
  caseAction('comment', 'assigned',           [401, 403, 403, 403, 200, 200, 200, 404, 200, 404, 404], () => ({ text: '请尽快处理' })),
  caseAction('escalate', 'assigned',          [401, 403, 403, 403, 200, 200, 200, 404, 403, 404, 404], () => ({ reason: '进展缓慢' })),
  caseAction('withdraw', 'assigned',          [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 404], () => ({ reason: '已自行解决' })),
  caseAction('merge', 'assigned',             [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 404], (m) => ({ intoCaseId: m.ids.openCase, reason: '重复诉求' })),
  // Time limits: read with the cases, set by the organisation department and the system admin.
  { method: 'GET', path: '/api/v1/case-limits',       expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'PUT', path: '/api/v1/case-limits',       expect: [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403],
    send: (m) => req(m, 'PUT', '/api/v1/case-limits', { items: [{ type: 'coordination', priority: 'normal', days: 15 }] }) },

  // --- the working calendar: everyone reads it, the system admin keeps it (dates in 2040, far from any deadline) ---
  { method: 'GET', path: '/api/v1/calendar/days',     expect: [401, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: (m) => req(m, 'GET', '/api/v1/calendar/days?year=2026') },
  { method: 'PUT', path: '/api/v1/calendar/days',     expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    send: (m) => req(m, 'PUT', '/api/v1/calendar/days', { days: [{ date: '2040-05-01', kind: 'holiday', name: '劳动节' }] }) },
  { method: 'PUT', path: '/api/v1/calendar/days/{date}', expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    send: (m) => req(m, 'PUT', '/api/v1/calendar/days/2040-10-01', { kind: 'holiday', name: '国庆节' }) },
  { method: 'DELETE', path: '/api/v1/calendar/days/{date}', expect: [401, 204, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    send: async (m) => {
      ok(await m.as('admin').request({ method: 'PUT', url: '/api/v1/calendar/days/2040-12-24', payload: { kind: 'workday', name: '调休上班' } }), 200, 'calendar day');
      return req(m, 'DELETE', '/api/v1/calendar/days/2040-12-24');
    } },

  // --- temporary branches and their meetings: read by all staff on projects they see; set up by the organisation
  // department; meetings run by it, the project's commissioner or the branch secretary (zy01 is both on project 1) ---
  //                                                          anon admin secad audit leadr orgdp zy01 gb01  zjj  tians sg01
  { method: 'GET', path: '/api/v1/branches',          expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'POST', path: '/api/v1/branches',         expect: [401, 403, 403, 403, 403, 201, 403, 403, 403, 403, 403],
    send: async (m) => req(m, 'POST', '/api/v1/branches', { projectId: m.who === 'anonymous' ? 'x' : await freshProject(m), name: '矩阵临时党支部', foundedOn: '2026-11-01', approvalDocNo: '下组〔2026〕99号' }) },
  { method: 'GET', path: '/api/v1/branches/figures',  expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'GET', path: '/api/v1/branches/{id}',     expect: [401, 200, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: (m) => req(m, 'GET', `/api/v1/branches/${m.ids.branch}`) },
  { method: 'GET', path: '/api/v1/branches/{id}/figures', expect: [401, 200, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: (m) => req(m, 'GET', `/api/v1/branches/${m.ids.branch}/figures`) },
  { method: 'POST', path: '/api/v1/branches/{id}/close', expect: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403],
    send: async (m) => {
      if (m.who === 'anonymous') return req(m, 'POST', '/api/v1/branches/x/close', { version: 1, closedOn: '2026-11-26' });
      const b = ok(await m.as('orgdept').post('/api/v1/branches', { projectId: await freshProject(m, 'completed'), name: '待撤销支部', foundedOn: '2026-01-01', approvalDocNo: '下组〔2026〕98号' }), 201, 'branch');
      return req(m, 'POST', `/api/v1/branches/${b.id}/close`, { version: b.version, closedOn: '2026-11-26' });
    } },
  { method: 'GET', path: '/api/v1/branches/{id}/members', expect: [401, 200, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: (m) => req(m, 'GET', `/api/v1/branches/${m.ids.branch}/members`) },
  { method: 'POST', path: '/api/v1/branches/{id}/members', expect: [401, 403, 403, 403, 403, 201, 403, 403, 403, 403, 403],
    send: (m) => req(m, 'POST', `/api/v1/branches/${m.ids.branch}/members`, { name: `社区代表 ${m.who}`, unitName: '东新园社区', side: 'community', isPartyMember: true, joinedOn: '2026-11-01' }) },
  { method: 'POST', path: '/api/v1/branches/{id}/members/{memberId}/leave', expect: [401, 403, 403, 403, 403, 204, 403, 403, 403, 403, 403],
    send: async (m) => {
      const member = ok(await m.as('orgdept').post(`/api/v1/branches/${m.ids.branch}/members`, { name: '临时成员', unitName: '东新园社区', side: 'community', isPartyMember: false, joinedOn: '2026-11-01' }), 201, 'member');
      return req(m, 'POST', `/api/v1/branches/${m.ids.branch}/members/${member.id}/leave`, { leftOn: '2026-11-26' });
    } },
  { method: 'GET', path: '/api/v1/meetings',          expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'POST', path: '/api/v1/meetings',         expect: [401, 403, 403, 403, 403, 201, 201, 404, 403, 404, 403],
    send: (m) => req(m, 'POST', '/api/v1/meetings', { branchId: m.ids.branch, type: 'committee', title: `矩阵支委会 ${m.who}`, startsAt: '2026-12-02T14:00:00+08:00', endsAt: '2026-12-02T15:00:00+08:00', place: '项目部' }) },
  // The feed is reached with its token alone (public): zy01 issues a fresh one each time (a new token replaces the old).
  { method: 'GET', path: '/api/v1/meetings.ics',      expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: async (m) => {
      const { token } = ok(await m.as('zy01').post('/api/v1/meetings/calendar-token'), 201, 'calendar token');
      return req(m, 'GET', `/api/v1/meetings.ics?token=${encodeURIComponent(token)}`);
    } },
  { method: 'POST', path: '/api/v1/meetings/calendar-token', expect: [401, 201, 403, 403, 201, 201, 201, 201, 201, 201, 201] },
  { method: 'GET', path: '/api/v1/meetings/{id}',     expect: [401, 200, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: (m) => req(m, 'GET', `/api/v1/meetings/${m.ids.meeting}`) },
  { method: 'PATCH', path: '/api/v1/meetings/{id}',   expect: [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 403],
    send: async (m) => req(m, 'PATCH', `/api/v1/meetings/${m.ids.meeting}`, { version: await meetingVersion(m, m.ids.meeting), title: `矩阵议事会（${m.who}）` }) },
  { method: 'POST', path: '/api/v1/meetings/{id}/attendance', expect: [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 403],
    send: async (m) => {
      const mt = await meetingAt(m, 'scheduled', [await userIdOf(m, 'leader')]);
      return req(m, 'POST', `/api/v1/meetings/${mt.id}/attendance`, { version: mt.version, entries: [{ inviteeId: mt.invitees[0]!.id, attendance: 'leave', leaveReason: '出差' }] });
    } },
  { method: 'POST', path: '/api/v1/meetings/{id}/minutes', expect: [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 403],
    send: async (m) => {
      const agenda = await m.t.db.selectFrom('agendaItems').select('id').where('meetingId', '=', m.ids.meeting).executeTakeFirstOrThrow();
      return req(m, 'POST', `/api/v1/meetings/${m.ids.meeting}/minutes`, { version: await meetingVersion(m, m.ids.meeting), items: [{ agendaItemId: agenda.id, minutes: `记录 ${m.who}` }] });
    } },
  { method: 'GET', path: '/api/v1/meetings/{id}/resolutions', expect: [401, 200, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: (m) => req(m, 'GET', `/api/v1/meetings/${m.ids.meeting}/resolutions`) },
  { method: 'POST', path: '/api/v1/meetings/{id}/resolutions', expect: [401, 403, 403, 403, 403, 201, 201, 404, 403, 404, 403],
    send: async (m) => req(m, 'POST', `/api/v1/meetings/${m.ids.meeting}/resolutions`, { version: await meetingVersion(m, m.ids.meeting), text: `知悉事项 ${m.who}`, needsAction: false }) },
  { method: 'POST', path: '/api/v1/meetings/{id}/circulate', expect: [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 403],
    send: async (m) => {
      const mt = await meetingAt(m, 'held', [await userIdOf(m, 'leader')]);
      return req(m, 'POST', `/api/v1/meetings/${mt.id}/circulate`, { version: mt.version });
    } },
  { method: 'POST', path: '/api/v1/meetings/{id}/finalize', expect: [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 403],
    send: async (m) => {
      const mt = await meetingAt(m, 'circulated', [await userIdOf(m, 'leader')]);
      return req(m, 'POST', `/api/v1/meetings/${mt.id}/finalize`, { version: mt.version });
    } },
  // Each caller is invited to the meeting whose minutes it confirms: an invitee sees the meeting even off their projects.
  { method: 'POST', path: '/api/v1/meetings/{id}/confirm', expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200],
    send: async (m) => {
      const id = m.who === 'anonymous' ? 'some-meeting' : (await meetingAt(m, 'circulated', [await userIdOf(m, m.username)])).id;
      return req(m, 'POST', `/api/v1/meetings/${id}/confirm`, { decision: 'confirmed' });
    } },
  { method: 'GET', path: '/api/v1/meetings/{id}/minutes/export', expect: [401, 200, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: (m) => req(m, 'GET', `/api/v1/meetings/${m.ids.heldMeeting}/minutes/export?format=docx`) },

  // --- approval agency: the catalogue read by all staff, kept by the system admin and the organisation department; a
  // project's chain kept by its commissioner (and the organisation department), items moved by their agent (zjj) ---
  //                                                          anon admin secad audit leadr orgdp zy01 gb01  zjj  tians sg01
  { method: 'GET', path: '/api/v1/approval-items',    expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'POST', path: '/api/v1/approval-items',   expect: [401, 201, 403, 403, 403, 201, 403, 403, 403, 403, 403],
    send: (m) => req(m, 'POST', '/api/v1/approval-items', { code: `MX${counter++}`, name: '矩阵事项', authority: '区城管局', statutoryDays: 3 }) },
  { method: 'GET', path: '/api/v1/approval-items/{id}', expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200],
    send: async (m) => req(m, 'GET', `/api/v1/approval-items/${await approvalItemId(m, 'SGXK')}`) },
  { method: 'PATCH', path: '/api/v1/approval-items/{id}', expect: [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403],
    send: async (m) => {
      const item = ok(await m.as('orgdept').post('/api/v1/approval-items', { code: `MX${counter++}`, name: '矩阵事项', authority: '区城管局', statutoryDays: 3 }), 201, 'approval item');
      return req(m, 'PATCH', `/api/v1/approval-items/${item.id}`, { version: item.version, statutoryDays: 4 });
    } },
  { method: 'DELETE', path: '/api/v1/approval-items/{id}', expect: [401, 204, 403, 403, 403, 204, 403, 403, 403, 403, 403],
    send: async (m) => req(m, 'DELETE', `/api/v1/approval-items/${ok(await m.as('orgdept').post('/api/v1/approval-items', { code: `MX${counter++}`, name: '待删事项', authority: '区城管局', statutoryDays: 3 }), 201, 'approval item').id}`) },
  { method: 'GET', path: '/api/v1/approval-templates', expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'PUT', path: '/api/v1/approval-templates/{category}', expect: [401, 200, 403, 403, 403, 200, 403, 403, 403, 403, 403],
    send: async (m) => req(m, 'PUT', `/api/v1/approval-templates/${encodeURIComponent('矩阵类别')}`, { itemIds: [await approvalItemId(m, 'SGXK')] }) },
  { method: 'GET', path: '/api/v1/projects/{id}/approvals', expect: [401, 200, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: (m) => req(m, 'GET', `/api/v1/projects/${m.ids.project1}/approvals`) },
  // A project of its own, without a chain (archived afterwards so the lists keep their 26): zy01 is not its commissioner.
  { method: 'POST', path: '/api/v1/projects/{id}/approvals/from-template', expect: [401, 403, 403, 403, 403, 201, 404, 404, 403, 404, 404],
    send: async (m) => {
      const p = ok(await m.as('orgdept').post('/api/v1/projects', { code: uniq('MX-A'), name: '矩阵审批项目', category: '商务楼宇', address: '测试路4号', totalInvestment: 1_000_000 }), 201, 'project');
      const res = await req(m, 'POST', `/api/v1/projects/${p.id}/approvals/from-template`, {});
      ok(await m.as('orgdept').post(`/api/v1/projects/${p.id}/archive`, { version: p.version }), 200, 'archive');
      return res;
    } },
  { method: 'POST', path: '/api/v1/projects/{id}/approvals', expect: [401, 403, 403, 403, 403, 201, 201, 404, 403, 404, 403],
    send: async (m) => {
      const item = ok(await m.as('orgdept').post('/api/v1/approval-items', { code: `MX${counter++}`, name: '矩阵事项', authority: '区城管局', statutoryDays: 3 }), 201, 'approval item');
      return req(m, 'POST', `/api/v1/projects/${m.ids.project1}/approvals`, { itemId: item.id });
    } },
  { method: 'POST', path: '/api/v1/projects/{id}/approvals/reorder', expect: [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 403],
    send: async (m) => {
      const rows = await m.t.db.selectFrom('projectApprovals').select('id').where('projectId', '=', m.ids.project1).orderBy('position').execute();
      return req(m, 'POST', `/api/v1/projects/${m.ids.project1}/approvals/reorder`, { ids: rows.map((r) => r.id) });
    } },
  { method: 'GET', path: '/api/v1/projects/{id}/approvals/{itemId}', expect: [401, 200, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: async (m) => req(m, 'GET', `/api/v1/projects/${m.ids.project1}/approvals/${(await approvalOnProject1(m)).id}`) },
  { method: 'PATCH', path: '/api/v1/projects/{id}/approvals/{itemId}', expect: [401, 403, 403, 403, 403, 200, 200, 404, 200, 404, 403],
    send: async (m) => {
      const a = await approvalOnProject1(m);
      return req(m, 'PATCH', `/api/v1/projects/${m.ids.project1}/approvals/${a.id}`, { version: a.version, status: 'preparing' });
    } },
  { method: 'DELETE', path: '/api/v1/projects/{id}/approvals/{itemId}', expect: [401, 403, 403, 403, 403, 204, 204, 404, 403, 404, 403],
    send: async (m) => req(m, 'DELETE', `/api/v1/projects/${m.ids.project1}/approvals/${(await approvalOnProject1(m)).id}`) },
  { method: 'POST', path: '/api/v1/projects/{id}/approvals/{itemId}/block', expect: [401, 403, 403, 403, 403, 201, 201, 404, 201, 404, 403],
    send: async (m) => req(m, 'POST', `/api/v1/projects/${m.ids.project1}/approvals/${(await approvalOnProject1(m)).id}/block`, { description: '规划条件待市级确认' }) },
  // zy01 reported the blockage (waiting to be accepted); the dispatchers take it to the city: 市交通运输局.
  { method: 'POST', path: '/api/v1/projects/{id}/approvals/{itemId}/escalate', expect: [401, 403, 403, 403, 403, 200, 200, 404, 403, 404, 403],
    send: async (m) => {
      const a = await approvalOnProject1(m);
      ok(await m.as('zy01').post(`/api/v1/projects/${m.ids.project1}/approvals/${a.id}/block`, { description: '超配车位需市级决定' }), 201, 'block');
      const sjt = (await m.t.db.selectFrom('units').select('id').where('code', '=', 'SJT').executeTakeFirstOrThrow()).id;
      return req(m, 'POST', `/api/v1/projects/${m.ids.project1}/approvals/${a.id}/escalate`, { unitId: sjt, reason: '超配车位需市级决定' });
    } },
  { method: 'GET', path: '/api/v1/approvals/report',  expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200] },

  // --- enterprise needs: enterprise cases with a typed detail, scoped like cases; the outcome recorded by the
  // dispatcher and the units it was dispatched to (zy01's need on project 1 goes to 区住建局) ---
  { method: 'GET', path: '/api/v1/enterprise-needs',  expect: [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  // As any case, a project the caller cannot see is "unknown" (400 at projectId).
  { method: 'POST', path: '/api/v1/enterprise-needs', expect: [401, 403, 403, 403, 403, 201, 201, 400, 403, 403, 201],
    send: (m) => req(m, 'POST', '/api/v1/enterprise-needs', { projectId: m.ids.project1, needType: 'funding', title: `矩阵资金缺口 ${m.who}`, description: '资金缺口', amountRequested: 1000 }) },
  { method: 'GET', path: '/api/v1/enterprise-needs/report', expect: [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'GET', path: '/api/v1/enterprise-needs/{caseId}', expect: [401, 403, 403, 403, 200, 200, 200, 404, 200, 404, 404],
    send: async (m) => req(m, 'GET', `/api/v1/enterprise-needs/${(await needOnProject1(m)).id}`) },
  { method: 'PATCH', path: '/api/v1/enterprise-needs/{caseId}', expect: [401, 403, 403, 403, 403, 200, 200, 404, 200, 404, 403],
    send: async (m) => req(m, 'PATCH', `/api/v1/enterprise-needs/${(await needOnProject1(m)).id}`, { version: 1, parkingApproved: 10 }) },

  // --- safety supervision: checklists read by all staff, kept by the system admin; inspections run by the organisation
  // dept and the project's commissioner or assistants (zy01 on project 1), read by whoever sees the project once
  // submitted; as with cases, a project the caller cannot see is "unknown" (400 at projectId) ---
  { method: 'GET', path: '/api/v1/inspection-templates', expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'POST', path: '/api/v1/inspection-templates', expect: [401, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    send: (m) => req(m, 'POST', '/api/v1/inspection-templates', matrixTemplate(m.who)) },
  { method: 'GET', path: '/api/v1/inspection-templates/{id}', expect: [401, 200, 403, 403, 200, 200, 200, 200, 200, 200, 200],
    send: async (m) => req(m, 'GET', `/api/v1/inspection-templates/${await defaultTemplateId(m)}`) },
  { method: 'PATCH', path: '/api/v1/inspection-templates/{id}', expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    send: async (m) => {
      const tpl = ok(await m.as('admin').post('/api/v1/inspection-templates', matrixTemplate('待改')), 201, 'template');
      return req(m, 'PATCH', `/api/v1/inspection-templates/${tpl.id}`, { version: tpl.version, name: `矩阵检查表（${m.who}）` });
    } },
  { method: 'GET', path: '/api/v1/inspections',       expect: [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'POST', path: '/api/v1/inspections',      expect: [401, 403, 403, 403, 403, 201, 201, 400, 403, 403, 403],
    send: async (m) => req(m, 'POST', '/api/v1/inspections', { projectId: m.ids.project1, templateId: await defaultTemplateId(m) }) },
  { method: 'GET', path: '/api/v1/inspections/{id}',  expect: [401, 403, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: async (m) => req(m, 'GET', `/api/v1/inspections/${await submittedInspection(m)}`) },
  { method: 'PATCH', path: '/api/v1/inspections/{id}', expect: [401, 403, 403, 403, 403, 200, 200, 404, 403, 403, 403],
    send: async (m) => {
      const i = m.who === 'anonymous' ? { id: 'x', version: 1 } : await draftInspection(m);
      return req(m, 'PATCH', `/api/v1/inspections/${i.id}`, { version: i.version, summary: `矩阵检查 ${m.who}` });
    } },
  { method: 'POST', path: '/api/v1/inspections/{id}/submit', expect: [401, 403, 403, 403, 403, 200, 200, 404, 403, 403, 403],
    send: async (m) => {
      const i = m.who === 'anonymous' ? { id: 'x', version: 1 } : await draftInspection(m, true);
      return req(m, 'POST', `/api/v1/inspections/${i.id}/submit`, { version: i.version });
    } },
  { method: 'GET', path: '/api/v1/inspections/{id}/notice', expect: [401, 403, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: async (m) => req(m, 'GET', `/api/v1/inspections/${await submittedInspection(m)}/notice?format=docx`) },
  { method: 'GET', path: '/api/v1/projects/{id}/safety', expect: [401, 403, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: (m) => req(m, 'GET', `/api/v1/projects/${m.ids.project1}/safety`) },
  { method: 'GET', path: '/api/v1/safety/ledger',     expect: [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200] },

  // --- dispute mediation: a dispute is seen as its case is (and by its mediator); the mediator, the dispatcher and the
  // handling unit work it (zy01's disputes on project 1, zy01 mediating, are dispatched to 区住建局) ---
  { method: 'GET', path: '/api/v1/disputes',          expect: [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'POST', path: '/api/v1/disputes',         expect: [401, 403, 403, 403, 403, 201, 201, 400, 201, 400, 403],
    send: (m) => req(m, 'POST', '/api/v1/disputes', disputeBody(m.ids.project1, { title: `矩阵纠纷 ${m.who}` })) },
  { method: 'GET', path: '/api/v1/disputes/{caseId}', expect: [401, 403, 403, 403, 200, 200, 200, 404, 200, 404, 404],
    send: async (m) => req(m, 'GET', `/api/v1/disputes/${(await sharedDispute(m)).caseId}`) },
  { method: 'PATCH', path: '/api/v1/disputes/{caseId}', expect: [401, 403, 403, 403, 403, 200, 200, 404, 200, 404, 403],
    send: async (m) => {
      const { caseId } = await sharedDispute(m);
      return req(m, 'PATCH', `/api/v1/disputes/${caseId}`, { version: await disputeVersion(m, caseId), risk: 'high' });
    } },
  { method: 'PUT', path: '/api/v1/disputes/{caseId}/agreement', expect: [401, 403, 403, 403, 403, 200, 200, 404, 200, 404, 403],
    send: async (m) => {
      const { caseId } = await sharedDispute(m);
      return req(m, 'PUT', `/api/v1/disputes/${caseId}/agreement`, agreementDraft({ version: await agreementVersion(m, caseId) }));
    } },
  { method: 'POST', path: '/api/v1/disputes/{caseId}/agreement/sign', expect: [401, 403, 403, 403, 403, 200, 200, 404, 200, 404, 403],
    send: async (m) => {
      const d = m.who === 'anonymous' ? { caseId: 'x', agreement: { version: 1 } } : await freshDispute(m, 'drafted');
      return req(m, 'POST', `/api/v1/disputes/${d.caseId}/agreement/sign`, { version: d.agreement!.version, signedOn: '2026-11-26' });
    } },
  { method: 'GET', path: '/api/v1/disputes/{caseId}/agreement/document', expect: [401, 403, 403, 403, 200, 200, 200, 404, 200, 404, 404],
    send: async (m) => req(m, 'GET', `/api/v1/disputes/${(await sharedDispute(m)).caseId}/agreement/document?format=docx`) },
  { method: 'POST', path: '/api/v1/disputes/{caseId}/callbacks', expect: [401, 403, 403, 403, 403, 201, 201, 404, 201, 404, 403],
    send: async (m) => {
      const caseId = m.who === 'anonymous' ? 'x' : (await freshDispute(m, 'signed')).caseId;
      return req(m, 'POST', `/api/v1/disputes/${caseId}/callbacks`, { calledOn: '2026-11-26', performance: 'performed', note: '矩阵回访' });
    } },
  { method: 'GET', path: '/api/v1/cases/{id}/mediations', expect: [401, 403, 403, 403, 200, 200, 200, 404, 200, 404, 404],
    send: async (m) => req(m, 'GET', `/api/v1/cases/${(await sharedDispute(m)).caseId}/mediations`) },
  { method: 'POST', path: '/api/v1/cases/{id}/mediations', expect: [401, 403, 403, 403, 403, 201, 201, 404, 201, 404, 403],
    send: async (m) => req(m, 'POST', `/api/v1/cases/${(await sharedDispute(m)).caseId}/mediations`, {
      heldAt: '2026-11-26T09:00:00+08:00', place: '项目部调解室', attendees: [{ name: '李秀英', role: '申请人' }], statements: [{ speaker: '李秀英', text: '要求补偿' }], outcome: 'adjourned',
    }) },

  // --- residents' appeals: the public portal API (no account; the session makes no difference) and the staff side ---
  { method: 'GET', path: '/api/public/projects',      expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'GET', path: '/api/public/projects/{id}', expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: (m) => req(m, 'GET', `/api/public/projects/${m.ids.project1}`) },
  { method: 'GET', path: '/api/public/challenge',     expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200] },
  { method: 'POST', path: '/api/public/appeals/photos', expect: [201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 201],
    send: async (m) => {
      const ch = solvedChallengeFor(m.t);
      const mp = multipartFile(await matrixPhoto(), 'p.jpg', 'image/jpeg', 'photo');
      return m.client.request({ method: 'POST', url: '/api/public/appeals/photos', payload: mp.payload, headers: { ...mp.headers, 'x-challenge-token': ch.token, 'x-challenge-nonce': ch.nonce } });
    } },
  { method: 'POST', path: '/api/public/appeals',      expect: [201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 201],
    send: (m) => req(m, 'POST', '/api/public/appeals', { projectId: m.ids.project1, category: 'dust', description: `矩阵扬尘 ${m.who}`, anonymous: true, challenge: solvedChallengeFor(m.t) }) },
  { method: 'GET', path: '/api/public/appeals/{trackingCode}', expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: async (m) => req(m, 'GET', `/api/public/appeals/${(await matrixAppeal(m.t, m.ids.project1)).code}`) },
  { method: 'POST', path: '/api/public/appeals/{trackingCode}/rating', expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: async (m) => req(m, 'POST', `/api/public/appeals/${(await matrixAppealAt(m, 'closed')).code}/rating`, { rating: 'satisfied' }) },
  { method: 'GET', path: '/api/v1/appeals',           expect: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403] },
  // An appeal is seen as its case is: project 1's commissioner, the leader, the organisation department.
  { method: 'GET', path: '/api/v1/appeals/{id}',      expect: [401, 403, 403, 403, 200, 200, 200, 404, 404, 404, 404],
    send: async (m) => req(m, 'GET', `/api/v1/appeals/${(await matrixAppeal(m.t, m.ids.project1)).appealId}`) },
  // Only the lead handling unit (here 区住建局), who calls the resident back, sees the phone.
  { method: 'POST', path: '/api/v1/appeals/{id}/reveal-phone', expect: [401, 403, 403, 403, 403, 403, 403, 404, 200, 404, 404],
    send: async (m) => req(m, 'POST', `/api/v1/appeals/${(await matrixAppealAt(m, 'dispatched')).appealId}/reveal-phone`) },
  { method: 'POST', path: '/api/v1/appeals/{id}/triage', expect: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403],
    send: async (m) => req(m, 'POST', `/api/v1/appeals/${(await matrixAppeal(m.t, null)).appealId}/triage`, { projectId: m.ids.project1 }) },
  { method: 'POST', path: '/api/v1/appeals/{id}/dismiss', expect: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403],
    send: async (m) => req(m, 'POST', `/api/v1/appeals/${(await matrixAppeal(m.t, null)).appealId}/dismiss`, { reply: '不属于重点项目，已转12345' }) },
  { method: 'GET', path: '/api/v1/projects/{id}/poster.pdf', expect: [401, 200, 403, 403, 200, 200, 200, 404, 200, 404, 200],
    send: (m) => req(m, 'GET', `/api/v1/projects/${m.ids.project1}/poster.pdf`) },
  { method: 'GET', path: '/api/v1/open311/keys',      expect: [401, 200, 403, 403, 403, 403, 403, 403, 403, 403, 403] },
  { method: 'POST', path: '/api/v1/open311/keys',     expect: [401, 201, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    send: (m) => req(m, 'POST', '/api/v1/open311/keys', { name: `矩阵 ${m.who}` }) },
  { method: 'DELETE', path: '/api/v1/open311/keys/{id}', expect: [401, 204, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    send: async (m) => req(m, 'DELETE', `/api/v1/open311/keys/${ok(await m.as('admin').post('/api/v1/open311/keys', { name: '矩阵待撤销' }), 201, 'open311 key').id}`) },
  // Open311: public (the POST's credential is its api_key, not a session).
  { method: 'GET', path: '/open311/v2/discovery.{format}', expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: (m) => req(m, 'GET', '/open311/v2/discovery.json') },
  { method: 'GET', path: '/open311/v2/services.{format}', expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: (m) => req(m, 'GET', '/open311/v2/services.xml') },
  { method: 'GET', path: '/open311/v2/services/{service_code}.{format}', expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: (m) => req(m, 'GET', '/open311/v2/services/noise.json') },
  { method: 'POST', path: '/open311/v2/requests.{format}', expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: async (m) => {
      const { apiKey } = ok(await m.as('admin').post('/api/v1/open311/keys', { name: '矩阵客户端' }), 201, 'open311 key') as { apiKey: string };
      const payload = new URLSearchParams({ api_key: apiKey, service_code: 'dust', address_string: '东新路822号', description: `矩阵 ${m.who}` }).toString();
      return m.client.request({ method: 'POST', url: '/open311/v2/requests.json', payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    } },
  { method: 'GET', path: '/open311/v2/requests.{format}', expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: (m) => req(m, 'GET', '/open311/v2/requests.json?status=open') },
  { method: 'GET', path: '/open311/v2/requests/{service_request_id}.{format}', expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: async (m) => req(m, 'GET', `/open311/v2/requests/${(await matrixAppeal(m.t, m.ids.project1)).appealId}.xml`) },
  { method: 'GET', path: '/open311/v2/tokens/{token}.{format}', expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: async (m) => req(m, 'GET', `/open311/v2/tokens/${(await matrixAppeal(m.t, null)).code}.json`) },
  { method: 'GET', path: '/open311/v2/servicerequestupdates.{format}', expect: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
    send: (m) => req(m, 'GET', '/open311/v2/servicerequestupdates.xml') },

  // --- audit: the security admin and the auditor only (三员分立: not the system admin) ---
  { method: 'GET', path: '/api/v1/audit',             expect: [401, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403] },
  { method: 'GET', path: '/api/v1/audit/verify',      expect: [401, 403, 200, 200, 403, 403, 403, 403, 403, 403, 403] },

  // --- the leadership board: each role its own scope (district, own projects, own unit); enterprises and the three
  // admin roles have none. Rankings: commissioners for those who appoint or are them, units for leaders and the units.
  //                                                          anon admin secad audit leadr orgdp zy01 gb01  zjj  tians sg01
  { method: 'GET', path: '/api/v1/dashboard/summary', expect: [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 403] },
  { method: 'GET', path: '/api/v1/dashboard/projects', expect: [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 403] },
  { method: 'GET', path: '/api/v1/dashboard/commissioners', expect: [401, 403, 403, 403, 200, 200, 200, 200, 403, 403, 403] },
  { method: 'GET', path: '/api/v1/dashboard/units',   expect: [401, 403, 403, 403, 200, 200, 403, 403, 200, 200, 403] },
  { method: 'GET', path: '/api/v1/dashboard/light-rules', expect: [401, 403, 403, 403, 200, 200, 200, 200, 200, 200, 403] },
  // The rules are written back as they are (switched off), so no project's light moves under the other rows.
  { method: 'PUT', path: '/api/v1/dashboard/light-rules', expect: [401, 403, 403, 403, 403, 200, 403, 403, 403, 403, 403],
    send: async (m) => {
      const r = ok(await m.as('orgdept').get('/api/v1/dashboard/light-rules'), 200, 'light rules');
      return req(m, 'PUT', '/api/v1/dashboard/light-rules', { enabled: false, rules: r.rules, version: r.version });
    } },
  // --- weekly briefings: leaders and the organisation department (week 47 is over on the matrix's 26 November) ---
  { method: 'GET', path: '/api/v1/briefings/weekly',  expect: [401, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403],
    send: (m) => req(m, 'GET', '/api/v1/briefings/weekly?week=2026-W47&format=xlsx') },
  { method: 'GET', path: '/api/v1/briefings',         expect: [401, 403, 403, 403, 200, 200, 403, 403, 403, 403, 403] },
];

/** Routes anyone may call without an account. */
export const publicRoutes = new Set(['GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /api/v1/meta', 'POST /api/v1/session', 'GET /api/v1/meetings.ics']);
/** Public routes that create a record (201) rather than answer one (200). */
export const publicCreates = new Set(['POST /api/public/appeals', 'POST /api/public/appeals/photos']);
