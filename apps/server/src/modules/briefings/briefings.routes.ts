import { briefingListQuery, briefingSchema, briefingWeeklyQuery, pageOf } from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerBriefingJobs } from './briefings.jobs.js';
import { getWeeklyBriefing, listBriefings } from './briefings.service.js';

const tags = ['briefings'];

export async function briefingRoutes(app: FastifyInstance) {
  registerBriefingJobs();
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/briefings/weekly', {
    schema: {
      tags, querystring: briefingWeeklyQuery,
      summary: 'The weekly briefing (工作简报) of an ISO week as PDF, Word or Excel: archived once the week is over, a draft while it runs',
    },
  }, async (req, reply) => {
    const file = await getWeeklyBriefing(req.ctx, req.query);
    return reply
      .header('content-type', file.mediaType)
      .header('content-disposition', `attachment; filename="${file.ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('cache-control', file.archived ? 'private, max-age=3600' : 'no-store')
      .send(file.data);
  });
  r.get('/api/v1/briefings', {
    schema: { tags, summary: 'The archive of weekly briefings, newest first', querystring: briefingListQuery, response: { 200: pageOf(briefingSchema) } },
  }, async (req) => listBriefings(req.ctx, req.query));
}
