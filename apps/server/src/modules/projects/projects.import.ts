import ExcelJS from 'exceljs';
import { assertCan } from '../../kernel/access/assert.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import type { ProjectTable, UnitTable } from '../../kernel/db/schema.js';
import { inTransaction } from '../../kernel/db/tx.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';

/** The sheet layout district offices keep for key projects (amounts in 万元). */
export const importColumns = [
  { key: 'code', header: '项目编号', required: true, example: 'XC-ZD-2027-01' },
  { key: 'name', header: '项目名称', required: true, example: '示例安置房项目' },
  { key: 'category', header: '类别', required: true, example: '安置房' },
  { key: 'street', header: '所在街道', required: true, example: '天水街道' },
  { key: 'community', header: '所在社区', required: false, example: '武林门社区' },
  { key: 'address', header: '地址', required: true, example: '环城北路100号' },
  { key: 'owner', header: '建设单位', required: false, example: '杭州示例置业有限公司' },
  { key: 'contractor', header: '施工单位', required: false, example: '浙江示例建设集团有限公司' },
  { key: 'supervisor', header: '监理单位', required: false, example: '浙江示例工程监理有限公司' },
  { key: 'total', header: '总投资(万元)', required: true, example: 52000 },
  { key: 'annual', header: '年度计划投资(万元)', required: false, example: 8000 },
  { key: 'start', header: '计划开工', required: false, example: '2027-03-01' },
  { key: 'finish', header: '计划竣工', required: false, example: '2029-12-31' },
  { key: 'phase', header: '阶段', required: false, example: '前期' },
  { key: 'lng', header: '经度', required: false, example: 120.168 },
  { key: 'lat', header: '纬度', required: false, example: 30.279 },
  { key: 'description', header: '项目简介', required: false, example: '' },
] as const;
type Key = (typeof importColumns)[number]['key'];

const phases: Record<string, ProjectTable['phase']> = { 前期: 'preparation', 在建: 'construction', 竣工: 'completed', preparation: 'preparation', construction: 'construction', completed: 'completed' };

export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点项目');
  ws.columns = importColumns.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(importColumns.map((c) => c.example));
  const help = wb.addWorksheet('填写说明');
  help.addRows([
    ['列', '必填', '说明'],
    ...importColumns.map((c) => [c.header, c.required ? '是' : '否', c.key === 'phase' ? '前期 / 在建 / 竣工' : c.key === 'start' || c.key === 'finish' ? '日期 YYYY-MM-DD' : c.key === 'street' ? '与系统中的街道名称一致' : '']),
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type RowError = { row: number; column: string; message: string };

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('').trim();
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v).trim();
}

/**
 * Reads the sheet, checks every row and reports every problem by row and column before anything is written;
 * then writes all rows in one transaction, or none. Enterprises named for the first time are created.
 */
export async function importProjects(ctx: Ctx, data: Buffer, dryRun: boolean) {
  assertCan(ctx, 'project.manage');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'not an .xlsx workbook');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION_FAILED', 'the workbook has no sheet');
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map(cellText);
  const colOf = new Map<Key, number>();
  const errors: RowError[] = [];
  for (const c of importColumns) {
    const idx = header.indexOf(c.header);
    if (idx > 0) colOf.set(c.key, idx);
    else if (c.required) errors.push({ row: 1, column: c.header, message: '缺少此列 / column missing' });
  }
  if (errors.length) return { ok: false, dryRun, rows: 0, created: 0, errors };

  const units = await ctx.db.selectFrom('units').selectAll().execute();
  const streets = new Map(units.filter((u) => u.kind === 'street').map((u) => [u.name, u]));
  const communities = units.filter((u) => u.kind === 'community');
  const enterprises = new Map(units.filter((u) => u.kind === 'enterprise').map((u) => [u.name, u]));
  const existingCodes = new Set((await ctx.db.selectFrom('projects').select('code').execute()).map((p) => p.code));
  const district = units.find((u) => u.kind === 'district');
  if (!district) throw new AppError('RULE_VIOLATED', 'no district is set up yet');

  const now = ctx.now().getTime();
  const newEnterprises = new Map<string, UnitTable>();
  const enterpriseId = (name: string) => {
    if (!name) return null;
    const found = enterprises.get(name) ?? newEnterprises.get(name);
    if (found) return found.id;
    const u: UnitTable = { id: newId(), code: `QY-${newId().slice(-8)}`, name, kind: 'enterprise', parentId: null, districtId: district.id, phone: null, isActive: 1, version: 1, createdAt: now, updatedAt: now };
    newEnterprises.set(name, u);
    return u.id;
  };
  const projects: ProjectTable[] = [];
  const seenCodes = new Set<string>();
  let rows = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const get = (k: Key) => (colOf.has(k) ? cellText(row.getCell(colOf.get(k)!).value) : '');
    if (importColumns.every((c) => get(c.key) === '')) return;
    rows++;
    const err = (k: Key, message: string) => errors.push({ row: n, column: importColumns.find((c) => c.key === k)!.header, message });
    for (const c of importColumns) if (c.required && !get(c.key)) err(c.key, '必填 / required');
    const code = get('code');
    if (code && !/^[A-Za-z0-9-]{2,40}$/.test(code)) err('code', '只能包含字母、数字和连字符 / letters, digits, dashes');
    if (code && (existingCodes.has(code) || seenCodes.has(code))) err('code', '编号重复 / duplicate code');
    seenCodes.add(code);
    const street = streets.get(get('street'));
    if (get('street') && !street) err('street', `未知街道 / unknown street "${get('street')}"`);
    const community = get('community') ? communities.find((c) => c.name === get('community') && (!street || c.parentId === street.id)) : undefined;
    if (get('community') && !community) err('community', '社区不在该街道 / community not in this street');
    const num = (k: Key, min: number, max: number) => {
      const s = get(k);
      if (!s) return null;
      const v = Number(s.replace(/,/g, ''));
      if (!Number.isFinite(v) || v < min || v > max) {
        err(k, `应为 ${min}–${max} 之间的数字 / a number from ${min} to ${max}`);
        return null;
      }
      return v;
    };
    const total = num('total', 0, 1e9);
    const annual = num('annual', 0, 1e9);
    if (total !== null && annual !== null && annual > total) err('annual', '不能超过总投资 / exceeds the total');
    const date = (k: Key) => {
      const s = get(k);
      if (!s) return null;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s))) {
        err(k, '日期格式应为 YYYY-MM-DD / date as YYYY-MM-DD');
        return null;
      }
      return s;
    };
    const start = date('start');
    const finish = date('finish');
    if (start && finish && start > finish) err('finish', '竣工早于开工 / before the start');
    const phase = get('phase') ? phases[get('phase')] : 'preparation';
    if (!phase) err('phase', '应为 前期/在建/竣工 / one of 前期, 在建, 竣工');
    const lat = num('lat', -90, 90);
    const lng = num('lng', -180, 180);
    if (get('name').length > 200) err('name', '过长 / too long');
    projects.push({
      id: newId(), districtId: district.id, code, name: get('name'), category: get('category'), address: get('address'),
      streetId: street?.id ?? null, communityId: community?.id ?? null, lat, lng,
      ownerUnitId: enterpriseId(get('owner')), contractorUnitId: enterpriseId(get('contractor')), supervisorUnitId: enterpriseId(get('supervisor')),
      totalInvestment: (total ?? 0) * 10_000, annualPlannedInvestment: (annual ?? 0) * 10_000, investmentCompleted: 0,
      plannedStart: start, plannedFinish: finish, phase: phase ?? 'preparation', light: 'green', description: get('description'),
      constructionHours: null, impactNotice: null, isDemo: 0, archivedAt: null, version: 1, createdAt: now, updatedAt: now,
    });
  });
  if (rows === 0) errors.push({ row: 2, column: '', message: '没有数据行 / no data rows' });
  if (errors.length || dryRun) return { ok: errors.length === 0, dryRun, rows, created: 0, errors };
  await inTransaction(ctx, async (trx) => {
    const ents = [...newEnterprises.values()];
    for (let i = 0; i < ents.length; i += 100) await trx.insertInto('units').values(ents.slice(i, i + 100)).execute();
    for (let i = 0; i < projects.length; i += 50) await trx.insertInto('projects').values(projects.slice(i, i + 50)).execute();
    await writeAudit(ctx, trx, { action: 'project.imported', entityType: 'project', entityId: null, changes: { rows, codes: projects.map((p) => p.code), enterprisesCreated: ents.length } });
  });
  return { ok: true, dryRun, rows, created: projects.length, errors };
}
