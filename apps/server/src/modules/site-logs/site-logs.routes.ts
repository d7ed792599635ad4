import { createSiteLogBody, idSchema, pageOf, raiseProblemBody, siteLogListQuery, siteLogSchema, updateSiteLogBody } from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerFileAccess } from '../../kernel/files/files.js';
import * as service from './site-logs.service.js';

const tags = ['site-logs'];
const params = z.object({ id: idSchema });

export async function siteLogRoutes(app: FastifyInstance) {
  registerFileAccess('site_log', (ctx, id) => service.getSiteLog(ctx, id).then(() => true, () => false));
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/site-logs', { schema: { tags, summary: 'Site logs (驻点日志)', querystring: siteLogListQuery, response: { 200: pageOf(siteLogSchema) } } },
    async (req) => service.listSiteLogs(req.ctx, req.query));
  r.post('/api/v1/site-logs', { schema: { tags, summary: 'Write a day on site (send an Idempotency-Key: phones retry)', body: createSiteLogBody, response: { 201: siteLogSchema } } },
    async (req, reply) => reply.code(201).send(await service.createSiteLog(req.ctx, req.body)));
  r.get('/api/v1/site-logs/:id', { schema: { tags, summary: 'One site log', params, response: { 200: siteLogSchema } } },
    async (req) => service.getSiteLog(req.ctx, req.params.id));
  r.patch('/api/v1/site-logs/:id', { schema: { tags, summary: 'Edit my site log', params, body: updateSiteLogBody, response: { 200: siteLogSchema } } },
    async (req) => service.updateSiteLog(req.ctx, req.params.id, req.body));
  r.post('/api/v1/site-logs/:id/problems', { schema: { tags, summary: 'Raise a problem seen on site (becomes a case)', params, body: raiseProblemBody, response: { 201: siteLogSchema } } },
    async (req, reply) => reply.code(201).send(await service.raiseProblem(req.ctx, req.params.id, req.body)));
}
