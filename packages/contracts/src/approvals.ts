import { z } from 'zod';
import { casePrioritySchema } from './cases.js';
import { dateSchema, dateTimeSchema, idSchema } from './common.js';

/** Approval agency (审批有人代办): the catalogue of approval items, project chains, blocking cases, the district report. */
export const approvalStatuses = ['not_started', 'preparing', 'submitted', 'accepted', 'approved', 'sent_back'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];
/** Who decides an item (authority) or coordinates its blockage: street office, district department, city department. */
export const approvalLevels = ['street', 'district', 'city'] as const;
export type ApprovalLevel = (typeof approvalLevels)[number];
export const approvalStatusSchema = z.enum(approvalStatuses);
export const approvalLevelSchema = z.enum(approvalLevels);

const name = (max: number) => z.string().trim().min(1).max(max);
const materials = z.array(name(200)).max(60);

// --- the catalogue (审批事项), admin-editable ---
export const approvalItemSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  authority: z.string().describe('the approving authority, e.g. 市规划和自然资源局'),
  authorityLevel: approvalLevelSchema,
  statutoryDays: z.number().int().describe('statutory time limit in working days, counted from the day after acceptance'),
  materials: z.array(z.string()).describe('一次性告知清单: every material the applicant must hand in'),
  basis: z.string().nullable().describe('legal basis'),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
  version: z.number().int(),
});
export type ApprovalItem = z.infer<typeof approvalItemSchema>;
export const approvalItemListQuery = z.strictObject({ includeInactive: z.enum(['true', 'false']).default('false') });
export const createApprovalItemBody = z.strictObject({
  code: z.string().trim().regex(/^[A-Z0-9-]{2,20}$/, 'capital letters, digits and -, 2 to 20'),
  name: name(100),
  authority: name(100),
  authorityLevel: approvalLevelSchema.default('district'),
  statutoryDays: z.number().int().min(1).max(365),
  materials: materials.default([]),
  basis: z.string().trim().max(500).nullable().optional(),
  sortOrder: z.number().int().min(0).max(10000).default(100),
});
export const updateApprovalItemBody = z.strictObject({
  version: z.number().int(),
  name: name(100).optional(),
  authority: name(100).optional(),
  authorityLevel: approvalLevelSchema.optional(),
  statutoryDays: z.number().int().min(1).max(365).optional(),
  materials: materials.optional(),
  basis: z.string().trim().max(500).nullable().optional(),
  sortOrder: z.number().int().min(0).max(10000).optional(),
  isActive: z.boolean().optional(),
});

// --- templates: the chain a project of a category starts with ---
export const approvalTemplateSchema = z.object({
  category: z.string().describe('a project category, or * for the default'),
  items: z.array(z.object({ id: idSchema, code: z.string(), name: z.string() })),
});
export const putApprovalTemplateBody = z.strictObject({ itemIds: z.array(idSchema).min(1).max(40) });

// --- a project's chain ---
const ref = z.object({ id: idSchema, name: z.string() });
export const checklistEntrySchema = z.object({ name: z.string(), done: z.boolean() });
export const projectApprovalSchema = z.object({
  id: idSchema,
  projectId: idSchema,
  item: z.object({ id: idSchema, code: z.string(), name: z.string(), authority: z.string(), authorityLevel: approvalLevelSchema }),
  position: z.number().int(),
  agent: z.object({ id: idSchema, displayName: z.string(), unit: ref.nullable() }).nullable().describe('代办员'),
  status: approvalStatusSchema,
  plannedOn: dateSchema.nullable().describe('target date for approval'),
  preparingOn: dateSchema.nullable(),
  submittedOn: dateSchema.nullable(),
  acceptedOn: dateSchema.nullable(),
  approvedOn: dateSchema.nullable(),
  sentBackOn: dateSchema.nullable(),
  sentBackReason: z.string().nullable(),
  checklist: z.array(checklistEntrySchema),
  materialsDone: z.number().int(),
  statutoryDays: z.number().int().describe('the limit that applied when the item was added to the chain'),
  workingDaysUsed: z.number().int().nullable().describe('working days from the day after submission/acceptance to approval (or today); null before submission'),
  workingDaysLeft: z.number().int().nullable(),
  light: z.enum(['none', 'green', 'yellow', 'red']).describe('yellow at 80% of the limit, red past it'),
  isStuck: z.boolean().describe('waiting at the authority with at least 80% of the limit used'),
  level: approvalLevelSchema.nullable().describe('the level coordinating its blockage (street → district → city)'),
  blockCase: z.object({ id: idSchema, number: z.string(), status: z.string(), light: z.string(), leadUnit: ref.nullable() }).nullable(),
  isBlocked: z.boolean().describe('an approval case about it is still open'),
  note: z.string().nullable(),
  allowedActions: z.array(z.enum(['update', 'set-agent', 'remove', 'block', 'escalate'])),
  version: z.number().int(),
  updatedAt: dateTimeSchema,
});
export type ProjectApproval = z.infer<typeof projectApprovalSchema>;
export const approvalChainSchema = z.object({
  project: z.object({ id: idSchema, code: z.string(), name: z.string(), category: z.string() }),
  items: z.array(projectApprovalSchema).describe('the chain in order; with its dates it is the timeline'),
  summary: z.object({
    total: z.number().int(), approved: z.number().int(), inProgress: z.number().int(), blocked: z.number().int(),
    stuck: z.number().int(), daysSaved: z.number().int().describe('Σ (limit − used) over approved items'),
    firstDate: dateSchema.nullable(), lastDate: dateSchema.nullable(),
  }),
  allowedActions: z.array(z.enum(['from-template', 'add', 'reorder'])),
});
export const createChainBody = z.strictObject({
  category: z.string().trim().min(1).max(40).optional().describe('the template to use; the project\'s category by default'),
  agentId: idSchema.optional().describe('the agent for every item'),
});
export const addApprovalBody = z.strictObject({
  itemId: idSchema, position: z.number().int().min(1).max(100).optional(), agentId: idSchema.optional(), plannedOn: dateSchema.optional(),
});
export const reorderApprovalsBody = z.strictObject({ ids: z.array(idSchema).min(1).max(100).describe('every item of the chain, in the new order') });
export const updateApprovalBody = z.strictObject({
  version: z.number().int(),
  status: approvalStatusSchema.optional(),
  agentId: idSchema.nullable().optional(),
  plannedOn: dateSchema.nullable().optional(),
  preparingOn: dateSchema.optional(),
  submittedOn: dateSchema.optional(),
  acceptedOn: dateSchema.optional(),
  approvedOn: dateSchema.optional(),
  sentBackOn: dateSchema.optional(),
  sentBackReason: z.string().trim().min(1).max(2000).optional().describe('required when sending back'),
  checklist: z.array(z.strictObject({ name: name(200), done: z.boolean() })).max(60).optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export const blockApprovalBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().min(1).max(5000),
  unitId: idSchema.optional().describe('dispatched at once to this unit when the caller is the project\'s dispatcher'),
  priority: casePrioritySchema.optional(),
});
export const escalateApprovalBody = z.strictObject({
  unitId: idSchema.describe('a street, district department or city department above the current level'),
  reason: z.string().trim().min(1).max(2000),
});

// --- the district report ---
export const approvalReportQuery = z.strictObject({ projectId: idSchema.optional() });
export const approvalReportSchema = z.object({
  items: z.array(z.object({
    item: z.object({ id: idSchema, code: z.string(), name: z.string() }),
    statutoryDays: z.number().int(),
    approved: z.number().int(),
    averageDays: z.number().nullable().describe('average working days used by approved items, one decimal'),
    daysSaved: z.number().int(),
    open: z.number().int().describe('submitted or accepted, waiting at the authority'),
    stuck: z.number().int(),
  })),
  totals: z.object({ approved: z.number().int(), open: z.number().int(), stuck: z.number().int(), daysSaved: z.number().int() }),
  stuck: z.array(z.object({
    id: idSchema, project: z.object({ id: idSchema, name: z.string() }), item: z.object({ id: idSchema, name: z.string() }),
    agent: z.string().nullable(), status: approvalStatusSchema, workingDaysUsed: z.number().int(), statutoryDays: z.number().int(),
  })).describe('items with at least 80% of their limit used and not yet approved'),
});
