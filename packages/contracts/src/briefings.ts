import { z } from 'zod';
import { isoWeekRange, isoWeekSchema } from './board.js';
import { dateSchema, dateTimeSchema, idSchema, pageQuery } from './common.js';

/**
 * The weekly briefing (工作简报): the board's figures of one ISO week, as PDF, Word and Excel. Generated every Monday
 * 08:00 (Asia/Shanghai) for the week before, or on demand for any week that has begun; a finished week's briefing is
 * archived once and served from the archive afterwards. The current week's is a draft, made fresh on each request.
 */
export const briefingFormats = ['pdf', 'docx', 'xlsx'] as const;
export const briefingWeeklyQuery = z.strictObject({
  week: isoWeekSchema,
  format: z.enum(briefingFormats).default('pdf'),
  districtId: idSchema.optional().describe('needed only by someone who sees several districts'),
}).superRefine((v, ctx) => {
  if (!isoWeekRange(v.week)) ctx.addIssue({ code: 'custom', path: ['week'], message: 'the year has no such week' });
});
export const briefingListQuery = z.strictObject({ ...pageQuery, districtId: idSchema.optional() });

export const briefingSchema = z.object({
  id: idSchema,
  week: z.string(),
  from: dateSchema,
  to: dateSchema,
  district: z.object({ id: idSchema, name: z.string() }),
  generatedAt: dateTimeSchema,
  generatedBy: z.string().describe('the person who asked for it first, or "system" (the Monday job)'),
  files: z.array(z.object({ format: z.enum(briefingFormats), size: z.number().int(), href: z.string() })),
});
export type Briefing = z.infer<typeof briefingSchema>;
