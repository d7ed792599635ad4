import { calendarDateParams, calendarDayBody, calendarDaySchema, calendarDaysBody, calendarListQuery, calendarListSchema } from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './calendar.service.js';

const tags = ['calendar'];

export async function calendarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/calendar/days', {
    schema: { tags, summary: 'Statutory holidays and make-up working days (调休) of a year; weekends are implied', querystring: calendarListQuery, response: { 200: calendarListSchema } },
  }, async (req) => service.listCalendarDays(req.ctx, req.query.year));
  r.put('/api/v1/calendar/days', {
    schema: { tags, summary: 'Set several days at once (e.g. next year\'s notice); listed dates are overwritten', body: calendarDaysBody, response: { 200: z.object({ items: z.array(calendarDaySchema) }) } },
  }, async (req) => service.putCalendarDays(req.ctx, req.body.days));
  r.put('/api/v1/calendar/days/:date', {
    schema: { tags, summary: 'Set one day as a holiday or a make-up working day', params: calendarDateParams, body: calendarDayBody, response: { 200: calendarDaySchema } },
  }, async (req) => (await service.putCalendarDays(req.ctx, [{ date: req.params.date, ...req.body }])).items[0]!);
  r.delete('/api/v1/calendar/days/:date', {
    schema: { tags, summary: 'Remove a listed day: it becomes an ordinary weekday or weekend day', params: calendarDateParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await service.deleteCalendarDay(req.ctx, req.params.date);
    return reply.code(204).send(null);
  });
}
