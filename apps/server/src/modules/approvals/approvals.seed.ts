import { loadWorkingCalendar } from '../../kernel/calendar/calendar-store.js';
import { addDays, isWorkingDay, shanghaiDate, type WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { Tx } from '../../kernel/db/connect.js';
import type { ApprovalItemTable, ProjectApprovalTable } from '../../kernel/db/schema.js';
import { newId } from '../../kernel/ids.js';
import { DEFAULT_TEMPLATE } from './catalogue.service.js';

/** Items handled at completion; everything else is needed before construction starts. */
const AT_COMPLETION = new Set(['XFYS', 'GHHS', 'JGBA']);
/** Items the development and reform bureau's agent handles; 住建局's agent takes the rest. */
const FGJ_ITEMS = new Set(['LXBA', 'LXHZ', 'JYSP', 'KYSP']);
/** Shares of the statutory limit the authorities took, cycled so chains differ (1.1: one overran). */
const SHARES = [0.35, 0.5, 0.6, 0.45, 0.8, 0.7, 1.1, 0.55, 0.4, 0.65];

const latestWorkingDay = (cal: WorkingCalendar, d: string) => {
  let x = d;
  while (!isWorkingDay(cal, x)) x = addDays(x, -1);
  return x;
};
/** The date n working days before `d` (a working day), so that (result, d] holds exactly n working days. */
const workingDaysBefore = (cal: WorkingCalendar, d: string, n: number) => {
  let x = d;
  for (let k = 0; k < n;) {
    x = addDays(x, -1);
    if (isWorkingDay(cal, x)) k++;
  }
  return x;
};

type Step = Pick<ProjectApprovalTable, 'status' | 'preparingOn' | 'submittedOn' | 'acceptedOn' | 'approvedOn' | 'sentBackOn' | 'sentBackReason'>;

/** Approved steps laid out backwards from `end`: each item prepared, handed in, accepted the next working day, approved. */
function approvedBackwards(cal: WorkingCalendar, items: ApprovalItemTable[], end: string, seed: number): Step[] {
  const out: Step[] = [];
  let next = end;
  for (let j = items.length - 1; j >= 0; j--) {
    const used = Math.max(1, Math.round(items[j]!.statutoryDays * SHARES[(seed + j) % SHARES.length]!));
    const approvedOn = latestWorkingDay(cal, addDays(next, -1));
    const acceptedOn = workingDaysBefore(cal, approvedOn, used);
    const submittedOn = workingDaysBefore(cal, acceptedOn, 1);
    const preparingOn = addDays(submittedOn, -7 - ((seed + j) % 3) * 3);
    out.unshift({ status: 'approved', preparingOn, submittedOn, acceptedOn, approvedOn, sentBackOn: null, sentBackReason: null });
    next = preparingOn;
  }
  return out;
}

/**
 * Demo approval chains for the demo projects, laid on the working calendar so the figures are plausible: projects
 * under construction got every pre-construction item; completed ones everything; projects in preparation are half
 * way, two of them with an item stuck past 80% of its limit and one sent back for more materials.
 */
export async function seedDemoApprovals(trx: Tx, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  const cal = await loadWorkingCalendar(trx);
  const projects = await trx.selectFrom('projects').select(['id', 'code', 'category', 'phase', 'plannedStart', 'plannedFinish']).where('archivedAt', 'is', null).orderBy('code').execute();
  const agents = await trx.selectFrom('users').select(['id', 'username']).where('username', 'in', ['zjj', 'fgj']).execute();
  const agentFor = (code: string) => agents.find((a) => a.username === (FGJ_ITEMS.has(code) ? 'fgj' : 'zjj'))?.id ?? null;
  const templates = await trx.selectFrom('approvalTemplateItems').innerJoin('approvalItems', 'approvalItems.id', 'approvalTemplateItems.itemId')
    .selectAll('approvalItems').select('approvalTemplateItems.category').orderBy('approvalTemplateItems.position').execute();
  const rows: ProjectApprovalTable[] = [];
  const t = now.getTime();
  projects.forEach((p, i) => {
    const own = templates.filter((x) => x.category === p.category);
    const items = own.length ? own : templates.filter((x) => x.category === DEFAULT_TEMPLATE);
    const pre = items.filter((x) => !AT_COMPLETION.has(x.code));
    const post = items.filter((x) => AT_COMPLETION.has(x.code));
    let steps: Step[];
    if (p.phase === 'preparation') {
      // The item at the authority now: for 东新路立体停车库 the traffic and parking review (超配车位).
      const jtpj = pre.findIndex((x) => x.code === 'JTPJ');
      const k = i === 21 && jtpj > 0 ? jtpj : Math.floor(pre.length / 2) + (i % 2);
      const cur = pre[k]!;
      const stuck = i === 12 || i === 21;
      const used = stuck ? Math.ceil(cur.statutoryDays * 0.9) : i === 24 ? 4 : 2;
      const refDay = latestWorkingDay(cal, today);
      const acceptedOn = workingDaysBefore(cal, refDay, used);
      const submittedOn = workingDaysBefore(cal, acceptedOn, 1);
      const current: Step = i === 24
        ? { status: 'sent_back', preparingOn: addDays(submittedOn, -10), submittedOn, acceptedOn, approvedOn: null, sentBackOn: workingDaysBefore(cal, refDay, 1), sentBackReason: '材料需补正：交通影响评价报告未包含地铁站点接驳分析' }
        : i === 13
          ? { status: 'submitted', preparingOn: addDays(submittedOn, -8), submittedOn: acceptedOn, acceptedOn: null, approvedOn: null, sentBackOn: null, sentBackReason: null }
          : { status: 'accepted', preparingOn: addDays(submittedOn, -9), submittedOn, acceptedOn, approvedOn: null, sentBackOn: null, sentBackReason: null };
      const before = approvedBackwards(cal, pre.slice(0, k), current.preparingOn!, i);
      const after: Step[] = pre.slice(k + 1).concat(post).map((_, j) => ({
        status: j === 0 ? 'preparing' : 'not_started', preparingOn: j === 0 ? addDays(today, -5) : null, submittedOn: null, acceptedOn: null,
        approvedOn: null, sentBackOn: null, sentBackReason: null,
      }));
      steps = [...before, current, ...after];
    } else {
      const start = [addDays(p.plannedStart ?? today, -7), addDays(today, -7)].sort()[0]!;
      const done = approvedBackwards(cal, pre, start, i);
      const finish = [addDays(p.plannedFinish ?? today, 30), addDays(today, -5)].sort()[0]!;
      const closing: Step[] = p.phase === 'completed'
        ? approvedBackwards(cal, post, finish, i + 1)
        : post.map((_, j) => ({
          status: j === 0 && (p.plannedFinish ?? '9999') < addDays(today, 200) ? 'preparing' : 'not_started',
          preparingOn: j === 0 && (p.plannedFinish ?? '9999') < addDays(today, 200) ? addDays(today, -12) : null,
          submittedOn: null, acceptedOn: null, approvedOn: null, sentBackOn: null, sentBackReason: null,
        }));
      steps = [...done, ...closing];
    }
    [...pre, ...post].forEach((item, j) => {
      const s = steps[j]!;
      const materials = JSON.parse(item.materials) as string[];
      const ready = s.status === 'preparing' ? Math.ceil(materials.length / 2) : s.status === 'not_started' ? 0 : materials.length;
      rows.push({
        id: newId(), projectId: p.id, itemId: item.id, position: j + 1, agentId: agentFor(item.code), ...s, plannedOn: null,
        checklist: JSON.stringify(materials.map((name, m) => ({ name, done: m < ready }))), statutoryDays: item.statutoryDays,
        level: null, blockCaseId: null, note: null, version: 1, createdAt: t, updatedAt: t,
      });
    });
  });
  for (let k = 0; k < rows.length; k += 100) await trx.insertInto('projectApprovals').values(rows.slice(k, k + 100)).execute();
  return rows.length;
}
