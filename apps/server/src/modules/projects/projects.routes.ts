import { idSchema, pageOf, projectExportQuery, projectListQuery, projectSchema } from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { projectsToCsv, projectsToXlsx } from './projects.export.js';
import * as service from './projects.service.js';

const tags = ['projects'];

export async function projectRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/projects', {
    schema: { tags, summary: 'List the projects the caller may see', querystring: projectListQuery, response: { 200: pageOf(projectSchema) } },
  }, async (req) => service.listProjects(req.ctx, req.query));

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
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="projects-${stamp}.xlsx"`);
    return reply.send(xlsx);
  });

  r.get('/api/v1/projects/:id', {
    schema: { tags, summary: 'One project', params: z.object({ id: idSchema }), response: { 200: projectSchema } },
  }, async (req) => service.getProject(req.ctx, req.params.id));
}
