import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { problemOf, sendProblem } from '../../kernel/http/problem.js';
import { paths } from '../../paths.js';

/** The residents' portal build (apps/portal/dist), beside the staff web build. */
export const defaultPortalDir = () => resolve(paths.webDist, '..', '..', 'portal', 'dist');

/**
 * Serves the portal at /portal/ (register with `{ prefix: '/portal' }`): its files, and index.html for any other page
 * under it (the portal routes in the browser), so /portal/t/<code> works as a link. Assets are immutable; pages are not
 * cached. Without a build nothing is served and /portal/ answers 404.
 */
export async function portalRoutes(app: FastifyInstance, opts: { root?: string }) {
  const root = opts.root ?? defaultPortalDir();
  if (!existsSync(`${root}/index.html`)) return;
  const index = readFileSync(`${root}/index.html`);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    decorateReply: false,
    index: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = (reply: import('fastify').FastifyReply) => reply.code(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
  app.get('/', { schema: { hide: true } }, async (_req, reply) => sendIndex(reply));
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    // A page (no file extension) gets the app; a missing asset is a plain 404.
    if ((req.method === 'GET' || req.method === 'HEAD') && !/\.[a-z0-9]+$/i.test(path)) return sendIndex(reply);
    return sendProblem(reply, problemOf('NOT_FOUND', `no file ${path}`));
  });
}
