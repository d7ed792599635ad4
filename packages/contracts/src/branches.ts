import { z } from 'zod';
import { dateSchema, dateTimeSchema, idSchema, pageQuery } from './common.js';

export const memberSides = ['street', 'owner', 'contractor', 'supervisor', 'community', 'commissioner'] as const;
export const memberSideSchema = z.enum(memberSides);
export const branchRoles = ['secretary', 'deputy', 'committee', 'member'] as const;

export const branchMemberSchema = z.object({
  id: idSchema, userId: idSchema.nullable(), name: z.string(), unitName: z.string(), side: memberSideSchema,
  role: z.enum(branchRoles), isPartyMember: z.boolean(), joinedOn: dateSchema, leftOn: dateSchema.nullable(),
});
export const branchSchema = z.object({
  id: idSchema, project: z.object({ id: idSchema, name: z.string() }), name: z.string(), foundedOn: dateSchema,
  approvalDocNo: z.string(), status: z.enum(['active', 'closed']), closedOn: dateSchema.nullable(),
  secretary: z.string().nullable(), deputy: z.string().nullable(), memberCount: z.number().int(),
  resolutions: z.object({ total: z.number().int(), done: z.number().int(), doneOnTime: z.number().int(), overdue: z.number().int() }),
  allowedActions: z.array(z.string()), version: z.number().int(),
});
export const branchListQuery = z.strictObject({ ...pageQuery, projectId: idSchema.optional(), status: z.enum(['active', 'closed']).optional() });
export const createBranchBody = z.strictObject({
  projectId: idSchema, name: z.string().trim().min(2).max(100), foundedOn: dateSchema, approvalDocNo: z.string().trim().min(2).max(60),
});
export const closeBranchBody = z.strictObject({ version: z.number().int(), closedOn: dateSchema });
export const addMemberBody = z.strictObject({
  userId: idSchema.nullable().optional(),
  name: z.string().trim().min(1).max(40).optional().describe('required for an external person (no userId)'),
  unitName: z.string().trim().min(1).max(100).optional(),
  side: memberSideSchema, role: z.enum(branchRoles).default('member'), isPartyMember: z.boolean(), joinedOn: dateSchema,
});
export const memberLeaveBody = z.strictObject({ leftOn: dateSchema });

export const meetingTypes = ['deliberation', 'committee', 'general', 'theme_day'] as const;
export const minutesStatuses = ['draft', 'circulated', 'final'] as const;
export const attendanceValues = ['present', 'absent', 'leave'] as const;

export const resolutionSchema = z.object({
  id: idSchema, meetingId: idSchema, agendaItemId: idSchema.nullable(), text: z.string(), ownerUnit: z.object({ id: idSchema, name: z.string() }).nullable(),
  dueDate: dateSchema.nullable(), needsAction: z.boolean(),
  case: z.object({ id: idSchema, number: z.string(), status: z.string(), light: z.string(), closedAt: dateTimeSchema.nullable() }).nullable(),
  state: z.enum(['open', 'done', 'overdue', 'noted']), createdAt: dateTimeSchema,
});
export const agendaItemSchema = z.object({
  id: idSchema, position: z.number().int(), title: z.string(), caseId: idSchema.nullable(), carriedResolutionId: idSchema.nullable(),
  minutes: z.string().nullable(),
  carried: resolutionSchema.nullable().describe('an open resolution of an earlier meeting, with its live case status'),
});
export const meetingSchema = z.object({
  id: idSchema, branchId: idSchema, branchName: z.string(), projectId: idSchema, type: z.enum(meetingTypes), title: z.string(),
  startsAt: dateTimeSchema, endsAt: dateTimeSchema, place: z.string(), status: z.enum(['scheduled', 'held', 'cancelled']),
  minutesStatus: z.enum(minutesStatuses), uid: z.string(),
  invitees: z.array(z.object({ id: idSchema, memberId: idSchema.nullable(), userId: idSchema.nullable(), name: z.string(), attendance: z.enum(attendanceValues).nullable(), leaveReason: z.string().nullable(), confirmation: z.enum(['confirmed', 'commented']).nullable(), comment: z.string().nullable() })),
  agenda: z.array(agendaItemSchema), resolutions: z.array(resolutionSchema), allowedActions: z.array(z.string()), version: z.number().int(),
});
export const meetingListQuery = z.strictObject({
  ...pageQuery, branchId: idSchema.optional(), projectId: idSchema.optional(), type: z.enum(meetingTypes).optional(),
  from: dateSchema.optional(), to: dateSchema.optional(),
});
export const createMeetingBody = z.strictObject({
  branchId: idSchema, type: z.enum(meetingTypes), title: z.string().trim().min(2).max(200),
  startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }), place: z.string().trim().min(1).max(200),
  inviteeMemberIds: z.array(idSchema).max(200).default([]),
  inviteeUserIds: z.array(idSchema).max(200).default([]),
  agenda: z.array(z.strictObject({ title: z.string().trim().min(1).max(200), caseId: idSchema.nullable().optional() })).max(50).default([]),
});
export const updateMeetingBody = z.strictObject({
  version: z.number().int(), title: z.string().trim().min(2).max(200).optional(), startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).optional(), place: z.string().trim().min(1).max(200).optional(), status: z.enum(['scheduled', 'held', 'cancelled']).optional(),
});
export const attendanceBody = z.strictObject({
  version: z.number().int(),
  entries: z.array(z.strictObject({ inviteeId: idSchema, attendance: z.enum(attendanceValues), leaveReason: z.string().trim().max(200).optional() })).min(1),
});
export const minutesBody = z.strictObject({
  version: z.number().int(), items: z.array(z.strictObject({ agendaItemId: idSchema, minutes: z.string().max(10000) })).min(1),
});
export const createResolutionBody = z.strictObject({
  agendaItemId: idSchema.nullable().optional(), text: z.string().trim().min(2).max(2000), needsAction: z.boolean().default(true),
  ownerUnitId: idSchema.nullable().optional(), dueDate: dateSchema.nullable().optional(),
});
export const minutesTransitionBody = z.strictObject({ version: z.number().int() });
export const confirmMinutesBody = z.strictObject({ decision: z.enum(['confirmed', 'commented']), comment: z.string().trim().max(2000).optional() });
export const branchFiguresSchema = z.object({
  quarters: z.array(z.object({ quarter: z.string(), type: z.enum(meetingTypes), held: z.number().int() })),
  resolutions: z.object({ total: z.number().int(), done: z.number().int(), doneOnTime: z.number().int(), overdue: z.number().int(), open: z.number().int() }),
});
export const calendarTokenSchema = z.object({ url: z.string(), token: z.string() });
