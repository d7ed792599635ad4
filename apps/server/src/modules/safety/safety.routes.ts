import {
  createInspectionBody, createInspectionTemplateBody, idSchema, inspectionListQuery, inspectionSchema, inspectionTemplateSchema, safetyLedgerQuery,
  rectificationNoticeQuery, pageOf, projectSafetySchema, safetyLedgerSchema, submitInspectionBody, inspectionTemplateListQuery, updateInspectionBody, updateInspectionTemplateBody,
} from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerFileAccess } from '../../kernel/files/files.js';
import * as inspections from './inspections.service.js';
import { safetyLedger } from './ledger.service.js';
import { noticeDocx, noticePdf } from './notice.documents.js';
import { registerSafetyJobs } from './safety.jobs.js';
import { getProjectSafety } from './stop-work.service.js';
import * as templates from './templates.service.js';
import { submitInspection } from './use-cases/submit-inspection.js';

const tags = ['safety'];
const params = z.object({ id: idSchema });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function safetyRoutes(app: FastifyInstance) {
  registerSafetyJobs();
  registerFileAccess('inspection', (ctx, id) => inspections.canSeeInspection(ctx, id));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/inspection-templates', { schema: { tags, summary: 'Inspection checklists (安全检查表)', querystring: inspectionTemplateListQuery, response: { 200: pageOf(inspectionTemplateSchema) } } },
    async (req) => templates.listTemplates(req.ctx, req.query));
  r.post('/api/v1/inspection-templates', { schema: { tags, summary: 'Add a checklist (system admin)', body: createInspectionTemplateBody, response: { 201: inspectionTemplateSchema } } },
    async (req, reply) => reply.code(201).send(await templates.createTemplate(req.ctx, req.body)));
  r.get('/api/v1/inspection-templates/:id', { schema: { tags, summary: 'One checklist with its items', params, response: { 200: inspectionTemplateSchema } } },
    async (req) => templates.getTemplate(req.ctx, req.params.id));
  r.patch('/api/v1/inspection-templates/:id', { schema: { tags, summary: 'Edit or retire a checklist; started inspections keep their copy', params, body: updateInspectionTemplateBody, response: { 200: inspectionTemplateSchema } } },
    async (req) => templates.updateTemplate(req.ctx, req.params.id, req.body));

  r.get('/api/v1/inspections', { schema: { tags, summary: 'Inspections on the projects the caller sees', querystring: inspectionListQuery, response: { 200: pageOf(inspectionSchema) } } },
    async (req) => inspections.listInspections(req.ctx, req.query));
  r.post('/api/v1/inspections', { schema: { tags, summary: 'Start an inspection on site (a draft with the checklist\'s items)', body: createInspectionBody, response: { 201: inspectionSchema } } },
    async (req, reply) => reply.code(201).send(await inspections.createInspection(req.ctx, req.body)));
  r.get('/api/v1/inspections/:id', { schema: { tags, summary: 'One inspection with its hazards and their live case status', params, response: { 200: inspectionSchema } } },
    async (req) => inspections.getInspection(req.ctx, req.params.id));
  r.patch('/api/v1/inspections/:id', { schema: { tags, summary: 'Record results (pass / fail / n.a., note, photo), signatures, summary (draft)', params, body: updateInspectionBody, response: { 200: inspectionSchema } } },
    async (req) => inspections.updateInspection(req.ctx, req.params.id, req.body));
  r.post('/api/v1/inspections/:id/submit', { schema: { tags, summary: 'Submit: each failure becomes a safety case dispatched to the contractor; a major one stops work', params, body: submitInspectionBody, response: { 200: inspectionSchema } } },
    async (req) => submitInspection(req.ctx, req.params.id, req.body.version));
  r.get('/api/v1/inspections/:id/notice', { schema: { tags, summary: 'The rectification notice (整改通知书) as PDF or Word', params, querystring: rectificationNoticeQuery } },
    async (req, reply) => {
      const doc = req.query.format === 'docx' ? await noticeDocx(req.ctx, req.params.id) : await noticePdf(req.ctx, req.params.id);
      return reply.header('content-type', req.query.format === 'docx' ? DOCX : 'application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.name)}`).send(doc.data);
    });

  r.get('/api/v1/projects/:id/safety', { schema: { tags, summary: 'The project\'s safety state: stop-work order, open hazards, last inspection', params, response: { 200: projectSafetySchema } } },
    async (req) => getProjectSafety(req.ctx, req.params.id));
  r.get('/api/v1/safety/ledger', { schema: { tags, summary: 'Safety ledger (安全台账) for a project or the district', querystring: safetyLedgerQuery, response: { 200: safetyLedgerSchema } } },
    async (req) => safetyLedger(req.ctx, req.query));
}
