import type { ApprovalLevel, ApprovalStatus, ProjectApproval } from '@liaison/contracts';
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { Actor } from '../../kernel/context.js';
import { toIso } from '../../kernel/db/tx.js';
import { OPEN_STATUSES } from '../cases/cases.service.js';
import type { ProjectRelation } from '../projects/projects.policy.js';
import { approvalClock } from './approval-clock.js';
import { itemActions } from './approvals.policy.js';
import type { BlockCase, ChainRow } from './approvals.repository.js';

export const isOpenCase = (c: BlockCase | undefined) => !!c && (OPEN_STATUSES as string[]).includes(c.status);

export function presentApproval(r: ChainRow, blockCase: BlockCase | undefined, cal: WorkingCalendar, today: string, actor: Actor, rel: ProjectRelation): ProjectApproval {
  const checklist = JSON.parse(r.checklist) as { name: string; done: boolean }[];
  const clock = approvalClock(cal, r, today);
  const isBlocked = isOpenCase(blockCase);
  return {
    id: r.id, projectId: r.projectId, position: r.position,
    item: { id: r.itemId, code: r.itemCode, name: r.itemName, authority: r.itemAuthority, authorityLevel: r.itemAuthorityLevel as ApprovalLevel },
    agent: r.agentId ? { id: r.agentId, displayName: r.agentName ?? '', unit: r.agentUnitId ? { id: r.agentUnitId, name: r.agentUnitName ?? '' } : null } : null,
    status: r.status as ApprovalStatus, plannedOn: r.plannedOn, preparingOn: r.preparingOn, submittedOn: r.submittedOn,
    acceptedOn: r.acceptedOn, approvedOn: r.approvedOn, sentBackOn: r.sentBackOn, sentBackReason: r.sentBackReason,
    checklist, materialsDone: checklist.filter((c) => c.done).length, statutoryDays: r.statutoryDays,
    workingDaysUsed: clock.used, workingDaysLeft: clock.left, light: clock.light, isStuck: clock.isStuck,
    level: r.level as ApprovalLevel | null, blockCase: blockCase ?? null, isBlocked, note: r.note,
    allowedActions: itemActions(actor, rel, r, isBlocked), version: r.version, updatedAt: toIso(r.updatedAt)!,
  };
}

/** The chain's figures for the timeline header: how far it is, what blocks it, the working days saved so far. */
export function summarize(items: ProjectApproval[], cal: WorkingCalendar, today: string) {
  const dates = items.flatMap((i) => [i.preparingOn, i.submittedOn, i.acceptedOn, i.approvedOn, i.plannedOn]).filter((d): d is string => !!d).sort();
  return {
    total: items.length,
    approved: items.filter((i) => i.status === 'approved').length,
    inProgress: items.filter((i) => ['preparing', 'submitted', 'accepted', 'sent_back'].includes(i.status)).length,
    blocked: items.filter((i) => i.isBlocked).length,
    stuck: items.filter((i) => i.isStuck).length,
    daysSaved: items.reduce((n, i) => n + (approvalClock(cal, i, today).saved ?? 0), 0),
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
  };
}
