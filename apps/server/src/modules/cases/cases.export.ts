import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Case } from '@liaison/contracts';
import { fmtShanghai } from './case-clock.js';

const typeZh: Record<Case['type'], string> = { approval: '审批代办', safety: '安全隐患', dispute: '纠纷调解', appeal: '居民诉求', enterprise: '企业诉求', coordination: '跨部门协调' };
const statusZh: Record<Case['status'], string> = {
  submitted: '待受理', accepted: '待派单', assigned: '待签收', in_progress: '办理中', answered: '待核实', closed: '已办结', rejected: '不予受理', withdrawn: '已撤回',
};
const lightZh: Record<Case['light'], string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
const levelZh = ['', '专员督促', '部门督办', '区领导挂牌督办'];
const ratingZh: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };
const at = (iso: string | null) => (iso ? fmtShanghai(Date.parse(iso)) : '');

/** Export columns: the work-order ledger (工单台账) layout. */
const columns: { header: string; width: number; value: (c: Case) => string | number }[] = [
  { header: '工单编号', width: 18, value: (c) => c.number },
  { header: '项目', width: 24, value: (c) => c.project.name },
  { header: '类型', width: 12, value: (c) => typeZh[c.type] },
  { header: '标题', width: 30, value: (c) => c.title },
  { header: '状态', width: 10, value: (c) => statusZh[c.status] },
  { header: '紧急', width: 6, value: (c) => (c.priority === 'urgent' ? '紧急' : '') },
  { header: '主办单位', width: 20, value: (c) => c.leadUnit?.name ?? '' },
  { header: '协办单位', width: 24, value: (c) => c.units.filter((u) => u.role === 'co' && u.active).map((u) => u.unit.name).join('、') },
  { header: '承办人', width: 10, value: (c) => c.assignee?.displayName ?? '' },
  { header: '提交人', width: 10, value: (c) => c.reporter?.displayName ?? '' },
  { header: '提交时间', width: 17, value: (c) => at(c.createdAt) },
  { header: '办理期限', width: 17, value: (c) => at(c.deadline ?? c.signDeadline) },
  { header: '灯', width: 6, value: (c) => lightZh[c.light] },
  { header: '督办', width: 14, value: (c) => levelZh[c.supervisionLevel] ?? '' },
  { header: '办结时间', width: 17, value: (c) => at(c.closedAt) },
  { header: '评价', width: 10, value: (c) => (c.rating ? ratingZh[c.rating]! : '') },
];

/**
 * The workbook written as it is read, row by row (ExcelJS's streaming writer): memory stays flat however many rows.
 * The first page is read before anything is sent, so a refusal still goes out as a problem, not as a broken file.
 */
export function casesToXlsx(pages: AsyncIterable<Case[]>): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Liaison';
  const ws = wb.addWorksheet('工单台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({ key: String(i), width: c.width }));
  void (async () => {
    const header = ws.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const page of pages) for (const c of page) ws.addRow(columns.map((col) => col.value(c))).commit();
    ws.commit();
    await wb.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // Leading = + - @ would run as formulas in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** CSV (with a BOM for Excel), written page by page as it is read. */
export function casesToCsv(pages: AsyncIterable<Case[]>): Readable {
  return Readable.from((async function* () {
    yield '\uFEFF' + columns.map((c) => csvCell(c.header)).join(',') + '\r\n';
    for await (const page of pages) yield page.map((c) => columns.map((col) => csvCell(col.value(c))).join(',') + '\r\n').join('');
  })());
}
