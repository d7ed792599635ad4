import { registerSchedule } from '../../kernel/jobs/jobs.js';
import { sweepDeadlines } from './use-cases/sweep-deadlines.js';

export const SWEEP_JOB = 'cases.sweep-deadlines';

/** The case engine's background work: the deadline sweep, every minute. */
export function registerCaseJobs(): void {
  registerSchedule(SWEEP_JOB, 60_000, async (ctx) => {
    const report = await sweepDeadlines(ctx);
    if (report.escalated || report.reminded) ctx.log.info({ job: SWEEP_JOB, ...report }, 'deadline sweep');
  });
}
