import type { z } from 'zod';
import type { safetyLedgerQuery } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { loadWorkingCalendar } from '../../kernel/calendar/calendar-store.js';
import { endOfShanghaiDay, shanghaiDate, startOfShanghaiDay, workingDaysBetween } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import { toIso } from '../../kernel/db/tx.js';
import { OPEN_STATUSES } from '../cases/cases.service.js';
import { loadVisibleProject } from '../projects/project-file.service.js';
import { projectScope } from '../projects/projects.policy.js';
import { hazardOf, liveCases } from './inspections.presenter.js';

type Tally = { total: number; open: number; closed: number; major: number; general: number };
const tally = (): Tally => ({ total: 0, open: 0, closed: 0, major: 0, general: 0 });
const isOpen = (status: string | null) => status === null || (OPEN_STATUSES as string[]).includes(status);

/**
 * 安全台账: hazards found by submitted inspections on the projects the caller sees (one project, or the district),
 * by category, open and closed; the working days from the notice to the accepted re-inspection; the sites standing
 * still under a stop-work order. Scoped in SQL; the figures are summed here because they need the calendar.
 */
export async function safetyLedger(ctx: Ctx, q: z.infer<typeof safetyLedgerQuery>) {
  const actor = assertCan(ctx, 'inspection.read');
  if (q.projectId) await loadVisibleProject(ctx, q.projectId);
  let inspections = ctx.db.selectFrom('inspections').innerJoin('projects', 'projects.id', 'inspections.projectId')
    .where(projectScope(actor)).where('inspections.status', '=', 'submitted');
  if (q.projectId) inspections = inspections.where('inspections.projectId', '=', q.projectId);
  if (q.from) inspections = inspections.where('inspections.inspectedAt', '>=', startOfShanghaiDay(q.from).getTime());
  if (q.to) inspections = inspections.where('inspections.inspectedAt', '<=', endOfShanghaiDay(q.to).getTime());
  const counted = await inspections.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await inspections.innerJoin('inspectionItems', 'inspectionItems.inspectionId', 'inspections.id')
    .leftJoin('cases', 'cases.id', 'inspectionItems.caseId')
    .selectAll('inspectionItems')
    .select(['inspections.submittedAt', 'inspections.noticeNumber', 'inspections.projectId', 'projects.code as projectCode', 'projects.name as projectName',
      'cases.status as caseStatus', 'cases.closedAt as caseClosedAt', 'cases.dueAt as caseDueAt'])
    .where('inspectionItems.result', '=', 'fail')
    .orderBy('inspections.submittedAt', 'desc').orderBy('inspectionItems.position').execute();

  const now = ctx.now().getTime();
  const hazards = { ...tally(), overdue: 0 };
  const byCategory = new Map<string, Tally>();
  const stopped = new Map<string, { project: { id: string; code: string; name: string }; since: number | null; openMajorHazards: number }>();
  const rectifyDays: { from: string; to: string }[] = [];
  for (const r of rows) {
    const open = isOpen(r.caseStatus);
    const cat = byCategory.get(r.category) ?? tally();
    for (const t of [hazards, cat]) {
      t.total++;
      t[open ? 'open' : 'closed']++;
      t[r.severity === 'major' ? 'major' : 'general']++;
    }
    byCategory.set(r.category, cat);
    if (open && r.caseDueAt !== null && r.caseDueAt < now) hazards.overdue++;
    if (r.caseStatus === 'closed' && r.caseClosedAt !== null && r.submittedAt !== null) rectifyDays.push({ from: shanghaiDate(r.submittedAt), to: shanghaiDate(r.caseClosedAt) });
    if (open && r.severity === 'major') {
      const s = stopped.get(r.projectId) ?? { project: { id: r.projectId, code: r.projectCode, name: r.projectName }, since: r.submittedAt, openMajorHazards: 0 };
      s.openMajorHazards++;
      if (r.submittedAt !== null && (s.since === null || r.submittedAt < s.since)) s.since = r.submittedAt;
      stopped.set(r.projectId, s);
    }
  }
  let avg: number | null = null;
  if (rectifyDays.length) {
    const cal = await loadWorkingCalendar(ctx.db, rectifyDays.reduce((m, d) => (d.from < m ? d.from : m), rectifyDays[0]!.from));
    const sum = rectifyDays.reduce((s, d) => s + workingDaysBetween(cal, d.from, d.to), 0);
    avg = Math.round((sum / rectifyDays.length) * 10) / 10;
  }
  const cases = q.projectId ? await liveCases(ctx, rows.map((r) => r.caseId)) : new Map();
  return {
    projectId: q.projectId ?? null,
    inspections: Number(counted.n),
    hazards,
    byCategory: [...byCategory].map(([category, t]) => ({ category, ...t })).sort((a, b) => b.total - a.total || a.category.localeCompare(b.category)),
    avgWorkingDaysToRectify: avg,
    stopWorkSites: [...stopped.values()].map((s) => ({ ...s, since: toIso(s.since) })).sort((a, b) => a.project.code.localeCompare(b.project.code)),
    items: q.projectId
      ? rows.map((r) => ({ ...hazardOf(r, r.caseId ? cases.get(r.caseId) : undefined), inspectionId: r.inspectionId, noticeNumber: r.noticeNumber, projectId: r.projectId }))
      : [],
  };
}
