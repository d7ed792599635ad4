import { memberSides, type attendanceValues } from '@liaison/contracts';
import type {
  AddMemberInput, AgendaItem, AttendanceInput, BranchMember, CreateMeetingInput, Invitee, Meeting, MinutesInput, Resolution, ResolutionInput,
} from './api';

/** Pure helpers between the forms and the API bodies (unit-tested against the contracts' schemas). */

export type Side = (typeof memberSides)[number];
export type Attendance = (typeof attendanceValues)[number];

const TZ = 'Asia/Shanghai';

export function todayShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(now);
}

/** A Shanghai wall-clock date and time as an ISO instant with its offset (China has no daylight saving). */
export function shanghaiInstant(date: string, time: string): string {
  return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}

/** The Shanghai date (YYYY-MM-DD) and time (HH:mm) of an instant. */
export function shanghaiParts(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  return { date, time: time.replace(/^24/, '00') };
}

/** Members grouped by side, in the order the branch works: street, owner, contractor, supervisor, community, commissioner. */
export function groupBySide<T extends Pick<BranchMember, 'side' | 'role' | 'name'>>(members: readonly T[]): { side: Side; members: T[] }[] {
  const roleOrder = { secretary: 0, deputy: 1, committee: 2, member: 3 } as const;
  return memberSides
    .map((side) => ({
      side,
      members: members.filter((m) => m.side === side).sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name, 'zh-CN')),
    }))
    .filter((g) => g.members.length > 0);
}

export interface MemberFormValues {
  kind: 'user' | 'external';
  userId?: string;
  name?: string;
  unitName?: string;
  side: Side;
  role: 'secretary' | 'deputy' | 'committee' | 'member';
  isPartyMember: boolean;
  joinedOn: string;
}

export function memberBody(v: MemberFormValues): AddMemberInput {
  const unitName = v.unitName?.trim() || undefined;
  const common = { side: v.side, role: v.role, isPartyMember: !!v.isPartyMember, joinedOn: v.joinedOn };
  if (v.kind === 'user') return { userId: v.userId, ...(unitName ? { unitName } : {}), ...common };
  return { name: v.name?.trim(), unitName, ...common };
}

export interface MeetingFormValues {
  type: CreateMeetingInput['type'];
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  inviteeMemberIds?: string[];
  inviteeUserIds?: string[];
  agenda?: { title?: string; caseId?: string | null }[];
}

export function meetingBody(branchId: string, v: MeetingFormValues): CreateMeetingInput {
  return {
    branchId,
    type: v.type,
    title: v.title.trim(),
    startsAt: shanghaiInstant(v.date, v.startTime),
    endsAt: shanghaiInstant(v.date, v.endTime),
    place: v.place.trim(),
    inviteeMemberIds: v.inviteeMemberIds ?? [],
    inviteeUserIds: v.inviteeUserIds ?? [],
    agenda: (v.agenda ?? [])
      .filter((a) => a.title?.trim())
      .map((a) => ({ title: a.title!.trim(), ...(a.caseId ? { caseId: a.caseId } : {}) })),
  };
}

export interface AttendanceRow {
  attendance?: Attendance | null;
  leaveReason?: string | null;
}

/** Only the invitees whose attendance was marked; leave needs its reason (the form checks it first). */
export function attendanceBody(invitees: readonly Invitee[], rows: Record<string, AttendanceRow | undefined>, version: number): AttendanceInput {
  const entries = invitees
    .map((i) => ({ id: i.id, row: rows[i.id] }))
    .filter((x): x is { id: string; row: AttendanceRow & { attendance: Attendance } } => !!x.row?.attendance)
    .map(({ id, row }) => ({
      inviteeId: id,
      attendance: row.attendance,
      ...(row.attendance === 'leave' ? { leaveReason: row.leaveReason?.trim() ?? '' } : {}),
    }));
  return { version, entries };
}

export function minutesBody(agenda: readonly AgendaItem[], texts: Record<string, string | undefined>, version: number): MinutesInput {
  return { version, items: agenda.map((a) => ({ agendaItemId: a.id, minutes: texts[a.id] ?? a.minutes ?? '' })) };
}

export interface ResolutionFormValues {
  agendaItemId?: string | null;
  text: string;
  needsAction: boolean;
  ownerUnitId?: string | null;
  dueDate?: string | null;
}

export function resolutionBody(v: ResolutionFormValues, version: number): ResolutionInput {
  return {
    version,
    agendaItemId: v.agendaItemId || null,
    text: v.text.trim(),
    needsAction: v.needsAction,
    ...(v.needsAction ? { ownerUnitId: v.ownerUnitId ?? null, dueDate: v.dueDate || null } : {}),
  };
}

/** Open resolutions of earlier meetings: the next meeting's agenda carries them (续议). */
export function openResolutions(meetings: readonly Meeting[]): Resolution[] {
  const seen = new Set<string>();
  const out: Resolution[] = [];
  for (const m of meetings) {
    for (const r of m.resolutions) {
      if ((r.state === 'open' || r.state === 'overdue') && !seen.has(r.id)) {
        seen.add(r.id);
        out.push(r);
      }
    }
  }
  return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Every resolution of the branch's meetings, newest meeting first, with the meeting it came from. */
export function resolutionsOf(meetings: readonly Meeting[]): (Resolution & { meeting: Pick<Meeting, 'id' | 'title' | 'startsAt'> })[] {
  return meetings.flatMap((m) => m.resolutions.map((r) => ({ ...r, meeting: { id: m.id, title: m.title, startsAt: m.startsAt } })));
}

/** Share (0..100, one decimal) of resolutions done on time; null when none are due yet. */
export function onTimeShare(s: { done: number; doneOnTime: number; total: number }): number | null {
  if (!s.total) return null;
  return Math.round((s.doneOnTime / s.total) * 1000) / 10;
}
