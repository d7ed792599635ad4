import {
  addApprovalBody, approvalChainSchema, approvalItemListQuery, approvalItemSchema, approvalReportQuery, approvalReportSchema,
  approvalTemplateSchema, blockApprovalBody, createApprovalItemBody, createChainBody, escalateApprovalBody, idSchema,
  projectApprovalSchema, putApprovalTemplateBody, reorderApprovalsBody, updateApprovalBody, updateApprovalItemBody,
} from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { blockApproval, escalateApproval } from './block.service.js';
import * as catalogue from './catalogue.service.js';
import * as chain from './chain.service.js';
import { approvalReport } from './report.service.js';
import { updateApproval } from './update-approval.js';

const tags = ['approvals'];
const params = z.object({ id: idSchema });
const itemParams = z.object({ id: idSchema, itemId: idSchema });

export async function approvalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // --- the catalogue (审批事项) and templates: read by all staff, kept by the system admin and the organisation department ---
  r.get('/api/v1/approval-items', { schema: { tags, summary: 'The catalogue of approval items with limits and materials (一次性告知清单)', querystring: approvalItemListQuery, response: { 200: z.array(approvalItemSchema) } } },
    async (req) => catalogue.listItems(req.ctx, req.query.includeInactive === 'true'));
  r.post('/api/v1/approval-items', { schema: { tags, summary: 'Add an approval item to the catalogue', body: createApprovalItemBody, response: { 201: approvalItemSchema } } },
    async (req, reply) => reply.code(201).send(await catalogue.createItem(req.ctx, req.body)));
  r.get('/api/v1/approval-items/:id', { schema: { tags, summary: 'One approval item', params, response: { 200: approvalItemSchema } } },
    async (req) => catalogue.getItem(req.ctx, req.params.id));
  r.patch('/api/v1/approval-items/:id', { schema: { tags, summary: 'Edit an item (applies to chains created afterwards); isActive false retires it', params, body: updateApprovalItemBody, response: { 200: approvalItemSchema } } },
    async (req) => catalogue.updateItem(req.ctx, req.params.id, req.body));
  r.delete('/api/v1/approval-items/:id', { schema: { tags, summary: 'Delete an item no project uses (409 otherwise: deactivate it)', params, response: { 204: z.null() } } },
    async (req, reply) => {
      await catalogue.deleteItem(req.ctx, req.params.id);
      return reply.code(204).send(null);
    });
  r.get('/api/v1/approval-templates', { schema: { tags, summary: 'The chain each project category starts with (* is the default)', response: { 200: z.array(approvalTemplateSchema) } } },
    async (req) => catalogue.listTemplates(req.ctx));
  r.put('/api/v1/approval-templates/:category', {
    schema: { tags, summary: 'Replace a category\'s template', params: z.object({ category: z.string().trim().min(1).max(40) }), body: putApprovalTemplateBody, response: { 200: approvalTemplateSchema } },
  }, async (req) => catalogue.putTemplate(req.ctx, req.params.category, req.body.itemIds));

  // --- a project's chain ---
  r.get('/api/v1/projects/:id/approvals', { schema: { tags, summary: 'The project\'s approval chain with dates and working days (the timeline)', params, response: { 200: approvalChainSchema } } },
    async (req) => chain.getChain(req.ctx, req.params.id));
  r.post('/api/v1/projects/:id/approvals/from-template', { schema: { tags, summary: 'Start the chain from the template of the project\'s category', params, body: createChainBody, response: { 201: approvalChainSchema } } },
    async (req, reply) => reply.code(201).send(await chain.createChainFromTemplate(req.ctx, req.params.id, req.body)));
  r.post('/api/v1/projects/:id/approvals', { schema: { tags, summary: 'Add an item to the chain (at a position, or at the end)', params, body: addApprovalBody, response: { 201: projectApprovalSchema } } },
    async (req, reply) => reply.code(201).send(await chain.addApproval(req.ctx, req.params.id, req.body)));
  r.post('/api/v1/projects/:id/approvals/reorder', { schema: { tags, summary: 'Put the chain in a new order', params, body: reorderApprovalsBody, response: { 200: approvalChainSchema } } },
    async (req) => chain.reorderApprovals(req.ctx, req.params.id, req.body.ids));
  r.get('/api/v1/projects/:id/approvals/:itemId', { schema: { tags, summary: 'One item of the chain', params: itemParams, response: { 200: projectApprovalSchema } } },
    async (req) => chain.getApproval(req.ctx, req.params.id, req.params.itemId));
  r.patch('/api/v1/projects/:id/approvals/:itemId', { schema: { tags, summary: 'Move an item along (status, dates), tick off materials, change the agent', params: itemParams, body: updateApprovalBody, response: { 200: projectApprovalSchema } } },
    async (req) => updateApproval(req.ctx, req.params.id, req.params.itemId, req.body));
  r.delete('/api/v1/projects/:id/approvals/:itemId', { schema: { tags, summary: 'Take an item not yet handed in off the chain', params: itemParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await chain.removeApproval(req.ctx, req.params.id, req.params.itemId);
      return reply.code(204).send(null);
    });
  r.post('/api/v1/projects/:id/approvals/:itemId/block', { schema: { tags, summary: 'Report what blocks the item: an approval case linked to it (dispatched at once by the dispatcher)', params: itemParams, body: blockApprovalBody, response: { 201: projectApprovalSchema } } },
    async (req, reply) => reply.code(201).send(await blockApproval(req.ctx, req.params.id, req.params.itemId, req.body)));
  r.post('/api/v1/projects/:id/approvals/:itemId/escalate', { schema: { tags, summary: 'Take the blocking case up a level (street → district → city) by dispatching it there', params: itemParams, body: escalateApprovalBody, response: { 200: projectApprovalSchema } } },
    async (req) => escalateApproval(req.ctx, req.params.id, req.params.itemId, req.body));

  r.get('/api/v1/approvals/report', { schema: { tags, summary: 'District report: working days per item against the limit, days saved, items stuck over 80%', querystring: approvalReportQuery, response: { 200: approvalReportSchema } } },
    async (req) => approvalReport(req.ctx, req.query));
}
