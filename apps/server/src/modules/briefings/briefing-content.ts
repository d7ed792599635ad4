import type { BoardSummary, Rate } from '@liaison/contracts';
import type { Ctx } from '../../kernel/context.js';
import type { Period } from '../board/board-links.js';
import { rankUnits } from '../board/board-rankings.service.js';
import { projectRows } from '../board/board.service.js';
import type { BoardScope } from '../board/board.policy.js';
import { computeSummary } from '../board/board-summary.js';
import { casesClosedIn, overdueCases, resolutionsOf } from './briefing-lists.js';

/**
 * The weekly briefing (工作简报) as one content model — title, sections of lines and tables — that the PDF, Word and
 * Excel renderers lay out each in their own way. Every number comes from the board's `computeSummary` for the week
 * (the same figures `GET /dashboard/summary?week=` shows); the lists come from the cases behind them.
 */
export type BriefingTable = { headers: string[]; rows: string[][]; widths: number[] };
export type BriefingSection = { heading: string; lines: string[]; table?: BriefingTable; empty?: string };
export type BriefingContent = { title: string; subtitle: string; sections: BriefingSection[]; keyFigures: [string, string][]; figures: BoardSummary };

export const typeZh: Record<string, string> = { approval: '审批代办', safety: '安全隐患', dispute: '纠纷调解', appeal: '居民诉求', enterprise: '企业诉求', coordination: '跨部门协调' };
const lightZh: Record<string, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
const levelZh = ['', '专员督促', '部门督办', '区领导挂牌督办'];
const ratingZh: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };

const pctOf = (r: Rate) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);
const rateText = (r: Rate) => (r.rate === null ? '—' : `${pctOf(r)}（${r.numerator}/${r.denominator}）`);
const wan = (yuan: number) => (yuan / 10_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const yi = (yuan: number) => (yuan / 100_000_000).toFixed(2);
const num = (n: number | null | undefined, suffix = '') => (n === null || n === undefined ? '—' : `${n}${suffix}`);
const cn = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
const when = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const dueText = (ms: number | null) => (ms === null ? '' : new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));

export async function buildBriefing(ctx: Ctx, scope: BoardScope, period: Period & { week: string }): Promise<BriefingContent> {
  const districtId = scope.districtIds[0]!;
  const [s, projects, departments, streets, overdue, closed] = await Promise.all([
    computeSummary(ctx, scope, period),
    projectRows(ctx, scope),
    rankUnits(ctx, scope.keys, period, { kind: 'department', sort: 'solve' }),
    rankUnits(ctx, scope.keys, period, { kind: 'street', sort: 'solve' }),
    overdueCases(ctx.db, districtId),
    casesClosedIn(ctx.db, districtId, period.from, period.to),
  ]);
  const t = s.cases.total;
  const inv = s.investment!;
  const resolutionCases = closed.filter((c) => c.sourceRefType === 'resolution' && c.sourceRefId);
  const resolutions = await resolutionsOf(ctx.db, resolutionCases.map((c) => c.sourceRefId!));
  const notable = closed.filter((c) => c.rating === 'satisfied' || c.rating === 'basically_satisfied')
    .sort((a, b) => (a.rating === b.rating ? (a.closeDays ?? 99) - (b.closeDays ?? 99) : a.rating === 'satisfied' ? -1 : 1)).slice(0, 5);
  const svc = s.services;
  const best = (units: typeof departments, k: 'response' | 'solve' | 'satisfaction') => {
    const top = units.filter((u) => u[k].rate !== null).sort((a, b) => b[k].rate! - a[k].rate! || b[k].denominator - a[k].denominator)[0];
    return top ? `${top.unit.name}（${pctOf(top[k])}）` : '—';
  };
  const ranking = (heading: string, units: typeof departments): BriefingSection => ({
    heading, empty: '本周没有派单。',
    lines: units.length ? [`响应率最高：${best(units, 'response')}；解决率最高：${best(units, 'solve')}；满意率最高：${best(units, 'satisfaction')}。以下按解决率排序。`] : [],
    table: {
      headers: ['名次', '单位', '派单', '退回', '响应率', '解决率', '满意率'], widths: [30, 105, 36, 36, 89, 89, 90],
      rows: units.map((u) => [String(u.rank), u.unit.name, String(u.assigned), String(u.returned), rateText(u.response), rateText(u.solve), rateText(u.satisfaction)]),
    },
  });

  const keyFigures: [string, string][] = [
    ['本周新增问题（件）', String(t.opened.n)], ['本周办结问题（件）', String(t.closed.n)], ['在办问题（件）', String(t.open.n)], ['超期问题（件）', String(t.overdue.n)],
    ['响应率', rateText(s.rates.response)], ['解决率', rateText(s.rates.solve)], ['满意率', rateText(s.rates.satisfaction)],
    ['平均办结用时（工作日）', num(s.avgDaysToClose.days)], ['重点项目（个）', String(s.projects!.total.n)],
    ['绿灯 / 黄灯 / 红灯', `${s.projects!.green.n} / ${s.projects!.yellow.n} / ${s.projects!.red.n}`],
    ['累计完成投资（亿元）', yi(inv.completed)], ['本年完成投资（万元）', wan(inv.completedThisYear)], ['本年序时计划（万元）', wan(inv.annualPlanToDate)],
    ['本年投资完成率（对序时）', num(inv.percentOfPlanToDate, '%')], ['未整改安全隐患（处）', num(svc.openHazards?.n)], ['停工整改工地（个）', num(svc.stopWorkSites?.n)],
    ['超时限审批（项）', num(svc.approvalsStuck?.n)], ['高风险纠纷（件）', num(svc.highRiskDisputes?.n)],
    ['本周落实议事决议（项）', String(s.resolutions.doneInPeriod)], ['其中按期落实（项）', String(s.resolutions.doneOnTimeInPeriod)],
  ];
  const services = [
    svc.openHazards && `未整改安全隐患 ${svc.openHazards.n} 处`, svc.stopWorkSites && `停工整改工地 ${svc.stopWorkSites.n} 个`,
    svc.approvalsStuck && `超时限审批事项 ${svc.approvalsStuck.n} 项`, svc.highRiskDisputes && `未化解高风险纠纷 ${svc.highRiskDisputes.n} 件`,
  ].filter(Boolean);

  const sections: BriefingSection[] = [
    {
      heading: '一、总体情况',
      lines: [
        `本周新增问题 ${t.opened.n} 件，办结 ${t.closed.n} 件；截至${when(new Date(s.asOf))}，在办 ${t.open.n} 件，其中超期 ${t.overdue.n} 件。`,
        `响应率 ${rateText(s.rates.response)}，解决率 ${rateText(s.rates.solve)}，满意率 ${rateText(s.rates.satisfaction)}；平均办结用时 ${num(s.avgDaysToClose.days)} 个工作日。`,
        `重点项目 ${s.projects!.total.n} 个，其中绿灯 ${s.projects!.green.n} 个、黄灯 ${s.projects!.yellow.n} 个、红灯 ${s.projects!.red.n} 个；累计完成投资 ${yi(inv.completed)} 亿元，占总投资 ${num(inv.percentOfTotal, '%')}；本年完成投资 ${wan(inv.completedThisYear)} 万元，为序时进度计划的 ${num(inv.percentOfPlanToDate, '%')}。`,
        ...(services.length ? [`${services.join('，')}。`] : []),
        `本周落实议事协商会决议 ${s.resolutions.doneInPeriod} 项，其中按期 ${s.resolutions.doneOnTimeInPeriod} 项；累计形成需办理决议 ${s.resolutions.total} 项，已落实 ${s.resolutions.done} 项。`,
      ],
    },
    {
      heading: '二、重点项目进展', lines: [],
      table: {
        headers: ['项目', '街道', '专员', '亮灯', '亮灯原因', '累计完成投资(万元)', '本年/序时', '在办', '超期'],
        widths: [84, 50, 40, 32, 106, 60, 43, 30, 30],
        rows: projects.map((p) => [
          p.project.name, p.street?.name ?? '', p.commissioner?.displayName ?? '', lightZh[p.light]!,
          // While the rules are off the light is set by hand: say what the rules would give, and why.
          [p.computedLight && p.computedLight !== p.light ? `规则判定${lightZh[p.computedLight]}` : '', p.reasons.map((r) => r.text).join('；')].filter(Boolean).join('：'),
          wan(p.investment.completed), num(p.investment.percentOfPlanToDate, '%'), String(p.open.n), String(p.overdue.n),
        ]),
      },
    },
    {
      heading: '三、问题办理情况', lines: [],
      table: {
        headers: ['类型', '本周新增', '本周办结', '在办', '超期'], widths: [135, 85, 85, 85, 85],
        rows: [...s.cases.byType.map((c) => [typeZh[c.type]!, String(c.opened.n), String(c.closed.n), String(c.open.n), String(c.overdue.n)]),
          ['合计', String(t.opened.n), String(t.closed.n), String(t.open.n), String(t.overdue.n)]],
      },
    },
    {
      heading: '四、超期问题清单', lines: [], empty: '目前没有超期问题。',
      table: {
        headers: ['工单编号', '项目', '类型', '标题', '主办单位', '到期', '督办'], widths: [96, 66, 46, 87, 60, 60, 60],
        rows: overdue.map((c) => [c.number, c.projectName, typeZh[c.type]!, c.title, c.leadUnit, dueText(c.dueAt), levelZh[c.supervisionLevel] ?? '']),
      },
    },
    ranking('五、部门排名', departments),
    ranking('六、街道排名', streets),
    {
      heading: '七、议事决议落实', lines: [], empty: '本周没有落实的决议。',
      table: {
        headers: ['决议', '责任单位', '要求完成', '实际完成', '按期'], widths: [195, 90, 65, 65, 60],
        rows: resolutionCases.map((c) => {
          const r = resolutions.get(c.sourceRefId!);
          return [r?.text ?? c.title, c.leadUnit, r?.dueDate ?? '', c.closedDay ?? '', !r?.dueDate || (c.closedDay ?? '') <= r.dueDate ? '是' : '否'];
        }),
      },
    },
    {
      heading: '八、典型问题解决', empty: '本周没有评价为满意的办结问题。',
      lines: notable.map((c, i) => `${i + 1}. ${c.projectName}：${c.title}——${c.leadUnit || '责任单位'}${c.closeDays === null ? '' : ` ${c.closeDays} 个工作日`}办结，群众${ratingZh[c.rating!]}。`),
    },
  ];
  const district = scope.label;
  return {
    title: `${district}项目专员协同工作简报（${period.week.replace('-W', '年第')}周）`,
    subtitle: `${cn(period.from)}至${cn(period.to)} · ${when(new Date(s.asOf))}生成`,
    sections, keyFigures, figures: s,
  };
}
