import { Ajv } from 'ajv';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, projectId, signIn, unitId } from '../../../test/factories.js';
import { createTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { newId } from '../../kernel/ids.js';
import { trackingHash } from '../appeals/tracking-code.js';
import { answerAndClose } from '../appeals/testing/appeal-kit.js';
import * as S from './testing/georeport-schemas.js';
import { parseGeoReportXml } from './testing/xml.js';

/** Every GeoReport v2 endpoint and error, in .json and .xml, checked against JSON Schemas written from the spec. */
let t: TestApp;
let anon: Client;
let apiKey: string;
let p1: string;
const ajv = new Ajv({ allErrors: true, strict: false });
const validators = new Map<object, ReturnType<Ajv['compile']>>();
function valid(schema: object, data: unknown) {
  if (!validators.has(schema)) validators.set(schema, ajv.compile(schema));
  const v = validators.get(schema)!;
  if (!v(data)) throw new Error(`schema: ${ajv.errorsText(v.errors)}\n${JSON.stringify(data).slice(0, 500)}`);
  return data as any;
}

const ROOTS = new Map<object, string>([
  [S.discoverySchema, 'discovery'], [S.servicesSchema, 'services'], [S.serviceDefinitionSchema, 'service_definition'],
  [S.requestsSchema, 'service_requests'], [S.postResponseSchema, 'service_requests'], [S.tokensSchema, 'service_requests'],
  [S.updatesSchema, 'service_request_updates'], [S.errorsSchema, 'errors'],
]);
/** The answer in one format: status, content type and body checked; the body returned in JSON shape. */
function check(res: LightMyRequestResponse, format: 'json' | 'xml', status: number, schema: object): any {
  expect({ status: res.statusCode, body: res.body.slice(0, 400) }).toMatchObject({ status });
  if (format === 'json') {
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return valid(schema, res.json());
  }
  expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  const { root, value } = parseGeoReportXml(res.body);
  expect(root).toBe(ROOTS.get(schema));
  return valid(schema, value);
}
/** Both formats of a GET; returns the JSON body. */
async function both(url: string, status: number, schema: object) {
  const xml = check(await anon.get(url.replace('.{f}', '.xml')), 'xml', status, schema);
  const json = check(await anon.get(url.replace('.{f}', '.json')), 'json', status, schema);
  expect(xml).toEqual(json);
  return json;
}
const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
};
const post = (format: 'json' | 'xml', fields: Record<string, string | string[]>) =>
  anon.request({ method: 'POST', url: `/open311/v2/requests.${format}`, payload: form(fields), headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } });
const noise = (extra: Record<string, string | string[]> = {}) => ({
  api_key: apiKey, service_code: 'noise', lat: '30.3178', long: '120.1729', description: '夜间施工噪声', 'attribute[noise_time][]': ['night', 'holiday'], ...extra,
});

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '100000' } });
  anon = t.anonymous();
  p1 = await projectId(t, 1);
  const admin = await signIn(t, 'admin');
  const key = await admin.post('/api/v1/open311/keys', { name: '12345 热线', source: 'hotline_12345' });
  expect(key.statusCode).toBe(201);
  apiKey = key.json().apiKey;
});
afterAll(async () => t?.close());

describe('discovery, services, service definitions', () => {
  it('GET discovery in both formats', async () => {
    const d = await both('/open311/v2/discovery.{f}', 200, S.discoverySchema);
    expect(d.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production', formats: ['text/xml', 'application/json'] });
    expect(d.endpoints[0].url).toMatch(/\/open311\/v2$/);
  });

  it('GET services: the appeal categories, with groups and keywords; a wrong jurisdiction is 404, an empty one is absent', async () => {
    const list = await both('/open311/v2/services.{f}', 200, S.servicesSchema);
    expect(list.map((s: { service_code: string }) => s.service_code)).toEqual(['noise', 'dust', 'traffic', 'safety', 'damage', 'hours', 'other']);
    expect(list[0]).toMatchObject({ service_name: '噪声', metadata: true, type: 'realtime', group: '环境影响' });
    expect(list[0].keywords).toContain('noise');
    await both('/open311/v2/services.{f}?jurisdiction_id=', 200, S.servicesSchema);
    await both('/open311/v2/services.{f}?jurisdiction_id=localhost', 200, S.servicesSchema);
    const err = await both('/open311/v2/services.{f}?jurisdiction_id=sfgov.org', 404, S.errorsSchema);
    expect(err[0]).toMatchObject({ code: 404 });
  });

  it('GET services/:code: attributes with the key projects and a multi-value list; 404 for an unknown code', async () => {
    const def = await both('/open311/v2/services/noise.{f}', 200, S.serviceDefinitionSchema);
    expect(def.attributes.map((a: { code: string; order: number }) => [a.code, a.order])).toEqual([['project', 1], ['noise_time', 2]]);
    expect(def.attributes[0].values).toHaveLength(26);
    expect(def.attributes[0].values[0]).toEqual({ key: 'XC-ZD-2026-01', name: '中大银泰城' });
    expect(def.attributes[1]).toMatchObject({ datatype: 'multivaluelist', required: true, variable: true });
    const safety = await both('/open311/v2/services/safety.{f}', 200, S.serviceDefinitionSchema);
    expect(safety.attributes[1]).toMatchObject({ variable: false, datatype_description: null });
    expect((await both('/open311/v2/services/potholes.{f}', 404, S.errorsSchema))[0].description).toContain('potholes');
    await both('/open311/v2/services/noise.{f}?jurisdiction_id=other.example', 404, S.errorsSchema);
  });

  it('answers an unknown format or resource with a 404 in the spec format', async () => {
    const res = await anon.get('/open311/v2/services.html');
    expect(res.statusCode).toBe(404);
    expect(parseGeoReportXml(res.body).root).toBe('errors');
    check(await anon.get('/open311/v2/nothing.json'), 'json', 404, S.errorsSchema);
    check(await anon.get('/open311/v2/nothing.xml'), 'xml', 404, S.errorsSchema);
  });
});

describe('POST requests', () => {
  it('files an appeal with an api_key (form-encoded, multi-value list), on the project nearest the point', async () => {
    const res = check(await post('json', noise()), 'json', 200, S.postResponseSchema);
    const id = res[0].service_request_id;
    expect(res[0].service_notice).toMatch(/查询码 [A-Z2-7]{26}/);
    const appeal = await t.db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(appeal).toMatchObject({ channel: 'open311', source: 'hotline_12345', category: 'noise', projectId: p1, lat: 30.3178, lng: 120.1729, anonymous: 1 });
    expect(JSON.parse(appeal.attributes!)).toEqual({ noise_time: ['night', 'holiday'] });
    const c = await t.db.selectFrom('cases').selectAll().where('id', '=', appeal.caseId!).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ type: 'appeal', source: 'hotline_12345', projectId: p1 });
    expect(c.description).toContain('noise_time：night、holiday');
    const audit = await t.db.selectFrom('auditLog').select(['actorName', 'actorRole']).where('entityId', '=', id).executeTakeFirstOrThrow();
    expect(audit).toEqual({ actorName: 'open311:12345 热线', actorRole: 'open311' });
  });

  it('answers in XML too; takes the project from attribute[project], the contact sealed, media_url kept', async () => {
    const res = check(await post('xml', noise({ lat: '', long: '', address_string: '凤起路某号', 'attribute[project]': 'XC-ZD-2026-04', first_name: '小红', last_name: '李', phone: '+86 138-1234-1234', email: 'x@example.cn', media_url: 'https://img.example.cn/1.jpg' })), 'xml', 200, S.postResponseSchema);
    const appeal = await t.db.selectFrom('appeals').selectAll().where('id', '=', res[0].service_request_id).executeTakeFirstOrThrow();
    expect(appeal).toMatchObject({ projectId: await projectId(t, 4), address: '凤起路某号', lat: null, contactName: '李小红', phoneMasked: '138****1234', mediaUrl: 'https://img.example.cn/1.jpg', anonymous: 0 });
    expect(t.rt.secrets.open(appeal.phoneSealed!)).toBe('13812341234');
  });

  it('leaves a point far from every site to the organisation department', async () => {
    const res = check(await post('json', noise({ lat: '30.20', long: '120.30' })), 'json', 200, S.postResponseSchema);
    const appeal = await t.db.selectFrom('appeals').selectAll().where('id', '=', res[0].service_request_id).executeTakeFirstOrThrow();
    expect(appeal).toMatchObject({ state: 'triage', projectId: null, caseId: null });
  });

  it('403 without or with a wrong/revoked api_key, in both formats', async () => {
    for (const format of ['json', 'xml'] as const) {
      const { api_key: _k, ...rest } = noise();
      expect(check(await post(format, rest), format, 403, S.errorsSchema)[0]).toEqual({ code: 403, description: 'api_key is missing or not valid' });
      check(await post(format, noise({ api_key: 'o311_wrong' })), format, 403, S.errorsSchema);
    }
    const admin = await signIn(t, 'admin');
    const k = (await admin.post('/api/v1/open311/keys', { name: '临时' })).json();
    check(await post('json', noise({ api_key: k.apiKey })), 'json', 200, S.postResponseSchema);
    expect((await admin.delete(`/api/v1/open311/keys/${k.id}`)).statusCode).toBe(204);
    check(await post('json', noise({ api_key: k.apiKey })), 'json', 403, S.errorsSchema);
  });

  it('400 for no location, no service_code, missing or unknown attributes, bad lat/long, long description, bad media_url; 404 for an unknown code', async () => {
    const cases: [Record<string, string | string[]>, number, RegExp][] = [
      [noise({ lat: '', long: '' }), 400, /location is required/],
      [noise({ long: '' }), 400, /lat and long go together/],
      [noise({ lat: '91' }), 400, /lat must be a number/],
      [noise({ service_code: '' }), 400, /service_code not provided/],
      [noise({ service_code: 'potholes' }), 404, /service_code potholes not found/],
      [noise({ 'attribute[noise_time][]': [] }), 400, /attribute\[noise_time\] is required/],
      [noise({ 'attribute[noise_time][]': ['night', 'dawn'] }), 400, /unknown value dawn/],
      [noise({ 'attribute[project]': 'XC-NOPE' }), 400, /attribute\[project\] has unknown value/],
      [noise({ description: '很'.repeat(4001) }), 400, /longer than 4000/],
      [noise({ media_url: 'javascript:alert(1)' }), 400, /media_url/],
      [noise({ phone: '12' }), 400, /phone/],
      [noise({ jurisdiction_id: 'other.example' }), 404, /jurisdiction_id/],
    ];
    for (const [fields, status, message] of cases) {
      for (const format of ['json', 'xml'] as const) {
        const body = check(await post(format, fields), format, status, S.errorsSchema);
        expect([message.source, body[0].description]).toEqual([message.source, expect.stringMatching(message)]);
      }
    }
    const single = check(await post('json', noise({ 'attribute[noise_time]': 'midday' })), 'json', 200, S.postResponseSchema);
    expect(single[0].service_request_id).toBeTruthy();
    const multipart = await anon.request({ method: 'POST', url: '/open311/v2/requests.json', payload: '--x\r\n\r\n--x--', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    check(multipart, 'json', 400, S.errorsSchema);
  });
});

describe('GET requests, one request, tokens, servicerequestupdates', () => {
  let closedId: string;
  let oldId: string;
  beforeAll(async () => {
    // One appeal answered and closed through its case, one filed 120 days ago (outside the default window).
    const filed = check(await post('json', noise()), 'json', 200, S.postResponseSchema);
    closedId = filed[0].service_request_id;
    const a = await t.db.selectFrom('appeals').select('caseId').where('id', '=', closedId).executeTakeFirstOrThrow();
    await answerAndClose(a.caseId!, await signIn(t, 'zy01'), await signIn(t, 'cgj'), await unitId(t, 'CGJ'), '已责令整改，联系电话 13900001111');
    oldId = newId();
    const old = t.clock.now().getTime() - 120 * 86_400_000;
    const districtId = (await t.db.selectFrom('projects').select('districtId').where('id', '=', p1).executeTakeFirstOrThrow()).districtId;
    await t.db.insertInto('appeals').values({
      id: oldId, districtId, projectId: null, caseId: null, trackingHash: trackingHash(`OLD${oldId}`), state: 'triage', channel: 'open311', source: 'other',
      category: 'dust', description: '旧的扬尘诉求', address: '某路', lat: null, lng: null, attributes: null, mediaUrl: null, anonymous: 1, contactName: null,
      phoneSealed: null, phoneMasked: null, publicReply: null, challengeId: null, open311KeyId: null, version: 1, createdAt: old, updatedAt: old,
    }).execute();
  });

  it('lists the last 90 days by default, newest first, with string ids, +08:00 datetimes and WGS84 numbers', async () => {
    const list = await both('/open311/v2/requests.{f}', 200, S.requestsSchema);
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(oldId);
    for (const r of list) expect(r.requested_datetime).toMatch(/\+08:00$/);
    const closed = list.find((r: { service_request_id: string }) => r.service_request_id === closedId);
    expect(closed).toMatchObject({ status: 'closed', status_notes: '已办结', agency_responsible: '区城管局', service_code: 'noise', service_name: '噪声', lat: 30.3178, long: 120.1729 });
    expect(closed.expected_datetime).toBeUndefined();
    const open = list.find((r: { status: string; agency_responsible?: string }) => r.status === 'open' && !r.agency_responsible);
    expect(open.status_notes).toMatch(/待/);
  });

  it('filters by status and service_code; an empty parameter is the same as none', async () => {
    const closed = await both('/open311/v2/requests.{f}?status=closed', 200, S.requestsSchema);
    expect(closed.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([closedId]);
    const open = await both('/open311/v2/requests.{f}?status=open', 200, S.requestsSchema);
    expect(open.every((r: { status: string }) => r.status === 'open')).toBe(true);
    expect((await both('/open311/v2/requests.{f}?status=open,closed', 200, S.requestsSchema)).length).toBe(open.length + 1);
    expect(await both('/open311/v2/requests.{f}?service_code=dust,traffic', 200, S.requestsSchema)).toEqual([]);
    const blank = await both('/open311/v2/requests.{f}?status=&service_code=&start_date=&end_date=&page=&page_size=&jurisdiction_id=', 200, S.requestsSchema);
    expect(blank).toEqual(await both('/open311/v2/requests.{f}', 200, S.requestsSchema));
  });

  it('lets service_request_id (a comma list) override every other filter', async () => {
    const res = await both(`/open311/v2/requests.{f}?service_request_id=${closedId},${oldId}&status=open&service_code=traffic&start_date=2026-11-01T00:00:00%2B08:00`, 200, S.requestsSchema);
    expect(res.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([closedId, oldId].sort());
  });

  it('takes a window of at most 90 days (400 beyond), finds old requests inside one, and pages with page/page_size', async () => {
    const start = new Date(t.clock.now().getTime() - 125 * 86_400_000).toISOString();
    const end = new Date(t.clock.now().getTime() - 100 * 86_400_000).toISOString();
    const old = await both(`/open311/v2/requests.{f}?start_date=${start}&end_date=${end}`, 200, S.requestsSchema);
    expect(old.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([oldId]);
    const onlyStart = await both(`/open311/v2/requests.{f}?start_date=${start}`, 200, S.requestsSchema);
    expect(onlyStart.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([oldId]);
    expect((await both('/open311/v2/requests.{f}?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z', 400, S.errorsSchema))[0].description).toMatch(/90 days/);
    expect((await both('/open311/v2/requests.{f}?start_date=2026-11-20&end_date=2026-11-01', 400, S.errorsSchema))[0].description).toMatch(/before/);
    await both('/open311/v2/requests.{f}?start_date=yesterday', 400, S.errorsSchema);
    await both('/open311/v2/requests.{f}?status=pending', 400, S.errorsSchema);
    await both('/open311/v2/requests.{f}?page_size=1001', 400, S.errorsSchema);
    await both('/open311/v2/requests.{f}?page=0', 400, S.errorsSchema);
    const all = await both('/open311/v2/requests.{f}', 200, S.requestsSchema);
    const page2 = await both('/open311/v2/requests.{f}?page=2&page_size=2', 200, S.requestsSchema);
    expect(page2).toEqual(all.slice(2, 4));
  });

  it('returns at most 1,000 requests by default', async () => {
    const districtId = (await t.db.selectFrom('projects').select('districtId').where('id', '=', p1).executeTakeFirstOrThrow()).districtId;
    const now = t.clock.now().getTime();
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const id = newId();
      return {
        id, districtId, projectId: null, caseId: null, trackingHash: trackingHash(`BULK${id}`), state: 'triage', channel: 'open311', source: 'other',
        category: 'other', description: `批量 ${i}`, address: '某处', lat: null, lng: null, attributes: null, mediaUrl: null, anonymous: 1, contactName: null,
        phoneSealed: null, phoneMasked: null, publicReply: null, challengeId: null, open311KeyId: null, version: 1, createdAt: now - i * 60_000, updatedAt: now,
      };
    });
    for (let i = 0; i < rows.length; i += 100) await t.db.insertInto('appeals').values(rows.slice(i, i + 100)).execute();
    const res = check(await anon.get('/open311/v2/requests.json'), 'json', 200, S.requestsSchema);
    expect(res).toHaveLength(1000);
    expect(check(await anon.get('/open311/v2/requests.xml?page=2'), 'xml', 200, S.requestsSchema).length).toBeGreaterThan(0);
    await t.db.deleteFrom('appeals').where('description', 'like', '批量 %').execute();
  });

  it('GET requests/:id in both formats (still a list), 404 for an unknown id', async () => {
    const one = await both(`/open311/v2/requests/${closedId}.{f}`, 200, S.requestsSchema);
    expect(one).toHaveLength(1);
    expect(one[0].description).toBe('夜间施工噪声');
    await both('/open311/v2/requests/no-such-request.{f}', 404, S.errorsSchema);
    await both(`/open311/v2/requests/${closedId}.{f}?jurisdiction_id=x.example`, 404, S.errorsSchema);
  });

  it('GET tokens/:token: the resident\'s tracking code gives the request id; unknown tokens 404', async () => {
    const filed = check(await post('json', noise()), 'json', 200, S.postResponseSchema);
    const token = /查询码 ([A-Z2-7]{26})/.exec(filed[0].service_notice)![1]!;
    const res = await both(`/open311/v2/tokens/${token}.{f}`, 200, S.tokensSchema);
    expect(res).toEqual([{ service_request_id: filed[0].service_request_id, token }]);
    await both(`/open311/v2/tokens/${'A'.repeat(26)}.{f}`, 404, S.errorsSchema);
    await both('/open311/v2/tokens/short.{f}', 404, S.errorsSchema);
  });

  it("GET servicerequestupdates (FixMyStreet): the public steps, masked, in a ≤ 90-day window", async () => {
    const updates = await both('/open311/v2/servicerequestupdates.{f}', 200, S.updatesSchema);
    const mine = updates.filter((u: { service_request_id: string }) => u.service_request_id === closedId).map((u: { status: string }) => u.status);
    expect(mine).toEqual(expect.arrayContaining(['open', 'investigating', 'action_scheduled', 'in_progress', 'fixed']));
    const fixed = updates.find((u: { service_request_id: string; status: string }) => u.service_request_id === closedId && u.status === 'fixed');
    expect(fixed.description).toBe('已办结：已责令整改，联系电话 139****1111');
    for (const u of updates) expect(u.description).not.toMatch(/内部|施国强/);
    await both('/open311/v2/servicerequestupdates.{f}?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z', 400, S.errorsSchema);
    await both('/open311/v2/servicerequestupdates.{f}?jurisdiction_id=x.example', 404, S.errorsSchema);
  });

  it('answers 429 in the spec format when a client is too fast', async () => {
    const small = await createTestApp({ env: { RATE_LIMIT_PUBLIC_PER_MINUTE: '2' } });
    try {
      const a = small.anonymous();
      await a.get('/open311/v2/services.xml');
      await a.get('/open311/v2/services.xml');
      const res = await a.get('/open311/v2/services.xml');
      expect(res.statusCode).toBe(429);
      expect(parseGeoReportXml(res.body).value).toEqual([{ code: 429, description: 'too many requests; wait a minute' }]);
    } finally {
      await small.close();
    }
  });
});
