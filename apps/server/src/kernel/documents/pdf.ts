import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** CJK fonts from Debian's fonts-noto-cjk (or fonts-wqy-microhei); PDFs embed the one found first. */
const CANDIDATES: { path: string; family?: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
];

export function findCjkFont(): { path: string; family?: string } {
  const override = process.env.LIAISON_PDF_FONT;
  if (override && existsSync(override)) return { path: override };
  const found = CANDIDATES.find((c) => existsSync(c.path));
  if (!found) throw new Error('no CJK font installed: apt-get install fonts-noto-cjk');
  return found;
}

/** An A4 PDF with the CJK font registered as "cjk"; `draw` writes the content; resolves to the bytes. */
export function renderPdf(draw: (doc: PDFKit.PDFDocument) => void, info: { title: string; author?: string }): Promise<Buffer> {
  const font = findCjkFont();
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 60, right: 60 }, info: { Title: info.title, Author: info.author ?? 'Liaison' } });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

/** A simple bordered table: header row bold-ish (larger), cells wrapped. */
export function pdfTable(doc: PDFKit.PDFDocument, headers: string[], rows: string[][], widths: number[]) {
  const x0 = doc.page.margins.left;
  const pad = 4;
  const drawRow = (cells: string[], size: number) => {
    doc.fontSize(size);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * pad }))) + 2 * pad;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = x0;
    cells.forEach((c, i) => {
      doc.rect(x, y, widths[i]!, h).stroke('#999');
      doc.fillColor('#000').text(c || '', x + pad, y + pad, { width: widths[i]! - 2 * pad });
      x += widths[i]!;
    });
    doc.x = x0;
    doc.y = y + h;
  };
  drawRow(headers, 10.5);
  for (const r of rows) drawRow(r, 10);
  doc.moveDown(0.5);
}
