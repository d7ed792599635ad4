/**
 * Test factories and helpers shared by the API tests. Everything a test creates gets a unique name, so tests in one
 * file share one app without cleaning up after each other.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { totpCode, totpStep } from '../src/kernel/auth/totp.js';
import { newId } from '../src/kernel/ids.js';
import type { ProjectTable, UnitTable } from '../src/kernel/db/schema.js';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-accounts.js';
import { Client, cookieFrom, type TestApp } from './harness.js';

let counter = 0;
/** A name no other test uses: the prefix, then digits and 'x' (so it never matches a search for a demo name). */
export const uniq = (prefix = 'u') => `${prefix}${process.pid}x${counter++}x${Math.floor(Math.random() * 10_000)}`;

/** A password that satisfies the policy and contains no test username. */
export const GOOD_PASSWORD = 'Harbour#Light-2027';
export const OTHER_PASSWORD = 'Meadow&River-2028';

export type SignedIn = Client & { step: string; username: string };

/** A second-factor code for `username` that the server has not seen yet (moves the test clock past the last used step). */
export async function freshTotpCode(t: TestApp, username: string): Promise<string> {
  const user = await t.db.selectFrom('users').select(['totpSecret', 'totpLastStep']).where('username', '=', username).executeTakeFirstOrThrow();
  if (!user.totpSecret) throw new Error(`${username} has no TOTP secret`);
  const secret = t.rt.secrets.open(user.totpSecret);
  const step = totpStep(t.clock.now());
  if (user.totpLastStep !== null && step <= user.totpLastStep) t.clock.advance((user.totpLastStep - step + 1) * 30_000);
  return totpCode(secret, t.clock.now());
}

/** POST /api/v1/session only: a client in whatever step the sign-in left it. */
export async function startSignIn(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<SignedIn> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  return Object.assign(new Client(t.app, cookieFrom(res), res.json().csrfToken), { step: res.json().step as string, username });
}

/**
 * Signs in and completes the second factor (enrolling it the first time, entering a fresh code afterwards).
 * Stops at 'change_password' (the returned client's `step` says so) and throws on anything else.
 */
export async function signIn(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<SignedIn> {
  const c = await startSignIn(t, username, password);
  if (c.step === 'totp_enrol') {
    const setup = await c.get('/api/v1/session/totp/setup');
    const done = await c.post('/api/v1/session/totp/enable', { code: totpCode(setup.json().secret, t.clock.now()) });
    if (done.statusCode !== 200) throw new Error(`TOTP enrolment for ${username} failed: ${done.body}`);
    c.step = done.json().step;
  } else if (c.step === 'totp') {
    const done = await c.post('/api/v1/session/totp', { code: await freshTotpCode(t, username) });
    if (done.statusCode !== 200) throw new Error(`TOTP for ${username} failed: ${done.body}`);
    c.step = done.json().step;
  }
  if (c.step !== 'ok' && c.step !== 'change_password') throw new Error(`sign-in as ${username} stopped at ${c.step}`);
  return c;
}

export type NewUser = { id: string; username: string; password: string; version: number; body: Record<string, any> };

/** Creates a user through the admin API (201 asserted). */
export async function createUser(
  admin: Client,
  opts: { roles?: string[]; unitId?: string | null; username?: string; displayName?: string; password?: string } = {},
): Promise<NewUser> {
  const username = opts.username ?? uniq('user');
  const password = opts.password ?? GOOD_PASSWORD;
  const res = await admin.post('/api/v1/users', {
    username,
    displayName: opts.displayName ?? `测试用户 ${username}`,
    roles: opts.roles ?? ['commissioner'],
    password,
    ...(opts.unitId !== undefined ? { unitId: opts.unitId } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`create user ${username}: ${res.statusCode} ${res.body}`);
  const body = res.json();
  return { id: body.id, username, password, version: body.version, body };
}

/** A new user, signed in, with the first-sign-in password change done: ready to use the API. */
export async function createActiveUser(t: TestApp, admin: Client, opts: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(admin, opts);
  const c = await signIn(t, user.username, user.password);
  const changed = await c.post('/api/v1/session/password', { currentPassword: user.password, newPassword: OTHER_PASSWORD });
  if (changed.statusCode !== 200 || changed.json().step !== 'ok') throw new Error(`password change for ${user.username}: ${changed.body}`);
  return { user: { ...user, password: OTHER_PASSWORD }, client: Object.assign(c, { step: 'ok' }) };
}

// --- ids of the demo district -------------------------------------------------------------------

export const projectCode = (n: number) => `XC-ZD-2026-${String(n).padStart(2, '0')}`;

export async function projectId(t: TestApp, n: number): Promise<string> {
  return (await t.db.selectFrom('projects').select('id').where('code', '=', projectCode(n)).executeTakeFirstOrThrow()).id;
}
export async function unitId(t: TestApp, code: string): Promise<string> {
  return (await t.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}
export async function userRow(t: TestApp, username: string) {
  return t.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
}
export async function userId(t: TestApp, username: string): Promise<string> {
  return (await userRow(t, username)).id;
}

// --- records written straight to the database (no API for them yet) ----------------------------

/** A district of its own: the district unit, one street and one enterprise. */
export async function insertDistrict(t: TestApp) {
  const now = t.clock.now().getTime();
  const unit = (code: string, name: string, kind: string, parentId: string | null, districtId: string | null): UnitTable => ({
    id: newId(), code, name, kind, parentId, districtId, phone: null, isActive: 1, version: 1, createdAt: now, updatedAt: now,
  });
  const tag = uniq('d').toUpperCase();
  const district = unit(`${tag}`, `测试区 ${tag}`, 'district', null, null);
  const street = unit(`${tag}-S`, `测试街道 ${tag}`, 'street', district.id, district.id);
  const enterprise = unit(`${tag}-E`, `测试建设有限公司 ${tag}`, 'enterprise', null, district.id);
  await t.db.insertInto('units').values([district, street, enterprise]).execute();
  return { district, street, enterprise };
}

export async function insertProject(t: TestApp, district: Awaited<ReturnType<typeof insertDistrict>>, overrides: Partial<ProjectTable> = {}) {
  const now = t.clock.now().getTime();
  const row: ProjectTable = {
    id: newId(), districtId: district.district.id, code: uniq('P').toUpperCase(), name: '测试项目', category: '测试', address: '测试路1号',
    streetId: district.street.id, communityId: null, lat: null, lng: null, ownerUnitId: district.enterprise.id,
    contractorUnitId: district.enterprise.id, supervisorUnitId: null, totalInvestment: 1_000_000, annualPlannedInvestment: 500_000,
    investmentCompleted: 250_000, plannedStart: '2026-01-01', plannedFinish: '2027-12-31', phase: 'construction', light: 'green',
    description: '', constructionHours: null, impactNotice: null, isDemo: 0, archivedAt: null, version: 1, createdAt: now, updatedAt: now,
    ...overrides,
  };
  await t.db.insertInto('projects').values(row).execute();
  return row;
}

// --- assertions ---------------------------------------------------------------------------------

/** An RFC 9457 problem with this status (and code), carrying the request id the response header names. */
export function expectProblem(res: LightMyRequestResponse, status: number, code?: string) {
  expect({ status: res.statusCode, body: res.body.slice(0, 300) }).toMatchObject({ status });
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = res.json();
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^https:\/\/liaison\.local\/problems\/[a-z-]+$/);
  expect(typeof body.title).toBe('string');
  expect(body.requestId).toBe(res.headers['x-request-id']);
  if (code) expect(body.code).toBe(code);
  return body as { code: string; detail?: string; errors?: { path: string; message: string }[] };
}

/** The paths of a problem's field errors. */
export const errorPaths = (res: LightMyRequestResponse) => ((res.json().errors ?? []) as { path: string }[]).map((e) => e.path);

export async function auditRowsFor(t: TestApp, entityId: string) {
  return t.db.selectFrom('auditLog').selectAll().where('entityId', '=', entityId).orderBy('seq').execute();
}

/** A multipart/form-data body with one file field, for `Client.request`. */
export function multipartFile(data: Buffer, filename: string, mediaType: string, field = 'file') {
  const boundary = `----liaison-test-${Math.random().toString(36).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${mediaType}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The smallest file the upload accepts: a PDF (the type is sniffed from its first bytes). */
export const tinyPdf = () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
