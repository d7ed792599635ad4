import { z } from 'zod';
import { dateSchema, dateTimeSchema, idSchema, pageQuery } from './common.js';

/**
 * Safety supervision (安全生产有人监督): inspection templates, inspections run on site, the hazards they find (each a
 * `safety` case addressed to the contractor), the rectification notice (整改通知书), stop-work orders and the ledger.
 */
export const hazardSeverities = ['general', 'major'] as const;
export const inspectionResults = ['pass', 'fail', 'na'] as const;
export const inspectionStatuses = ['draft', 'submitted'] as const;
export const hazardSeveritySchema = z.enum(hazardSeverities).describe('general: 一般隐患 (3 working days); major: 重大隐患 (1 working day, stop work)');
export const inspectionResultSchema = z.enum(inspectionResults).describe('pass 合格 / fail 不合格 / na 不适用');

const text = (max: number) => z.string().trim().min(1).max(max);
const ref = z.object({ id: idSchema, name: z.string() });
const userRef = z.object({ id: idSchema, displayName: z.string() });

// --- templates ---
export const inspectionTemplateItemInput = z.strictObject({
  category: text(40).describe('the group, e.g. 临边防护, 脚手架与防护网, 起重机械, 临时用电, 消防, 扬尘, 夜间施工'),
  text: text(500).describe('what the inspector checks'),
  severity: hazardSeveritySchema,
  basis: z.string().trim().max(200).nullable().optional().describe('the standard it comes from, e.g. JGJ 59-2011 3.13'),
});
export const inspectionTemplateItemSchema = z.object({
  id: idSchema, position: z.number().int(), category: z.string(), text: z.string(), severity: hazardSeveritySchema, basis: z.string().nullable(),
});
export const inspectionTemplateSchema = z.object({
  id: idSchema, name: z.string(), description: z.string(), isActive: z.boolean(),
  items: z.array(inspectionTemplateItemSchema), categories: z.array(z.string()).describe('the groups in item order'),
  createdAt: dateTimeSchema, updatedAt: dateTimeSchema, version: z.number().int(),
});
export const inspectionTemplateListQuery = z.strictObject({ ...pageQuery, active: z.enum(['true', 'false']).optional() });
export const createInspectionTemplateBody = z.strictObject({
  name: text(100), description: z.string().trim().max(1000).default(''),
  items: z.array(inspectionTemplateItemInput).min(1).max(300),
});
export const updateInspectionTemplateBody = z.strictObject({
  version: z.number().int(),
  name: text(100).optional(),
  description: z.string().trim().max(1000).optional(),
  isActive: z.boolean().optional(),
  items: z.array(inspectionTemplateItemInput).min(1).max(300).optional().describe('replaces the whole list; inspections already started keep their copy'),
});

// --- inspections ---
export const safetyHazardCaseSchema = z.object({
  id: idSchema, number: z.string(), status: z.string(), light: z.string(), overdue: z.boolean(),
  deadline: dateTimeSchema.nullable().describe('the case engine\'s handling deadline, set when the contractor signs'),
  closedAt: dateTimeSchema.nullable(),
});
export const inspectionItemSchema = z.object({
  id: idSchema, position: z.number().int(), category: z.string(), text: z.string(), severity: hazardSeveritySchema, basis: z.string().nullable(),
  result: inspectionResultSchema.nullable(), note: z.string().nullable(), photoId: idSchema.nullable(),
  rectifyBy: dateTimeSchema.nullable().describe('the rectification deadline ordered in the notice'),
  caseId: idSchema.nullable(),
});
export const safetyHazardSchema = z.object({
  itemId: idSchema, category: z.string(), text: z.string(), severity: hazardSeveritySchema, note: z.string(), photoId: idSchema.nullable(),
  rectifyBy: dateTimeSchema.nullable(), open: z.boolean().describe('false once re-inspection accepted the fix (case closed)'),
  case: safetyHazardCaseSchema.nullable(),
});
export const inspectionSchema = z.object({
  id: idSchema,
  project: z.object({ id: idSchema, code: z.string(), name: z.string() }),
  template: ref,
  status: z.enum(inspectionStatuses),
  inspector: userRef,
  inspectedAt: dateTimeSchema,
  location: z.string().nullable(),
  summary: z.string().nullable(),
  contractorUnit: ref.nullable(),
  contractorSignerName: z.string().nullable().describe('the contractor\'s representative who signed on site'),
  inspectorSignatureId: idSchema.nullable().describe('PNG drawn on the screen; GET /api/v1/files/:id'),
  contractorSignatureId: idSchema.nullable(),
  noticeNumber: z.string().nullable().describe('e.g. 下安整〔2026〕第0012号; given on submit when hazards were found'),
  submittedAt: dateTimeSchema.nullable(),
  counts: z.object({ total: z.number().int(), pass: z.number().int(), fail: z.number().int(), na: z.number().int(), pending: z.number().int() }),
  items: z.array(inspectionItemSchema),
  hazards: z.array(safetyHazardSchema).describe('the failures, each with its case\'s live status'),
  stopWorkOrdered: z.boolean(),
  allowedActions: z.array(z.enum(['edit', 'submit', 'notice'])),
  createdAt: dateTimeSchema, updatedAt: dateTimeSchema, version: z.number().int(),
});
export type Inspection = z.infer<typeof inspectionSchema>;
export const inspectionListQuery = z.strictObject({
  ...pageQuery, projectId: idSchema.optional(), status: z.enum(inspectionStatuses).optional(),
  from: dateSchema.optional(), to: dateSchema.optional(), sort: z.enum(['inspectedAt', '-inspectedAt']).optional(),
});
export const createInspectionBody = z.strictObject({
  projectId: idSchema, templateId: idSchema,
  inspectedAt: z.iso.datetime({ offset: true }).optional().describe('defaults to now'),
  location: z.string().trim().max(200).optional(),
});
export const recordInspectionItemBody = z.strictObject({
  itemId: idSchema, result: inspectionResultSchema,
  note: z.string().trim().max(2000).nullable().optional().describe('required for a failure'),
  photoId: idSchema.nullable().optional().describe('an uploaded photo; required for a failure'),
});
export const updateInspectionBody = z.strictObject({
  version: z.number().int(),
  items: z.array(recordInspectionItemBody).max(300).optional(),
  location: z.string().trim().max(200).nullable().optional(),
  summary: z.string().trim().max(5000).nullable().optional(),
  inspectorSignatureId: idSchema.nullable().optional().describe('an uploaded PNG'),
  contractorSignatureId: idSchema.nullable().optional().describe('an uploaded PNG'),
  contractorSignerName: z.string().trim().min(1).max(40).nullable().optional(),
});
export const submitInspectionBody = z.strictObject({ version: z.number().int() });
export const rectificationNoticeQuery = z.strictObject({ format: z.enum(['pdf', 'docx']).default('pdf') });

// --- the project's safety state and the ledger ---
export const projectSafetySchema = z.object({
  projectId: idSchema,
  stopWork: z.boolean().describe('停工整改: a major hazard is open; lifted when every major hazard case is closed'),
  since: dateTimeSchema.nullable(),
  orderedBy: z.object({ inspectionId: idSchema, noticeNumber: z.string().nullable() }).nullable(),
  liftedAt: dateTimeSchema.nullable(),
  openHazards: z.object({ major: z.number().int(), general: z.number().int() }),
  lastInspection: z.object({ id: idSchema, inspectedAt: dateTimeSchema, noticeNumber: z.string().nullable() }).nullable(),
});
export const safetyLedgerQuery = z.strictObject({ projectId: idSchema.optional(), from: dateSchema.optional(), to: dateSchema.optional() });
const tally = { total: z.number().int(), open: z.number().int(), closed: z.number().int(), major: z.number().int(), general: z.number().int() };
export const safetyLedgerSchema = z.object({
  projectId: idSchema.nullable(),
  inspections: z.number().int().describe('submitted inspections'),
  hazards: z.object({ ...tally, overdue: z.number().int() }),
  byCategory: z.array(z.object({ category: z.string(), ...tally })),
  avgWorkingDaysToRectify: z.number().nullable().describe('closed hazards: working days from the notice to the accepted re-inspection'),
  stopWorkSites: z.array(z.object({
    project: z.object({ id: idSchema, code: z.string(), name: z.string() }), since: dateTimeSchema.nullable(), openMajorHazards: z.number().int(),
  })),
  items: z.array(safetyHazardSchema.extend({ inspectionId: idSchema, noticeNumber: z.string().nullable(), projectId: idSchema }))
    .describe('every hazard, newest first (only with projectId)'),
});
