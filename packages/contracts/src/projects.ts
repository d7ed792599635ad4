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

// --- registry writes (organisation department) ---
const money = z.number().min(0).max(1e13).describe('yuan, at most two decimals');
export const projectWriteFields = {
  name: z.string().trim().min(2).max(200),
  category: z.string().trim().min(1).max(60),
  address: z.string().trim().min(2).max(300),
  streetId: idSchema.nullable(),
  communityId: idSchema.nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lng: z.number().min(-180).max(180).nullable(),
  ownerUnitId: idSchema.nullable(),
  contractorUnitId: idSchema.nullable(),
  supervisorUnitId: idSchema.nullable(),
  totalInvestment: money,
  annualPlannedInvestment: money,
  plannedStart: dateSchema.nullable(),
  plannedFinish: dateSchema.nullable(),
  phase: projectPhaseSchema,
  light: projectLightSchema,
  description: z.string().max(5000),
  constructionHours: z.string().trim().max(200).nullable(),
  impactNotice: z.string().max(2000).nullable(),
};
export const createProjectBody = z.strictObject({
  code: z.string().trim().min(2).max(40).regex(/^[A-Za-z0-9-]+$/, 'letters, digits and dashes'),
  ...projectWriteFields,
  streetId: idSchema.nullable().optional(),
  communityId: idSchema.nullable().optional(),
  lat: projectWriteFields.lat.optional(),
  lng: projectWriteFields.lng.optional(),
  ownerUnitId: idSchema.nullable().optional(),
  contractorUnitId: idSchema.nullable().optional(),
  supervisorUnitId: idSchema.nullable().optional(),
  annualPlannedInvestment: money.default(0),
  plannedStart: dateSchema.nullable().optional(),
  plannedFinish: dateSchema.nullable().optional(),
  phase: projectPhaseSchema.default('preparation'),
  light: projectLightSchema.default('green'),
  description: z.string().max(5000).default(''),
  constructionHours: z.string().trim().max(200).nullable().optional(),
  impactNotice: z.string().max(2000).nullable().optional(),
});
export const updateProjectBody = z.strictObject(projectWriteFields).partial().extend({ version: z.number().int() });

export const projectFiguresSchema = z.object({
  percentDone: z.number().nullable().describe('latest confirmed progress report'),
  timeElapsedPercent: z.number().nullable().describe('序时进度: share of the planned duration elapsed today'),
  investmentThisYear: z.number(),
  annualPlanToDate: z.number().describe('the annual plan × share of the year elapsed'),
  lateMilestones: z.number().int(),
  lastReportPeriod: z.string().nullable(),
});
export const projectDetailSchema = projectSchema.extend({
  constructionHours: z.string().nullable(),
  impactNotice: z.string().nullable(),
  figures: projectFiguresSchema,
  allowedActions: z.array(z.string()),
});

// --- milestones ---
export const milestoneSchema = z.object({
  id: idSchema, projectId: idSchema, name: z.string(), plannedDate: dateSchema, actualDate: dateSchema.nullable(),
  note: z.string().nullable(), isLate: z.boolean(), version: z.number().int(),
});
export const createMilestoneBody = z.strictObject({
  name: z.string().trim().min(1).max(100), plannedDate: dateSchema, actualDate: dateSchema.nullable().optional(), note: z.string().max(1000).nullable().optional(),
});
export const updateMilestoneBody = z.strictObject({
  version: z.number().int(), name: z.string().trim().min(1).max(100).optional(), plannedDate: dateSchema.optional(),
  actualDate: dateSchema.nullable().optional(), note: z.string().max(1000).nullable().optional(),
});

// --- monthly progress reports (形象进度) ---
export const progressStatuses = ['submitted', 'confirmed', 'returned'] as const;
export const progressReportSchema = z.object({
  id: idSchema, projectId: idSchema, period: z.string().describe('YYYY-MM'), percentDone: z.number(),
  investmentPeriod: z.number(), investmentToDate: z.number(), narrative: z.string(), status: z.enum(progressStatuses),
  submittedBy: z.object({ id: idSchema, displayName: z.string() }).nullable(), submittedAt: dateTimeSchema,
  confirmedAt: dateTimeSchema.nullable(), returnReason: z.string().nullable(), photoIds: z.array(idSchema), version: z.number().int(),
});
export const createProgressReportBody = z.strictObject({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  percentDone: z.number().min(0).max(100),
  investmentPeriod: money,
  narrative: z.string().trim().min(1).max(5000),
  photoIds: z.array(idSchema).max(20).optional(),
});
export const returnProgressReportBody = z.strictObject({ version: z.number().int(), reason: z.string().trim().min(2).max(1000) });
export const confirmProgressReportBody = z.strictObject({ version: z.number().int() });

export const importResultSchema = z.object({
  ok: z.boolean(), dryRun: z.boolean(), rows: z.number().int(), created: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});
