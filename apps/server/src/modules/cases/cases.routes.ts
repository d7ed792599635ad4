import {
  bulkDispatchBody, bulkDispatchResultSchema, caseActionBodies, caseDetailSchema, caseEventSchema, caseExportQuery,
  caseLimitsBody, caseLimitsSchema, caseListQuery, caseSchema, createCaseBody, idSchema, pageOf, similarCaseSchema,
  similarCasesQuery, type CaseAction, type CaseActionBody, type CaseDetail,
} from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../kernel/context.js';
import { registerFileAccess } from '../../kernel/files/files.js';
import * as limits from './case-limits.service.js';
import { registerCaseJobs } from './cases.jobs.js';
import { moveOpenCases } from './case-handover.js';
import { registerHandoverMover } from '../people/assignments.service.js';
import { casesToCsv, casesToXlsx } from './cases.export.js';
import * as service from './cases.service.js';
import { createCase } from './use-cases/create-case.js';
import { commentOnCase, escalateCase } from './use-cases/discuss-case.js';
import { bulkDispatch, dispatchCase } from './use-cases/dispatch-case.js';
import { answerCase, requestExtension, returnCase, signCase } from './use-cases/handle-case.js';
import { decideExtension, rateCase, reopenCase, verifyCase } from './use-cases/review-case.js';
import { acceptCase, mergeCase, rejectCase, withdrawCase } from './use-cases/triage-case.js';

const tags = ['cases'];
const params = z.object({ id: idSchema });

type ActionFn<A extends CaseAction> = (ctx: Ctx, id: string, body: CaseActionBody<A>) => Promise<CaseDetail>;
const actions: { [A in CaseAction]: { fn: ActionFn<A>; summary: string } } = {
  accept: { fn: acceptCase, summary: '受理: take the case on (dispatcher)' },
  reject: { fn: rejectCase, summary: '不予受理, with a reason (dispatcher)' },
  dispatch: { fn: dispatchCase, summary: '派单 to a lead unit, optional co-units and assignee; starts the sign-for clock' },
  sign: { fn: signCase, summary: '签收 (lead or co-handling unit); starts the handling clock' },
  return: { fn: returnCase, summary: '退回 to the dispatcher with a reason; the clock stops until the next dispatch' },
  'request-extension': { fn: requestExtension, summary: '申请延期 by some working days, before the deadline' },
  'decide-extension': { fn: decideExtension, summary: 'Approve (the deadline moves) or refuse (with a reason) an extension' },
  answer: { fn: answerCase, summary: '答复: public reply, internal note, attachments' },
  verify: { fn: verifyCase, summary: '核实: accept closes the case; refuse (with a reason) sends it back' },
  reopen: { fn: reopenCase, summary: '重办, once, after an unsatisfied rating' },
  rate: { fn: rateCase, summary: '评价 by the reporter' },
  comment: { fn: commentOnCase, summary: 'A comment on the timeline; internal ones for the handling chain only' },
  escalate: { fn: escalateCase, summary: '督办: raise the supervision level (leader: any, dispatcher: up to 2)' },
  withdraw: { fn: withdrawCase, summary: '撤回, with a reason (reporter or dispatcher)' },
  merge: { fn: mergeCase, summary: 'Merge a duplicate into an open case of the same project' },
};

export async function caseRoutes(app: FastifyInstance) {
  registerCaseJobs();
  registerHandoverMover(moveOpenCases);
  registerFileAccess('case', (ctx, caseId) => service.canSeeCase(ctx, caseId));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/cases', {
    schema: { tags, summary: 'List the cases the caller may see: filters, saved views, full-text search', querystring: caseListQuery, response: { 200: pageOf(caseSchema) } },
  }, async (req) => service.listCases(req.ctx, req.query));

  r.post('/api/v1/cases', {
    schema: { tags, summary: 'Raise a case on a project (status submitted)', body: createCaseBody, response: { 201: caseDetailSchema } },
  }, async (req, reply) => reply.code(201).send(await createCase(req.ctx, req.body)));

  r.get('/api/v1/cases/export', {
    schema: { tags, summary: 'Export the filtered case list as xlsx or csv', querystring: caseExportQuery },
  }, async (req, reply) => {
    const { format, ...filters } = req.query;
    const pages = service.iterateCases(req.ctx, filters);
    const first = await pages.next();
    const all = (async function* () {
      if (!first.done) yield first.value;
      yield* pages;
    })();
    const stamp = req.ctx.now().toISOString().slice(0, 10);
    if (format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="cases-${stamp}.csv"`);
      return reply.send(casesToCsv(all));
    }
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="cases-${stamp}.xlsx"`);
    return reply.send(casesToXlsx(all));
  });

  r.get('/api/v1/cases/similar', {
    schema: { tags, summary: 'Open cases on the project with a similar title (duplicate prevention)', querystring: similarCasesQuery, response: { 200: z.object({ items: z.array(similarCaseSchema) }) } },
  }, async (req) => ({ items: await service.findSimilarCases(req.ctx, req.query) }));

  r.post('/api/v1/cases/bulk-dispatch', {
    schema: { tags, summary: 'Dispatch several cases to the same unit; one result per case', body: bulkDispatchBody, response: { 200: bulkDispatchResultSchema } },
  }, async (req) => bulkDispatch(req.ctx, req.body));

  r.get('/api/v1/cases/:id', {
    schema: { tags, summary: 'One case, with the actions the caller may take now', params, response: { 200: caseDetailSchema } },
  }, async (req) => service.getCaseDetail(req.ctx, req.params.id));

  r.get('/api/v1/cases/:id/events', {
    schema: { tags, summary: 'The case timeline (internal entries only for the handling chain)', params, response: { 200: z.object({ items: z.array(caseEventSchema) }) } },
  }, async (req) => ({ items: await service.listCaseEvents(req.ctx, req.params.id) }));

  for (const action of Object.keys(actions) as CaseAction[]) {
    const { fn, summary } = actions[action] as { fn: ActionFn<CaseAction>; summary: string };
    r.post(`/api/v1/cases/:id/actions/${action}`, {
      schema: { tags, summary, params, body: caseActionBodies[action], response: { 200: caseDetailSchema } },
    }, async (req) => fn(req.ctx, req.params.id, req.body as CaseActionBody<CaseAction>));
  }

  r.get('/api/v1/case-limits', {
    schema: { tags, summary: 'Time limits in working days per case type and priority (sign: the sign-for limit)', response: { 200: caseLimitsSchema } },
  }, async (req) => limits.listCaseLimits(req.ctx));
  r.put('/api/v1/case-limits', {
    schema: { tags, summary: 'Change time limits (org dept, system admin); running clocks keep their deadlines', body: caseLimitsBody, response: { 200: caseLimitsSchema } },
  }, async (req) => limits.updateCaseLimits(req.ctx, req.body.items));
}
