import { z } from 'zod';
import { dateSchema, dateTimeSchema, idSchema, pageQuery } from './common.js';

export const siteLogDuties = ['liaison', 'coordination', 'service', 'urging'] as const;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const siteLogSchema = z.object({
  id: idSchema, projectId: idSchema, projectName: z.string(), author: z.object({ id: idSchema, displayName: z.string() }),
  date: dateSchema, timeIn: z.string().nullable(), timeOut: z.string().nullable(), weather: z.string().nullable(),
  duties: z.array(z.enum(siteLogDuties)), seen: z.string(), done: z.string(), peopleMet: z.string().nullable(),
  photos: z.array(z.object({ id: idSchema, name: z.string(), capturedAt: z.string().nullable() })),
  problems: z.array(z.object({ id: idSchema, title: z.string(), description: z.string(), caseId: idSchema.nullable(), createdAt: dateTimeSchema })),
  createdAt: dateTimeSchema, updatedAt: dateTimeSchema, version: z.number().int(),
});
export const siteLogListQuery = z.strictObject({
  ...pageQuery, projectId: idSchema.optional(), authorId: idSchema.optional(), from: dateSchema.optional(), to: dateSchema.optional(),
  sort: z.enum(['date', '-date']).optional(),
});
const siteLogFields = {
  date: dateSchema, timeIn: time.nullable().optional(), timeOut: time.nullable().optional(), weather: z.string().trim().max(40).nullable().optional(),
  duties: z.array(z.enum(siteLogDuties)).min(1).max(4), seen: z.string().trim().max(5000).optional(), done: z.string().trim().min(1).max(5000),
  peopleMet: z.string().trim().max(1000).nullable().optional(),
};
export const createSiteLogBody = z.strictObject({ projectId: idSchema, ...siteLogFields, photoIds: z.array(idSchema).max(12).optional() });
export const updateSiteLogBody = z
  .strictObject(siteLogFields)
  .partial()
  .extend({ version: z.number().int(), photoIds: z.array(idSchema).max(12).optional() });
export const raiseProblemBody = z.strictObject({
  title: z.string().trim().min(2).max(200),
  description: z.string().trim().min(1).max(5000),
  type: z.enum(['approval', 'safety', 'dispute', 'appeal', 'enterprise', 'coordination']).default('coordination'),
  priority: z.enum(['normal', 'urgent']).default('normal'),
  attachmentIds: z.array(idSchema).max(20).optional(),
});
