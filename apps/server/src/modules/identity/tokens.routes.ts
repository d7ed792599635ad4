import { createTokenBody, createdTokenSchema, idSchema, tokenSchema } from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './tokens.service.js';

const tags = ['tokens'];

export async function tokenRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/tokens', { schema: { tags, summary: 'My API tokens', response: { 200: z.array(tokenSchema) } } },
    async (req) => service.listTokens(req.ctx));
  r.post('/api/v1/tokens', { schema: { tags, summary: 'Create an API token (shown once; Idempotency-Key is ignored so the token is never stored)', body: createTokenBody, response: { 201: createdTokenSchema } }, config: { idempotency: false } },
    async (req, reply) => reply.code(201).send(await service.createToken(req.ctx, req.body)));
  r.delete('/api/v1/tokens/:id', { schema: { tags, summary: 'Revoke an API token', params: z.object({ id: idSchema }), response: { 204: z.null() } } },
    async (req, reply) => {
      await service.revokeToken(req.ctx, req.params.id);
      return reply.code(204).send(null);
    });
}
