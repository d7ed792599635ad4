import type { FastifyReply } from 'fastify';

/**
 * GeoReport v2 wire formats (OPEN311.md b.1, b.9): XML with the spec's element names, JSON by the "Spark convention"
 * (a root that holds repeated children becomes an array), datetimes in Beijing time with their offset.
 */
export type Format = 'json' | 'xml';

/** The element name of one child of each repeated container. */
const ITEM: Record<string, string> = {
  services: 'service', service_requests: 'request', errors: 'error', attributes: 'attribute', values: 'value',
  endpoints: 'endpoint', formats: 'format', service_request_updates: 'request_update',
};

const escapeXml = (s: string) => s
  // Characters XML 1.0 cannot carry at all.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function element(name: string, value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element(ITEM[name] ?? 'item', v)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value as Record<string, unknown>).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export const toXml = (root: string, value: unknown) => `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;

/** Drops undefined members, so JSON and XML carry the same fields. */
const clean = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

export function send311(reply: FastifyReply, format: Format, root: string, data: unknown, status = 200) {
  return sendRendered311(reply, format, render311(format, root, data), status);
}

/** The body of an answer in the format asked for. */
export function render311(format: Format, root: string, data: unknown): string {
  return format === 'json' ? JSON.stringify(clean(data)) : toXml(root, clean(data));
}

export function sendRendered311(reply: FastifyReply, format: Format, body: string, status = 200) {
  return reply.code(status).header('content-type', format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8').send(body);
}

/** An error in the spec's shape; `status` is 400, 403 or 404 (and 429 when a client is too fast). */
export class Open311Error extends Error {
  constructor(readonly status: number, readonly description: string, readonly code: number = status) {
    super(description);
  }
}
export const badRequest = (d: string) => new Open311Error(400, d);
export const notFound311 = (d: string) => new Open311Error(404, d);

export function sendErrors(reply: FastifyReply, format: Format, status: number, errors: { code: number; description: string }[]) {
  return send311(reply, format, 'errors', errors, status);
}

/** The format the caller asked for by the path's extension; XML is the spec's required one, so it is the fallback. */
export const formatOfUrl = (url: string): Format => (/\.json(\?|$)/i.test(url) ? 'json' : 'xml');

/** 2026-11-26T10:00:00+08:00 */
export const w3c = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`);

/** A W3C datetime; without an offset it is read as Beijing time, a bare date as its start. */
export function parseW3c(name: string, s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (!m) throw badRequest(`${name} is not a W3C datetime (e.g. 2026-11-01T00:00:00+08:00)`);
  const [, y, mo, d, h = '00', mi = '00', sec = '00', zone] = m;
  const offset = !zone ? '+08:00' : zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const t = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${sec}${offset}`);
  if (Number.isNaN(t)) throw badRequest(`${name} is not a valid datetime`);
  return t;
}

/**
 * application/x-www-form-urlencoded → fields, with `attribute[CODE]=v` and `attribute[CODE][]=v1&…` (a multi-value
 * list) gathered under `attribute`.
 */
export function parseForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const attribute: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(k);
    if (m) {
      const code = m[1]!;
      const prev = attribute[code];
      if (m[2]) attribute[code] = [...(prev === undefined ? [] : Array.isArray(prev) ? prev : [prev]), v];
      else attribute[code] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
      continue;
    }
    out[k] = v;
  }
  if (Object.keys(attribute).length) out.attribute = attribute;
  return out;
}
