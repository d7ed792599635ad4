import { createUnitBody, idSchema, pageOf, unitListQuery, unitSchema, updateUnitBody } from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './units.service.js';

const tags = ['units'];
const params = z.object({ id: idSchema });

export async function unitRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/units', { schema: { tags, summary: 'List units', querystring: unitListQuery, response: { 200: pageOf(unitSchema) } } },
    async (req) => service.listUnits(req.ctx, req.query));
  r.get('/api/v1/units/:id', { schema: { tags, summary: 'One unit', params, response: { 200: unitSchema } } },
    async (req) => service.getUnit(req.ctx, req.params.id));
  r.post('/api/v1/units', { schema: { tags, summary: 'Create a unit', body: createUnitBody, response: { 201: unitSchema } } },
    async (req, reply) => reply.code(201).send(await service.createUnit(req.ctx, req.body)));
  r.patch('/api/v1/units/:id', { schema: { tags, summary: 'Edit or disable a unit', params, body: updateUnitBody, response: { 200: unitSchema } } },
    async (req) => service.updateUnit(req.ctx, req.params.id, req.body));
}
