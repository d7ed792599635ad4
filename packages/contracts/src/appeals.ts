import { z } from 'zod';
import { caseRatingSchema, caseSourceSchema } from './cases.js';
import { dateTimeSchema, idSchema, pageQuery } from './common.js';

/**
 * Residents' appeals (居民诉求) from the public portal and Open311: the public board, the appeal form with its
 * anti-abuse challenge, the status page behind a tracking code, the rating; and the staff side (triage, phone reveal,
 * Open311 API keys). Public shapes never carry handler names, internal notes or other residents' details.
 */
export const appealCategories = ['noise', 'dust', 'traffic', 'safety', 'damage', 'hours', 'other'] as const;
export type AppealCategory = (typeof appealCategories)[number];
export const appealCategorySchema = z.enum(appealCategories);
/** The names the case engine and Open311 show (the case's `category`). */
export const appealCategoryNames: Record<AppealCategory, string> = {
  noise: '噪声', dust: '扬尘', traffic: '交通', safety: '安全', damage: '房屋损坏', hours: '施工时间', other: '其他',
};

/** What a resident sees of their appeal's progress; derived from the case, never the case's own states. */
export const publicAppealStatuses = ['triage', 'received', 'accepted', 'processing', 'answered', 'rejected', 'dismissed', 'closed'] as const;
export type PublicAppealStatus = (typeof publicAppealStatuses)[number];

const latLng = z.strictObject({
  lat: z.number().min(-90).max(90).describe('WGS84'),
  lng: z.number().min(-180).max(180).describe('WGS84'),
});
const positionOut = z.object({ lat: z.number(), lng: z.number() });

// --- the public board ---
export const publicProjectSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  category: z.string(),
  address: z.string(),
  street: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  phase: z.enum(['preparation', 'construction', 'completed']),
  light: z.enum(['green', 'yellow', 'red']),
  commissioner: z.object({ name: z.string(), phone: z.string().nullable().describe('office phone') }).nullable(),
  branch: z.object({ name: z.string() }).nullable().describe('the temporary party branch (临时党支部)'),
  constructionHours: z.string().nullable(),
  impactNotice: z.string().nullable(),
});
export type PublicProject = z.infer<typeof publicProjectSchema>;

export const publicAnswerSchema = z.object({
  projectId: idSchema.nullable(),
  projectName: z.string().nullable(),
  category: appealCategorySchema,
  submittedAt: dateTimeSchema,
  answeredAt: dateTimeSchema,
  reply: z.string().describe('the public reply; phone numbers and e-mail addresses masked'),
}).describe('a recent answer to an appeal, anonymised: no description, no contact, no names');
export type PublicAnswer = z.infer<typeof publicAnswerSchema>;

export const publicBoardSchema = z.object({
  items: z.array(publicProjectSchema),
  recentAnswers: z.array(publicAnswerSchema),
  map: z.object({
    tileUrl: z.string().nullable().describe('tile URL template; null: draw the project points only'),
    center: z.tuple([z.number(), z.number()]).describe('[lat, lng] WGS84'),
  }),
});
export const publicProjectDetailSchema = publicProjectSchema.extend({
  description: z.string(),
  recentAnswers: z.array(publicAnswerSchema),
});

// --- the anti-abuse challenge: a light proof of work ---
export const challengeSchema = z.object({
  token: z.string().describe('opaque, sealed by the server; send it back with the nonce'),
  algorithm: z.literal('sha256'),
  salt: z.string(),
  bits: z.number().int().describe('leading zero bits wanted in sha256(`${salt}:${nonce}`)'),
  expiresAt: dateTimeSchema,
});
export type Challenge = z.infer<typeof challengeSchema>;
export const challengeAnswerSchema = z.strictObject({
  token: z.string().min(1).max(1000),
  nonce: z.string().min(1).max(64),
});

// --- filing an appeal ---
const phone = z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mainland mobile (11 digits) or landline number');
export const createAppealBody = z.strictObject({
  projectId: idSchema.optional().describe('absent: the organisation department decides which project it concerns'),
  category: appealCategorySchema,
  description: z.string().trim().min(5, 'at least 5 characters').max(2000),
  location: latLng.optional().describe('picked on the map (WGS84)'),
  address: z.string().trim().min(2).max(200).optional().describe('typed location'),
  anonymous: z.boolean().default(false),
  name: z.string().trim().min(1).max(40).optional(),
  phone: phone.optional(),
  photoIds: z.array(idSchema).max(3).optional().describe('from POST /api/public/appeals/photos with the same challenge token'),
  challenge: challengeAnswerSchema,
}).superRefine((v, ctx) => {
  if (v.anonymous && (v.name || v.phone)) ctx.addIssue({ code: 'custom', path: ['anonymous'], message: 'an anonymous appeal carries no name or phone' });
  if (!v.projectId && !v.location && !v.address) ctx.addIssue({ code: 'custom', path: ['address'], message: 'say where: a project, a point on the map or an address' });
});
export type CreateAppealBody = z.infer<typeof createAppealBody>;

export const appealCreatedSchema = z.object({
  trackingCode: z.string().describe('26 characters of base32 (130 random bits); the only key to the status page'),
  link: z.string().describe('the short link to the status page, /portal/t/<code>'),
  status: z.enum(publicAppealStatuses),
});

export const publicPhotoSchema = z.object({ id: idSchema, width: z.number().int().nullable(), height: z.number().int().nullable(), size: z.number().int() });

// --- the status page ---
export const publicTimelineKinds = [
  'submitted', 'triaged', 'accepted', 'rejected', 'dispatched', 'signed', 'answered', 'sent-back', 'closed', 'rated',
  'reopened', 'escalated', 'merged', 'withdrawn', 'dismissed',
] as const;
export const publicTimelineEntrySchema = z.object({
  at: dateTimeSchema,
  kind: z.enum(publicTimelineKinds),
  unit: z.string().nullable().describe('the handling unit (an agency, never a person)'),
  text: z.string().nullable().describe('a reason or rating comment meant for the resident'),
  rating: caseRatingSchema.nullable().describe('on a `rated` entry'),
});
export const publicAppealSchema = z.object({
  trackingCode: z.string(),
  status: z.enum(publicAppealStatuses),
  category: appealCategorySchema,
  project: z.object({ id: idSchema, name: z.string() }).nullable(),
  description: z.string(),
  address: z.string().nullable(),
  location: positionOut.nullable(),
  contact: z.object({ anonymous: z.boolean(), name: z.string().nullable(), phone: z.string().nullable().describe('masked: 138****1234') }),
  photos: z.number().int().describe('how many photos were attached'),
  submittedAt: dateTimeSchema,
  expectedAt: dateTimeSchema.nullable().describe('the handling deadline, once running'),
  timeline: z.array(publicTimelineEntrySchema),
  reply: z.string().nullable().describe('the public reply, once verified'),
  repliedAt: dateTimeSchema.nullable(),
  rating: z.object({ rating: caseRatingSchema, comment: z.string().nullable() }).nullable(),
  canRate: z.boolean(),
  canReopen: z.boolean().describe('an unsatisfied rating may ask for the case to be handled again, once'),
});
export type PublicAppeal = z.infer<typeof publicAppealSchema>;

export const rateAppealBody = z.strictObject({
  rating: caseRatingSchema,
  comment: z.string().trim().max(500).optional(),
  reopen: z.boolean().optional().describe('with an unsatisfied rating: ask for it to be handled again (once)'),
});
export const trackingCodeParams = z.object({ trackingCode: z.string().min(1).max(64) });

// --- staff side ---
export const appealStates = ['triage', 'case', 'dismissed'] as const;
export const appealChannels = ['portal', 'open311'] as const;
export const staffAppealSchema = z.object({
  id: idSchema,
  state: z.enum(appealStates).describe('triage: waiting for the organisation department; case: handled as a case; dismissed'),
  channel: z.enum(appealChannels),
  source: caseSourceSchema,
  category: appealCategorySchema,
  description: z.string(),
  address: z.string().nullable(),
  location: positionOut.nullable(),
  attributes: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  mediaUrl: z.string().nullable(),
  photoIds: z.array(idSchema),
  project: z.object({ id: idSchema, name: z.string() }).nullable(),
  caseId: idSchema.nullable(),
  contact: z.object({ anonymous: z.boolean(), name: z.string().nullable(), phone: z.string().nullable().describe('masked') }),
  canRevealPhone: z.boolean().describe('true for the lead handling unit, who must call back'),
  publicReply: z.string().nullable().describe('the reply given when dismissed'),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
  version: z.number().int(),
});
export type StaffAppeal = z.infer<typeof staffAppealSchema>;
export const appealListQuery = z.strictObject({ ...pageQuery, state: z.enum(appealStates).optional() });
export const triageAppealBody = z.strictObject({ projectId: idSchema, version: z.number().int().min(1).optional() });
export const dismissAppealBody = z.strictObject({ reply: z.string().trim().min(2).max(2000), version: z.number().int().min(1).optional() });
export const revealedPhoneSchema = z.object({ phone: z.string(), name: z.string().nullable() });

// --- Open311 API keys (admin) ---
export const open311KeySources = ['public_portal', 'hotline_12345', 'other'] as const;
export const open311KeySchema = z.object({
  id: idSchema, name: z.string(), prefix: z.string(), source: z.enum(open311KeySources),
  createdAt: dateTimeSchema, lastUsedAt: dateTimeSchema.nullable(), revokedAt: dateTimeSchema.nullable(),
});
export const createOpen311KeyBody = z.strictObject({
  name: z.string().trim().min(2).max(100),
  source: z.enum(open311KeySources).default('other').describe('the case source recorded for requests filed with this key'),
});
export const open311KeyCreatedSchema = open311KeySchema.extend({ apiKey: z.string().describe('shown once; only its SHA-256 is kept') });
