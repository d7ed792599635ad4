import type { Case, Inspection } from '@liaison/contracts';
import type { Ctx } from '../../kernel/context.js';
import type { InspectionItemTable, InspectionTable } from '../../kernel/db/schema.js';
import { toIso } from '../../kernel/db/tx.js';
import { OPEN_STATUSES, presentCases } from '../cases/cases.service.js';

export type InspectionRow = InspectionTable & { projectCode: string; projectName: string };

const severity = (s: string) => s as 'general' | 'major';

/** The case engine's live view of hazard cases (light and overdue computed at now), by id. */
export async function liveCases(ctx: Ctx, caseIds: (string | null)[]): Promise<Map<string, Case>> {
  const ids = [...new Set(caseIds.filter((x): x is string => !!x))];
  if (!ids.length) return new Map();
  const rows = await ctx.db.selectFrom('cases').selectAll().where('id', 'in', ids).execute();
  const cases = await presentCases(ctx.db, rows, ctx.now());
  return new Map(cases.map((c) => [c.id, c]));
}

/** A failed item as a hazard: open until re-inspection accepts the fix and its case closes. */
export function hazardOf(i: InspectionItemTable, c: Case | undefined) {
  return {
    itemId: i.id, category: i.category, text: i.text, severity: severity(i.severity), note: i.note ?? '', photoId: i.photoId,
    rectifyBy: toIso(i.rectifyBy), open: c ? (OPEN_STATUSES as string[]).includes(c.status) : true,
    case: c ? { id: c.id, number: c.number, status: c.status, light: c.light, overdue: c.overdue, deadline: c.deadline, closedAt: c.closedAt } : null,
  };
}

/** Rows → API shape, with names, items and hazard cases in a few queries whatever the page size. */
export async function presentInspections(ctx: Ctx, rows: InspectionRow[], canRun: (projectId: string) => boolean): Promise<Inspection[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const items = await ctx.db.selectFrom('inspectionItems').selectAll().where('inspectionId', 'in', ids).orderBy('position').execute();
  const userIds = [...new Set(rows.map((r) => r.inspectorId))];
  const unitIds = [...new Set(rows.map((r) => r.contractorUnitId).filter((x): x is string => !!x))];
  const [users, units, cases] = await Promise.all([
    ctx.db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', userIds).execute(),
    unitIds.length ? ctx.db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute() : [],
    liveCases(ctx, items.map((i) => i.caseId)),
  ]);
  return rows.map((r) => {
    const mine = items.filter((i) => i.inspectionId === r.id);
    const count = (res: string | null) => mine.filter((i) => i.result === res).length;
    const failed = mine.filter((i) => i.result === 'fail');
    const draft = r.status === 'draft';
    const run = canRun(r.projectId);
    return {
      id: r.id, project: { id: r.projectId, code: r.projectCode, name: r.projectName }, template: { id: r.templateId, name: r.templateName },
      status: r.status as 'draft' | 'submitted',
      inspector: { id: r.inspectorId, displayName: users.find((u) => u.id === r.inspectorId)?.displayName ?? '' },
      inspectedAt: toIso(r.inspectedAt)!, location: r.location, summary: r.summary,
      contractorUnit: r.contractorUnitId ? (units.find((u) => u.id === r.contractorUnitId) ?? { id: r.contractorUnitId, name: '' }) : null,
      contractorSignerName: r.contractorSignerName, inspectorSignatureId: r.inspectorSignatureId, contractorSignatureId: r.contractorSignatureId,
      noticeNumber: r.noticeNumber, submittedAt: toIso(r.submittedAt),
      counts: { total: mine.length, pass: count('pass'), fail: failed.length, na: count('na'), pending: count(null) },
      items: mine.map((i) => ({
        id: i.id, position: i.position, category: i.category, text: i.text, severity: severity(i.severity), basis: i.basis,
        result: i.result as 'pass' | 'fail' | 'na' | null, note: i.note, photoId: i.photoId, rectifyBy: toIso(i.rectifyBy), caseId: i.caseId,
      })),
      hazards: draft ? [] : failed.map((i) => hazardOf(i, i.caseId ? cases.get(i.caseId) : undefined)),
      stopWorkOrdered: !draft && failed.some((i) => i.severity === 'major'),
      allowedActions: [
        ...(draft && run ? (['edit', 'submit'] as const) : []),
        ...(!draft && failed.length ? (['notice'] as const) : []),
      ],
      createdAt: toIso(r.createdAt)!, updatedAt: toIso(r.updatedAt)!, version: r.version,
    };
  });
}
