import { z } from 'zod';
import { dateSchema, dateTimeSchema, idSchema, pageQuery } from './common.js';

export const assignmentRoles = ['commissioner', 'assistant', 'street_liaison'] as const;
export const assignmentRoleSchema = z.enum(assignmentRoles);
const personRef = z.object({ id: idSchema, displayName: z.string(), phone: z.string().nullable() });

export const assignmentSchema = z.object({
  id: idSchema, project: z.object({ id: idSchema, name: z.string() }), user: personRef, role: assignmentRoleSchema,
  mentor: personRef.nullable(), startDate: dateSchema, endDate: dateSchema.nullable(), active: z.boolean(),
});
export const assignmentListQuery = z.strictObject({
  ...pageQuery,
  projectId: idSchema.optional(), userId: idSchema.optional(), role: assignmentRoleSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export const createAssignmentBody = z.strictObject({
  projectId: idSchema, userId: idSchema, role: assignmentRoleSchema, mentorUserId: idSchema.nullable().optional(),
  startDate: dateSchema,
});
export const endAssignmentBody = z.strictObject({ endDate: dateSchema });
export const handoverBody = z.strictObject({ toUserId: idSchema, date: dateSchema, note: z.string().max(2000).optional() });
export const handoverSchema = z.object({
  id: idSchema, projectId: idSchema, from: personRef, to: personRef, date: dateSchema, note: z.string().nullable(),
  items: z.array(z.object({ kind: z.string(), id: z.string(), label: z.string() })), createdAt: dateTimeSchema,
});

export const rosterItemSchema = z.object({
  user: personRef, project: z.object({ id: idSchema, name: z.string(), light: z.string() }).nullable(),
  daysOnSiteThisMonth: z.number().int(), siteLogsThisMonth: z.number().int(), openItems: z.number().int(),
  assistants: z.array(personRef),
});

// --- learning logs (跟班学习记录) and evaluations ---
export const learningLogSchema = z.object({
  id: idSchema, assistant: personRef, projectId: idSchema.nullable(), date: dateSchema, activities: z.string(), learned: z.string(),
  mentorComment: z.string().nullable(), mentorCommentedAt: dateTimeSchema.nullable(), createdAt: dateTimeSchema, version: z.number().int(),
});
export const learningLogListQuery = z.strictObject({ ...pageQuery, assistantId: idSchema.optional(), from: dateSchema.optional(), to: dateSchema.optional() });
export const createLearningLogBody = z.strictObject({
  date: dateSchema, projectId: idSchema.nullable().optional(), activities: z.string().trim().min(1).max(5000), learned: z.string().trim().min(1).max(5000),
});
export const commentLearningLogBody = z.strictObject({ version: z.number().int(), comment: z.string().trim().min(1).max(2000) });
export const evaluationRatings = ['excellent', 'good', 'fair', 'poor'] as const;
export const evaluationSchema = z.object({
  id: idSchema, assistant: personRef, mentor: personRef, termEnd: dateSchema, rating: z.enum(evaluationRatings), comment: z.string(), createdAt: dateTimeSchema,
});
export const createEvaluationBody = z.strictObject({
  assistantId: idSchema, termEnd: dateSchema, rating: z.enum(evaluationRatings), comment: z.string().trim().min(2).max(5000),
});
