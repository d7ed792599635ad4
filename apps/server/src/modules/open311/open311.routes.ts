import { createOpen311KeyBody, idSchema, open311KeyCreatedSchema, open311KeySchema } from '@liaison/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/errors/app-error.js';
import { baseUrlOf, publicCtx } from '../appeals/appeals.routes.js';
import { isServiceCode, serviceDefinition, serviceList } from './open311.catalogue.js';
import { formatOfUrl, notFound311, Open311Error, parseForm, render311, send311, sendErrors, sendRendered311, type Format } from './open311.format.js';
import * as keys from './open311-keys.service.js';
import * as service from './open311.service.js';
import * as schemas from './open311.schemas.js';

const tags = ['open311'];
const SPEC = 'http://wiki.open311.org/GeoReport_v2';
/** When the services or their definitions last changed: clients refresh cached definitions when it moves. */
const CHANGESET = '2026-11-26T00:00:00+08:00';

/** `.json` or `.xml`; any other extension names a resource that does not exist. */
const formatOf = (f: string): Format => {
  if (f === 'json' || f === 'xml') return f;
  throw notFound311(`format .${f} is not offered; use .xml or .json`);
};

/**
 * GeoReport v2 at /open311/v2 (register with `{ prefix: '/open311' }`): every GET in .json and .xml, POST form-encoded
 * with an admin-issued api_key, errors in the spec's shape (400, 403, 404), FixMyStreet's servicerequestupdates and
 * the page/page_size extension. The error and not-found handlers here answer in that shape, not as problem+json.
 */
export async function open311Routes(app: FastifyInstance) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseForm(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    const format = formatOfUrl(req.url);
    if (err instanceof Open311Error) return sendErrors(reply, format, err.status, [{ code: err.code, description: err.description }]);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err as { validationContext?: string }).validationContext ?? 'query';
      return sendErrors(reply, format, 400, err.validation.map((v) => ({ code: 400, description: `${where} ${(v.instancePath ?? '').replace(/^\//, '')}: ${v.message ?? 'invalid'}`.replace(/ :/, ':') })));
    }
    if (err instanceof AppError) {
      const status = err.code === 'NOT_FOUND' ? 404 : err.code === 'FORBIDDEN' ? 403 : err.code === 'RATE_LIMITED' ? 429 : 400;
      return sendErrors(reply, format, status, [{ code: status, description: err.detail ?? err.code }]);
    }
    // Too fast: 429 with the spec's body, so a client backs off rather than giving up on a 400.
    if (err.statusCode === 429) return sendErrors(reply, format, 429, [{ code: 429, description: 'too many requests; wait a minute' }]);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendErrors(reply, format, 400, [{ code: err.statusCode, description: err.message }]);
    req.log.error({ err }, 'open311: unhandled error');
    return sendErrors(reply, format, 500, [{ code: 500, description: `internal error; request id ${req.id}` }]);
  });
  const unknown = (req: FastifyRequest, reply: FastifyReply) => sendErrors(reply, formatOfUrl(req.url), 404, [{ code: 404, description: `no resource ${req.method} ${req.url.split('?')[0]}` }]);
  app.setNotFoundHandler(unknown);
  // The web app's static files claim every path (`/*`); this narrower one keeps /open311 answering in its own format.
  app.all('/*', { schema: { hide: true } }, unknown);

  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { auth: 'public' as const, rateLimit: { max: app.deps.config.rateLimitPublicPerMinute, timeWindow: '1 minute' } };
  const produces = ['application/json', 'text/xml'];
  const jurisdiction = (req: FastifyRequest, given: string | undefined) => service.checkJurisdiction(given, service.jurisdictionOf(req.ctx, req.host));

  r.get('/v2/discovery.:format', {
    schema: { tags, produces, summary: 'Service discovery (both formats)', params: schemas.formatParams, querystring: schemas.baseQuery, response: { 200: schemas.discovery } },
    config,
  }, async (req, reply) => {
    const format = formatOf(req.params.format);
    const base = baseUrlOf(req);
    return send311(reply, format, 'discovery', {
      changeset: CHANGESET,
      contact: `Liaison 项目专员协同平台（${service.jurisdictionOf(req.ctx, req.host)}）`,
      key_service: `API keys are issued by the system administrator (系统管理员) of this Liaison installation: ${base}/api/v1/open311/keys`,
      endpoints: [{ specification: SPEC, url: `${base}/open311/v2`, changeset: CHANGESET, type: 'production', formats: ['text/xml', 'application/json'] }],
    });
  });

  r.get('/v2/services.:format', {
    schema: { tags, produces, summary: 'The service list: the appeal categories', params: schemas.formatParams, querystring: schemas.baseQuery, response: { 200: schemas.services } },
    config,
  }, async (req, reply) => {
    const format = formatOf(req.params.format);
    jurisdiction(req, req.query.jurisdiction_id);
    return send311(reply, format, 'services', serviceList());
  });

  r.get('/v2/services/:service_code.:format', {
    schema: { tags, produces, summary: 'A service definition: its attributes (the key projects among them)', params: schemas.serviceParams, querystring: schemas.baseQuery, response: { 200: schemas.serviceDefinition } },
    config,
  }, async (req, reply) => {
    const format = formatOf(req.params.format);
    jurisdiction(req, req.query.jurisdiction_id);
    const code = req.params.service_code;
    if (!isServiceCode(code)) throw notFound311(`service_code ${code} not found`);
    const projects = await req.ctx.db.selectFrom('projects').select(['code', 'name']).where('archivedAt', 'is', null).orderBy('code').execute();
    return send311(reply, format, 'service_definition', serviceDefinition(code, projects));
  });

  r.post('/v2/requests.:format', {
    schema: {
      tags, produces, consumes: ['application/x-www-form-urlencoded'], params: schemas.formatParams, body: schemas.postRequestBody, response: { 200: schemas.postResponse },
      summary: 'File a service request (an appeal): form-encoded, api_key required; attribute[code] and attribute[code][] for lists',
    },
    config,
  }, async (req, reply) => {
    const format = formatOf(req.params.format);
    const body = (req.body ?? {}) as service.PostBody;
    jurisdiction(req, typeof body.jurisdiction_id === 'string' && body.jurisdiction_id !== '' ? body.jurisdiction_id : undefined);
    const key = await keys.findOpen311Key(publicCtx(req), typeof body.api_key === 'string' ? body.api_key : (req.query as { api_key?: string } | undefined)?.api_key);
    if (!key) throw new Open311Error(403, 'api_key is missing or not valid');
    return send311(reply, format, 'service_requests', await service.postRequest(publicCtx(req), body, key));
  });

  r.get('/v2/requests.:format', {
    schema: {
      tags, produces, params: schemas.formatParams, querystring: schemas.requestsQuery, response: { 200: schemas.requests },
      summary: 'Service requests: service_request_id (comma list, overrides the rest), service_code, start_date/end_date (≤ 90 days, default the last 90), status, page/page_size (≤ 1,000)',
    },
    config,
  }, async (req, reply) => {
    const format = formatOf(req.params.format);
    jurisdiction(req, req.query.jurisdiction_id);
    const body = await service.renderedRequests(publicCtx(req), req.query, format, (items) => render311(format, 'service_requests', items));
    return sendRendered311(reply, format, body);
  });

  r.get('/v2/requests/:service_request_id.:format', {
    schema: { tags, produces, summary: 'One service request (still a list of one)', params: schemas.requestParams, querystring: schemas.baseQuery, response: { 200: schemas.requests } },
    config,
  }, async (req, reply) => {
    const format = formatOf(req.params.format);
    jurisdiction(req, req.query.jurisdiction_id);
    return send311(reply, format, 'service_requests', await service.getRequest(publicCtx(req), req.params.service_request_id));
  });

  r.get('/v2/tokens/:token.:format', {
    schema: { tags, produces, summary: 'The request id for a token: the resident\'s tracking code (given in the POST answer\'s service_notice)', params: schemas.tokenParams, querystring: schemas.baseQuery, response: { 200: schemas.tokens } },
    config,
  }, async (req, reply) => {
    const format = formatOf(req.params.format);
    jurisdiction(req, req.query.jurisdiction_id);
    return send311(reply, format, 'service_requests', await service.requestIdOfToken(publicCtx(req), req.params.token));
  });

  r.get('/v2/servicerequestupdates.:format', {
    schema: { tags, produces, summary: "FixMyStreet's extension: the public steps of requests in a window (≤ 90 days, default the last 90)", params: schemas.formatParams, querystring: schemas.updatesQuery, response: { 200: schemas.updates } },
    config,
  }, async (req, reply) => {
    const format = formatOf(req.params.format);
    jurisdiction(req, req.query.jurisdiction_id);
    return send311(reply, format, 'service_request_updates', await service.listUpdates(publicCtx(req), req.query));
  });
}

/** The admin's Open311 API keys, under /api/v1 like every staff route. */
export async function open311KeyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const keyTags = ['open311'];
  r.get('/api/v1/open311/keys', {
    schema: { tags: keyTags, summary: 'Open311 API keys (system admin)', response: { 200: z.object({ items: z.array(open311KeySchema) }) } },
  }, async (req) => keys.listOpen311Keys(req.ctx));
  r.post('/api/v1/open311/keys', {
    schema: { tags: keyTags, summary: 'Issue an Open311 API key (shown once)', body: createOpen311KeyBody, response: { 201: open311KeyCreatedSchema } },
  }, async (req, reply) => reply.code(201).send(await keys.createOpen311Key(req.ctx, req.body)));
  r.delete('/api/v1/open311/keys/:id', {
    schema: { tags: keyTags, summary: 'Revoke an Open311 API key', params: z.object({ id: idSchema }), response: { 204: z.null() } },
  }, async (req, reply) => {
    await keys.revokeOpen311Key(req.ctx, req.params.id);
    return reply.code(204).send(null);
  });
}

