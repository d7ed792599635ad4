import ExcelJS from 'exceljs';
import type { Project } from '@liaison/contracts';

const phaseZh: Record<Project['phase'], string> = { preparation: '前期', construction: '在建', completed: '竣工' };
const lightZh: Record<Project['light'], string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
const wan = (yuan: number) => Math.round(yuan / 100) / 100;

/** Export columns: the layout district offices keep (amounts in 万元). */
const columns: { header: string; key: string; width: number; value: (p: Project) => string | number | null }[] = [
  { header: '项目编号', key: 'code', width: 18, value: (p) => p.code },
  { header: '项目名称', key: 'name', width: 30, value: (p) => p.name },
  { header: '类别', key: 'category', width: 14, value: (p) => p.category },
  { header: '所在街道', key: 'street', width: 12, value: (p) => p.street?.name ?? '' },
  { header: '所在社区', key: 'community', width: 14, value: (p) => p.community?.name ?? '' },
  { header: '地址', key: 'address', width: 30, value: (p) => p.address },
  { header: '建设单位', key: 'owner', width: 30, value: (p) => p.owner?.name ?? '' },
  { header: '施工单位', key: 'contractor', width: 30, value: (p) => p.contractor?.name ?? '' },
  { header: '监理单位', key: 'supervisor', width: 30, value: (p) => p.supervisor?.name ?? '' },
  { header: '总投资(万元)', key: 'total', width: 14, value: (p) => wan(p.totalInvestment) },
  { header: '年度计划投资(万元)', key: 'annual', width: 18, value: (p) => wan(p.annualPlannedInvestment) },
  { header: '已完成投资(万元)', key: 'done', width: 16, value: (p) => wan(p.investmentCompleted) },
  { header: '计划开工', key: 'start', width: 12, value: (p) => p.plannedStart },
  { header: '计划竣工', key: 'finish', width: 12, value: (p) => p.plannedFinish },
  { header: '阶段', key: 'phase', width: 8, value: (p) => phaseZh[p.phase] },
  { header: '进度状态', key: 'light', width: 8, value: (p) => lightZh[p.light] },
  { header: '项目专员', key: 'commissioner', width: 10, value: (p) => p.commissioner?.displayName ?? '' },
  { header: '专员电话', key: 'phone', width: 14, value: (p) => p.commissioner?.phone ?? '' },
];

export async function projectsToXlsx(pages: AsyncIterable<Project[]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Liaison';
  const ws = wb.addWorksheet('重点项目');
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for await (const page of pages) for (const p of page) ws.addRow(columns.map((c) => c.value(p)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // Leading = + - @ would run as formulas in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export async function projectsToCsv(pages: AsyncIterable<Project[]>): Promise<string> {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for await (const page of pages) for (const p of page) lines.push(columns.map((c) => csvCell(c.value(p))).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
