import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths as serverPaths } from '../../paths.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { expectProblem, projectId, signIn } from '../../../test/factories.js';

let t: TestApp;
let leader: Client;
beforeAll(async () => {
  t = await createTestApp();
  leader = await signIn(t, 'leader');
});
afterAll(async () => t.close());

describe('health and readiness', () => {
  it('GET /healthz answers 200 {status: ok} to anyone', async () => {
    const res = await t.anonymous().get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when the database is reachable and migrated, 503 when a migration is pending', async () => {
    const ok = await t.anonymous().get('/readyz');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ status: 'ready' });

    const rows = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration order by name`.execute(t.db);
    const last = rows.rows.at(-1)!;
    await sql`delete from kysely_migration where name = ${last.name}`.execute(t.db);
    try {
      const pending = await t.anonymous().get('/readyz');
      expect(pending.statusCode).toBe(503);
      expect(pending.json()).toEqual({ status: 'not_ready', detail: 'migrations pending' });
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${last.name}, ${last.timestamp})`.execute(t.db);
    }
    expect((await t.anonymous().get('/readyz')).statusCode).toBe(200);
  });

  it('GET /api/v1/meta names the installation and, in demo mode, the demo accounts', async () => {
    const res = await t.anonymous().get('/api/v1/meta');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ name: 'Liaison', demo: true, demoPassword: 'Liaison#2026' });
    expect(body.version).toBe(JSON.parse(readFileSync(serverPaths.packageJson, 'utf8')).version);
    expect(body.demoAccounts.map((a: { username: string }) => a.username)).toEqual(
      expect.arrayContaining(['admin', 'secadmin', 'auditor', 'leader', 'orgdept', 'zy01', 'gb01', 'zjj', 'tianshui', 'sg01']),
    );
  });
});

describe('GET /metrics', () => {
  const count = (text: string, method: string, route: string, status: number) => {
    const line = text.split('\n').find((l) => l.startsWith(`liaison_http_requests_total{method="${method}",route="${route}",status="${status}"} `));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };

  it('counts requests by method, route template and status, in Prometheus text', async () => {
    const before = (await t.anonymous().get('/metrics')).body;
    const id = await projectId(t, 1);
    await leader.get('/api/v1/projects');
    await leader.get('/api/v1/projects');
    await leader.get(`/api/v1/projects/${id}`);
    await t.anonymous().get('/api/v1/projects');
    const res = await t.anonymous().get('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const after = res.body;
    expect(count(after, 'GET', '/api/v1/projects', 200) - count(before, 'GET', '/api/v1/projects', 200)).toBe(2);
    expect(count(after, 'GET', '/api/v1/projects/:id', 200) - count(before, 'GET', '/api/v1/projects/:id', 200)).toBe(1);
    expect(count(after, 'GET', '/api/v1/projects', 401) - count(before, 'GET', '/api/v1/projects', 401)).toBe(1);
    // Route templates, never raw ids: the label set stays small.
    expect(after).not.toContain(id);
    expect(after).toContain('# TYPE liaison_http_requests_total counter');
    expect(after).toMatch(/^liaison_http_request_duration_seconds_bucket\{method="GET",route="\/api\/v1\/projects",le="\+Inf"\} \d+$/m);
    expect(after).toMatch(/^process_resident_memory_bytes \d+$/m);
  });
});

describe('GET /api/openapi.json', () => {
  type Op = { summary?: string; tags?: string[]; parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema?: unknown }> }; responses: Record<string, { content?: Record<string, { schema?: any }> }> };
  let doc: { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Op>>; components: { securitySchemes: Record<string, unknown> } };
  const ops = () => Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  /** Routes that answer a file or plain text rather than JSON (downloads, exports, templates, calendars, metrics). */
  // Open311 answers in the GeoReport formats (form-encoded in, XML or JSON out), checked by its own schemas.
  const nonJson = (path: string) => /^\/open311\/|^\/metrics$|\/(export|template|notice|agreement\/document)$|\.(ics|xlsx|csv|pdf|docx)$|\/files\/\{id\}|\/briefings\//.test(path);

  beforeAll(async () => {
    const res = await t.anonymous().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });

  it('is OpenAPI 3.1 with both ways of signing in described', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Liaison API');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/api/docs'))).toBe(false);
  });

  it('describes every route with a summary, a tag, its path parameters and a success response', () => {
    expect(ops().length).toBeGreaterThanOrEqual(30);
    for (const { path, method, op } of ops()) {
      const where = `${method} ${path}`;
      expect([where, typeof op.summary, (op.tags ?? []).length > 0]).toEqual([where, 'string', true]);
      for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
        expect([where, op.parameters?.some((p) => p.in === 'path' && p.name === name)]).toEqual([where, true]);
      }
      const success = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
      expect([where, success.length > 0]).toEqual([where, true]);
      for (const status of success.filter((s) => s !== '204')) {
        if (nonJson(path)) continue;
        const schema = op.responses[status]!.content?.['application/json']?.schema;
        expect([where, status, typeof schema]).toEqual([where, status, 'object']);
      }
    }
  });

  it('lists every route the server answers under /api (but the docs) and the operations routes', () => {
    // Fastify's own route table, flattened from its printed tree: "├── /segment (GET, HEAD)".
    const served: string[] = [];
    const stack: string[] = [];
    for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const m = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
      if (!m) continue;
      const depth = m[1]!.length / 4;
      stack.length = depth;
      const path = (stack[depth - 1] ?? '') + m[2]!;
      stack[depth] = path;
      for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD' && x !== 'OPTIONS')) served.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
    const ours = served.filter((r) => /^\w+ (\/api\/(?!docs|openapi\.json)|\/(healthz|readyz|metrics)$)/.test(r));
    expect(ours).toEqual(expect.arrayContaining(['GET /api/v1/projects/{id}', 'DELETE /api/v1/sessions/{id}', 'GET /healthz', 'POST /api/v1/session']));
    expect(ours.length).toBeGreaterThanOrEqual(30);
    const documented = new Set(ops().map((o) => `${o.method} ${o.path}`));
    expect(ours.filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.includes(r))).toEqual([]);
  });

  it('gives every write that takes a body its request schema, and every PATCH a required version', () => {
    const withBody = ops().filter(({ op }) => op.requestBody);
    expect(withBody.length).toBeGreaterThanOrEqual(10);
    for (const { path, method, op } of withBody) {
      const content = op.requestBody!.content;
      const schema = (content['application/json'] ?? content['multipart/form-data'] ?? content['application/x-www-form-urlencoded'])?.schema;
      expect([`${method} ${path}`, typeof schema]).toEqual([`${method} ${path}`, 'object']);
    }
    for (const { path, method, op } of ops().filter((o) => o.method === 'PATCH')) {
      const schema = op.requestBody?.content['application/json']?.schema as { required?: string[]; additionalProperties?: boolean } | undefined;
      expect([`${method} ${path}`, schema?.required?.includes('version'), schema?.additionalProperties]).toEqual([`${method} ${path}`, true, false]);
    }
  });

  it('spells out the request and response schemas the server validates with', () => {
    const create = doc.paths['/api/v1/users']!.post!;
    const body = create.requestBody!.content['application/json']!.schema as { required: string[]; additionalProperties: boolean; properties: Record<string, unknown> };
    expect(body.required.sort()).toEqual(['displayName', 'password', 'roles', 'username']);
    expect(body.additionalProperties).toBe(false);
    const created = create.responses['201']!.content!['application/json']!.schema;
    expect(Object.keys(created.properties)).toEqual(expect.arrayContaining(['id', 'username', 'roles', 'version']));
    expect(Object.keys(created.properties)).not.toContain('passwordHash');

    const list = doc.paths['/api/v1/projects']!.get!;
    expect(list.parameters!.filter((p) => p.in === 'query').map((p) => p.name).sort()).toEqual(
      ['includeArchived', 'light', 'page', 'pageSize', 'phase', 'q', 'sort', 'streetId'],
    );
    expect(Object.keys(list.responses['200']!.content!['application/json']!.schema.properties).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
  });
});

describe('HTTP hygiene', () => {
  it('sends the security headers on API answers, errors included', async () => {
    for (const res of [await leader.get('/api/v1/projects'), await t.anonymous().get('/api/v1/projects'), await t.anonymous().get('/healthz')]) {
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
    // Plain http here: no HSTS.
    expect((await leader.get('/api/v1/projects')).headers['strict-transport-security']).toBeUndefined();
  });

  it('answers JSON with a JSON content type', async () => {
    expect((await leader.get('/api/v1/projects')).headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('answers errors as problem+json carrying the request id, and keeps a well-formed incoming request id', async () => {
    const res = await leader.get('/api/v1/projects?page=zero', { 'x-request-id': 'trace-1234abcd' });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.headers['x-request-id']).toBe('trace-1234abcd');
    expect(body).toMatchObject({ requestId: 'trace-1234abcd', title: 'Bad Request', type: 'https://liaison.local/problems/validation-failed' });
    const odd = await leader.get('/api/v1/projects', { 'x-request-id': 'bad id with spaces' });
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown /api/v1 route with a 404 problem when signed in, 401 when not', async () => {
    const res = await leader.get('/api/v1/no-such-thing');
    const body = expectProblem(res, 404, 'NOT_FOUND');
    expect(body.detail).toBe('no route GET /api/v1/no-such-thing');
    expectProblem(await leader.post('/api/v1/projects/x/y/z', {}), 404, 'NOT_FOUND');
    expectProblem(await t.anonymous().get('/api/v1/no-such-thing'), 401, 'UNAUTHENTICATED');
    expectProblem(await t.anonymous().get('/api/no-such-thing'), 404, 'NOT_FOUND');
  });

  it('answers malformed JSON with 400 and a wrong media type with 415, never 500', async () => {
    const broken = await leader.request({ method: 'POST', url: '/api/v1/tokens', payload: '{"name": ', headers: { 'content-type': 'application/json' } });
    expectProblem(broken, 400, 'BAD_REQUEST');
    const xml = await leader.request({ method: 'POST', url: '/api/v1/tokens', payload: '<name>x</name>', headers: { 'content-type': 'application/xml' } });
    expectProblem(xml, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('serves the browsable API docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});
