import { describe, expect, it } from 'vitest';
import { addMemberBody, attendanceBody as attendanceSchema, createMeetingBody, createResolutionBody, minutesBody as minutesSchema } from '@liaison/contracts';
import { z } from 'zod';
import type { Invitee, Meeting, Resolution } from './api';
import {
  attendanceBody, groupBySide, meetingBody, memberBody, minutesBody, onTimeShare, openResolutions, resolutionBody, shanghaiInstant, shanghaiParts,
} from './bodies';

const ID = (n: number) => `01a217e5-52d5-7daa-9bc7-${String(n).padStart(12, '0')}`;

describe('meeting times', () => {
  it('are Shanghai wall-clock times with their offset', () => {
    expect(shanghaiInstant('2026-12-03', '14:30')).toBe('2026-12-03T14:30:00+08:00');
    expect(new Date(shanghaiInstant('2026-12-03', '08:00')).toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(shanghaiParts('2026-12-02T16:30:00.000Z')).toEqual({ date: '2026-12-03', time: '00:30' });
  });
});

describe('meetingBody', () => {
  it('makes a body the contract accepts, dropping blank agenda rows', () => {
    const body = meetingBody(ID(1), {
      type: 'deliberation', title: ' 12月议事协商会 ', date: '2026-12-03', startTime: '14:30', endTime: '16:00', place: ' 项目部会议室 ',
      inviteeMemberIds: [ID(2)], agenda: [{ title: ' 围挡整改 ' }, { title: '  ' }, { title: '夜间施工', caseId: ID(3) }],
    });
    expect(body.title).toBe('12月议事协商会');
    expect(body.agenda).toEqual([{ title: '围挡整改' }, { title: '夜间施工', caseId: ID(3) }]);
    expect(createMeetingBody.safeParse(body).success).toBe(true);
  });
});

describe('memberBody', () => {
  it('sends a user member by id and an external one by name and unit', () => {
    const user = memberBody({ kind: 'user', userId: ID(4), unitName: ' ', side: 'street', role: 'member', isPartyMember: true, joinedOn: '2026-12-01' });
    expect(user).toEqual({ userId: ID(4), side: 'street', role: 'member', isPartyMember: true, joinedOn: '2026-12-01' });
    expect(addMemberBody.safeParse(user).success).toBe(true);
    const ext = memberBody({ kind: 'external', name: ' 魏雪梅 ', unitName: '武林门社区', side: 'community', role: 'committee', isPartyMember: false, joinedOn: '2026-12-01' });
    expect(ext).toMatchObject({ name: '魏雪梅', unitName: '武林门社区' });
    expect(addMemberBody.safeParse(ext).success).toBe(true);
  });
});

describe('attendance, minutes, resolutions', () => {
  const invitees = [ID(5), ID(6), ID(7)].map((id, i) => ({ id, name: `p${i}` }) as Invitee);
  it('sends only marked invitees, with the reason of leave', () => {
    const body = attendanceBody(invitees, { [ID(5)]: { attendance: 'present' }, [ID(6)]: { attendance: 'leave', leaveReason: ' 出差 ' } }, 4);
    expect(body.entries).toEqual([{ inviteeId: ID(5), attendance: 'present' }, { inviteeId: ID(6), attendance: 'leave', leaveReason: '出差' }]);
    expect(attendanceSchema.safeParse(body).success).toBe(true);
  });
  it('sends the minutes of every agenda item', () => {
    const body = minutesBody([{ id: ID(8), minutes: 'old' }, { id: ID(9), minutes: null }] as Meeting['agenda'], { [ID(9)]: '新' }, 2);
    expect(body.items).toEqual([{ agendaItemId: ID(8), minutes: 'old' }, { agendaItemId: ID(9), minutes: '新' }]);
    expect(minutesSchema.safeParse(body).success).toBe(true);
  });
  it('leaves owner and due date out of a resolution that needs no action', () => {
    const noted = resolutionBody({ text: ' 知悉 ', needsAction: false, ownerUnitId: ID(1), dueDate: '2026-12-31' }, 3);
    expect(noted).toEqual({ version: 3, agendaItemId: null, text: '知悉', needsAction: false });
    const act = resolutionBody({ agendaItemId: ID(2), text: '区住建局牵头核查', needsAction: true, ownerUnitId: ID(1), dueDate: '2026-12-31' }, 3);
    expect(createResolutionBody.extend({ version: z.number().int() }).safeParse(act).success).toBe(true);
  });
});

describe('branch helpers', () => {
  it('groups members by side, secretary first', () => {
    const g = groupBySide([
      { side: 'owner', role: 'member', name: 'b' },
      { side: 'street', role: 'member', name: 'a' },
      { side: 'street', role: 'deputy', name: 'z' },
    ]);
    expect(g.map((x) => x.side)).toEqual(['street', 'owner']);
    expect(g[0]!.members.map((m) => m.name)).toEqual(['z', 'a']);
  });
  it('finds the open resolutions to carry, once each', () => {
    const r = (id: number, state: Resolution['state']) => ({ id: ID(id), state, createdAt: `2026-11-0${id}T00:00:00Z` }) as Resolution;
    const meetings = [{ resolutions: [r(2, 'open'), r(3, 'done')] }, { resolutions: [r(1, 'overdue'), r(4, 'noted')] }] as Meeting[];
    expect(openResolutions(meetings).map((x) => x.id)).toEqual([ID(1), ID(2)]);
  });
  it('computes the share done on time', () => {
    expect(onTimeShare({ total: 0, done: 0, doneOnTime: 0 })).toBeNull();
    expect(onTimeShare({ total: 3, done: 2, doneOnTime: 1 })).toBe(33.3);
  });
});
