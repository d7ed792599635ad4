import { isoWeekOf } from '@liaison/contracts';
import { addDays, shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import { registerSchedule } from '../../kernel/jobs/jobs.js';
import { listDistricts } from '../board/board-sources.js';
import { publishBriefing } from './briefings.service.js';

export const WEEKLY_JOB = 'briefings.generate-weekly';

/**
 * Every Monday from 08:00 (Asia/Shanghai) each district's briefing of the week before is archived and its leaders told.
 * The job ticks hourly on the hour, so the first Monday tick is 08:00 sharp (00:00 UTC); later Monday ticks find the
 * work done (or finish it, if 08:00 fell while every instance was down). Other days it does nothing.
 */
export async function runWeeklyBriefings(ctx: Ctx): Promise<{ week: string | null; published: number }> {
  const now = ctx.now();
  const today = shanghaiDate(now);
  const isMonday = new Date(`${today}T00:00:00Z`).getUTCDay() === 1;
  const hour = new Date(now.getTime() + 8 * 3_600_000).getUTCHours();
  if (!isMonday || hour < 8) return { week: null, published: 0 };
  const week = isoWeekOf(addDays(today, -7));
  let published = 0;
  for (const d of await listDistricts(ctx.db)) if (await publishBriefing(ctx, d.id, week)) published++;
  return { week, published };
}

export function registerBriefingJobs(): void {
  registerSchedule(WEEKLY_JOB, 3_600_000, async (ctx) => {
    const r = await runWeeklyBriefings(ctx);
    if (r.published) ctx.log.info({ job: WEEKLY_JOB, ...r }, 'weekly briefings published');
  });
}
