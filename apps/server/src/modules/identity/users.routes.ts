import { createUserBody, directoryEntrySchema, directoryQuery, idSchema, pageOf, resetPasswordBody, updateUserBody, userListQuery, userSchema } from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './users.service.js';

const tags = ['users'];
const params = z.object({ id: idSchema });

export async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/users', { schema: { tags, summary: 'List users', querystring: userListQuery, response: { 200: pageOf(userSchema) } } },
    async (req) => service.listUsers(req.ctx, req.query));
  r.get('/api/v1/directory', { schema: { tags, summary: 'Find a person to assign or appoint (any staff member)', querystring: directoryQuery, response: { 200: z.array(directoryEntrySchema) } } },
    async (req) => service.searchDirectory(req.ctx, req.query));
  r.get('/api/v1/users/:id', { schema: { tags, summary: 'One user', params, response: { 200: userSchema } } },
    async (req) => service.getUser(req.ctx, req.params.id));
  r.post('/api/v1/users', { schema: { tags, summary: 'Create a user (must change the password at first sign-in)', body: createUserBody, response: { 201: userSchema } } },
    async (req, reply) => reply.code(201).send(await service.createUser(req.ctx, req.body)));
  r.patch('/api/v1/users/:id', { schema: { tags, summary: 'Edit, disable or re-enable a user', params, body: updateUserBody, response: { 200: userSchema } } },
    async (req) => service.updateUser(req.ctx, req.params.id, req.body));
  r.post('/api/v1/users/:id/password', { schema: { tags, summary: 'Reset a password', params, body: resetPasswordBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.resetPassword(req.ctx, req.params.id, req.body.password);
      return reply.code(204).send(null);
    });
  r.post('/api/v1/users/:id/unlock', { schema: { tags, summary: 'Lift a sign-in lockout', params, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.unlockUser(req.ctx, req.params.id);
      return reply.code(204).send(null);
    });
}
