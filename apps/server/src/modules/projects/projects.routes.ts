import {
  confirmProgressReportBody, createMilestoneBody, createProgressReportBody, createProjectBody, idSchema, importResultSchema,
  milestoneSchema, pageOf, progressReportSchema, projectDetailSchema, projectExportQuery, projectListQuery, projectSchema,
  returnProgressReportBody, updateMilestoneBody, updateProjectBody,
} from '@liaison/contracts';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../kernel/errors/app-error.js';
import { registerFileAccess } from '../../kernel/files/files.js';
import * as file from './project-file.service.js';
import { projectsToCsv, projectsToXlsx } from './projects.export.js';
import { importProjects, importTemplate } from './projects.import.js';
import * as registry from './project-registry.service.js';
import * as service from './projects.service.js';

const tags = ['projects'];
const params = z.object({ id: idSchema });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const geoJsonSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({
    type: z.literal('Feature'), id: z.string(),
    geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
    properties: z.object({ id: z.string(), code: z.string(), name: z.string(), light: z.string(), phase: z.string(), address: z.string(), street: z.string().nullable() }),
  })),
});

export async function projectRoutes(app: FastifyInstance) {
  await app.register(multipart, { limits: { fileSize: app.deps.config.fileMaxBytes, files: 1, fields: 5 } });
  // A progress report's photos are visible to whoever may see the project.
  registerFileAccess('progress_report', async (ctx, reportId) => {
    const r = await ctx.db.selectFrom('progressReports').select('projectId').where('id', '=', reportId).executeTakeFirst();
    if (!r) return false;
    return service.getProject(ctx, r.projectId).then(() => true, () => false);
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/projects', {
    schema: { tags, summary: 'List the projects the caller may see', querystring: projectListQuery, response: { 200: pageOf(projectSchema) } },
  }, async (req) => service.listProjects(req.ctx, req.query));

  r.get('/api/v1/projects.geojson', {
    schema: { tags, summary: 'Project locations for maps (GeoJSON)', response: { 200: geoJsonSchema } },
  }, async (req, reply) => {
    // Already serialised (and, for the whole district, cached): text goes out as it is.
    const json = await service.projectsGeoJson(req.ctx);
    return reply.header('content-type', 'application/geo+json; charset=utf-8').send(json as never);
  });

  r.get('/api/v1/projects/export', {
    schema: { tags, summary: 'Export the filtered project list as xlsx or csv', querystring: projectExportQuery },
  }, async (req, reply) => {
    const { format, ...filters } = req.query;
    const pages = service.iterateProjects(req.ctx, filters);
    const stamp = req.ctx.now().toISOString().slice(0, 10);
    // Build the file first: a refusal (403) must not go out labelled as an attachment.
    if (format === 'csv') {
      const csv = await projectsToCsv(pages);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="projects-${stamp}.csv"`);
      return reply.send(csv);
    }
    const xlsx = await projectsToXlsx(pages);
    reply.header('content-type', XLSX);
    reply.header('content-disposition', `attachment; filename="projects-${stamp}.xlsx"`);
    return reply.send(xlsx);
  });

  r.get('/api/v1/projects/import/template', {
    schema: { tags, summary: 'The import template (.xlsx)' },
  }, async (req, reply) => {
    if (!req.ctx.actor?.permissions.includes('project.manage')) throw new AppError('FORBIDDEN', 'only the organisation department imports projects');
    return reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="projects-template.xlsx"').send(await importTemplate());
  });

  r.post('/api/v1/projects/import', {
    schema: { tags, summary: 'Import projects from .xlsx (multipart field "file"); every error by row and column, then all or nothing', consumes: ['multipart/form-data'], querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') }), response: { 200: importResultSchema, 422: importResultSchema } },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the workbook as multipart/form-data');
    const part = await req.file();
    if (!part) throw new AppError('VALIDATION_FAILED', 'no file in the request', [{ path: 'body.file', message: 'required' }]);
    const result = await importProjects(req.ctx, await part.toBuffer(), req.query.dryRun === 'true');
    return reply.code(result.ok ? 200 : 422).send(result);
  });

  r.post('/api/v1/projects', {
    schema: { tags, summary: 'Register a project', body: createProjectBody, response: { 201: projectDetailSchema } },
  }, async (req, reply) => reply.code(201).send(await service.getProject(req.ctx, await registry.createProject(req.ctx, req.body))));

  r.get('/api/v1/projects/:id', {
    schema: { tags, summary: 'One project with its figures and the caller\'s allowed actions', params, response: { 200: projectDetailSchema } },
  }, async (req) => service.getProject(req.ctx, req.params.id));

  r.patch('/api/v1/projects/:id', {
    schema: { tags, summary: 'Edit a project (commissioners: hours and impact notice only)', params, body: updateProjectBody, response: { 200: projectDetailSchema } },
  }, async (req) => {
    await registry.updateProject(req.ctx, req.params.id, req.body);
    return service.getProject(req.ctx, req.params.id);
  });

  for (const [path, archived] of [['archive', true], ['restore', false]] as const) {
    r.post(`/api/v1/projects/:id/${path}`, {
      schema: { tags, summary: archived ? 'Archive a project' : 'Restore an archived project', params, body: z.strictObject({ version: z.number().int() }), response: { 200: projectDetailSchema } },
    }, async (req) => {
      await registry.setArchived(req.ctx, req.params.id, req.body.version, archived);
      return service.getProject(req.ctx, req.params.id);
    });
  }

  const mparams = z.object({ id: idSchema, milestoneId: idSchema });
  r.get('/api/v1/projects/:id/milestones', { schema: { tags, summary: 'Milestones (节点), late ones flagged', params, response: { 200: z.array(milestoneSchema) } } },
    async (req) => file.listMilestones(req.ctx, req.params.id));
  r.post('/api/v1/projects/:id/milestones', { schema: { tags, summary: 'Add a milestone', params, body: createMilestoneBody, response: { 201: milestoneSchema } } },
    async (req, reply) => reply.code(201).send(await file.createMilestone(req.ctx, req.params.id, req.body)));
  r.patch('/api/v1/projects/:id/milestones/:milestoneId', { schema: { tags, summary: 'Edit a milestone (e.g. its actual date)', params: mparams, body: updateMilestoneBody, response: { 200: milestoneSchema } } },
    async (req) => file.updateMilestone(req.ctx, req.params.id, req.params.milestoneId, req.body));
  r.delete('/api/v1/projects/:id/milestones/:milestoneId', { schema: { tags, summary: 'Remove a milestone', params: mparams, response: { 204: z.null() } } },
    async (req, reply) => {
      await file.deleteMilestone(req.ctx, req.params.id, req.params.milestoneId);
      return reply.code(204).send(null);
    });

  const rparams = z.object({ id: idSchema, reportId: idSchema });
  r.get('/api/v1/projects/:id/progress-reports', { schema: { tags, summary: 'Monthly progress reports (形象进度)', params, response: { 200: z.array(progressReportSchema) } } },
    async (req) => file.listProgressReports(req.ctx, req.params.id));
  r.post('/api/v1/projects/:id/progress-reports', { schema: { tags, summary: 'Submit a month\'s report (commissioner or the owner\'s contact)', params, body: createProgressReportBody, response: { 201: progressReportSchema } } },
    async (req, reply) => reply.code(201).send(await file.submitProgressReport(req.ctx, req.params.id, req.body)));
  r.post('/api/v1/projects/:id/progress-reports/:reportId/confirm', { schema: { tags, summary: 'Confirm a report (the commissioner)', params: rparams, body: confirmProgressReportBody, response: { 200: progressReportSchema } } },
    async (req) => file.decideProgressReport(req.ctx, req.params.id, req.params.reportId, req.body.version, { confirm: true }));
  r.post('/api/v1/projects/:id/progress-reports/:reportId/return', { schema: { tags, summary: 'Send a report back with a reason', params: rparams, body: returnProgressReportBody, response: { 200: progressReportSchema } } },
    async (req) => file.decideProgressReport(req.ctx, req.params.id, req.params.reportId, req.body.version, { confirm: false, reason: req.body.reason }));
}
