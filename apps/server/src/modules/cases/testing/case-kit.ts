/**
 * Helpers for the case API tests: demo ids, signed-in clients that survive the tests' clock jumps, and a case
 * brought to any state through the API itself.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Client, TestApp } from '../../../../test/harness.js';
import { signIn } from '../../../../test/factories.js';
import { runDueJobs } from '../../../kernel/jobs/jobs.js';

export type Json = Record<string, any>;

export async function caseKit(t: TestApp) {
  const unit = async (code: string) => (await t.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const project = async (code: string) => (await t.db.selectFrom('projects').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const user = async (username: string) => (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const ids = {
    p01: await project('XC-ZD-2026-01'),
    p02: await project('XC-ZD-2026-02'),
    ZJJ: await unit('ZJJ'),
    FGJ: await unit('FGJ'),
    CGJ: await unit('CGJ'),
    zjj: await user('zjj'),
    fgj: await user('fgj'),
  };

  // Sessions idle out after 30 minutes of (test-clock) time: sign in again after a clock jump.
  const sessions = new Map<string, { client: Client; at: number }>();
  const as = async (username: string): Promise<Client> => {
    const now = t.clock.now().getTime();
    const s = sessions.get(username);
    if (s && Math.abs(now - s.at) < 20 * 60_000) {
      s.at = now;
      return s.client;
    }
    const client = await signIn(t, username);
    sessions.set(username, { client, at: t.clock.now().getTime() });
    return client;
  };

  const ok = (res: LightMyRequestResponse, status = 200): Json => {
    if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
    return res.json();
  };

  const create = async (overrides: Json = {}, by = 'yz01'): Promise<Json> =>
    ok(await (await as(by)).post('/api/v1/cases', {
      projectId: ids.p01, type: 'appeal', title: '工地夜间施工噪声扰民', description: '居民反映22点后仍有混凝土泵车作业。', ...overrides,
    }), 201);

  const act = async (by: string, id: string, action: string, body: Json = {}) => (await as(by)).post(`/api/v1/cases/${id}/actions/${action}`, body);
  const actOk = async (by: string, id: string, action: string, body: Json = {}) => ok(await act(by, id, action, body));
  const get = async (by: string, id: string) => ok(await (await as(by)).get(`/api/v1/cases/${id}`));
  const events = async (by: string, id: string): Promise<Json[]> => ok(await (await as(by)).get(`/api/v1/cases/${id}/events`)).items;

  /** A case on 中大银泰城 raised by its owner (yz01), taken to `status` by zy01 and 住建局 (zjj). */
  const caseIn = async (status: 'submitted' | 'accepted' | 'assigned' | 'in_progress' | 'answered' | 'closed', overrides: Json = {}, dispatch: Json = {}) => {
    const c = await create(overrides);
    if (status === 'submitted') return c;
    await actOk('zy01', c.id, 'accept');
    if (status === 'accepted') return get('zy01', c.id);
    await actOk('zy01', c.id, 'dispatch', { unitId: ids.ZJJ, ...dispatch });
    if (status === 'assigned') return get('zy01', c.id);
    const handler = ({ [ids.ZJJ]: 'zjj', [ids.CGJ]: 'cgj', [ids.FGJ]: 'fgj' } as Record<string, string>)[dispatch.unitId ?? ids.ZJJ]!;
    await actOk(handler, c.id, 'sign');
    if (status === 'in_progress') return get('zy01', c.id);
    await actOk(handler, c.id, 'answer', { publicReply: '已责令施工单位22点后停止高噪声作业。' });
    if (status === 'answered') return get('zy01', c.id);
    await actOk('zy01', c.id, 'verify', { accept: true });
    return get('zy01', c.id);
  };

  const sweep = () => runDueJobs(t.app.deps, t.clock.now());

  return { ids, as, ok, create, act, actOk, get, events, caseIn, sweep };
}

export function expectProblem(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  if (code) expect(res.json().code).toBe(code);
}

/**
 * Closes a test app. pg-pool's end() resolves before its sockets have closed, so the harness's
 * `drop database … with (force)` can kill them mid-goodbye (FATAL 57P01, an unhandled error that fails the run);
 * closing the pool first and giving the sockets a moment avoids the race. Harmless on SQLite.
 */
export async function closeTestApp(t: TestApp): Promise<void> {
  await t.app.close();
  await t.rt.handle.close();
  await new Promise((r) => setTimeout(r, 150));
  await t.close();
}
