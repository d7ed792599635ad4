import { z } from 'zod';
import { dateTimeSchema, idSchema, pageQuery } from './common.js';

export const auditRecordSchema = z.object({
  seq: z.number().int(),
  id: idSchema,
  at: dateTimeSchema,
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.unknown().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export const auditListQuery = z.strictObject({
  ...pageQuery,
  actorId: idSchema.optional(),
  action: z.string().max(80).optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  // Strict ISO 8601 with offset: anything else would reach the query as NaN (a 500 on PostgreSQL).
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  sort: z.enum(['seq', '-seq']).optional(),
});
export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
