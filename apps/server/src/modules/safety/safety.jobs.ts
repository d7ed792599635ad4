import { registerSchedule } from '../../kernel/jobs/jobs.js';
import { liftResolvedStopWork } from './stop-work.service.js';

export const LIFT_STOP_WORK_JOB = 'safety.lift-stop-work';

/** Every minute: record the lifting of stop-work orders whose major hazards were all closed by re-inspection. */
export function registerSafetyJobs(): void {
  registerSchedule(LIFT_STOP_WORK_JOB, 60_000, async (ctx) => {
    const lifted = await liftResolvedStopWork(ctx);
    if (lifted) ctx.log.info({ job: LIFT_STOP_WORK_JOB, lifted }, 'stop-work orders lifted');
  });
}
