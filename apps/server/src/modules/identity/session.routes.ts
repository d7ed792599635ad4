import {
  changePasswordBody, idSchema, sessionListItem, sessionSchema, signInBody, totpBody, totpDisableBody, totpSetupSchema,
} from '@liaison/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../kernel/auth/authenticate.js';
import { requireActor } from '../../kernel/access/assert.js';
import { sessionOf } from '../../kernel/http/request-context.js';
import * as service from './session.service.js';

const tags = ['session'];

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', maxAge: maxAgeSeconds,
  });
}

export async function sessionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/session', {
    schema: { tags, summary: 'Sign in', body: signInBody, response: { 200: sessionSchema } },
    config: {
      auth: 'public', csrf: false,
      rateLimit: { max: app.deps.config.rateLimitSignInPerMinute, timeWindow: '1 minute' },
    },
  }, async (req, reply) => {
    const { token, session } = await service.signIn(req.ctx, req.body);
    setSessionCookie(req, reply, token, req.ctx.config.sessionAbsoluteHours * 3600);
    return service.presentSession(req.ctx, session);
  });

  r.get('/api/v1/session', {
    schema: { tags, summary: 'The current session', response: { 200: sessionSchema } },
    config: { auth: 'session' },
  }, async (req) => service.presentSession(req.ctx, sessionOf(req).session));

  r.delete('/api/v1/session', {
    schema: { tags, summary: 'Sign out', response: { 204: z.null() } },
    config: { auth: 'session' },
  }, async (req, reply) => {
    const { session, actor } = sessionOf(req);
    await service.signOut(req.ctx, session, actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  r.post('/api/v1/session/totp', {
    schema: { tags, summary: 'Enter the second-factor code', body: totpBody, response: { 200: sessionSchema } },
    config: { auth: 'session' },
  }, async (req) => {
    const { session, actor } = sessionOf(req);
    return service.presentSession(req.ctx, await service.verifySecondFactor(req.ctx, session, actor, req.body.code));
  });

  r.get('/api/v1/session/totp/setup', {
    schema: { tags, summary: 'Start setting up a second factor', response: { 200: totpSetupSchema } },
    config: { auth: 'session' },
  }, async (req) => service.startTotpEnrolment(req.ctx, sessionOf(req).session));

  r.post('/api/v1/session/totp/enable', {
    schema: { tags, summary: 'Confirm the second factor with a first code', body: totpBody, response: { 200: sessionSchema } },
    config: { auth: 'session' },
  }, async (req) => {
    const { session, actor } = sessionOf(req);
    return service.presentSession(req.ctx, await service.enableTotp(req.ctx, session, actor, req.body.code));
  });

  r.delete('/api/v1/session/totp', {
    schema: { tags, summary: 'Turn the optional second factor off', body: totpDisableBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    await service.disableTotp(req.ctx, requireActor(req.ctx), req.body.password);
    return reply.code(204).send(null);
  });

  r.post('/api/v1/session/password', {
    schema: { tags, summary: 'Change my password', body: changePasswordBody, response: { 200: sessionSchema } },
    config: { auth: 'session' },
  }, async (req) => {
    const { session, actor } = sessionOf(req);
    const next = await service.changeOwnPassword(req.ctx, session, actor, req.body);
    return service.presentSession(req.ctx, next ?? session);
  });

  r.get('/api/v1/sessions', {
    schema: { tags, summary: 'My open sessions', response: { 200: z.array(sessionListItem) } },
  }, async (req) => service.listOwnSessions(req.ctx, requireActor(req.ctx)));

  r.delete('/api/v1/sessions/:id', {
    schema: { tags, summary: 'End one of my sessions', params: z.object({ id: idSchema }), response: { 204: z.null() } },
  }, async (req, reply) => {
    await service.endOwnSession(req.ctx, requireActor(req.ctx), req.params.id);
    return reply.code(204).send(null);
  });
}
