import { readFileSync, existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Clock } from './kernel/clock.js';
import type { Deps } from './kernel/context.js';
import type { DbHandle } from './kernel/db/connect.js';
import type { Secrets } from './kernel/auth/secrets.js';
import { installErrorHandler } from './kernel/http/error-handler.js';
import { installIdempotency, purgeIdempotencyKeys } from './kernel/http/idempotency.js';
import { registerSchedule } from './kernel/jobs/jobs.js';
import { createMetrics, installMetrics, type Metrics } from './kernel/http/metrics.js';
import { problemOf, sendProblem } from './kernel/http/problem.js';
import { installRequestContext } from './kernel/http/request-context.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { caseRoutes } from './modules/cases/cases.routes.js';
import { fileRoutes } from './modules/files/files.routes.js';
import { branchRoutes } from './modules/branches/branches.routes.js';
import { peopleRoutes } from './modules/people/people.routes.js';
import { siteLogRoutes } from './modules/site-logs/site-logs.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { sessionRoutes } from './modules/identity/session.routes.js';
import { tokenRoutes } from './modules/identity/tokens.routes.js';
import { unitRoutes } from './modules/identity/units.routes.js';
import { userRoutes } from './modules/identity/users.routes.js';
import { opsRoutes } from './modules/ops/ops.routes.js';
import { projectRoutes } from './modules/projects/projects.routes.js';
import { approvalRoutes } from './modules/approvals/approvals.routes.js';
import { enterpriseRoutes } from './modules/enterprise/enterprise.routes.js';
import { safetyRoutes } from './modules/safety/safety.routes.js';
import { mediationRoutes } from './modules/mediation/mediation.routes.js';
import { appealRoutes } from './modules/appeals/appeals.routes.js';
import { boardRoutes } from './modules/board/board.routes.js';
import { briefingRoutes } from './modules/briefings/briefings.routes.js';
import { portalRoutes } from './modules/appeals/portal.js';
import { open311KeyRoutes, open311Routes } from './modules/open311/open311.routes.js';
import { paths } from './paths.js';

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
    metrics: Metrics;
    appVersion: string;
  }
}

export type AppDeps = { config: Config; handle: DbHandle; clock: Clock; secrets: Secrets };

const REQUEST_ID_RE = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the whole HTTP app around its dependencies; main.ts listens, tests call `inject`. */
export async function buildApp({ config, handle, clock, secrets }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_RE.test(incoming) ? incoming : crypto.randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body is a 415, not a string that fails validation later.
  app.removeContentTypeParser('text/plain');

  const deps: Deps = { db: handle.db, dialect: handle.dialect, clock, config, secrets, log: app.log };
  app.decorate('deps', deps);
  app.decorate('metrics', createMetrics());
  app.decorate('appVersion', JSON.parse(readFileSync(paths.packageJson, 'utf8')).version as string);

  installErrorHandler(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Map tiles come from the configured tile server, if any.
        imgSrc: ["'self'", 'data:', 'blob:', ...(config.mapTileUrl ? [new URL(config.mapTileUrl.replace(/\{[a-z]\}/g, '0')).origin] : [])],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ ...problemOf('RATE_LIMITED', `too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} s`), statusCode: 429 }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Liaison API', description: '项目专员协同平台 — the HTTP contract of Liaison', version: app.appVersion },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'liaison_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installRequestContext(app, deps);
  installIdempotency(app, handle.db, clock);
  registerSchedule('http.purge-idempotency-keys', 3_600_000, async (ctx) => {
    await purgeIdempotencyKeys(ctx.db, ctx.now());
  });
  installMetrics(app, app.metrics);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(opsRoutes);
  await app.register(sessionRoutes);
  await app.register(userRoutes);
  await app.register(unitRoutes);
  await app.register(tokenRoutes);
  await app.register(projectRoutes);
  await app.register(auditRoutes);
  await app.register(calendarRoutes);
  await app.register(caseRoutes);
  await app.register(fileRoutes);
  await app.register(notificationRoutes);
  await app.register(peopleRoutes);
  await app.register(siteLogRoutes);
  await app.register(branchRoutes);
  await app.register(approvalRoutes);
  await app.register(enterpriseRoutes);
  await app.register(safetyRoutes);
  await app.register(mediationRoutes);
  await app.register(appealRoutes);
  await app.register(boardRoutes);
  await app.register(briefingRoutes);
  await app.register(open311KeyRoutes);
  await app.register(open311Routes, { prefix: '/open311' });
  // The residents' portal (apps/portal/dist) at /portal/, with its own SPA fallback.
  await app.register(portalRoutes, { prefix: '/portal' });

  const webDist = config.webDistDir ?? paths.webDist;
  const hasWeb = existsSync(`${webDist}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      setHeaders: (reply, path) => {
        reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const isPage = req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/open311/') && (req.headers.accept ?? '').includes('text/html');
    if (hasWeb && isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return sendProblem(reply, problemOf('NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`));
  });
  return app;
}
