import {
  boardSummaryQuery, boardSummarySchema, type BoardSummary, dashboardCommissionerSchema, dashboardCommissionersQuery, dashboardProjectSchema,
  dashboardProjectsQuery, dashboardUnitSchema, dashboardUnitsQuery, lightRulesBody, lightRulesSchema, pageOf,
} from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerBoardJobs } from './board.jobs.js';
import { listCommissionerFigures, listUnitFigures } from './board-rankings.service.js';
import { getBoardSummary, listDashboardProjects } from './board.service.js';
import { getLightRules, updateLightRules } from './light-rules.service.js';

const tags = ['board'];

export async function boardRoutes(app: FastifyInstance) {
  registerBoardJobs();
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/dashboard/summary', {
    schema: {
      tags, querystring: boardSummaryQuery, response: { 200: boardSummarySchema },
      summary: 'The caller\'s board: district (leaders, organisation dept), own projects (commissioners), own unit (departments, streets); each figure with its drill-down list',
    },
  }, async (req, reply) => {
    // The cache holds the summary already checked against the schema and serialised: a string goes out as it is.
    const json = await getBoardSummary(req.ctx, req.query);
    return reply.type('application/json; charset=utf-8').send(json as unknown as BoardSummary);
  });

  r.get('/api/v1/dashboard/projects', {
    schema: { tags, summary: 'Projects with their composite light and its reasons, investment against the time-proportional plan, open and overdue cases', querystring: dashboardProjectsQuery, response: { 200: pageOf(dashboardProjectSchema) } },
  }, async (req) => listDashboardProjects(req.ctx, req.query));

  r.get('/api/v1/dashboard/commissioners', {
    schema: { tags, summary: 'Commissioners: days on site this month, cases raised and closed, average working days to close', querystring: dashboardCommissionersQuery, response: { 200: pageOf(dashboardCommissionerSchema) } },
  }, async (req) => listCommissionerFigures(req.ctx, req.query));

  r.get('/api/v1/dashboard/units', {
    schema: { tags, summary: 'Departments and streets ranked by 响应率 / 解决率 / 满意率, with dispatches and returns', querystring: dashboardUnitsQuery, response: { 200: pageOf(dashboardUnitSchema) } },
  }, async (req) => listUnitFigures(req.ctx, req.query));

  r.get('/api/v1/dashboard/light-rules', {
    schema: { tags, summary: 'The rules of the composite project light', response: { 200: lightRulesSchema } },
  }, async (req) => getLightRules(req.ctx));

  r.put('/api/v1/dashboard/light-rules', {
    schema: { tags, summary: 'Change the light rules (organisation dept; audited); every project\'s light is computed again', body: lightRulesBody, response: { 200: lightRulesSchema } },
  }, async (req) => updateLightRules(req.ctx, req.body));
}
