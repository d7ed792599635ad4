import type { InspectionItemTable } from '../../../kernel/db/schema.js';
import { assertCan } from '../../../kernel/access/assert.js';
import { writeAudit } from '../../../kernel/audit/audit.js';
import { loadWorkingCalendar } from '../../../kernel/calendar/calendar-store.js';
import { addWorkingDays, shanghaiDate } from '../../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../../kernel/context.js';
import { inTransaction, withTrx } from '../../../kernel/db/tx.js';
import { AppError, staleVersion, type FieldError } from '../../../kernel/errors/app-error.js';
import { notify } from '../../../kernel/notify/notify.js';
import { listCaseLimits } from '../../cases/case-limits.service.js';
import { createCase } from '../../cases/use-cases/create-case.js';
import { dispatchCase } from '../../cases/use-cases/dispatch-case.js';
import { acceptCase } from '../../cases/use-cases/triage-case.js';
import { nextDocumentNumber } from '../document-numbers.service.js';
import { getInspection, loadInspection } from '../inspections.service.js';
import { markStopWork } from '../stop-work.service.js';

const SEVERITY_ZH = { general: '一般隐患', major: '重大隐患' } as const;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const ymd = (ms: number) => shanghaiDate(ms).replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日');

/** Everything a submitted inspection must carry, as field errors: a result per item, a note and photo per failure, both signatures. */
function missing(row: { inspectorSignatureId: string | null; contractorSignatureId: string | null; contractorSignerName: string | null }, items: InspectionItemTable[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const i of items) {
    if (!i.result) errors.push({ path: `items.${i.id}.result`, message: `item ${i.position} has not been checked` });
    if (i.result === 'fail' && !i.note) errors.push({ path: `items.${i.id}.note`, message: `item ${i.position} failed: describe what was found` });
    if (i.result === 'fail' && !i.photoId) errors.push({ path: `items.${i.id}.photoId`, message: `item ${i.position} failed: a photo is required` });
  }
  if (!row.inspectorSignatureId) errors.push({ path: 'inspectorSignatureId', message: 'the inspector has not signed' });
  if (!row.contractorSignatureId) errors.push({ path: 'contractorSignatureId', message: 'the contractor\'s representative has not signed' });
  if (!row.contractorSignerName) errors.push({ path: 'contractorSignerName', message: 'name the contractor\'s representative' });
  return errors;
}

/**
 * 提交检查: in one transaction every failure becomes a `safety` case (urgent for a major hazard, so the case engine's
 * limits give it 1 working day instead of 3), accepted and dispatched to the contractor's unit; the rectification
 * notice gets its number; a major hazard orders the project to stop work until re-inspection.
 */
export async function submitInspection(ctx: Ctx, id: string, version: number) {
  assertCan(ctx, 'inspection.run');
  const { row, canRun } = await loadInspection(ctx, id);
  if (!canRun) throw new AppError('FORBIDDEN', 'only those who inspect this project submit its inspections');
  if (row.status !== 'draft') throw new AppError('CONFLICT', 'the inspection was submitted already');
  if (row.version !== version) throw staleVersion();
  const items = await ctx.db.selectFrom('inspectionItems').selectAll().where('inspectionId', '=', id).orderBy('position').execute();
  const errors = missing(row, items);
  if (errors.length) throw new AppError('RULE_VIOLATED', 'the inspection is not complete', errors);
  const project = await ctx.db.selectFrom('projects').select(['id', 'districtId', 'name', 'contractorUnitId']).where('id', '=', row.projectId).executeTakeFirstOrThrow();
  const failures = items.filter((i) => i.result === 'fail');
  if (failures.length && !project.contractorUnitId) throw new AppError('RULE_VIOLATED', 'the project has no contractor to address the hazards to');
  const now = ctx.now();
  const limits = (await listCaseLimits(ctx)).items;
  const limitOf = (priority: string) => limits.find((l) => l.type === 'safety' && l.priority === priority)?.days ?? 3;
  const cal = await loadWorkingCalendar(ctx.db, shanghaiDate(now));
  const majors = failures.filter((i) => i.severity === 'major');

  await inTransaction(ctx, async (trx) => {
    const c = withTrx(ctx, trx);
    const res = await trx.updateTable('inspections').set({ status: 'submitted', version: version + 1, updatedAt: now.getTime() })
      .where('id', '=', id).where('version', '=', version).where('status', '=', 'draft').executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    const noticeNumber = failures.length
      ? await nextDocumentNumber(trx, project.districtId, 'rectification', Number(shanghaiDate(now).slice(0, 4)), '安整')
      : null;
    const caseIds: string[] = [];
    for (const item of failures) {
      const priority = item.severity === 'major' ? 'urgent' : 'normal';
      const days = limitOf(priority);
      const rectifyBy = addWorkingDays(cal, now, days).getTime();
      const created = await createCase(c, {
        projectId: project.id, type: 'safety', category: item.category, priority, source: 'inspection',
        title: clip(`${item.severity === 'major' ? '【重大隐患】' : ''}${item.category}：${item.text}`, 200),
        description: clip([
          `${ymd(row.inspectedAt)}安全检查发现${SEVERITY_ZH[item.severity as 'general' | 'major']}：${item.text}。`,
          `现场情况：${(item.note ?? "").replace(/[。.]$/, "")}。`,
          `整改要求：限${days}个工作日内（${ymd(rectifyBy)}前）整改完毕，上传整改后照片答复，经复查合格后销号。`,
          item.basis ? `依据：${item.basis}。` : '',
          `整改通知书${noticeNumber}。`,
        ].join(''), 5000),
      }, { sourceRefType: 'inspection', sourceRefId: id });
      await acceptCase(c, created.id, {});
      await dispatchCase(c, created.id, { unitId: project.contractorUnitId!, note: `整改通知书${noticeNumber}：限${days}个工作日内整改${item.severity === 'major' ? '，复查合格前停止相关部位施工' : ''}` });
      await trx.updateTable('inspectionItems').set({ caseId: created.id, rectifyBy }).where('id', '=', item.id).execute();
      caseIds.push(created.id);
    }
    await trx.updateTable('inspections').set({ noticeNumber, submittedAt: now.getTime(), contractorUnitId: project.contractorUnitId }).where('id', '=', id).execute();
    if (majors.length) await markStopWork(c, trx, project.id, id);
    await writeAudit(ctx, trx, {
      action: 'inspection.submitted', entityType: 'inspection', entityId: id,
      changes: { projectId: project.id, noticeNumber, failures: failures.length, major: majors.length, caseIds, stopWork: majors.length > 0 },
    });
    if (majors.length && project.contractorUnitId) {
      await notify(ctx, trx, {
        unitIds: [project.contractorUnitId], kind: 'safety.stop-work', title: `【停工整改】${project.name}`,
        body: `检查发现重大隐患 ${majors.length} 项（${noticeNumber}），隐患排除、复查合格前停止相关部位施工。`,
        entityType: 'inspection', entityId: id, link: `/inspections/${id}`,
      });
    }
  });
  return getInspection(ctx, id);
}
