import { BorderStyle, ImageRun, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import sharp from 'sharp';
import { shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { Ctx } from '../../kernel/context.js';
import { heading, para, renderDocx } from '../../kernel/documents/docx.js';
import { pdfTable, renderPdf } from '../../kernel/documents/pdf.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { readFileFor } from '../../kernel/files/files.js';
import { getInspection } from './inspections.service.js';

const SEVERITY_ZH: Record<string, string> = { general: '一般', major: '重大' };
const ymd = (iso: string | null) => (iso ? shanghaiDate(new Date(iso)).replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日') : '');
type Img = { data: Buffer; width: number; height: number };

/** The image bytes for the notice, read as the caller (who may see the inspection, and so its files). */
async function image(ctx: Ctx, id: string | null, variant: 'thumb' | 'original'): Promise<Img | null> {
  if (!id) return null;
  try {
    const { data } = await readFileFor(ctx, id, variant);
    const md = await sharp(data).metadata();
    return { data, width: md.width ?? 320, height: md.height ?? 240 };
  } catch {
    return null;
  }
}

/** 安全隐患整改通知书: number, project, each hazard with its photo and deadline, the responsible unit and person, the issuer. */
async function noticeContent(ctx: Ctx, id: string) {
  const i = await getInspection(ctx, id);
  if (!i.allowedActions.includes('notice')) throw new AppError('CONFLICT', 'no rectification notice: the inspection is a draft or found no hazard');
  const project = await ctx.db.selectFrom('projects').select(['address']).where('id', '=', i.project.id).executeTakeFirstOrThrow();
  const inspector = await ctx.db.selectFrom('users').leftJoin('units', 'units.id', 'users.unitId').select(['users.displayName', 'units.name as unitName'])
    .where('users.id', '=', i.inspector.id).executeTakeFirstOrThrow();
  const majors = i.hazards.filter((h) => h.severity === 'major').length;
  const hazards = await Promise.all(i.hazards.map(async (h, n) => ({ ...h, n: n + 1, photo: await image(ctx, h.photoId, 'thumb') })));
  const contractor = i.contractorUnit?.name ?? '施工单位';
  return {
    title: '安全隐患整改通知书', number: i.noticeNumber ?? '', to: `${contractor}：`,
    body: `根据《中华人民共和国安全生产法》《建设工程安全生产管理条例》，我方于${ymd(i.inspectedAt)}对你单位承建的${i.project.name}（${project.address}）`
      + `进行安全检查，发现下列安全隐患${i.hazards.length}项${majors ? `，其中重大隐患${majors}项` : ''}。现责令你单位按所列期限整改完毕，`
      + `并将整改情况（附整改后照片）通过平台答复，经复查合格后销号。${majors ? '重大隐患排除并经复查合格前，项目相关部位停止施工。' : ''}逾期未整改的，将按规定督办。`,
    rows: hazards.map((h) => [String(h.n), h.category, `${h.text}\n现场情况：${h.note}`, SEVERITY_ZH[h.severity]!, ymd(h.rectifyBy), h.case?.number ?? '']),
    hazards,
    responsible: `责任单位：${contractor}    责任人：${i.contractorSignerName ?? ''}`,
    issuer: `签发人：${inspector.displayName}${inspector.unitName ? `（${inspector.unitName}）` : ''}`,
    date: `签发日期：${ymd(i.submittedAt)}`,
    contractorSignature: await image(ctx, i.contractorSignatureId, 'original'),
    inspectorSignature: await image(ctx, i.inspectorSignatureId, 'original'),
    file: `整改通知书-${i.noticeNumber ?? i.id}`,
  };
}

const HEADERS = ['序号', '类别', '隐患内容及现场情况', '等级', '整改期限', '工单编号'];
/** Column widths in points on A4 (475 pt between the margins); the description gets the room. */
const WIDTHS = [32, 56, 166, 32, 92, 97];

/** The hazard table for Word with the same proportions as the PDF (the kernel's table splits the width evenly). */
function hazardTable(rows: string[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const twips = WIDTHS.map((w) => w * 20);
  const cell = (text: string, i: number, bold = false) => new TableCell({
    width: { size: twips[i]!, type: WidthType.DXA }, borders: { top: border, bottom: border, left: border, right: border },
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, size: 20 })] })),
  });
  return new Table({
    layout: TableLayoutType.FIXED, columnWidths: twips, width: { size: twips.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    rows: [new TableRow({ tableHeader: true, children: HEADERS.map((h, i) => cell(h, i, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i)) }))],
  });
}

export async function noticePdf(ctx: Ctx, id: string): Promise<{ name: string; data: Buffer }> {
  const c = await noticeContent(ctx, id);
  const data = await renderPdf((doc) => {
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc.fontSize(20).text(c.title, { align: 'center' }).moveDown(0.3);
    doc.fontSize(11).text(c.number, { align: 'center' }).moveDown(0.8);
    doc.fontSize(12).text(c.to).moveDown(0.3);
    doc.fontSize(11).text(c.body, { indent: 22, lineGap: 3 }).moveDown(0.6);
    pdfTable(doc, HEADERS, c.rows, WIDTHS);
    doc.fontSize(13).text('附：隐患照片', left).moveDown(0.3);
    const cellW = (width - 20) / 2;
    let col = 0;
    let rowTop = doc.y;
    for (const h of c.hazards) {
      const boxH = 150;
      if (col === 0 && rowTop + boxH + 20 > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        rowTop = doc.y;
      }
      const x = left + col * (cellW + 20);
      if (h.photo) doc.image(h.photo.data, x, rowTop, { fit: [cellW, boxH], align: 'center', valign: 'center' });
      else doc.rect(x, rowTop, cellW, boxH).stroke('#999');
      doc.fontSize(9.5).text(`${h.n}. ${h.category}（${SEVERITY_ZH[h.severity]}隐患）`, x, rowTop + boxH + 3, { width: cellW, align: 'center' });
      col = (col + 1) % 2;
      if (col === 0) rowTop += boxH + 22;
    }
    doc.x = left;
    doc.y = col === 0 ? rowTop : rowTop + 172;
    if (doc.y + 130 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.moveDown(0.5).fontSize(11).text(c.responsible, left, doc.y).moveDown(0.8);
    // The two signatures side by side, as on the paper form: the contractor's representative and the issuer.
    const y = doc.y;
    const half = width / 2;
    doc.text('施工方代表签字：', left, y);
    if (c.contractorSignature) doc.image(c.contractorSignature.data, left, y + 18, { fit: [half - 20, 50] });
    doc.text(c.issuer, left + half, y, { width: half });
    if (c.inspectorSignature) doc.image(c.inspectorSignature.data, left + half, y + 18, { fit: [half - 20, 50] });
    doc.text(c.date, left, y + 78, { width, align: 'right' });
  }, { title: `${c.title} ${c.number}` });
  return { name: `${c.file}.pdf`, data };
}

/** A picture scaled to at most `maxW`×`maxH` pixels (Word's inch is 96 of them), in its own paragraph. */
const picture = (img: Img, type: 'jpg' | 'png', maxW: number, maxH: number) => {
  const k = Math.min(maxW / img.width, maxH / img.height, 1);
  return new ImageRun({ type, data: img.data, transformation: { width: Math.round(img.width * k), height: Math.round(img.height * k) } });
};

export async function noticeDocx(ctx: Ctx, id: string): Promise<{ name: string; data: Buffer }> {
  const c = await noticeContent(ctx, id);
  const signLine = (label: string, img: Img | null) => new Paragraph({
    spacing: { before: 120 },
    children: [new TextRun({ text: label, size: 22 }), ...(img ? [picture(img, 'png', 160, 60)] : [])],
  });
  const data = await renderDocx(c.title, [
    para(c.number, { center: true }),
    para(c.to, { bold: true }),
    para(c.body),
    hazardTable(c.rows),
    heading('附：隐患照片'),
    ...c.hazards.flatMap((h) => [
      ...(h.photo ? [new Paragraph({ children: [picture(h.photo, 'jpg', 320, 240)] })] : []),
      para(`${h.n}. ${h.category}（${SEVERITY_ZH[h.severity]}隐患）：${h.text}`, { size: 20 }),
    ]),
    para(c.responsible),
    signLine('施工方代表签字：', c.contractorSignature),
    signLine(`${c.issuer}  `, c.inspectorSignature),
    para(c.date),
  ]);
  return { name: `${c.file}.docx`, data };
}
