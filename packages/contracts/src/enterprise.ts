import { z } from 'zod';
import { approvalLevelSchema } from './approvals.js';
import { caseDetailSchema, casePrioritySchema, caseSchema, caseStatusSchema } from './cases.js';
import { dateSchema, idSchema, pageQuery } from './common.js';

/** Enterprise needs (企业诉求): `enterprise` cases with a typed detail and the outcome in figures. */
export const enterpriseNeedTypes = ['funding', 'investment', 'parking', 'land', 'utilities', 'permits', 'other'] as const;
export type EnterpriseNeedType = (typeof enterpriseNeedTypes)[number];
export const enterpriseNeedTypeSchema = z.enum(enterpriseNeedTypes)
  .describe('funding: 资金缺口; investment: 招商; parking: 车位; land: 用地; utilities: 水电气配套; permits: 证照审批; other: 其他');

const money = z.number().min(0).max(1e13).multipleOf(0.01).describe('yuan, at most two decimals');
const count = z.number().int().min(0).max(1_000_000);
const ref = z.object({ id: idSchema, name: z.string() });

export const enterpriseNeedDetailSchema = z.object({
  needType: enterpriseNeedTypeSchema,
  level: approvalLevelSchema.describe('the level that must solve it'),
  coordinatingUnits: z.array(ref),
  amountRequested: z.number().nullable().describe('yuan'),
  amountArranged: z.number().nullable().describe('yuan arranged (funding)'),
  tenantsTarget: z.number().int().nullable(),
  tenantsSigned: z.number().int().nullable().describe('tenants signed (investment attraction)'),
  parkingRequested: z.number().int().nullable(),
  parkingApproved: z.number().int().nullable().describe('parking spaces approved'),
  outcomeNote: z.string().nullable(),
  version: z.number().int().describe('the detail\'s own version, for PATCH'),
});
export const enterpriseNeedSchema = caseSchema.extend({ need: enterpriseNeedDetailSchema });
export const enterpriseNeedDetailViewSchema = caseDetailSchema.extend({
  need: enterpriseNeedDetailSchema,
  needActions: z.array(z.enum(['record-outcome'])).describe('record-outcome: PATCH the detail (dispatcher and handling units)'),
});

export const createEnterpriseNeedBody = z.strictObject({
  projectId: idSchema,
  needType: enterpriseNeedTypeSchema,
  level: approvalLevelSchema.default('district'),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(5000),
  priority: casePrioritySchema.optional(),
  attachmentIds: z.array(idSchema).max(20).optional(),
  coordinatingUnitIds: z.array(idSchema).max(10).default([]).describe('units that must work on it; the first leads when dispatched'),
  dispatch: z.boolean().default(false).describe('the project\'s dispatcher: accept and dispatch to the coordinating units at once'),
  amountRequested: money.optional(),
  tenantsTarget: count.optional(),
  parkingRequested: count.optional(),
});
export const updateEnterpriseNeedBody = z.strictObject({
  version: z.number().int(),
  needType: enterpriseNeedTypeSchema.optional(),
  level: approvalLevelSchema.optional(),
  coordinatingUnitIds: z.array(idSchema).max(10).optional(),
  amountRequested: money.nullable().optional(),
  amountArranged: money.nullable().optional(),
  tenantsTarget: count.nullable().optional(),
  tenantsSigned: count.nullable().optional(),
  parkingRequested: count.nullable().optional(),
  parkingApproved: count.nullable().optional(),
  outcomeNote: z.string().trim().max(2000).nullable().optional(),
});

const filters = {
  needType: enterpriseNeedTypeSchema.optional(),
  level: approvalLevelSchema.optional(),
  status: z.union([caseStatusSchema, z.array(caseStatusSchema)]).optional(),
  projectId: idSchema.optional(),
  createdFrom: dateSchema.optional().describe('YYYY-MM-DD, Asia/Shanghai, inclusive'),
  createdTo: dateSchema.optional().describe('YYYY-MM-DD, Asia/Shanghai, inclusive'),
};
export const enterpriseNeedListQuery = z.strictObject({ ...pageQuery, ...filters });
export const enterpriseNeedReportQuery = z.strictObject({ projectId: filters.projectId, createdFrom: filters.createdFrom, createdTo: filters.createdTo });

const figures = {
  total: z.number().int(), open: z.number().int(), closed: z.number().int(),
  amountRequested: z.number(), amountArranged: z.number(), tenantsSigned: z.number().int(), parkingApproved: z.number().int(),
};
export const enterpriseNeedReportSchema = z.object({
  rows: z.array(z.object({ needType: enterpriseNeedTypeSchema, level: approvalLevelSchema, ...figures })).describe('one row per type and level that has needs'),
  byType: z.array(z.object({ needType: enterpriseNeedTypeSchema, ...figures })),
  byLevel: z.array(z.object({ level: approvalLevelSchema, ...figures })),
  totals: z.object(figures),
});
