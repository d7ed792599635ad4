import { dateTimeSchema, idSchema, pageOf, pageQuery } from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerSchedule } from '../../kernel/jobs/jobs.js';
import { sendPendingEmails } from '../../kernel/notify/notify.js';
import * as service from './notifications.service.js';

const tags = ['notifications'];
export const notificationSchema = z.object({
  id: idSchema, kind: z.string(), title: z.string(), body: z.string().nullable(), link: z.string().nullable(),
  entityType: z.string().nullable(), entityId: z.string().nullable(), createdAt: dateTimeSchema, readAt: dateTimeSchema.nullable(),
});

export async function notificationRoutes(app: FastifyInstance) {
  // The e-mail outbox: every 30 s, once across instances; a failed send stays pending and is tried again.
  registerSchedule('notify.send-emails', 30_000, async (ctx) => {
    await sendPendingEmails(ctx);
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/notifications', {
    schema: { tags, summary: 'My inbox, newest first', querystring: z.strictObject({ ...pageQuery, unread: z.enum(['true', 'false']).optional() }), response: { 200: pageOf(notificationSchema).extend({ unread: z.number().int() }) } },
  }, async (req) => service.listInbox(req.ctx, req.query));
  r.get('/api/v1/notifications/unread-count', {
    schema: { tags, summary: 'How many notices are unread', response: { 200: z.object({ unread: z.number().int() }) } },
  }, async (req) => ({ unread: await service.countUnread(req.ctx) }));
  r.post('/api/v1/notifications/:id/read', {
    schema: { tags, summary: 'Mark one notice read', params: z.object({ id: idSchema }), response: { 204: z.null() } },
  }, async (req, reply) => {
    await service.markRead(req.ctx, req.params.id);
    return reply.code(204).send(null);
  });
  r.post('/api/v1/notifications/read-all', {
    schema: { tags, summary: 'Mark every notice read', response: { 200: z.object({ marked: z.number().int() }) } },
  }, async (req) => ({ marked: await service.markAllRead(req.ctx) }));
}
