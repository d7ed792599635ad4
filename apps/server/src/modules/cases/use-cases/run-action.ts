import type { CaseAction, CaseDetail, CaseStatus } from '@liaison/contracts';
import type { Transaction } from 'kysely';
import { writeAudit } from '../../../kernel/audit/audit.js';
import { loadWorkingCalendar } from '../../../kernel/calendar/calendar-store.js';
import type { WorkingCalendar } from '../../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../../kernel/context.js';
import type { CaseTable, Database } from '../../../kernel/db/schema.js';
import { inTransaction } from '../../../kernel/db/tx.js';
import { AppError, staleVersion } from '../../../kernel/errors/app-error.js';
import { notify, type Notice } from '../../../kernel/notify/notify.js';
import { calendarFrom } from '../case-clock.js';
import { decide } from '../case-state-machine.js';
import { appendEvents, loadLimits, updateCaseAt, type NewEvent } from '../cases.repository.js';
import { getCaseDetail, loadCaseFor, type LoadedCase } from '../cases.service.js';
import { caseChanged } from '../case-hooks.js';

/** What an action needs besides the case: the working calendar, the time limits, the time. */
export type ActionEnv = { cal: WorkingCalendar; limit: (type: string, priority: string) => number; now: Date };

export type CaseNotice = Omit<Notice, 'entityType' | 'entityId' | 'link'>;

/** What one action changes; `runAction` writes all of it in one transaction. */
export type ActionPlan = {
  patch: Partial<CaseTable>;
  events: NewEvent[];
  /** Audit action, past tense: `case.dispatched`. */
  audit: { action: string; changes?: unknown };
  notices?: CaseNotice[];
  /** Further writes inside the transaction: unit rows, attachments. */
  write?: (trx: Transaction<Database>) => Promise<void>;
};

export const actorRef = (ctx: Ctx) => (ctx.actor && ctx.actor.via !== 'system'
  ? { id: ctx.actor.userId, name: ctx.actor.username }
  : { id: null, name: 'system' });

/** `【label】XC-2026-000123 title`: the notice title everyone sees in the inbox. */
export const noticeTitle = (label: string, row: Pick<CaseTable, 'number' | 'title'>) => `【${label}】${row.number} ${row.title}`;

/**
 * One lifecycle action, the same way every time: load the case as the caller sees it (404 if they may not),
 * ask the state machine (403 never theirs / 409 not now), check `version` (409), let the action plan its change,
 * then in one transaction update the case (version + 1), append the events, write the audit row and tell whoever
 * acts next. Returns the case as the caller now sees it.
 */
export async function runAction(
  ctx: Ctx, id: string, action: CaseAction, version: number | undefined,
  plan: (loaded: LoadedCase, env: ActionEnv) => Promise<ActionPlan> | ActionPlan,
): Promise<CaseDetail> {
  const loaded = await loadCaseFor(ctx, id);
  const status = loaded.row.status as CaseStatus;
  const d = decide(status, action, loaded.relations, loaded.facts);
  if (!d.ok) {
    throw d.code === 'FORBIDDEN'
      ? new AppError('FORBIDDEN', `you may not ${action} this case`)
      : new AppError('CASE_ACTION_NOT_ALLOWED', `${action} is not possible now (case is ${status})`, undefined, { action, caseStatus: status });
  }
  if (version !== undefined && version !== loaded.row.version) throw staleVersion();
  const now = ctx.now();
  const env: ActionEnv = { cal: await loadWorkingCalendar(ctx.db, calendarFrom(now, [loaded.row])), limit: await loadLimits(ctx.db), now };
  const p = await plan(loaded, env);
  await inTransaction(ctx, async (trx) => {
    if (!(await updateCaseAt(trx, id, loaded.row.version, p.patch, now.getTime()))) throw staleVersion();
    await appendEvents(trx, id, actorRef(ctx), now.getTime(), p.events);
    await p.write?.(trx);
    await writeAudit(ctx, trx, { action: p.audit.action, entityType: 'case', entityId: id, changes: p.audit.changes });
    await caseChanged(ctx, trx, id);
    for (const n of p.notices ?? []) await notify(ctx, trx, { ...n, entityType: 'case', entityId: id, link: `/cases/${id}` });
  });
  return getCaseDetail(ctx, id);
}
