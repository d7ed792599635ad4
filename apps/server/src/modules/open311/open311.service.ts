import { appealCategoryNames, type AppealCategory } from '@liaison/contracts';
import { stampedCache } from '../../kernel/cache/stamped.js';
import type { Ctx } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { redactText } from '../appeals/public-text.js';
import { fileAppeal } from '../appeals/file-appeal.js';
import { normalizeTrackingCode, trackingHash } from '../appeals/tracking-code.js';
import { isServiceCode, serviceDefinition } from './open311.catalogue.js';
import { badRequest, notFound311, Open311Error, parseW3c, w3c } from './open311.format.js';
import type { Open311Key } from './open311-keys.service.js';

/**
 * GeoReport v2 over the appeals (OPEN311.md b.5–b.8, b.10): every appeal is a service request whose id is the
 * appeal's id; our case states map onto open/closed with the detail in status_notes. Nothing identifies a person:
 * descriptions are masked for phone numbers and e-mail addresses, and contact fields never leave.
 */
const DAY = 86_400_000;
export const MAX_WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;
const OPEN = ['submitted', 'accepted', 'assigned', 'in_progress', 'answered'];
const CLOSED = ['closed', 'rejected', 'withdrawn'];
const NOTES: Record<string, string> = {
  submitted: '已提交，待项目专员受理', accepted: '已受理，待派单', assigned: '已派单，待承办单位签收', in_progress: '承办单位办理中',
  answered: '已答复，待核实', closed: '已办结', rejected: '不予受理', withdrawn: '已撤销',
};

/** The single jurisdiction this server serves: PUBLIC_URL's host without www (OPEN311.md b.1), else the request's. */
export const jurisdictionOf = (ctx: Ctx, host: string) => (ctx.config.publicUrl ? new URL(ctx.config.publicUrl).hostname : host.split(':')[0]!).replace(/^www\./, '');

export function checkJurisdiction(given: string | undefined, ours: string) {
  if (given !== undefined && given !== ours) throw notFound311(`jurisdiction_id ${given} not found (this server serves ${ours})`);
}

function requestQuery(ctx: Ctx) {
  return ctx.db.selectFrom('appeals')
    .leftJoin('cases', 'cases.id', 'appeals.caseId')
    .leftJoin('units as lead', 'lead.id', 'cases.leadUnitId')
    .select([
      'appeals.id', 'appeals.state', 'appeals.category', 'appeals.description', 'appeals.address', 'appeals.lat', 'appeals.lng',
      'appeals.mediaUrl', 'appeals.publicReply', 'appeals.createdAt', 'appeals.updatedAt', 'cases.status as caseStatus',
      'cases.updatedAt as caseUpdatedAt', 'cases.closedAt', 'cases.deadline', 'cases.limitDays', 'cases.mergedIntoId', 'lead.name as leadUnit',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof requestQuery>['execute']>>[number];

function presentRequest(r: Row) {
  const status = r.state === 'triage' ? 'open' : r.state === 'dismissed' ? 'closed' : OPEN.includes(r.caseStatus ?? '') ? 'open' : 'closed';
  const notes = r.state === 'triage' ? '已提交，待区委组织部分派'
    : r.state === 'dismissed' ? `不属于重点项目诉求：${redactText(r.publicReply ?? '')}`
    : r.mergedIntoId ? '已与同类诉求合并办理' : NOTES[r.caseStatus ?? ''] ?? null;
  return {
    service_request_id: r.id,
    status,
    status_notes: notes,
    service_name: appealCategoryNames[r.category as AppealCategory] ?? r.category,
    service_code: r.category,
    description: redactText(r.description),
    agency_responsible: r.leadUnit ?? undefined,
    service_notice: status === 'open' ? `按规定时限（${r.limitDays ?? 5} 个工作日）办理答复` : undefined,
    requested_datetime: w3c(r.createdAt)!,
    updated_datetime: w3c(r.closedAt ?? Math.max(r.updatedAt, r.caseUpdatedAt ?? 0))!,
    expected_datetime: status === 'open' ? (w3c(r.deadline) ?? undefined) : undefined,
    address: r.address ?? undefined,
    lat: r.lat ?? undefined,
    long: r.lng ?? undefined,
    media_url: r.mediaUrl ?? undefined,
  };
}

/**
 * start/end as OPEN311.md b.7 says: at most 90 days, by default the last 90 (an over-long range is a 400, not clamped).
 * The default window starts on a whole minute, so a list stays the same answer for a minute unless something changes.
 */
export function dateWindow(now: number, start?: string, end?: string): [number, number] {
  const s = start === undefined ? undefined : parseW3c('start_date', start);
  const e = end === undefined ? undefined : parseW3c('end_date', end);
  if (s === undefined && e === undefined) return [Math.floor(now / 60_000) * 60_000 - MAX_WINDOW_DAYS * DAY, now];
  const from = s ?? (e !== undefined ? e - MAX_WINDOW_DAYS * DAY : now - MAX_WINDOW_DAYS * DAY);
  const to = e ?? (s !== undefined ? s + MAX_WINDOW_DAYS * DAY : now);
  if (to < from) throw badRequest('end_date is before start_date');
  if (to - from > MAX_WINDOW_DAYS * DAY) throw badRequest(`start_date to end_date spans more than ${MAX_WINDOW_DAYS} days`);
  return [from, to];
}

const commaList = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);

export type RequestsQuery = { service_request_id?: string; service_code?: string; start_date?: string; end_date?: string; status?: string; page?: number; page_size?: number };

export async function listRequests(ctx: Ctx, q: RequestsQuery) {
  const ids = commaList(q.service_request_id);
  let query = requestQuery(ctx);
  if (ids.length) {
    // service_request_id overrides every other filter (b.7).
    if (ids.length > MAX_RESULTS) throw badRequest(`at most ${MAX_RESULTS} service_request_id values`);
    query = query.where('appeals.id', 'in', ids);
  } else {
    const [from, to] = dateWindow(ctx.now().getTime(), q.start_date, q.end_date);
    query = query.where('appeals.createdAt', '>=', from).where('appeals.createdAt', '<=', to);
    const codes = commaList(q.service_code);
    if (codes.length) query = query.where('appeals.category', 'in', codes);
    const statuses = new Set(commaList(q.status));
    for (const s of statuses) if (s !== 'open' && s !== 'closed') throw badRequest(`status must be open, closed or both (got ${s})`);
    if (statuses.size === 1) {
      const open = statuses.has('open');
      query = query.where((eb) => eb.or([
        eb('appeals.state', '=', open ? 'triage' : 'dismissed'),
        eb.and([eb('appeals.state', '=', 'case'), eb('cases.status', 'in', open ? OPEN : CLOSED)]),
      ]));
    }
    const size = q.page_size ?? MAX_RESULTS;
    query = query.limit(size).offset(((q.page ?? 1) - 1) * size);
  }
  const rows = await query.orderBy('appeals.createdAt', 'desc').orderBy('appeals.id', 'desc').execute();
  return rows.map(presentRequest);
}

/**
 * Lists without service_request_id, kept rendered (JSON or XML) per query and minute: clients poll the same few lists,
 * and a default list is a thousand rows. An entry is served while its stamp holds — the latest change of an appeal, of
 * a case (its status and dates show) and of a unit (the agency's name), and the number of appeals in the window (one
 * removed), all read off indexes — so an answer is never older than the data. At most 50 lists per database.
 */
const lists = stampedCache<string>(50);

export async function renderedRequests(ctx: Ctx, q: RequestsQuery, format: string, render: (items: unknown[]) => string): Promise<string> {
  if (q.service_request_id) return render(await listRequests(ctx, q));
  const [from, to] = dateWindow(ctx.now().getTime(), q.start_date, q.end_date);
  const stamp = await ctx.db.selectNoFrom((eb) => [
    eb.selectFrom('appeals').select((e) => e.fn.max('updatedAt').as('a')).as('a'),
    eb.selectFrom('appeals').select((e) => e.fn.countAll<number>().as('n')).where('createdAt', '>=', from).where('createdAt', '<=', to).as('n'),
    eb.selectFrom('cases').select((e) => e.fn.max('updatedAt').as('c')).as('c'),
    eb.selectFrom('units').select((e) => e.fn.max('updatedAt').as('u')).as('u'),
  ]).executeTakeFirstOrThrow();
  const key = JSON.stringify([format, q.service_code, q.start_date, q.end_date, q.status, q.page, q.page_size, Math.floor(ctx.now().getTime() / 60_000)]);
  return lists(ctx.db, key, `${stamp.a}|${stamp.n}|${stamp.c}|${stamp.u}`, async () => render(await listRequests(ctx, q)));
}

export async function getRequest(ctx: Ctx, id: string) {
  const row = await requestQuery(ctx).where('appeals.id', '=', id).executeTakeFirst();
  if (!row) throw notFound311(`service_request_id ${id} not found`);
  return [presentRequest(row)];
}

/** GET tokens/:token: the token is the tracking code handed to the resident (in service_notice of the POST answer). */
export async function requestIdOfToken(ctx: Ctx, token: string) {
  const code = normalizeTrackingCode(token);
  const row = await ctx.db.selectFrom('appeals').select('id').where('trackingHash', '=', trackingHash(code ?? token)).executeTakeFirst();
  if (!row || !code) throw notFound311('token not found');
  return [{ service_request_id: row.id, token: code }];
}

/** FixMyStreet's servicerequestupdates: the public steps of every appeal's case in the window. */
const UPDATE_STATUS: Record<string, string> = {
  created: 'open', accepted: 'investigating', dispatched: 'action_scheduled', signed: 'in_progress', answered: 'in_progress',
  'sent-back': 'in_progress', closed: 'fixed', rejected: 'no_further_action', reopened: 'open', merged: 'duplicate', withdrawn: 'closed',
};
const UPDATE_TEXT: Record<string, string> = {
  created: '已提交', accepted: '已受理', dispatched: '已派单', signed: '承办单位已签收', answered: '已答复，待核实', 'sent-back': '答复未通过核实，重新办理',
  closed: '已办结', rejected: '不予受理', reopened: '居民不满意，重新办理', merged: '已与同类诉求合并办理', withdrawn: '已撤销',
};

export async function listUpdates(ctx: Ctx, q: { start_date?: string; end_date?: string; page?: number; page_size?: number }) {
  const [from, to] = dateWindow(ctx.now().getTime(), q.start_date, q.end_date);
  const size = q.page_size ?? MAX_RESULTS;
  const rows = await ctx.db.selectFrom('caseEvents').innerJoin('appeals', 'appeals.caseId', 'caseEvents.caseId').innerJoin('cases', 'cases.id', 'caseEvents.caseId')
    .select(['caseEvents.id', 'caseEvents.kind', 'caseEvents.at', 'caseEvents.payload', 'appeals.id as appealId', 'cases.publicReply'])
    .where('caseEvents.internal', '=', 0).where('caseEvents.kind', 'in', Object.keys(UPDATE_STATUS))
    .where('caseEvents.at', '>=', from).where('caseEvents.at', '<=', to)
    .orderBy('caseEvents.at', 'desc').orderBy('caseEvents.id', 'desc').limit(size).offset(((q.page ?? 1) - 1) * size).execute();
  return rows.map((r) => {
    const unit = r.kind === 'dispatched' ? (JSON.parse(r.payload) as { unit?: { name?: string } }).unit?.name : undefined;
    const text = r.kind === 'closed' && r.publicReply ? `${UPDATE_TEXT.closed}：${redactText(r.publicReply)}` : `${UPDATE_TEXT[r.kind]}${unit ? `：${unit}` : ''}`;
    return { update_id: r.id, service_request_id: r.appealId, status: UPDATE_STATUS[r.kind]!, updated_datetime: w3c(r.at)!, description: text, media_url: undefined as string | undefined };
  });
}

// --- POST requests ---
export type PostBody = Record<string, unknown> & { attribute?: Record<string, unknown> };
const str = (v: unknown, name: string, max: number): string | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' && typeof v !== 'number') throw badRequest(`${name} must be text`);
  const s = String(v).trim();
  if ([...s].length > max) throw badRequest(`${name} is longer than ${max} characters`);
  return s === '' ? undefined : s;
};
const num = (v: unknown, name: string, min: number, max: number): number | undefined => {
  const s = str(v, name, 40);
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n) || n < min || n > max) throw badRequest(`${name} must be a number from ${min} to ${max} (WGS84)`);
  return n;
};

/** Metres between two WGS84 points (haversine): enough to find the nearest site. */
const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lng - a.lng) * r) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
};
export const NEAREST_PROJECT_METRES = 1000;

function checkAttributes(def: ReturnType<typeof serviceDefinition>, given: Record<string, unknown>) {
  const out: Record<string, string | string[]> = {};
  const errors: string[] = [];
  for (const a of def.attributes.filter((x) => x.variable)) {
    const raw = given[a.code];
    const values = (Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw]).map((v) => String(v).trim()).filter(Boolean);
    if (!values.length) {
      if (a.required) errors.push(`attribute[${a.code}] is required`);
      continue;
    }
    if (a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') {
      const keys = new Set((a.values ?? []).map((v) => v.key));
      const bad = values.filter((v) => !keys.has(v));
      if (bad.length) errors.push(`attribute[${a.code}] has unknown value ${bad.join(', ')}`);
      if (a.datatype === 'singlevaluelist' && values.length > 1) errors.push(`attribute[${a.code}] takes one value`);
      out[a.code] = a.datatype === 'multivaluelist' ? values : values[0]!;
    } else if (a.datatype === 'datetime') {
      try {
        out[a.code] = w3c(parseW3c(`attribute[${a.code}]`, values[0]!))!;
      } catch (err) {
        errors.push((err as Error).message);
      }
    } else {
      out[a.code] = values[0]!.slice(0, 1000);
    }
  }
  if (errors.length) throw new Open311Error(400, errors.join('; '));
  return out;
}

const phoneOf = (v: string | undefined) => {
  if (!v) return null;
  const digits = v.replace(/[\s()-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  if (!/^(1[3-9]\d{9}|0\d{9,11})$/.test(digits)) throw badRequest('phone is not a mainland mobile or landline number');
  return digits;
};

/** POST requests (b.5), after the API key has been checked: files an appeal and answers its id. */
export async function postRequest(ctx: Ctx, body: PostBody, key: Open311Key) {
  const code = str(body.service_code, 'service_code', 40);
  if (!code) throw badRequest('service_code not provided');
  if (!isServiceCode(code)) throw notFound311(`service_code ${code} not found`);
  const lat = num(body.lat, 'lat', -90, 90);
  const lng = num(body.long, 'long', -180, 180);
  if ((lat === undefined) !== (lng === undefined)) throw badRequest('lat and long go together');
  const address = str(body.address_string, 'address_string', 300) ?? str(body.address_id, 'address_id', 100);
  if (lat === undefined && !address) throw badRequest('a location is required: lat and long, address_string or address_id');
  const description = str(body.description, 'description', 4000);
  const mediaUrl = str(body.media_url, 'media_url', 1000);
  if (mediaUrl && !/^https?:\/\/[^\s]+$/i.test(mediaUrl)) throw badRequest('media_url must be an http(s) URL');
  const projects = await ctx.db.selectFrom('projects').select(['id', 'code', 'name', 'lat', 'lng']).where('archivedAt', 'is', null).orderBy('code').execute();
  const attributes = checkAttributes(serviceDefinition(code, projects), body.attribute ?? {});
  let projectId = projects.find((p) => p.code === attributes.project)?.id ?? null;
  if (!projectId && lat !== undefined && lng !== undefined) {
    const near = projects.filter((p) => p.lat !== null && p.lng !== null)
      .map((p) => ({ id: p.id, d: metres({ lat, lng }, { lat: p.lat!, lng: p.lng! }) }))
      .sort((a, b) => a.d - b.d)[0];
    if (near && near.d <= NEAREST_PROJECT_METRES) projectId = near.id;
  }
  const first = str(body.first_name, 'first_name', 30);
  const last = str(body.last_name, 'last_name', 30);
  const cjk = /[\u4e00-\u9fff]/.test(`${last ?? ''}${first ?? ''}`);
  const name = first || last ? (cjk ? `${last ?? ''}${first ?? ''}` : [first, last].filter(Boolean).join(' ')) : null;
  const phone = phoneOf(str(body.phone, 'phone', 30));
  const shown = Object.fromEntries(Object.entries(attributes).filter(([k]) => k !== 'project'));
  let filed;
  try {
    filed = await fileAppeal(ctx, {
      channel: 'open311', source: key.source as 'other', category: code, description: description ?? `（${appealCategoryNames[code]}，未填写描述）`,
      projectId, address: address ?? null, lat: lat ?? null, lng: lng ?? null, attributes: shown, mediaUrl: mediaUrl ?? null,
      name, phone, challengeId: null, open311KeyId: key.id, photoIds: [], reporter: { name: `open311:${key.name}`.slice(0, 60), role: 'open311' },
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'VALIDATION_FAILED') throw badRequest(err.detail ?? 'invalid request');
    throw err;
  }
  const link = `/portal/t/${filed.trackingCode}`;
  return [{
    service_request_id: filed.appeal.id,
    service_notice: `${projectId ? '已转项目专员受理' : '已提交，由区委组织部分派'}，按规定时限办理答复。居民查询码 ${filed.trackingCode}（${link}），凭码查看进度并评价。`,
  }];
}

