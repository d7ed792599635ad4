import { registerHandler } from '../../kernel/jobs/jobs.js';
import { JUDICIAL_REMINDER_JOB, remindJudicialConfirmation } from './mediation.service.js';

/** One-off jobs queued when an agreement is signed: the judicial-confirmation reminder. */
export function registerMediationJobs(): void {
  registerHandler(JUDICIAL_REMINDER_JOB, async (ctx, payload) => {
    if (typeof payload.caseId === 'string') await remindJudicialConfirmation(ctx, payload.caseId);
  });
}
