import type { Ctx } from '../../kernel/context.js';
import { heading, para, renderDocx, table } from '../../kernel/documents/docx.js';
import { pdfTable, renderPdf } from '../../kernel/documents/pdf.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { getDispute } from './disputes.service.js';

const KIND_ZH: Record<string, string> = { resident: '居民', enterprise: '企业', other: '其他' };
const ymd = (date: string | null) => (date ? date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1年$2月$3日') : '____年__月__日');
const cn = ['一', '二', '三', '四', '五', '六'];

/**
 * 人民调解协议书 with what 人民调解法 第二十九条 asks for: the parties' basic details; the main facts, the points in
 * dispute and each party's responsibility; what was agreed, and how and by when it is performed. Contact numbers
 * appear as the caller may see them.
 */
async function agreementContent(ctx: Ctx, caseId: string) {
  const d = await getDispute(ctx, caseId);
  const a = d.agreement;
  if (!a) throw new AppError('CONFLICT', 'draft the agreement first');
  const draft = a.status !== 'signed';
  return {
    title: '人民调解协议书',
    number: draft ? '编号：（草稿，未签订）' : `编号：${a.number}`,
    parties: d.parties.map((p) => [p.name, KIND_ZH[p.kind] ?? p.kind, p.address ?? '', p.phone ?? '', p.representative ?? '']),
    sections: [
      { title: '纠纷的主要事实', text: a.facts },
      { title: '争议事项', text: a.issues },
      { title: '各方当事人的责任', text: a.responsibilities },
      { title: '协议内容', text: ['经调解，各方当事人自愿达成如下协议：', ...a.terms.map((t, i) => `${i + 1}. ${t}`)].join('\n') },
      { title: '履行方式和期限', text: `${a.performanceMethod}\n上述协议内容于${ymd(a.performBy)}前履行完毕。` },
    ].map((s, i) => ({ ...s, title: `${cn[i + 1]}、${s.title}` })),
    closing: `本协议自各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效。本协议一式${d.parties.length + 1}份，`
      + '当事人各执一份，人民调解委员会留存一份。当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认。',
    signatures: d.parties.map((p) => `当事人：${p.name}（签名、盖章或按指印）____________`),
    mediator: `人民调解员：${d.mediator?.displayName ?? ''}（签名）____________`,
    committee: `${a.committeeName}（印章）`,
    date: ymd(a.signedOn),
    file: `调解协议书-${a.number ?? d.case.number}`,
  };
}

const PARTY_HEADERS = ['姓名或名称', '类别', '住所', '联系电话', '法定代表人或代理人'];

export async function agreementPdf(ctx: Ctx, caseId: string): Promise<{ name: string; data: Buffer }> {
  const c = await agreementContent(ctx, caseId);
  const data = await renderPdf((doc) => {
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    doc.fontSize(20).text(c.title, { align: 'center' }).moveDown(0.3);
    doc.fontSize(11).text(c.number, { align: 'right' }).moveDown(0.6);
    doc.fontSize(13).text('一、当事人的基本情况').moveDown(0.3);
    pdfTable(doc, PARTY_HEADERS, c.parties, [90, 45, 160, 85, 95]);
    for (const s of c.sections) {
      doc.moveDown(0.3).fontSize(13).text(s.title, left).moveDown(0.2);
      doc.fontSize(11).text(s.text, left, doc.y, { width, indent: 22, lineGap: 3 });
    }
    doc.moveDown(0.6).fontSize(11).text(c.closing, left, doc.y, { width, indent: 22, lineGap: 3 }).moveDown(1);
    if (doc.y + 40 + 24 * (c.signatures.length + 3) > doc.page.height - doc.page.margins.bottom) doc.addPage();
    for (const s of [...c.signatures, c.mediator]) doc.text(s, left, doc.y).moveDown(0.8);
    doc.text(c.committee, left, doc.y, { width, align: 'right' }).moveDown(0.4);
    doc.text(c.date, left, doc.y, { width, align: 'right' });
  }, { title: `${c.title} ${c.number}` });
  return { name: `${c.file}.pdf`, data };
}

export async function agreementDocx(ctx: Ctx, caseId: string): Promise<{ name: string; data: Buffer }> {
  const c = await agreementContent(ctx, caseId);
  const data = await renderDocx(c.title, [
    para(c.number, { center: true }),
    heading('一、当事人的基本情况'),
    table(PARTY_HEADERS, c.parties),
    ...c.sections.flatMap((s) => [heading(s.title), ...s.text.split('\n').map((line) => para(line))]),
    para(c.closing),
    ...[...c.signatures, c.mediator].map((s) => para(s)),
    para(c.committee),
    para(c.date),
  ]);
  return { name: `${c.file}.docx`, data };
}
