import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Reads a GeoReport v2 XML answer back into the JSON ("Spark") shape, so the same JSON Schema checks both formats:
 * repeated containers become arrays, and the typed fields (booleans, numbers) get their types back.
 */
const LISTS: Record<string, string> = {
  services: 'service', service_requests: 'request', errors: 'error', attributes: 'attribute', values: 'value',
  endpoints: 'endpoint', formats: 'format', service_request_updates: 'request_update',
};
const BOOLEAN = new Set(['metadata', 'variable', 'required']);
const NUMBER = new Set(['lat', 'long', 'order', 'code']);

export function parseGeoReportXml(xml: string): { root: string; value: unknown } {
  if (!xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')) throw new Error('missing the XML declaration');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`invalid XML: ${JSON.stringify(valid)}`);
  const parser = new XMLParser({ ignoreDeclaration: true, parseTagValue: false, trimValues: false, isArray: (name, path) => Object.values(LISTS).includes(name) && !!LISTS[String(path).split('.').slice(-2, -1)[0] ?? ''] });
  const doc = parser.parse(xml) as Record<string, unknown>;
  const [root] = Object.keys(doc);
  return { root: root!, value: convert(root!, doc[root!], root!) };
}

function convert(name: string, v: unknown, parent: string): unknown {
  if (LISTS[name]) {
    const items = v === '' || v === undefined ? [] : ((v as Record<string, unknown[]>)[LISTS[name]!] ?? []);
    return (items as unknown[]).map((x) => convert(LISTS[name]!, x, name));
  }
  if (v === '' && name !== 'description') return null;
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(k, x, name)]));
  if (BOOLEAN.has(name)) return v === 'true';
  // `code` is a number in <error> only; attribute codes are text.
  if (NUMBER.has(name) && !(name === 'code' && parent !== 'error')) return Number(v);
  return v;
}
