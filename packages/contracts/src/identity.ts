import { z } from 'zod';
import { permissions, roles } from './permissions.js';
import { dateTimeSchema, idSchema, pageQuery } from './common.js';

export const roleSchema = z.enum(roles);
export const permissionSchema = z.enum(permissions);
export const unitKinds = ['district', 'department', 'city_department', 'street', 'community', 'enterprise'] as const;
export const unitKindSchema = z.enum(unitKinds);

export const unitRefSchema = z.object({ id: idSchema, name: z.string(), kind: unitKindSchema });

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  unit: unitRefSchema.nullable(),
  roles: z.array(roleSchema),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lastSignInAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

// --- session ---
export const signInBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const sessionStep = z.enum(['ok', 'totp', 'totp_enrol', 'change_password']);
export const sessionSchema = z.object({
  user: userSchema,
  roles: z.array(roleSchema),
  permissions: z.array(permissionSchema),
  units: z.array(unitRefSchema),
  csrfToken: z.string(),
  step: sessionStep.describe('what the user must do before the app opens: ok, or a second factor, or a new password'),
  expiresAt: dateTimeSchema,
});
export type Session = z.infer<typeof sessionSchema>;

export const totpBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'six digits') });
export const totpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const totpDisableBody = z.strictObject({ password: z.string().min(1).max(256) });

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const sessionListItem = z.object({
  id: idSchema,
  current: z.boolean(),
  createdAt: dateTimeSchema,
  lastSeenAt: dateTimeSchema,
  expiresAt: dateTimeSchema,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

// --- API tokens ---
export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(80),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const tokenSchema = z.object({
  id: idSchema,
  name: z.string(),
  prefix: z.string(),
  createdAt: dateTimeSchema,
  lastUsedAt: dateTimeSchema.nullable(),
  expiresAt: dateTimeSchema.nullable(),
  revokedAt: dateTimeSchema.nullable(),
});
export const createdTokenSchema = tokenSchema.extend({ token: z.string().describe('shown once; store it now') });

// --- units ---
export const unitSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  kind: unitKindSchema,
  parentId: idSchema.nullable(),
  parentName: z.string().nullable(),
  phone: z.string().nullable(),
  isActive: z.boolean(),
  version: z.number().int(),
});
export type Unit = z.infer<typeof unitSchema>;
export const unitListQuery = z.strictObject({
  ...pageQuery,
  kind: unitKindSchema.optional(),
  parentId: idSchema.optional(),
  q: z.string().trim().max(100).optional(),
  isActive: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', '-name', 'code', '-code', 'kind', '-kind']).optional(),
});
export const createUnitBody = z.strictObject({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(100),
  kind: unitKindSchema,
  parentId: idSchema.nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
});
export const updateUnitBody = z.strictObject({
  version: z.number().int(),
  name: z.string().trim().min(1).max(100).optional(),
  parentId: idSchema.nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  isActive: z.boolean().optional(),
});

// --- users (admin) ---
export const userListQuery = z.strictObject({
  ...pageQuery,
  q: z.string().trim().max(100).optional(),
  unitId: idSchema.optional(),
  role: roleSchema.optional(),
  isActive: z.enum(['true', 'false']).optional(),
  sort: z.enum(['username', '-username', 'displayName', '-displayName', 'createdAt', '-createdAt']).optional(),
});
export const createUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, dot, dash, underscore'),
  displayName: z.string().trim().min(1).max(64),
  unitId: idSchema.nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  roles: z.array(roleSchema).min(1).max(10),
  password: z.string().min(1).max(256),
});
export const updateUserBody = z.strictObject({
  version: z.number().int(),
  displayName: z.string().trim().min(1).max(64).optional(),
  unitId: idSchema.nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  roles: z.array(roleSchema).min(1).max(10).optional(),
  isActive: z.boolean().optional(),
});
export const resetPasswordBody = z.strictObject({ password: z.string().min(1).max(256) });

// --- the staff directory: pick a person (assignee, appointee, successor) without user administration rights ---
export const directoryQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  unitId: idSchema.optional(),
  role: roleSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const directoryEntrySchema = z.object({ id: idSchema, displayName: z.string(), username: z.string(), unit: unitRefSchema.nullable(), roles: z.array(roleSchema) });
