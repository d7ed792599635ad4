import { z } from 'zod';
import { dateSchema, dateTimeSchema, exportFormat, idSchema, pageQuery } from './common.js';

/** The case engine (工单), modelled on the 12345 hotline work order: see DOMAIN.md "The case lifecycle". */
export const caseTypes = ['approval', 'safety', 'dispute', 'appeal', 'enterprise', 'coordination'] as const;
export const caseStatuses = ['submitted', 'accepted', 'assigned', 'in_progress', 'answered', 'closed', 'rejected', 'withdrawn'] as const;
export const casePriorities = ['normal', 'urgent'] as const;
export const caseSources = ['site_log', 'public_portal', 'hotline_12345', 'branch_meeting', 'enterprise', 'inspection', 'commissioner', 'other'] as const;
export const caseLights = ['green', 'yellow', 'red'] as const;
/** Which clock is running: `sign` the sign-for clock after dispatch, `running` the handling clock after signing. */
export const caseClockStates = ['idle', 'sign', 'running', 'paused', 'stopped'] as const;
export const caseActions = [
  'accept', 'reject', 'dispatch', 'sign', 'return', 'request-extension', 'decide-extension', 'answer', 'verify',
  'reopen', 'rate', 'comment', 'escalate', 'withdraw', 'merge',
] as const;
/** 退回 reasons: 属地不符 / 权属不清 / 职能交叉 / 其他. */
export const returnReasonCodes = ['territory', 'ownership', 'overlap', 'other'] as const;
export const caseRatings = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
/** 0 none, 1 专员督促, 2 部门督办, 3 区领导挂牌督办. */
export const supervisionLevels = [0, 1, 2, 3] as const;
export const caseUnitRoles = ['lead', 'co'] as const;
export const caseUnitStatuses = ['assigned', 'signed', 'answered', 'returned'] as const;

export const caseTypeSchema = z.enum(caseTypes);
export const caseStatusSchema = z.enum(caseStatuses);
export const casePrioritySchema = z.enum(casePriorities);
export const caseSourceSchema = z.enum(caseSources);
export const caseLightSchema = z.enum(caseLights);
export const caseActionSchema = z.enum(caseActions);
export const caseRatingSchema = z.enum(caseRatings);
export type CaseType = (typeof caseTypes)[number];
export type CaseStatus = (typeof caseStatuses)[number];
export type CasePriority = (typeof casePriorities)[number];
export type CaseAction = (typeof caseActions)[number];
export type CaseRating = (typeof caseRatings)[number];

const reason = z.string().trim().min(1, 'a reason is required').max(2000);
const text = (max: number) => z.string().trim().min(1).max(max);
const attachmentIds = z.array(idSchema).max(20);
/** Every action may carry the case's `version`; a stale one is refused with 409 STALE_VERSION. */
const version = z.number().int().min(1).optional();

// --- create ---
export const createCaseBody = z.strictObject({
  projectId: idSchema,
  type: caseTypeSchema,
  title: text(200),
  description: text(5000),
  category: z.string().trim().min(1).max(40).optional(),
  priority: casePrioritySchema.optional(),
  source: caseSourceSchema.optional(),
  attachmentIds: attachmentIds.optional(),
});
export type CreateCaseBody = z.infer<typeof createCaseBody>;

// --- actions: one body per action (API.md fixes the core fields) ---
const needsReasonWhen = (flag: 'approve' | 'accept') => (v: { reason?: string } & Record<string, unknown>, ctx: z.RefinementCtx) => {
  if (v[flag] === false && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a reason is required when refusing' });
};
export const caseActionBodies = {
  accept: z.strictObject({ version }),
  reject: z.strictObject({ reason, version }),
  dispatch: z.strictObject({
    unitId: idSchema,
    coUnitIds: z.array(idSchema).max(10).optional(),
    assigneeId: idSchema.optional(),
    note: z.string().trim().max(2000).optional(),
    version,
  }),
  sign: z.strictObject({ version }),
  return: z.strictObject({ reasonCode: z.enum(returnReasonCodes), reason, version }),
  'request-extension': z.strictObject({ days: z.number().int().min(1).max(60), reason, version }),
  'decide-extension': z.strictObject({ approve: z.boolean(), reason: reason.optional(), version }).superRefine(needsReasonWhen('approve')),
  answer: z.strictObject({ publicReply: text(5000), internalNote: z.string().trim().max(5000).optional(), attachmentIds: attachmentIds.optional(), version }),
  verify: z.strictObject({ accept: z.boolean(), reason: reason.optional(), version }).superRefine(needsReasonWhen('accept')),
  reopen: z.strictObject({ reason, version }),
  rate: z.strictObject({ rating: caseRatingSchema, comment: z.string().trim().max(1000).optional(), version }),
  comment: z.strictObject({ text: text(5000), internal: z.boolean().optional(), attachmentIds: attachmentIds.optional(), version }),
  escalate: z.strictObject({ reason, level: z.number().int().min(1).max(3).optional(), version }),
  withdraw: z.strictObject({ reason, version }),
  merge: z.strictObject({ intoCaseId: idSchema, reason, version }),
} satisfies Record<CaseAction, z.ZodType>;
export type CaseActionBody<A extends CaseAction> = z.infer<(typeof caseActionBodies)[A]>;

// --- the case resource ---
const ref = z.object({ id: idSchema, name: z.string() });
const userRef = z.object({ id: idSchema, displayName: z.string() });

export const caseUnitSchema = z.object({
  unit: ref,
  role: z.enum(caseUnitRoles).describe('lead: 主办; co: 协办'),
  status: z.enum(caseUnitStatuses),
  active: z.boolean(),
  signDeadline: dateTimeSchema.nullable(),
  deadline: dateTimeSchema.nullable(),
  signedAt: dateTimeSchema.nullable(),
  answeredAt: dateTimeSchema.nullable(),
});

export const caseSchema = z.object({
  id: idSchema,
  number: z.string().describe('e.g. XC-2026-000123, gapless per district and year'),
  project: z.object({ id: idSchema, code: z.string(), name: z.string() }),
  type: caseTypeSchema,
  category: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  source: caseSourceSchema,
  priority: casePrioritySchema,
  status: caseStatusSchema,
  reporter: userRef.nullable(),
  reporterUnit: ref.nullable(),
  leadUnit: ref.nullable(),
  assignee: userRef.nullable(),
  units: z.array(caseUnitSchema).describe('the lead unit and the co-handling units (协办), each with its own clock'),
  clockState: z.enum(caseClockStates),
  signDeadline: dateTimeSchema.nullable().describe('end of the sign-for limit while the case waits to be signed'),
  deadline: dateTimeSchema.nullable().describe('end of the handling limit (23:59:59 Asia/Shanghai of the last working day)'),
  limitDays: z.number().int().nullable().describe('the handling limit in working days, extensions included'),
  workingDaysLeft: z.number().int().nullable().describe('working days from today to the running deadline; negative when overdue'),
  light: caseLightSchema,
  overdue: z.boolean(),
  supervisionLevel: z.number().int().min(0).max(3),
  extensionRequest: z.object({ days: z.number().int(), reason: z.string(), requestedAt: dateTimeSchema }).nullable(),
  publicReply: z.string().nullable(),
  answeredAt: dateTimeSchema.nullable(),
  rating: caseRatingSchema.nullable(),
  ratingComment: z.string().nullable(),
  reopenCount: z.number().int(),
  mergedIntoId: idSchema.nullable(),
  sourceRef: z.object({ type: z.string(), id: idSchema }).nullable().describe('the site log, inspection or meeting resolution it came from'),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
  closedAt: dateTimeSchema.nullable(),
  version: z.number().int(),
});
export type Case = z.infer<typeof caseSchema>;
export const caseDetailSchema = caseSchema.extend({
  allowedActions: z.array(caseActionSchema).describe('what the caller may do now; the UI shows these buttons only'),
  attachments: z.array(z.object({ id: idSchema, name: z.string(), size: z.number().int(), mediaType: z.string(), hasThumbnail: z.boolean() }))
    .describe('files attached at creation, with answers and comments; GET /api/v1/files/:id'),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseEventSchema = z.object({
  id: idSchema,
  seq: z.number().int(),
  kind: z.string().describe('created, accepted, dispatched, signed, returned, answered, escalated, … (audit verbs)'),
  actor: userRef.nullable().describe('null for the system (deadline sweep)'),
  at: dateTimeSchema,
  internal: z.boolean().describe('internal entries are not shown to enterprises or reporters outside the handling chain'),
  payload: z.record(z.string(), z.unknown()),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

// --- lists ---
export const caseSorts = [
  'deadline', '-deadline', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'number', '-number',
  'supervisionLevel', '-supervisionLevel', 'priority', '-priority',
] as const;
export const caseViews = ['todo', 'unit', 'overdue'] as const;
const bool = z.enum(['true', 'false']);
export const caseListFilters = {
  view: z.enum(caseViews).optional().describe('todo: 待我处理; unit: my unit\'s cases; overdue: past a deadline'),
  type: caseTypeSchema.optional(),
  status: z.union([caseStatusSchema, z.array(caseStatusSchema)]).optional(),
  projectId: idSchema.optional(),
  unitId: idSchema.optional().describe('lead or co-handling unit'),
  assigneeId: idSchema.optional(),
  reporterId: idSchema.optional(),
  light: caseLightSchema.optional(),
  supervisionLevel: z.coerce.number().int().min(0).max(3).optional(),
  overdue: bool.optional(),
  source: caseSourceSchema.optional(),
  priority: casePrioritySchema.optional(),
  createdFrom: dateSchema.optional().describe('YYYY-MM-DD, Asia/Shanghai, inclusive'),
  createdTo: dateSchema.optional().describe('YYYY-MM-DD, Asia/Shanghai, inclusive'),
  q: z.string().trim().min(1).max(100).optional().describe('words found in the number, title or description (Chinese substrings match)'),
  sort: z.enum(caseSorts).optional(),
};
export const caseListQuery = z.strictObject({ ...pageQuery, ...caseListFilters });
export type CaseListQuery = z.infer<typeof caseListQuery>;
export type CaseFilters = Omit<CaseListQuery, 'page' | 'pageSize'>;
export const caseExportQuery = z.strictObject({ ...caseListFilters, format: exportFormat.default('xlsx') });

export const similarCasesQuery = z.strictObject({ projectId: idSchema, title: z.string().trim().min(1).max(200) });
export const similarCaseSchema = z.object({
  id: idSchema, number: z.string(), title: z.string(), status: caseStatusSchema, createdAt: dateTimeSchema,
  score: z.number().describe('0..1 title likeness'),
});

export const bulkDispatchBody = z.strictObject({
  caseIds: z.array(idSchema).min(1).max(100),
  unitId: idSchema,
  coUnitIds: z.array(idSchema).max(10).optional(),
  assigneeId: idSchema.optional(),
  note: z.string().trim().max(2000).optional(),
});
export const bulkDispatchResultSchema = z.object({
  items: z.array(z.object({ id: idSchema, ok: z.boolean(), code: z.string().nullable(), detail: z.string().nullable() })),
});

// --- time limits (办理时限), a setting ---
export const caseLimitSchema = z.object({
  type: z.enum([...caseTypes, 'sign']).describe('a case type, or `sign` for the sign-for limit after dispatch'),
  priority: casePrioritySchema,
  days: z.number().int().min(1).max(90).describe('working days, counted from the next working day'),
});
export const caseLimitsSchema = z.object({ items: z.array(caseLimitSchema) });
export const caseLimitsBody = z.strictObject({ items: z.array(caseLimitSchema.strict()).min(1).max(50) });
export type CaseLimit = z.infer<typeof caseLimitSchema>;
