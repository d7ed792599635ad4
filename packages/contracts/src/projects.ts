import { z } from 'zod';
import { dateSchema, dateTimeSchema, idSchema, pageQuery } from './common.js';

export const projectPhases = ['preparation', 'construction', 'completed'] as const;
export const projectLights = ['green', 'yellow', 'red'] as const;
export const projectPhaseSchema = z.enum(projectPhases);
export const projectLightSchema = z.enum(projectLights);

const ref = z.object({ id: idSchema, name: z.string() }).nullable();

export const projectSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  category: z.string(),
  address: z.string(),
  street: ref,
  community: ref,
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  owner: ref,
  contractor: ref,
  supervisor: ref,
  totalInvestment: z.number().describe('yuan'),
  annualPlannedInvestment: z.number().describe('yuan'),
  investmentCompleted: z.number().describe('yuan'),
  plannedStart: dateSchema.nullable(),
  plannedFinish: dateSchema.nullable(),
  phase: projectPhaseSchema,
  light: projectLightSchema,
  description: z.string(),
  isDemo: z.boolean(),
  commissioner: z.object({ id: idSchema, displayName: z.string(), phone: z.string().nullable() }).nullable(),
  archivedAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
  version: z.number().int(),
});
export type Project = z.infer<typeof projectSchema>;

export const projectSorts = [
  'code', '-code', 'name', '-name', 'totalInvestment', '-totalInvestment', 'plannedFinish', '-plannedFinish',
  'updatedAt', '-updatedAt', 'light', '-light',
] as const;
export const projectListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(100).optional(),
  streetId: idSchema.optional(),
  phase: projectPhaseSchema.optional(),
  light: projectLightSchema.optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
  sort: z.enum(projectSorts).optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;
export const projectExportQuery = projectListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
