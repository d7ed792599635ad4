import { shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { BulkLoader } from './bulk-loader.js';
import type { ResolutionCase } from './generate-cases.js';
import type { Org, OrgProject } from './org-model.js';
import { Rng, uuidv7At } from './prng.js';
import type { ScalePlan } from './scale-plan.js';
import { communityName, personName } from './vocabulary.js';

const DAY = 86_400_000;
const MILESTONES = ['方案批复', '开工', '主体结构封顶', '竣工验收', '交付使用'];
const AGENDA = ['项目进度通报', '周边居民诉求处理情况', '安全生产检查情况', '审批事项推进', '农民工工资支付情况', '下阶段工作安排'];

/**
 * The rest of each project's file: temporary branches with members and monthly meetings (attendance, agenda,
 * resolutions — the branch-meeting cases hang off these), milestones, monthly progress reports and the young
 * cadres' learning logs. Projects that already have a branch or milestones (the demo's) are left as they are.
 */
export async function generateExtras(loader: BulkLoader, org: Org, plan: ScalePlan, opts: { seed: number; now: number }, resolutionCases: ResolutionCase[]) {
  const { now } = opts;
  const rng = new Rng(opts.seed, 20);
  const ids = new Rng(opts.seed, 21);
  const db = loader.db;
  const existingBranch = new Map((await db.selectFrom('branches').select(['projectId', 'id']).execute()).map((r) => [r.projectId, r.id]));
  const hasMilestones = new Set((await db.selectFrom('milestones').select('projectId').execute()).map((r) => r.projectId));
  const hasReports = new Set((await db.selectFrom('progressReports').select('projectId').execute()).map((r) => r.projectId));
  const w = {
    branches: loader.writer('branches', 10, 500, { parent: true }),
    members: loader.writer('branchMembers', 10, 1000, { parent: true }),
    meetings: loader.writer('meetings', 16, 1000, { parent: true }),
    invitees: loader.writer('meetingInvitees', 9),
    agenda: loader.writer('agendaItems', 7),
    resolutions: loader.writer('resolutions', 9),
    milestones: loader.writer('milestones', 9),
    reports: loader.writer('progressReports', 14),
    learning: loader.writer('learningLogs', 10),
  };
  const byProject = new Map<number, ResolutionCase[]>();
  for (const r of resolutionCases) (byProject.get(r.projectIdx) ?? byProject.set(r.projectIdx, []).get(r.projectIdx)!).push(r);
  const windowStart = now - plan.recentDays * DAY;
  const at = (day: number, hour: number) => day * DAY + (hour - 8) * 3_600_000;

  for (const p of org.projects) {
    const own = byProject.get(p.idx) ?? [];
    const existing = existingBranch.get(p.id);
    if (existing && own.length) {
      // The demo's branches: the branch-meeting cases of the window still get their meeting and resolution.
      for (const r of own) meeting(w, r.at - 2 * 3_600_000, existing, p, [], [r], rng, ids, now);
    } else if (!existing && p.commissioner && (own.length || rng.chance(0.6))) {
      const branchId = uuidv7At(windowStart, ids);
      const founded = shanghaiDate(windowStart - rng.range(10, 400) * DAY);
      w.branches.add({ id: branchId, projectId: p.id, name: `${p.name}临时党支部`, foundedOn: founded, approvalDocNo: `组〔${founded.slice(0, 4)}〕${rng.range(10, 99)}号`, status: 'active', closedOn: null, version: 1, createdAt: windowStart, updatedAt: windowStart });
      const people = [
        { userId: p.commissioner.id, name: p.commissioner.displayName, unitName: '区委组织部', side: 'commissioner', role: 'secretary' },
        ...p.contacts.slice(0, 2).map((c, i) => ({ userId: c.id, name: c.displayName, unitName: org.units.get(c.unitId!)?.name ?? '', side: i === 0 ? 'owner' : 'contractor', role: i === 0 ? 'committee' : 'member' })),
        { userId: null, name: personName(rng), unitName: communityName(rng), side: 'community', role: 'member' },
      ];
      const members = people.map((m) => ({ id: uuidv7At(windowStart, ids), branchId, ...m, isPartyMember: rng.chance(0.8) ? 1 : 0, joinedOn: founded, leftOn: null }));
      for (const m of members) w.members.add(m);
      // A meeting a month over the window, and one for each resolution case at the time it was raised.
      const times = [...own.map((r) => r.at - 2 * 3_600_000)];
      for (let d = Math.floor(windowStart / DAY) + rng.range(0, 29); d * DAY < now; d += rng.range(26, 35)) times.push(at(d, 14));
      times.sort((a, b) => a - b);
      for (const startsAt of times) meeting(w, startsAt, branchId, p, members, own.filter((x) => x.at - 2 * 3_600_000 === startsAt), rng, ids, now);
    }
    if (!hasMilestones.has(p.id)) milestones(w.milestones, p, rng, ids, now);
    if (!hasReports.has(p.id)) reports(w.reports, p, rng, ids, now);
    for (const a of p.assistants) {
      for (let d = Math.floor(windowStart / DAY); d * DAY < now; d += rng.range(2, 5)) {
        w.learning.add({ id: uuidv7At(d * DAY, ids), assistantId: a.id, projectId: p.id, date: shanghaiDate(d * DAY), activities: '随专员驻点，参加项目协调会', learned: '学习了解审批流程和群众工作方法',
          mentorComment: rng.chance(0.6) ? '认真细致，继续保持' : null, mentorCommentedAt: null, version: 1, createdAt: at(d, 19) });
      }
    }
    if (p.idx % 50 === 49) await loader.flushAll(false);
  }
  await loader.flushAll(true);
  return { branches: w.branches.total, meetings: w.meetings.total, milestones: w.milestones.total, progressReports: w.reports.total, learningLogs: w.learning.total };
}

type Writers = Record<'meetings' | 'invitees' | 'agenda' | 'resolutions', ReturnType<BulkLoader['writer']>>;
type Member = { id: string; userId: string | null; name: string };

/** One held meeting: attendance, agenda, and a resolution (with its case) per branch-meeting case raised at it. */
function meeting(w: Writers, startsAt: number, branchId: string, p: OrgProject, members: Member[], resolutions: ResolutionCase[], rng: Rng, ids: Rng, now: number) {
  const meetingId = uuidv7At(startsAt, ids);
  const old = startsAt < now - 14 * DAY;
  w.meetings.add({ id: meetingId, branchId, type: rng.weighted([['deliberation', 70], ['committee', 20], ['theme_day', 10]] as const), title: `${p.name.slice(0, 10)}议事协商会`, startsAt, endsAt: startsAt + 2 * 3_600_000,
    place: '项目部会议室', status: 'held', minutesStatus: old ? 'final' : 'circulated', uid: `${meetingId}@liaison`, sequence: 0, remindedAt: startsAt - DAY, createdBy: p.commissioner?.id ?? null, version: 3, createdAt: startsAt - 5 * DAY, updatedAt: startsAt + DAY });
  for (const m of members) {
    const attendance = rng.weighted([['present', 85], ['leave', 10], ['absent', 5]] as const);
    w.invitees.add({ id: uuidv7At(startsAt, ids), meetingId, memberId: m.id, userId: m.userId, name: m.name, attendance, leaveReason: attendance === 'leave' ? '另有公务' : null, confirmation: old ? 'confirmed' : null, comment: null });
  }
  const items = AGENDA.filter(() => rng.chance(0.35)).slice(0, 3);
  items.forEach((title, position) => w.agenda.add({ id: uuidv7At(startsAt, ids), meetingId, position, title, caseId: null, carriedResolutionId: null, minutes: `${title}：与会各方充分讨论，形成一致意见。` }));
  resolutions.forEach((r, i) => {
    const agendaItemId = uuidv7At(startsAt, ids);
    w.agenda.add({ id: agendaItemId, meetingId, position: items.length + i, title: r.title, caseId: null, carriedResolutionId: null, minutes: '会议决定交办责任单位限期办理。' });
    w.resolutions.add({ id: r.resolutionId, meetingId, agendaItemId, text: r.title, ownerUnitId: r.ownerUnitId, dueDate: resolutionDueDate(r.at), needsAction: 1, caseId: r.caseId, createdAt: r.at });
  });
}

/** A resolution's case is due fifteen days after the meeting that decided it. */
export const resolutionDueDate = (at: number) => shanghaiDate(at + 15 * DAY);

function milestones(w: ReturnType<BulkLoader['writer']>, p: OrgProject, rng: Rng, ids: Rng, now: number) {
  let t = now - rng.range(300, 900) * DAY;
  for (const name of MILESTONES) {
    t += rng.range(120, 400) * DAY;
    const planned = shanghaiDate(t);
    const actual = t < now && rng.chance(0.9) ? shanghaiDate(t + rng.range(-20, 40) * DAY) : null;
    w.add({ id: uuidv7At(now, ids), projectId: p.id, name, plannedDate: planned, actualDate: actual && actual <= shanghaiDate(now) ? actual : null, note: null, version: 1, createdAt: now, updatedAt: now });
  }
}

function reports(w: ReturnType<BulkLoader['writer']>, p: OrgProject, rng: Rng, ids: Rng, now: number) {
  if (!p.commissioner) return;
  let percent = rng.between(5, 40);
  let toDate = 0;
  const [y, mo] = shanghaiDate(now).split('-').map(Number) as [number, number];
  for (let m = 12; m >= 1; m--) {
    const monthIndex = y * 12 + (mo - 1) - m;
    const period = `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
    const day = new Date(`${period}-01T00:00:00Z`);
    const invest = Math.round(rng.between(5e6, 6e7));
    percent = Math.min(100, percent + rng.between(1, 6));
    toDate += invest;
    const last = m === 1;
    const submittedAt = day.getTime() + 3 * DAY;
    w.add({ id: uuidv7At(submittedAt, ids), projectId: p.id, period, percentDone: +percent.toFixed(1), investmentPeriod: invest, investmentToDate: toDate, narrative: '本月按计划推进，主要节点均已完成。',
      status: last ? 'submitted' : 'confirmed', submittedBy: p.commissioner.id, submittedAt, confirmedBy: last ? null : p.commissioner.id, confirmedAt: last ? null : submittedAt + DAY, returnReason: null, version: last ? 1 : 2 });
  }
}
