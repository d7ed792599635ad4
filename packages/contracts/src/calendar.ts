import { z } from 'zod';
import { dateSchema } from './common.js';

/** The working calendar (工作日历): statutory holidays and make-up working days (调休上班); weekends are implied. */
/** A YYYY-MM-DD that names a real day (no 2025-02-30). */
const realDate = dateSchema.refine((d) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
}, 'not a calendar date');

export const calendarDayKinds = ['holiday', 'workday'] as const;
export const calendarDayKindSchema = z.enum(calendarDayKinds);

export const calendarDaySchema = z.object({
  date: dateSchema,
  kind: calendarDayKindSchema.describe('holiday: a statutory rest day; workday: a make-up working day (调休上班)'),
  name: z.string().describe('e.g. 国庆节, 春节调休上班'),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
});
export const calendarListSchema = z.object({ year: z.number().int(), items: z.array(calendarDaySchema) });

export const calendarDayBody = z.strictObject({
  kind: calendarDayKindSchema,
  name: z.string().trim().min(1).max(40),
});
/** Several days at once, e.g. next year's notice every November. Existing dates are overwritten. */
export const calendarDaysBody = z.strictObject({
  days: z.array(calendarDayBody.extend({ date: realDate })).min(1).max(400),
});
export const calendarDateParams = z.object({ date: realDate });
