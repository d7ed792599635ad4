import type { z } from 'zod';
import type { mediationAgreementBody, createDisputeCallbackBody, createMediationSessionBody, signMediationAgreementBody } from '@liaison/contracts';
import { writeAudit } from '../../kernel/audit/audit.js';
import { addDays, startOfShanghaiDay } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import { inTransaction, toIso } from '../../kernel/db/tx.js';
import { AppError, staleVersion } from '../../kernel/errors/app-error.js';
import { attachFiles } from '../../kernel/files/files.js';
import { newId } from '../../kernel/ids.js';
import { enqueue } from '../../kernel/jobs/jobs.js';
import { notify } from '../../kernel/notify/notify.js';
import { localDate } from '../projects/project-file.service.js';
import { nextDocumentNumber } from '../safety/document-numbers.service.js';
import { getDispute, loadDispute, loadForWork } from './disputes.service.js';
import { isCaseOpen, judicialDeadline } from './disputes.presenter.js';

export const JUDICIAL_REMINDER_JOB = 'mediation.remind-judicial-confirmation';
/** The reminder comes a week before the 30-day window to apply for judicial confirmation closes. */
export const REMIND_AFTER_DAYS = 23;

const assertOpen = (c: { status: string }) => {
  if (!isCaseOpen(c)) throw new AppError('CONFLICT', `the case is ${c.status}; the mediation is over`);
};
const assertNotFuture = (ctx: Ctx, date: string, path: string) => {
  if (date > localDate(ctx.now())) throw new AppError('RULE_VIOLATED', 'a date in the future', [{ path, message: 'in the future' }]);
};

// --- 调解笔录: mediation sessions ---
export async function listSessions(ctx: Ctx, caseId: string) {
  await loadDispute(ctx, caseId);
  const rows = await ctx.db.selectFrom('mediationSessions').innerJoin('users', 'users.id', 'mediationSessions.recordedBy')
    .selectAll('mediationSessions').select('users.displayName').where('mediationSessions.caseId', '=', caseId).orderBy('heldAt').orderBy('id').execute();
  return rows.map((s) => ({
    id: s.id, caseId: s.caseId, heldAt: toIso(s.heldAt)!, place: s.place, mediatorName: s.mediatorName,
    attendees: JSON.parse(s.attendees) as { name: string; role: string }[], statements: JSON.parse(s.statements) as { speaker: string; text: string }[],
    outcome: s.outcome as 'agreement', notes: s.notes, recordedBy: { id: s.recordedBy, displayName: s.displayName }, createdAt: toIso(s.createdAt)!,
  }));
}

export async function recordSession(ctx: Ctx, caseId: string, input: z.infer<typeof createMediationSessionBody>) {
  const l = await loadForWork(ctx, caseId);
  assertOpen(l.caseRow);
  if (Date.parse(input.heldAt) > ctx.now().getTime() + 60_000) throw new AppError('RULE_VIOLATED', 'a session cannot be recorded before it is held', [{ path: 'heldAt', message: 'in the future' }]);
  const mediator = l.dispute.mediatorId ? await ctx.db.selectFrom('users').select('displayName').where('id', '=', l.dispute.mediatorId).executeTakeFirst() : undefined;
  const mediatorName = input.mediatorName ?? mediator?.displayName ?? ctx.actor!.displayName;
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('mediationSessions').values({
      id, caseId, heldAt: Date.parse(input.heldAt), place: input.place, mediatorName, attendees: JSON.stringify(input.attendees),
      statements: JSON.stringify(input.statements), outcome: input.outcome, notes: input.notes ?? null, recordedBy: ctx.actor!.userId, createdAt: ctx.now().getTime(),
    }).execute();
    await writeAudit(ctx, trx, { action: 'mediation.session-recorded', entityType: 'case', entityId: caseId, changes: { sessionId: id, heldAt: input.heldAt, outcome: input.outcome } });
  });
  return (await listSessions(ctx, caseId)).find((s) => s.id === id)!;
}

// --- 调解协议书 ---
/** Drafts or redrafts the agreement; once signed it is fixed. */
export async function saveAgreement(ctx: Ctx, caseId: string, input: z.infer<typeof mediationAgreementBody>) {
  const l = await loadForWork(ctx, caseId);
  assertOpen(l.caseRow);
  const existing = await ctx.db.selectFrom('mediationAgreements').selectAll().where('caseId', '=', caseId).executeTakeFirst();
  if (existing?.status === 'signed') throw new AppError('CONFLICT', 'the agreement is signed; it can no longer be changed');
  if (existing && existing.version !== input.version) throw staleVersion();
  if (!existing && input.version !== undefined) throw staleVersion();
  const street = await ctx.db.selectFrom('projects').innerJoin('units', 'units.id', 'projects.streetId').select('units.name').where('projects.id', '=', l.caseRow.projectId).executeTakeFirst();
  const t = ctx.now().getTime();
  const fields = {
    committeeName: input.committeeName ?? existing?.committeeName ?? `${street?.name ?? ''}人民调解委员会`, facts: input.facts, issues: input.issues,
    responsibilities: input.responsibilities, terms: JSON.stringify(input.terms), performanceMethod: input.performanceMethod, performBy: input.performBy,
  };
  await inTransaction(ctx, async (trx) => {
    if (existing) {
      const res = await trx.updateTable('mediationAgreements').set({ ...fields, version: existing.version + 1, updatedAt: t })
        .where('caseId', '=', caseId).where('version', '=', existing.version).where('status', '=', 'draft').executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    } else {
      await trx.insertInto('mediationAgreements').values({ caseId, number: null, status: 'draft', ...fields, signedOn: null, signedCopyId: null, version: 1, createdAt: t, updatedAt: t }).execute();
    }
    await writeAudit(ctx, trx, { action: existing ? 'mediation.agreement-revised' : 'mediation.agreement-drafted', entityType: 'case', entityId: caseId, changes: { terms: input.terms.length, performBy: input.performBy } });
  });
  return getDispute(ctx, caseId);
}

/**
 * 签订: the parties and the mediator signed the paper (调解协议书自各方当事人签名…之日起生效). The agreement gets its
 * number, the dispute counts as settled, and a reminder is queued for the last week of the 30-day judicial window.
 */
export async function signAgreement(ctx: Ctx, caseId: string, input: z.infer<typeof signMediationAgreementBody>) {
  const l = await loadForWork(ctx, caseId);
  assertOpen(l.caseRow);
  const a = await ctx.db.selectFrom('mediationAgreements').selectAll().where('caseId', '=', caseId).executeTakeFirst();
  if (!a) throw new AppError('CONFLICT', 'draft the agreement first');
  if (a.status === 'signed') throw new AppError('CONFLICT', 'the agreement is signed already');
  if (a.version !== input.version) throw staleVersion();
  assertNotFuture(ctx, input.signedOn, 'signedOn');
  const t = ctx.now().getTime();
  await inTransaction(ctx, async (trx) => {
    const number = await nextDocumentNumber(trx, l.caseRow.districtId, 'mediation', Number(input.signedOn.slice(0, 4)), '调协');
    const res = await trx.updateTable('mediationAgreements').set({ status: 'signed', number, signedOn: input.signedOn, signedCopyId: input.signedCopyId ?? null, version: a.version + 1, updatedAt: t })
      .where('caseId', '=', caseId).where('version', '=', a.version).where('status', '=', 'draft').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    if (input.signedCopyId) await attachFiles(ctx, trx, [input.signedCopyId], 'dispute', caseId);
    await trx.updateTable('disputes').set((eb) => ({ settledAt: t, version: eb('version', '+', 1), updatedAt: t })).where('caseId', '=', caseId).execute();
    const remindAt = new Date(startOfShanghaiDay(addDays(input.signedOn, REMIND_AFTER_DAYS)).getTime() + 9 * 3_600_000);
    await enqueue(trx, JUDICIAL_REMINDER_JOB, { caseId }, remindAt);
    await writeAudit(ctx, trx, { action: 'mediation.agreement-signed', entityType: 'case', entityId: caseId, changes: { number, signedOn: input.signedOn, judicialDeadline: judicialDeadline(input.signedOn) } });
  });
  return getDispute(ctx, caseId);
}

/**
 * Job: a week before the window closes, tell the mediator (or, without one, the project's commissioner) that the
 * parties may still apply for judicial confirmation. Once only, and not when it was applied for or is not needed.
 */
export async function remindJudicialConfirmation(ctx: Ctx, caseId: string): Promise<boolean> {
  const d = await ctx.db.selectFrom('disputes').innerJoin('cases', 'cases.id', 'disputes.caseId')
    .innerJoin('mediationAgreements', 'mediationAgreements.caseId', 'disputes.caseId')
    .select(['disputes.mediatorId', 'disputes.judicialState', 'disputes.judicialRemindedAt', 'cases.number', 'cases.title', 'cases.projectId', 'mediationAgreements.signedOn', 'mediationAgreements.number as agreementNumber'])
    .where('disputes.caseId', '=', caseId).where('mediationAgreements.status', '=', 'signed').executeTakeFirst();
  if (!d || d.judicialState !== 'not_applied' || d.judicialRemindedAt !== null) return false;
  const to = d.mediatorId ? [d.mediatorId]
    : (await ctx.db.selectFrom('assignments').select('userId').where('projectId', '=', d.projectId).where('role', '=', 'commissioner').where('active', '=', 1).execute()).map((r) => r.userId);
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('disputes').set({ judicialRemindedAt: ctx.now().getTime() }).where('caseId', '=', caseId).where('judicialRemindedAt', 'is', null).execute();
    await notify(ctx, trx, {
      userIds: to, kind: 'mediation.judicial-window', title: `【司法确认提醒】${d.number} ${d.title}`,
      body: `调解协议（${d.agreementNumber}）自${d.signedOn}生效，当事人可于${judicialDeadline(d.signedOn)}前共同向人民法院申请司法确认（人民调解法第三十三条）。`,
      entityType: 'case', entityId: caseId, link: `/disputes/${caseId}`,
    });
  });
  return true;
}

// --- 回访: a callback on how the agreement is performed ---
export async function recordCallback(ctx: Ctx, caseId: string, input: z.infer<typeof createDisputeCallbackBody>) {
  const l = await loadForWork(ctx, caseId);
  const a = await ctx.db.selectFrom('mediationAgreements').select(['status', 'signedOn']).where('caseId', '=', caseId).executeTakeFirst();
  if (a?.status !== 'signed') throw new AppError('CONFLICT', 'a callback follows a signed agreement');
  assertNotFuture(ctx, input.calledOn, 'calledOn');
  if (input.calledOn < a.signedOn!) throw new AppError('RULE_VIOLATED', 'a callback cannot be before the agreement', [{ path: 'calledOn', message: 'before the agreement was signed' }]);
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('disputeCallbacks').values({ id, caseId, calledOn: input.calledOn, performance: input.performance, note: input.note, recordedBy: ctx.actor!.userId, createdAt: ctx.now().getTime() }).execute();
    await writeAudit(ctx, trx, { action: 'mediation.callback-recorded', entityType: 'case', entityId: caseId, changes: { calledOn: input.calledOn, performance: input.performance } });
    if (input.performance === 'not_performed' && l.dispute.mediatorId) {
      await notify(ctx, trx, { userIds: [l.dispute.mediatorId], kind: 'mediation.not-performed', title: `【未履行】${l.caseRow.number} ${l.caseRow.title}`, body: input.note, entityType: 'case', entityId: caseId, link: `/disputes/${caseId}` });
    }
  });
  return getDispute(ctx, caseId);
}
