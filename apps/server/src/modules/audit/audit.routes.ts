import { auditListQuery, auditRecordSchema, auditVerifySchema, pageOf } from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './audit.service.js';

const tags = ['audit'];

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/audit', { schema: { tags, summary: 'The audit log (security admin, auditor)', querystring: auditListQuery, response: { 200: pageOf(auditRecordSchema) } } },
    async (req) => service.listAudit(req.ctx, req.query));
  r.get('/api/v1/audit/verify', { schema: { tags, summary: 'Check the hash chain; names the first broken link', querystring: z.strictObject({}), response: { 200: auditVerifySchema } } },
    async (req) => service.verifyAudit(req.ctx));
}
