import {
  assignmentListQuery, assignmentSchema, commentLearningLogBody, createAssignmentBody, createEvaluationBody, createLearningLogBody,
  endAssignmentBody, evaluationSchema, handoverBody, handoverSchema, idSchema, learningLogListQuery, learningLogSchema, pageOf, rosterItemSchema,
} from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as assignments from './assignments.service.js';
import * as learning from './learning.service.js';

const tags = ['people'];
const params = z.object({ id: idSchema });
const created = z.object({ id: idSchema });

export async function peopleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/assignments', { schema: { tags, summary: 'Appointments: commissioners, assistants (跟班干部), street liaisons', querystring: assignmentListQuery, response: { 200: pageOf(assignmentSchema) } } },
    async (req) => assignments.listAssignments(req.ctx, req.query));
  r.post('/api/v1/assignments', { schema: { tags, summary: 'Appoint someone to a project (organisation department)', body: createAssignmentBody, response: { 201: created } } },
    async (req, reply) => reply.code(201).send({ id: await assignments.createAssignment(req.ctx, req.body) }));
  r.post('/api/v1/assignments/:id/end', { schema: { tags, summary: 'End an assistant\'s or liaison\'s appointment', params, body: endAssignmentBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await assignments.endAssignment(req.ctx, req.params.id, req.body.endDate);
      return reply.code(204).send(null);
    });
  r.post('/api/v1/projects/:id/handover', { schema: { tags, summary: 'Hand the project to a new commissioner; open work moves with it', params, body: handoverBody, response: { 201: handoverSchema } } },
    async (req, reply) => reply.code(201).send(await assignments.handover(req.ctx, req.params.id, req.body)));
  r.get('/api/v1/projects/:id/handovers', { schema: { tags, summary: 'The project\'s handover records', params, response: { 200: z.array(handoverSchema) } } },
    async (req) => assignments.listHandovers(req.ctx, req.params.id));
  r.get('/api/v1/commissioners', { schema: { tags, summary: 'The commissioner roster: project, days on site this month, open items', response: { 200: z.array(rosterItemSchema) } } },
    async (req) => assignments.roster(req.ctx));

  r.get('/api/v1/learning-logs', { schema: { tags, summary: 'Young cadres\' learning logs (跟班学习记录)', querystring: learningLogListQuery, response: { 200: pageOf(learningLogSchema) } } },
    async (req) => learning.listLearningLogs(req.ctx, req.query));
  r.post('/api/v1/learning-logs', { schema: { tags, summary: 'Write a learning log (assistant)', body: createLearningLogBody, response: { 201: created } } },
    async (req, reply) => reply.code(201).send({ id: await learning.createLearningLog(req.ctx, req.body) }));
  r.post('/api/v1/learning-logs/:id/comment', { schema: { tags, summary: 'The mentor\'s comment', params, body: commentLearningLogBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await learning.commentLearningLog(req.ctx, req.params.id, req.body);
      return reply.code(204).send(null);
    });
  r.get('/api/v1/evaluations', { schema: { tags, summary: 'End-of-term evaluations of assistants', querystring: z.strictObject({ assistantId: idSchema.optional() }), response: { 200: z.array(evaluationSchema) } } },
    async (req) => learning.listEvaluations(req.ctx, req.query.assistantId));
  r.post('/api/v1/evaluations', { schema: { tags, summary: 'Evaluate an assistant at the end of the term (their mentor)', body: createEvaluationBody, response: { 201: created } } },
    async (req, reply) => reply.code(201).send({ id: await learning.createEvaluation(req.ctx, req.body) }));
}
