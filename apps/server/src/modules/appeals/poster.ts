import { AppError } from '../../kernel/errors/app-error.js';
import QRCode from 'qrcode';
import type { Ctx } from '../../kernel/context.js';
import { renderPdf } from '../../kernel/documents/pdf.js';
import { loadVisibleProject } from '../projects/project-file.service.js';
import { listPublicProjectRows } from './public-refs.js';

/** The project's appeal page, as printed on the hoarding. */
export const projectAppealUrl = (base: string, projectId: string) => `${base.replace(/\/$/, '')}/portal/p/${projectId}/appeal`;

/**
 * The QR poster for a site hoarding (A4): project, commissioner and phone, the branch, the construction hours and a
 * large QR code to the project's appeal page. The code is drawn as vector squares, so it prints sharp at any size.
 * Anyone who may see the project may print it; everything on it is public already.
 */
export async function projectPoster(ctx: Ctx, projectId: string, baseUrl: string): Promise<{ name: string; data: Buffer }> {
  await loadVisibleProject(ctx, projectId);
  const [p] = await listPublicProjectRows(ctx.db, projectId);
  // An archived project is off the public board, so it has no poster either.
  if (!p) throw new AppError('RULE_VIOLATED', 'an archived project has no public poster');
  const url = projectAppealUrl(baseUrl, projectId);
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const data = await renderPdf((doc) => {
    const W = doc.page.width;
    const left = doc.page.margins.left;
    const width = W - left - doc.page.margins.right;
    doc.rect(0, 0, W, 118).fill('#b91c1c');
    doc.fillColor('#ffffff').fontSize(30).text('居民诉求 扫码反映', left, 30, { width, align: 'center' });
    doc.fontSize(13).text('居民诉求有人回应 · 项目专员驻点负责 · 办理进度随时可查', left, 76, { width, align: 'center' });
    doc.fillColor('#111111').fontSize(24).text(p.name, left, 146, { width, align: 'center' });
    doc.fontSize(12).fillColor('#444444').text(p.address, { width, align: 'center' });

    // The QR code, centred, 270 pt wide with its quiet zone.
    const size = qr.modules.size;
    const box = 270;
    const cell = box / (size + 8);
    const x0 = (W - box) / 2;
    const y0 = 214;
    doc.rect(x0, y0, box, box).fill('#ffffff');
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) if (qr.modules.get(r, c)) doc.rect(x0 + (c + 4) * cell, y0 + (r + 4) * cell, cell, cell);
    }
    doc.fill('#000000');
    doc.fillColor('#111111').fontSize(13).text('微信或手机相机扫一扫，无需注册，匿名也可以', left, y0 + box + 10, { width, align: 'center' });
    doc.fontSize(9).fillColor('#666666').text(url, { width, align: 'center' });

    const rows: [string, string][] = [
      ['项目专员', p.commissioner ? `${p.commissioner.name}${p.commissioner.phone ? `  ${p.commissioner.phone}` : ''}` : '—'],
      ['临时党支部', p.branch?.name ?? '—'],
      ['施工时间', p.constructionHours ?? '—'],
      ['可反映', '噪声、扬尘、交通、安全、房屋损坏、施工时间及其他问题'],
    ];
    let y = y0 + box + 62;
    doc.moveTo(left, y - 10).lineTo(left + width, y - 10).lineWidth(0.8).stroke('#b91c1c');
    for (const [k, v] of rows) {
      doc.fillColor('#b91c1c').fontSize(13).text(k, left + 20, y, { width: 100 });
      doc.fillColor('#111111').fontSize(13).text(v, left + 130, y, { width: width - 150 });
      y = Math.max(doc.y, y + 18) + 10;
    }
    if (p.impactNotice) {
      doc.fillColor('#444444').fontSize(10.5).text(`施工影响公告：${[...p.impactNotice].length > 150 ? `${[...p.impactNotice].slice(0, 150).join('')}…` : p.impactNotice}`, left + 20, y + 4, { width: width - 40 });
    }
    doc.fillColor('#888888').fontSize(9).text('下城区项目专员协同平台 · 查询码可在提交后查看办理进度并评价', left, doc.page.height - 78, { width, align: 'center', lineBreak: false });
  }, { title: `${p.name} 居民诉求二维码` });
  return { name: `${p.code}-poster.pdf`, data };
}
