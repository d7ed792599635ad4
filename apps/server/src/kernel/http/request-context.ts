import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate, type AuthResult } from '../auth/authenticate.js';
import { buildCtx, type Ctx, type Deps } from '../context.js';
import { AppError } from '../errors/app-error.js';

/** How a route is reached: `public` needs no one, `session` any signed-in session (even mid second-factor),
 * `user` (the default) a fully signed-in user or API token. */
export type RouteAuth = 'public' | 'session' | 'user';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    auth: AuthResult;
  }
  interface FastifyContextConfig {
    auth?: RouteAuth;
    /** false for the sign-in form, which has no session yet to hold a token. */
    csrf?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function installRequestContext(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('auth', null as unknown as AuthResult);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    const now = deps.clock.now();
    // API routes need a user unless they say otherwise; pages, docs and assets are public.
    const mode: RouteAuth = req.routeOptions.config?.auth ?? (req.url.startsWith('/api/v1/') ? 'user' : 'public');
    req.auth = await authenticate(deps.db, deps.config, req, now);
    const { actor, session, failure } = req.auth;
    const meta = { ip: req.ip ?? null, userAgent: (req.headers['user-agent'] as string | undefined) ?? null, requestId: req.id };
    req.ctx = buildCtx({ ...deps, log: req.log }, session && session.step !== 'ok' ? null : actor, meta);
    if (mode === 'public') return;
    if (!actor) {
      throw failure === 'expired'
        ? new AppError('SESSION_EXPIRED', 'your session has ended; sign in again')
        : new AppError('UNAUTHENTICATED', 'sign in first');
    }
    if (session && UNSAFE.has(req.method) && req.routeOptions.config?.csrf !== false) {
      if (req.headers['x-csrf-token'] !== session.csrfToken) throw new AppError('CSRF_FAILED', 'missing or wrong X-CSRF-Token');
    }
    if (mode === 'user' && session && session.step !== 'ok') {
      if (session.step === 'change_password') throw new AppError('PASSWORD_CHANGE_REQUIRED', 'change your password first');
      if (session.step === 'totp_enrol') throw new AppError('MFA_ENROLMENT_REQUIRED', 'set up your second factor first');
      throw new AppError('MFA_REQUIRED', 'enter your second-factor code first');
    }
  });
}

/** The acting session for session routes (mid-sign-in included). */
export function sessionOf(req: FastifyRequest) {
  if (!req.auth.session || !req.auth.actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return { session: req.auth.session, actor: req.auth.actor };
}
