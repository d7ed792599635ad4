import {
  mediationAgreementBody, mediationAgreementDocumentQuery, createDisputeCallbackBody, createDisputeBody, createMediationSessionBody, disputeListQuery, disputeSchema,
  disputeSummarySchema, idSchema, mediationSessionSchema, pageOf, signMediationAgreementBody, updateDisputeBody,
} from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerFileAccess } from '../../kernel/files/files.js';
import { agreementDocx, agreementPdf } from './agreement.documents.js';
import * as disputes from './disputes.service.js';
import { registerMediationJobs } from './mediation.jobs.js';
import * as mediation from './mediation.service.js';

const tags = ['mediation'];
const params = z.object({ caseId: idSchema });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function mediationRoutes(app: FastifyInstance) {
  registerMediationJobs();
  registerFileAccess('dispute', (ctx, caseId) => disputes.canSeeDispute(ctx, caseId));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/disputes', { schema: { tags, summary: 'Disputes (群众纠纷) the caller sees', querystring: disputeListQuery, response: { 200: pageOf(disputeSummarySchema) } } },
    async (req) => disputes.listDisputes(req.ctx, req.query));
  r.post('/api/v1/disputes', { schema: { tags, summary: 'File a dispute: the dispute case and its parties in one step', body: createDisputeBody, response: { 201: disputeSchema } } },
    async (req, reply) => reply.code(201).send(await disputes.createDispute(req.ctx, req.body)));
  r.get('/api/v1/disputes/:caseId', { schema: { tags, summary: 'One dispute: parties (phones masked unless yours to ring), agreement, follow-up', params, response: { 200: disputeSchema } } },
    async (req) => disputes.getDispute(req.ctx, req.params.caseId));
  r.patch('/api/v1/disputes/:caseId', { schema: { tags, summary: 'Edit category, risk, mediator, facts, parties, judicial confirmation', params, body: updateDisputeBody, response: { 200: disputeSchema } } },
    async (req) => disputes.updateDispute(req.ctx, req.params.caseId, req.body));
  r.put('/api/v1/disputes/:caseId/agreement', { schema: { tags, summary: 'Draft or redraft the mediation agreement (调解协议书)', params, body: mediationAgreementBody, response: { 200: disputeSchema } } },
    async (req) => mediation.saveAgreement(req.ctx, req.params.caseId, req.body));
  r.post('/api/v1/disputes/:caseId/agreement/sign', { schema: { tags, summary: 'Record that the parties and the mediator signed: numbered, settled, judicial reminder queued', params, body: signMediationAgreementBody, response: { 200: disputeSchema } } },
    async (req) => mediation.signAgreement(req.ctx, req.params.caseId, req.body));
  r.get('/api/v1/disputes/:caseId/agreement/document', { schema: { tags, summary: 'The mediation agreement as PDF or Word', params, querystring: mediationAgreementDocumentQuery } },
    async (req, reply) => {
      const doc = req.query.format === 'docx' ? await agreementDocx(req.ctx, req.params.caseId) : await agreementPdf(req.ctx, req.params.caseId);
      return reply.header('content-type', req.query.format === 'docx' ? DOCX : 'application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.name)}`).send(doc.data);
    });
  r.post('/api/v1/disputes/:caseId/callbacks', { schema: { tags, summary: 'Record a callback (回访) on how the agreement is performed', params, body: createDisputeCallbackBody, response: { 201: disputeSchema } } },
    async (req, reply) => reply.code(201).send(await mediation.recordCallback(req.ctx, req.params.caseId, req.body)));

  // API.md names the sessions' path under the case.
  const caseParams = z.object({ id: idSchema });
  r.get('/api/v1/cases/:id/mediations', { schema: { tags, summary: 'Mediation sessions (调解笔录) of a dispute case', params: caseParams, response: { 200: z.object({ items: z.array(mediationSessionSchema) }) } } },
    async (req) => ({ items: await mediation.listSessions(req.ctx, req.params.id) }));
  r.post('/api/v1/cases/:id/mediations', { schema: { tags, summary: 'Record a mediation session: who attended, what each party said, the outcome', params: caseParams, body: createMediationSessionBody, response: { 201: mediationSessionSchema } } },
    async (req, reply) => reply.code(201).send(await mediation.recordSession(req.ctx, req.params.id, req.body)));
}
