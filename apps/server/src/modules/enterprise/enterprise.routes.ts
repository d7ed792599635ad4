import {
  createEnterpriseNeedBody, enterpriseNeedDetailViewSchema, enterpriseNeedListQuery, enterpriseNeedReportQuery, enterpriseNeedReportSchema,
  enterpriseNeedSchema, idSchema, pageOf, updateEnterpriseNeedBody,
} from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listNeeds, needsReport } from './enterprise.lists.js';
import { createNeed, getNeed, updateNeed } from './enterprise.service.js';

const tags = ['enterprise-needs'];
const params = z.object({ caseId: idSchema });

export async function enterpriseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/enterprise-needs', { schema: { tags, summary: 'Enterprise needs (企业诉求) the caller may see, by type, level, status, project', querystring: enterpriseNeedListQuery, response: { 200: pageOf(enterpriseNeedSchema) } } },
    async (req) => listNeeds(req.ctx, req.query));
  r.post('/api/v1/enterprise-needs', { schema: { tags, summary: 'Raise a need: an enterprise case with its typed detail (dispatched at once by the dispatcher when asked)', body: createEnterpriseNeedBody, response: { 201: enterpriseNeedDetailViewSchema } } },
    async (req, reply) => reply.code(201).send(await createNeed(req.ctx, req.body)));
  r.get('/api/v1/enterprise-needs/report', { schema: { tags, summary: 'Needs by type and level with amounts arranged, tenants signed, parking spaces approved', querystring: enterpriseNeedReportQuery, response: { 200: enterpriseNeedReportSchema } } },
    async (req) => needsReport(req.ctx, req.query));
  r.get('/api/v1/enterprise-needs/:caseId', { schema: { tags, summary: 'One need: the case with its detail', params, response: { 200: enterpriseNeedDetailViewSchema } } },
    async (req) => getNeed(req.ctx, req.params.caseId));
  r.patch('/api/v1/enterprise-needs/:caseId', { schema: { tags, summary: 'Record the outcome in figures, or correct type, level and units (dispatcher, handling units)', params, body: updateEnterpriseNeedBody, response: { 200: enterpriseNeedDetailViewSchema } } },
    async (req) => updateNeed(req.ctx, req.params.caseId, req.body));
}
