/**
 * The routes the benchmark measures (issue 9), each with the bare baseline it is compared with and its target.
 * A route whose module is not there (yet) is reported as not measured.
 */
import type { Db } from '../src/kernel/db/connect.js';

export type Session = { cookie: string; csrf: string };
export type Req = { method?: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string; setupRequest?: (r: any, ctx: any) => any; onResponse?: (status: number, body: string, ctx: any) => void };
export type Target = { minRatio?: number; maxP99Ms?: number };
export type RouteSpec = {
  name: string; kind: 'read' | 'write'; app: Req[]; base: Req[] | null; baseNote?: string; target: Target; connections?: number;
  /** A fixed number of requests instead of the fixed duration (each needs a prepared, single-use input). */
  amount?: number;
};

export type Fixture = {
  password: string;
  sessions: Record<'leader' | 'zy01' | 'zjj', Session>;
  zjjUnitId: string; projectId: string; districtId: string; districtCode: string; zy01Id: string; leaderDistrictId: string;
  /** Cases of zy01's project, newest first: the case pages and comments rotate through them. */
  caseIds: string[];
  /** Cases of zy01's project waiting in `accepted`: dispatched to 住建局 and returned, over and over. */
  acceptedIds: string[];
  present: { board: boolean; open311: boolean; appeals: boolean };
  /** Solved proof-of-work challenges, one per public appeal (each files exactly one). */
  challenges: { token: string; nonce: string }[];
};

const READ: Target = { minRatio: 0.5, maxP99Ms: 50 };
const json = (s: Session, extra: Record<string, string> = {}) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json', ...extra });
const rotate = (ids: string[], path: (id: string) => string) => {
  let i = 0;
  return (r: any) => ({ ...r, path: path(ids[i++ % ids.length]!) });
};
const enc = encodeURIComponent;

export function routeSpecs(f: Fixture): RouteSpec[] {
  const { leader, zy01, zjj } = f.sessions;
  const todo = `view=todo&unitId=${f.zjjUnitId}&status=assigned&status=in_progress&sort=deadline`;
  const signInBody = JSON.stringify({ username: 'zjj', password: f.password });
  const specs: RouteSpec[] = [
    { name: 'sign-in (argon2id)', kind: 'write', target: {}, app: [{ method: 'POST', path: '/api/v1/session', headers: { 'content-type': 'application/json' }, body: signInBody }],
      base: [{ method: 'POST', path: '/signin', headers: { 'content-type': 'application/json' }, body: signInBody }] },
    { name: 'to-do list: 住建局 handler, unit + status, by deadline', kind: 'read', target: READ,
      app: [{ path: `/api/v1/cases?${todo}`, headers: { cookie: zjj.cookie } }], base: [{ path: `/todo?unitId=${f.zjjUnitId}&status=assigned,in_progress` }] },
    { name: 'project case list (its commissioner)', kind: 'read', target: READ,
      app: [{ path: `/api/v1/cases?projectId=${f.projectId}`, headers: { cookie: zy01.cookie } }], base: [{ path: `/project-cases?projectId=${f.projectId}` }] },
    { name: 'search, 2 characters (塔吊), leader', kind: 'read', target: READ,
      app: [{ path: `/api/v1/cases?q=${enc('塔吊')}`, headers: { cookie: leader.cookie } }], base: [{ path: `/search?q=${enc('塔吊')}` }] },
    { name: 'search, 3 characters (脚手架), leader', kind: 'read', target: READ,
      app: [{ path: `/api/v1/cases?q=${enc('脚手架')}`, headers: { cookie: leader.cookie } }], base: [{ path: `/search?q=${enc('脚手架')}` }] },
    { name: 'case page (detail)', kind: 'read', target: READ,
      app: [{ path: '/', headers: { cookie: zy01.cookie }, setupRequest: rotate(f.caseIds, (id) => `/api/v1/cases/${id}`) }],
      base: [{ path: '/', setupRequest: rotate(f.caseIds, (id) => `/case/${id}`) }] },
    { name: 'case timeline (events)', kind: 'read', target: READ,
      app: [{ path: '/', headers: { cookie: zy01.cookie }, setupRequest: rotate(f.caseIds, (id) => `/api/v1/cases/${id}/events`) }],
      base: [{ path: '/', setupRequest: rotate(f.caseIds, (id) => `/case/${id}/events`) }] },
    { name: 'case action: comment (event + audit + version)', kind: 'write', target: { maxP99Ms: 20 },
      app: [{ method: 'POST', path: '/', headers: json(zy01), body: JSON.stringify({ text: '已电话督促施工单位' }), setupRequest: rotate(f.caseIds, (id) => `/api/v1/cases/${id}/actions/comment`) }],
      base: [{ method: 'POST', path: '/', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '已电话督促施工单位', userId: f.zy01Id }), setupRequest: rotate(f.caseIds, (id) => `/comment/${id}`) }] },
    dispatchCycle(f),
    { name: 'create case (number + event + audit + notice)', kind: 'write', target: { maxP99Ms: 20 },
      app: [{ method: 'POST', path: '/api/v1/cases', headers: json(zy01), body: JSON.stringify({ projectId: f.projectId, type: 'safety', title: '基坑临边防护栏杆缺失', description: '东侧基坑临边约20米防护栏杆缺失，请施工单位立即整改。' }) }],
      base: [{ method: 'POST', path: '/create-case', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ projectId: f.projectId, districtId: f.districtId, code: f.districtCode, title: '基坑临边防护栏杆缺失', description: '东侧基坑临边约20米防护栏杆缺失' }) }] },
    { name: 'projects.geojson (leader, all projects)', kind: 'read', target: READ,
      app: [{ path: '/api/v1/projects.geojson', headers: { cookie: leader.cookie } }], base: [{ path: '/geojson' }] },
  ];
  if (f.present.appeals && f.challenges.length) {
    const queue = [...f.challenges];
    specs.push({ name: 'public appeal submission (anonymous)', kind: 'write', target: { maxP99Ms: 20 }, amount: f.challenges.length,
      app: [{ method: 'POST', path: '/api/public/appeals', headers: { 'content-type': 'application/json' },
        setupRequest: (r) => ({ ...r, body: JSON.stringify({ projectId: f.projectId, category: 'noise', description: '工地夜间施工噪声很大，影响休息。', anonymous: true, challenge: queue.shift() }) }) }],
      base: [{ method: 'POST', path: '/create-case', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ projectId: f.projectId, districtId: f.districtId, code: f.districtCode, title: '夜间施工噪声', description: '工地夜间施工噪声很大，影响休息。' }) }],
      baseNote: 'the case-creation baseline' });
  }
  if (f.present.board) {
    specs.push({ name: 'board summary (leader)', kind: 'read', target: { minRatio: 0.5, maxP99Ms: 100 },
      app: [{ path: '/api/v1/dashboard/summary', headers: { cookie: leader.cookie } }], base: [{ path: `/board?district=${f.leaderDistrictId}` }], baseNote: 'the district\'s counter rows' });
  }
  if (f.present.open311) {
    specs.push({ name: 'Open311 request list (GeoReport v2)', kind: 'read', target: READ, app: [{ path: '/open311/v2/requests.json' }], base: [{ path: '/open311-requests' }] });
  }
  return specs;
}

/** 派单 by the commissioner, then 退回 by 住建局, on a queue of accepted cases: two lifecycle actions with notices. */
function dispatchCycle(f: Fixture): RouteSpec {
  const queue = [...f.acceptedIds];
  const { zy01, zjj } = f.sessions;
  return {
    name: 'case actions: dispatch ⇄ return (lifecycle + notices)', kind: 'write', target: { maxP99Ms: 20 },
    app: [
      { method: 'POST', path: '/', headers: json(zy01), body: JSON.stringify({ unitId: f.zjjUnitId }),
        setupRequest: (r, ctx) => { ctx.caseId = queue.shift() ?? f.acceptedIds[0]; return { ...r, path: `/api/v1/cases/${ctx.caseId}/actions/dispatch` }; } },
      { method: 'POST', path: '/', headers: json(zjj), body: JSON.stringify({ reasonCode: 'other', reason: '非本单位职责' }),
        setupRequest: (r, ctx) => ({ ...r, path: `/api/v1/cases/${ctx.caseId}/actions/return` }), onResponse: (_s, _b, ctx) => { queue.push(ctx.caseId); } },
    ],
    base: null, baseNote: 'compared with the comment baseline',
  };
}

/** Ids the benchmark needs, read before the load starts. */
export async function lookups(db: Db) {
  const one = async <T>(p: Promise<T | undefined>, what: string) => {
    const v = await p;
    if (!v) throw new Error(`the database has no ${what}: generate it first (npm run generate)`);
    return v;
  };
  const zjjUnit = await one(db.selectFrom('units').select('id').where('code', '=', 'ZJJ').executeTakeFirst(), 'unit ZJJ');
  const zy01 = await one(db.selectFrom('users').select('id').where('username', '=', 'zy01').executeTakeFirst(), 'user zy01');
  const leader = await one(db.selectFrom('users').select('unitId').where('username', '=', 'leader').executeTakeFirst(), 'user leader');
  const project = await one(db.selectFrom('assignments').innerJoin('projects', 'projects.id', 'assignments.projectId').innerJoin('units', 'units.id', 'projects.districtId')
    .select(['projects.id', 'projects.districtId', 'units.code']).where('assignments.userId', '=', zy01.id).where('assignments.role', '=', 'commissioner').where('assignments.active', '=', 1).executeTakeFirst(), 'project of zy01');
  const cases = await db.selectFrom('cases').select('id').where('projectId', '=', project.id).where('status', '!=', 'withdrawn').orderBy('createdAt', 'desc').limit(1000).execute();
  if (cases.length < 50) throw new Error('zy01\'s project has fewer than 50 cases: generate a scale first');
  return { zjjUnitId: zjjUnit.id, zy01Id: zy01.id, leaderDistrictId: leader.unitId!, projectId: project.id, districtId: project.districtId, districtCode: project.code, caseIds: cases.map((c) => c.id) };
}
