import type { Case, CaseEvent } from '@liaison/contracts';
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { CaseEventTable, CaseTable, CaseUnitTable } from '../../kernel/db/schema.js';
import { toIso } from '../../kernel/db/tx.js';
import { lightAt, workingDaysLeft } from './case-clock.js';
import type { NameRefs } from './case-refs.js';

const unitRef = (refs: NameRefs, id: string | null) => (id ? { id, name: refs.units.get(id)?.name ?? '' } : null);
const userRef = (refs: NameRefs, id: string | null) => (id ? { id, displayName: refs.users.get(id)?.displayName ?? '' } : null);

/** Row → API shape. The light and overdue flag are computed at `now`, so they never lag the sweep. */
export function presentCase(c: CaseTable, units: CaseUnitTable[], refs: NameRefs, cal: WorkingCalendar, now: Date): Case {
  const project = refs.projects.get(c.projectId);
  const { light, overdue } = lightAt(cal, c, now);
  return {
    id: c.id, number: c.number,
    project: { id: c.projectId, code: project?.code ?? '', name: project?.name ?? '' },
    type: c.type as Case['type'], category: c.category, title: c.title, description: c.description,
    source: c.source as Case['source'], priority: c.priority as Case['priority'], status: c.status as Case['status'],
    reporter: userRef(refs, c.reporterId), reporterUnit: unitRef(refs, c.reporterUnitId),
    leadUnit: unitRef(refs, c.leadUnitId), assignee: userRef(refs, c.assigneeId),
    units: units.filter((u) => u.caseId === c.id).map((u) => ({
      unit: unitRef(refs, u.unitId)!, role: u.role as 'lead' | 'co', status: u.status as Case['units'][number]['status'],
      active: u.active === 1, signDeadline: toIso(u.signDeadline), deadline: toIso(u.deadline),
      signedAt: toIso(u.signedAt), answeredAt: toIso(u.answeredAt),
    })),
    clockState: c.clockState as Case['clockState'],
    signDeadline: toIso(c.signDeadline), deadline: toIso(c.deadline), limitDays: c.limitDays,
    workingDaysLeft: workingDaysLeft(cal, c, now),
    light: light as Case['light'], overdue: overdue === 1, supervisionLevel: c.supervisionLevel,
    extensionRequest: c.extRequestedAt !== null
      ? { days: c.extDays ?? 0, reason: c.extReason ?? '', requestedAt: toIso(c.extRequestedAt)! }
      : null,
    publicReply: c.publicReply, answeredAt: toIso(c.answeredAt),
    rating: c.rating as Case['rating'], ratingComment: c.ratingComment, reopenCount: c.reopenCount,
    mergedIntoId: c.mergedIntoId,
    sourceRef: c.sourceRefType && c.sourceRefId ? { type: c.sourceRefType, id: c.sourceRefId } : null,
    createdAt: toIso(c.createdAt)!, updatedAt: toIso(c.updatedAt)!, closedAt: toIso(c.closedAt), version: c.version,
  };
}

export function presentEvent(e: CaseEventTable, refs: NameRefs): CaseEvent {
  return {
    id: e.id, seq: e.seq, kind: e.kind,
    actor: e.actorId ? { id: e.actorId, displayName: refs.users.get(e.actorId)?.displayName ?? e.actorName ?? '' } : null,
    at: toIso(e.at)!, internal: e.internal === 1, payload: JSON.parse(e.payload) as Record<string, unknown>,
  };
}
