import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { heading, para, renderDocx } from '../../kernel/documents/docx.js';
import { pdfTable, renderPdf } from '../../kernel/documents/pdf.js';
import type { BriefingContent } from './briefing-content.js';

/** The briefing as PDF (the CJK font embedded), Word and Excel: the same content model laid out three ways. */
export async function briefingPdf(c: BriefingContent): Promise<Buffer> {
  return renderPdf((doc) => {
    doc.fontSize(17).fillColor('#b00000').text(c.title, { align: 'center' }).moveDown(0.3);
    doc.fontSize(10).fillColor('#444').text(c.subtitle, { align: 'center' }).moveDown(0.4);
    const x = doc.page.margins.left;
    doc.moveTo(x, doc.y).lineTo(doc.page.width - doc.page.margins.right, doc.y).lineWidth(1.5).stroke('#b00000').moveDown(0.6);
    doc.fillColor('#000');
    for (const s of c.sections) {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
      doc.fontSize(13).fillColor('#000').text(s.heading).moveDown(0.3);
      doc.fontSize(10.5);
      for (const line of s.lines) doc.text(line, { indent: 21, lineGap: 2 }).moveDown(0.2);
      if (s.table && s.table.rows.length) pdfTable(doc, s.table.headers, s.table.rows, s.table.widths);
      else if (s.empty && !s.lines.length) doc.text(s.empty, { indent: 21 });
      doc.moveDown(0.6);
    }
  }, { title: c.title });
}

const FONT = { ascii: 'Noto Sans CJK SC', eastAsia: 'Noto Sans CJK SC', hAnsi: 'Noto Sans CJK SC' };
/** A table with the PDF's column proportions (A4 text width is about 9,000 twips), so Word does not squeeze columns. */
function docxTable(t: NonNullable<BriefingContent['sections'][number]['table']>): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.round((w / total) * 9000));
  const cell = (text: string, i: number, bold = false) => new TableCell({
    width: { size: widths[i]!, type: WidthType.DXA }, borders: { top: border, bottom: border, left: border, right: border },
    children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18, font: FONT })] })],
  });
  return new Table({
    layout: TableLayoutType.FIXED, columnWidths: widths, width: { size: 9000, type: WidthType.DXA },
    rows: [new TableRow({ tableHeader: true, children: t.headers.map((h, i) => cell(h, i, true)) }), ...t.rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, i)) }))],
  });
}

export async function briefingDocx(c: BriefingContent): Promise<Buffer> {
  return renderDocx(c.title, [
    para(c.subtitle, { center: true, size: 21 }),
    ...c.sections.flatMap((s) => [
      heading(s.heading),
      ...s.lines.map((l) => para(l)),
      ...(s.table && s.table.rows.length ? [docxTable(s.table)] : s.empty && !s.lines.length ? [para(s.empty)] : []),
    ]),
  ]);
}

/** Sheet names may not hold [ ] : * ? / \ and are at most 31 characters. */
const sheetName = (h: string) => h.replace(/^[一二三四五六七八九十]+、/, '').replace(/[[\]:*?/\\]/g, '').slice(0, 31);

export async function briefingXlsx(c: BriefingContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Liaison';
  wb.title = c.title;
  // Printed (or converted) one page wide, landscape.
  const pageSetup = { orientation: 'landscape' as const, paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const overview = wb.addWorksheet('概览', { pageSetup });
  overview.columns = [{ width: 34 }, { width: 90 }];
  overview.addRow([c.title]).font = { bold: true, size: 14 };
  overview.addRow([c.subtitle]);
  overview.addRow([]);
  overview.addRow(['指标', '数值']).font = { bold: true };
  for (const [label, value] of c.keyFigures) overview.addRow([label, value]);
  overview.addRow([]);
  for (const s of c.sections) {
    if (s.table) continue;
    overview.addRow([s.heading]).font = { bold: true };
    for (const line of s.lines.length ? s.lines : [s.empty ?? '']) {
      const row = overview.addRow([line]);
      overview.mergeCells(row.number, 1, row.number, 2);
      row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      row.height = 15 * Math.ceil(line.length / 60);
    }
  }
  for (const s of c.sections) {
    if (!s.table) continue;
    const ws = wb.addWorksheet(sheetName(s.heading), { pageSetup });
    ws.columns = s.table.widths.map((w) => ({ width: Math.max(8, Math.round(w / 5)) }));
    for (const line of s.lines) ws.addRow([line]);
    ws.addRow(s.table.headers).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: s.lines.length + 1 }];
    for (const r of s.table.rows) {
      const row = ws.addRow(r.map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
      row.eachCell((cell) => (cell.alignment = { wrapText: true, vertical: 'top' }));
    }
    if (!s.table.rows.length && s.empty) ws.addRow([s.empty]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
