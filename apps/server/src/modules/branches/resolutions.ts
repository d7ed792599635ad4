import type { Actor, Ctx } from '../../kernel/context.js';
import type { ResolutionTable } from '../../kernel/db/schema.js';
import { toIso } from '../../kernel/db/tx.js';
import { localDate } from '../projects/project-file.service.js';
import { projectScope } from '../projects/projects.policy.js';

type CaseState = { id: string; number: string; status: string; light: string; closedAt: number | null };

/**
 * A resolution's state comes from its case: done when the case is closed, overdue when its due date has passed
 * while the case is open, otherwise open; a resolution that needs no action is only noted.
 */
export function resolutionState(r: Pick<ResolutionTable, 'needsAction' | 'dueDate'>, c: CaseState | undefined, today: string) {
  if (!r.needsAction) return 'noted' as const;
  if (c?.status === 'closed') return 'done' as const;
  if (r.dueDate && r.dueDate < today) return 'overdue' as const;
  return 'open' as const;
}

const doneOnTime = (r: Pick<ResolutionTable, 'dueDate'>, c: CaseState | undefined) =>
  c?.status === 'closed' && c.closedAt !== null && (!r.dueDate || localDate(new Date(c.closedAt)) <= r.dueDate);

async function casesOf(ctx: Ctx, ids: (string | null)[]) {
  const caseIds = ids.filter((x): x is string => !!x);
  const rows = caseIds.length ? await ctx.db.selectFrom('cases').select(['id', 'number', 'status', 'light', 'closedAt']).where('id', 'in', caseIds).execute() : [];
  return new Map(rows.map((c) => [c.id, c as CaseState]));
}

export async function presentResolutions(ctx: Ctx, rows: ResolutionTable[]) {
  const cases = await casesOf(ctx, rows.map((r) => r.caseId));
  const unitIds = [...new Set(rows.map((r) => r.ownerUnitId).filter((x): x is string => !!x))];
  const units = unitIds.length ? await ctx.db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute() : [];
  const today = localDate(ctx.now());
  return rows.map((r) => {
    const c = r.caseId ? cases.get(r.caseId) : undefined;
    return {
      id: r.id, meetingId: r.meetingId, agendaItemId: r.agendaItemId, text: r.text,
      ownerUnit: r.ownerUnitId ? (units.find((u) => u.id === r.ownerUnitId) ?? null) : null, dueDate: r.dueDate, needsAction: r.needsAction === 1,
      case: c ? { id: c.id, number: c.number, status: c.status, light: c.light, closedAt: toIso(c.closedAt) } : null,
      state: resolutionState(r, c, today), createdAt: toIso(r.createdAt)!,
    };
  });
}

/** Made, done, done on time and overdue — for a branch, or for every branch the actor can see. */
export async function resolutionStats(ctx: Ctx, where: { branchId: string } | { actor: Actor }) {
  let q = ctx.db.selectFrom('resolutions').innerJoin('meetings', 'meetings.id', 'resolutions.meetingId').innerJoin('branches', 'branches.id', 'meetings.branchId')
    .innerJoin('projects', 'projects.id', 'branches.projectId').selectAll('resolutions').where('resolutions.needsAction', '=', 1);
  q = 'branchId' in where ? q.where('branches.id', '=', where.branchId) : q.where(projectScope(where.actor));
  const rows = await q.execute();
  const cases = await casesOf(ctx, rows.map((r) => r.caseId));
  const today = localDate(ctx.now());
  let done = 0;
  let onTime = 0;
  let overdue = 0;
  for (const r of rows) {
    const c = r.caseId ? cases.get(r.caseId) : undefined;
    const s = resolutionState(r, c, today);
    if (s === 'done') done++;
    if (s === 'overdue') overdue++;
    if (doneOnTime(r, c)) onTime++;
  }
  return { total: rows.length, done, doneOnTime: onTime, overdue };
}
