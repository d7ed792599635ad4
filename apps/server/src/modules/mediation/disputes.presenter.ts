import type { CaseDetail } from '@liaison/contracts';
import { addDays } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import type { CaseTable, DisputePartyTable, DisputeTable, MediationAgreementTable } from '../../kernel/db/schema.js';
import { toIso } from '../../kernel/db/tx.js';
import { OPEN_STATUSES, getCaseDetail, presentCases } from '../cases/cases.service.js';
import type { CaseRelation } from '../cases/case-state-machine.js';
import { localDate } from '../projects/project-file.service.js';

export type LoadedDispute = {
  dispute: DisputeTable; caseRow: CaseTable; relations: CaseRelation[]; caseVisible: boolean;
  isMediator: boolean; contacts: boolean; works: boolean;
};

/** 人民调解法 第三十三条: the parties may apply jointly within 30 days of the agreement taking effect. */
export const judicialDeadline = (signedOn: string | null) => (signedOn ? addDays(signedOn, 30) : null);
export const isCaseOpen = (c: Pick<CaseTable, 'status'>) => (OPEN_STATUSES as string[]).includes(c.status);
export const settleOverdue = (d: Pick<DisputeTable, 'settledAt' | 'settleBy'>, today: string) => d.settledAt === null && today > d.settleBy;

export function presentParty(ctx: Ctx, p: DisputePartyTable, contacts: boolean) {
  const phone = p.phoneSealed ? (contacts ? ctx.secrets.open(p.phoneSealed) : p.phoneMasked) : null;
  return {
    id: p.id, kind: p.kind as 'resident', name: p.name, phone, phoneMasked: !!p.phoneSealed && !contacts,
    address: p.address, representative: p.representative,
  };
}

export function presentAgreement(a: MediationAgreementTable) {
  return {
    number: a.number, status: a.status as 'draft' | 'signed', committeeName: a.committeeName, facts: a.facts, issues: a.issues,
    responsibilities: a.responsibilities, terms: JSON.parse(a.terms) as string[], performanceMethod: a.performanceMethod, performBy: a.performBy,
    signedOn: a.signedOn, signedCopyId: a.signedCopyId, judicialDeadline: judicialDeadline(a.signedOn), updatedAt: toIso(a.updatedAt)!, version: a.version,
  };
}

/** The case as the caller sees it: the full detail when they see the case, its plain view (no actions) when only the mediator. */
async function caseView(ctx: Ctx, l: LoadedDispute): Promise<CaseDetail> {
  if (l.caseVisible) return getCaseDetail(ctx, l.caseRow.id);
  const [c] = await presentCases(ctx.db, [l.caseRow], ctx.now());
  return { ...c!, allowedActions: [], attachments: [] };
}

export async function presentDispute(ctx: Ctx, l: LoadedDispute) {
  const id = l.dispute.caseId;
  const [parties, sessions, agreement, callbacks] = await Promise.all([
    ctx.db.selectFrom('disputeParties').selectAll().where('caseId', '=', id).orderBy('position').execute(),
    ctx.db.selectFrom('mediationSessions').select((eb) => eb.fn.countAll<number>().as('n')).where('caseId', '=', id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('mediationAgreements').selectAll().where('caseId', '=', id).executeTakeFirst(),
    ctx.db.selectFrom('disputeCallbacks').innerJoin('users', 'users.id', 'disputeCallbacks.recordedBy')
      .selectAll('disputeCallbacks').select('users.displayName').where('disputeCallbacks.caseId', '=', id).orderBy('calledOn').orderBy('createdAt').execute(),
  ]);
  const mediator = l.dispute.mediatorId
    ? await ctx.db.selectFrom('users').select(['id', 'displayName']).where('id', '=', l.dispute.mediatorId).executeTakeFirst()
    : undefined;
  const open = isCaseOpen(l.caseRow);
  const signed = agreement?.status === 'signed';
  const actions = [
    ...(l.works ? ['edit'] as const : []),
    ...(l.works && open ? ['record-session'] as const : []),
    ...(l.works && open && !signed ? ['edit-agreement'] as const : []),
    ...(l.works && open && agreement && !signed ? ['sign-agreement'] as const : []),
    ...(l.works && signed ? ['callback'] as const : []),
  ];
  return {
    caseId: id, case: await caseView(ctx, l), category: l.dispute.category as 'noise', risk: l.dispute.risk as 'low',
    mediator: mediator ?? null, parties: parties.map((p) => presentParty(ctx, p, l.contacts)),
    settleBy: l.dispute.settleBy, settled: l.dispute.settledAt !== null, settledAt: toIso(l.dispute.settledAt),
    settleOverdue: settleOverdue(l.dispute, localDate(ctx.now())), sessions: Number(sessions.n),
    agreement: agreement ? presentAgreement(agreement) : null, judicialConfirmation: l.dispute.judicialState as 'not_applied',
    callbacks: callbacks.map((c) => ({
      id: c.id, calledOn: c.calledOn, performance: c.performance as 'performed', note: c.note,
      recordedBy: { id: c.recordedBy, displayName: c.displayName }, createdAt: toIso(c.createdAt)!,
    })),
    contactsVisible: l.contacts, allowedActions: [...actions], version: l.dispute.version,
  };
}
