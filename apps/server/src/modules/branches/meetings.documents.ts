import { heading, para, renderDocx, table } from '../../kernel/documents/docx.js';
import { pdfTable, renderPdf } from '../../kernel/documents/pdf.js';
import type { Ctx } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { getMeeting } from './meetings.service.js';

const typeZh: Record<string, string> = { deliberation: '议事协商会', committee: '支委会', general: '党员大会', theme_day: '主题党日' };
const attZh: Record<string, string> = { present: '出席', absent: '缺席', leave: '请假' };
const stateZh: Record<string, string> = { open: '办理中', done: '已完成', overdue: '已超期', noted: '知悉' };
const statusZh: Record<string, string> = { draft: '草稿', circulated: '传阅中', final: '定稿' };
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' });

/** The minutes as the branch files them: header, attendance list, each agenda item's minutes, resolutions. */
async function minutesContent(ctx: Ctx, id: string) {
  const m = await getMeeting(ctx, id);
  if (!m.allowedActions.includes('export')) throw new AppError('CONFLICT', 'the meeting has not been held yet');
  return {
    m,
    title: `${m.branchName}${typeZh[m.type] ?? ''}会议纪要`,
    facts: [`会议名称：${m.title}`, `时间：${when(m.startsAt)} 至 ${when(m.endsAt)}`, `地点：${m.place}`, `纪要状态：${statusZh[m.minutesStatus]}`],
    attendance: m.invitees.map((i) => [i.name, attZh[i.attendance ?? ''] ?? '未记录', i.leaveReason ?? '', i.confirmation === 'confirmed' ? '已确认' : i.confirmation === 'commented' ? `有意见：${i.comment ?? ''}` : '']),
    agenda: m.agenda.map((a) => ({ title: `${a.position}. ${a.title}`, minutes: a.minutes ?? '（无记录）' })),
    resolutions: m.resolutions.map((r, i) => [String(i + 1), r.text, r.ownerUnit?.name ?? '', r.dueDate ?? '', r.case ? `${r.case.number}（${stateZh[r.state]}）` : stateZh[r.state]!]),
  };
}

export async function minutesDocx(ctx: Ctx, id: string): Promise<{ name: string; data: Buffer }> {
  const c = await minutesContent(ctx, id);
  const data = await renderDocx(c.title, [
    ...c.facts.map((f) => para(f)),
    heading('一、出席情况'),
    table(['姓名', '出席', '请假事由', '纪要确认'], c.attendance),
    heading('二、议题与记录'),
    ...c.agenda.flatMap((a) => [para(a.title, { bold: true }), para(a.minutes)]),
    heading('三、决议事项'),
    table(['序号', '决议', '责任单位', '完成时限', '工单/状态'], c.resolutions),
  ]);
  return { name: `${c.title}.docx`, data };
}

export async function minutesPdf(ctx: Ctx, id: string): Promise<{ name: string; data: Buffer }> {
  const c = await minutesContent(ctx, id);
  const data = await renderPdf((doc) => {
    doc.fontSize(16).text(c.title, { align: 'center' }).moveDown();
    doc.fontSize(11);
    for (const f of c.facts) doc.text(f);
    doc.moveDown().fontSize(13).text('一、出席情况').moveDown(0.3);
    pdfTable(doc, ['姓名', '出席', '请假事由', '纪要确认'], c.attendance, [90, 60, 160, 165]);
    doc.fontSize(13).text('二、议题与记录').moveDown(0.3);
    for (const a of c.agenda) doc.fontSize(11.5).text(a.title).fontSize(10.5).text(a.minutes, { indent: 14 }).moveDown(0.4);
    doc.moveDown(0.5).fontSize(13).text('三、决议事项').moveDown(0.3);
    pdfTable(doc, ['序号', '决议', '责任单位', '完成时限', '工单/状态'], c.resolutions, [36, 190, 90, 70, 89]);
  }, { title: c.title });
  return { name: `${c.title}.pdf`, data };
}
