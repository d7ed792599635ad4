import { z } from 'zod';

/**
 * Zod shapes of the Open311 routes: they validate the query (an empty parameter is the same as a missing one,
 * b.1; unknown parameters are ignored, as clients send extensions) and document the JSON answers in OpenAPI.
 * The XML answers carry the same fields under the spec's element names.
 */
const blankIsAbsent = (v: unknown) => (v === '' ? undefined : Array.isArray(v) ? v.join(',') : v);
const text = (max: number) => z.preprocess(blankIsAbsent, z.string().max(max).optional());
const int = (min: number, max: number) => z.preprocess(blankIsAbsent, z.coerce.number().int().min(min).max(max).optional());

export const formatParams = z.object({ format: z.string().max(10).describe('json or xml') });
export const serviceParams = formatParams.extend({ service_code: z.string().min(1).max(40) });
export const requestParams = formatParams.extend({ service_request_id: z.string().min(1).max(64) });
export const tokenParams = formatParams.extend({ token: z.string().min(1).max(64) });

export const baseQuery = z.object({ jurisdiction_id: text(200) });
export const requestsQuery = baseQuery.extend({
  service_request_id: text(70_000).describe('comma-separated; overrides all other parameters'),
  service_code: text(400).describe('comma-separated'),
  start_date: text(40).describe('W3C datetime; the window is at most 90 days'),
  end_date: text(40),
  status: text(20).describe('open, closed, or open,closed'),
  page: int(1, 100_000).describe('extension: page number, from 1'),
  page_size: int(1, 1000).describe('extension: at most 1,000 (the default)'),
});
export const updatesQuery = baseQuery.extend({ start_date: text(40), end_date: text(40), page: int(1, 100_000), page_size: int(1, 1000) });

export const postRequestBody = z.object({
  api_key: z.string().optional().describe('required: issued by the system admin; a missing or wrong key is a 403'),
  jurisdiction_id: z.string().optional(),
  service_code: z.union([z.string(), z.number()]).optional().describe('required'),
  lat: z.union([z.string(), z.number()]).optional(),
  long: z.union([z.string(), z.number()]).optional(),
  address_string: z.string().optional(),
  address_id: z.string().optional(),
  email: z.string().optional().describe('accepted and not stored'),
  device_id: z.string().optional(),
  account_id: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  phone: z.string().optional().describe('stored encrypted; only the handler who calls back sees it'),
  description: z.string().optional().describe('at most 4,000 characters'),
  media_url: z.string().optional(),
  attribute: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional().describe('attribute[code]=v, attribute[code][]=v1&attribute[code][]=v2'),
}).describe('application/x-www-form-urlencoded (JSON is accepted too)');

export const discovery = z.object({
  changeset: z.string(), contact: z.string(), key_service: z.string(),
  endpoints: z.array(z.object({ specification: z.string(), url: z.string(), changeset: z.string(), type: z.enum(['production', 'test']), formats: z.array(z.string()) })),
});
export const services = z.array(z.object({
  service_code: z.string(), service_name: z.string(), description: z.string(), metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']), keywords: z.string(), group: z.string(),
}));
export const serviceDefinition = z.object({
  service_code: z.string(),
  attributes: z.array(z.object({
    variable: z.boolean(), code: z.string(), datatype: z.string(), required: z.boolean(), datatype_description: z.string().nullable(),
    order: z.number().int(), description: z.string(), values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
  })),
});
export const postResponse = z.array(z.object({ service_request_id: z.string().optional(), token: z.string().optional(), service_notice: z.string().optional(), account_id: z.string().optional() }));
export const requests = z.array(z.object({
  service_request_id: z.string(), status: z.enum(['open', 'closed']), status_notes: z.string().nullable().optional(),
  service_name: z.string(), service_code: z.string(), description: z.string(), agency_responsible: z.string().optional(),
  service_notice: z.string().optional(), requested_datetime: z.string(), updated_datetime: z.string(), expected_datetime: z.string().optional(),
  address: z.string().optional(), lat: z.number().optional(), long: z.number().optional(), media_url: z.string().optional(),
}));
export const tokens = z.array(z.object({ service_request_id: z.string(), token: z.string() }));
export const updates = z.array(z.object({
  update_id: z.string(), service_request_id: z.string(), status: z.string(), updated_datetime: z.string(), description: z.string(), media_url: z.string().optional(),
}));
