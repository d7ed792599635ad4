import type { WorkingCalendar } from '../../kernel/calendar/working-calendar.js';
import type { CaseTable, CaseUnitTable } from '../../kernel/db/schema.js';
import { lightAt } from '../cases/case-clock.js';
import type { FastCalendar } from './fast-calendar.js';
import type { OrgUnit, Person } from './org-model.js';
import { Rng, uuidv7At } from './prng.js';
import { COMMENTS, REPLIES } from './vocabulary.js';

/**
 * One case's life from submission to wherever it stands at `now`, written the way the case engine's use cases
 * write it: the case row's fields, one timeline event per step (same kinds and payloads), unit rows, notices.
 * The sweep's bookkeeping is applied too (lights, automatic escalation once per overdue period, reminders), so the
 * first sweep on the generated data finds little to do.
 */
const H = 3_600_000;
const SYSTEM = { id: null, name: 'system' } as const;
const REASON_CODES = ['territory', 'ownership', 'overlap', 'other'] as const;

export type Actor = { id: string | null; name: string | null };
export type EventRow = { id: string; caseId: string; seq: number; kind: string; actorId: string | null; actorName: string | null; at: number; payload: string; internal: number };
export type UnitRow = CaseUnitTable;
export type Notice = { at: number; userIds: string[]; kind: string; title: string; body: string };

export type LifecycleEnv = {
  now: number; cal: WorkingCalendar; fast: FastCalendar; rng: Rng; ids: Rng;
  limit(type: string, priority: string): number;
  unitName(id: string): string;
};

export type CaseSpec = {
  row: CaseTable; reporter: Person | null; dispatcher: Person; leads: OrgUnit[]; co: OrgUnit | null;
  /** The district's leaders: told when a case reaches level 3; `listedBy` lists this case (挂牌督办) while it runs. */
  leaders: Person[]; listedBy: Person | null;
};

/** A delay of lo–hi hours, in whole milliseconds (timestamps are integers). */
const hrs = (rng: Rng, lo: number, hi: number) => Math.round(rng.between(lo, hi) * H);
const ref = (p: Person | null): Actor => (p ? { id: p.id, name: p.username } : SYSTEM);
const iso = (ms: number) => new Date(ms).toISOString();
const unitRef = (u: OrgUnit) => ({ id: u.id, name: u.name });

export class CaseLife {
  readonly events: EventRow[] = [];
  readonly units: UnitRow[] = [];
  readonly notices: Notice[] = [];
  private readonly c: CaseTable;

  constructor(private readonly env: LifecycleEnv, private readonly spec: CaseSpec) {
    this.c = spec.row;
  }

  private ev(at: number, kind: string, actor: Actor, payload: Record<string, unknown>, internal = false) {
    this.events.push({ id: uuidv7At(at, this.env.ids), caseId: this.c.id, seq: this.events.length + 1, kind, actorId: actor.id, actorName: actor.name, at, payload: JSON.stringify(payload), internal: internal ? 1 : 0 });
  }

  /** A lifecycle action: the row's version moves on and the timeline gets its events. */
  private act(at: number, patch: Partial<CaseTable>, events: [string, Actor, Record<string, unknown>, boolean?][]) {
    Object.assign(this.c, patch, { version: this.c.version + 1, updatedAt: at });
    for (const [kind, actor, payload, internal] of events) this.ev(at, kind, actor, payload, internal);
  }

  private notice(at: number, userIds: (string | null | undefined)[], kind: string, label: string, body: string) {
    const ids = userIds.filter((x): x is string => !!x);
    if (ids.length) this.notices.push({ at, userIds: ids, kind, title: `【${label}】${this.c.number} ${this.c.title}`, body });
  }

  private handlerOf(u: OrgUnit): Actor {
    return u.members.length ? ref(this.env.rng.pick(u.members)) : SYSTEM;
  }

  /** Runs the case to `now`; returns the final row (the same object, filled in). */
  run(): CaseTable {
    const { rng, now } = this.env;
    const { reporter, dispatcher } = this.spec;
    const c = this.c;
    this.ev(c.createdAt, 'created', ref(reporter), { number: c.number, type: c.type, title: c.title, priority: c.priority, source: c.source, attachmentIds: [] });
    this.notice(c.createdAt, [dispatcher.id], 'case.submitted', '新问题', c.description.slice(0, 200));
    let t = c.createdAt;
    if (rng.chance(0.02)) {
      t += hrs(rng, 2, 72);
      if (t <= now) this.end(t, 'withdrawn', 'withdrawn', reporter ?? dispatcher, { reason: '问题已自行解决' });
      return this.finish();
    }
    t += hrs(rng, 0.5, 30);
    if (t > now) return this.finish();
    if (rng.chance(0.05)) {
      this.end(t, 'rejected', 'rejected', dispatcher, { reason: '不属于项目专员受理范围' });
      this.notice(t, [reporter?.id], 'case.rejected', '不予受理', '不属于项目专员受理范围');
      return this.finish();
    }
    this.act(t, { status: 'accepted', acceptedAt: t }, [['accepted', ref(dispatcher), {}]]);
    for (let attempt = 0; ; attempt++) {
      const lead = this.spec.leads[Math.min(attempt, this.spec.leads.length - 1)]!;
      t += hrs(rng, 0.2, 24);
      if (t > now) return this.finish();
      this.dispatch(t, lead, attempt === 0 ? this.spec.co : null);
      if (attempt < 2 && rng.chance(0.05)) {
        const tr = t + hrs(rng, 1, 20);
        if (!this.watchSign(tr)) return this.finish();
        this.returnCase(tr, lead);
        t = tr;
        continue;
      }
      const signed = t + (rng.chance(0.08) ? hrs(rng, 24, 96) : hrs(rng, 0.3, 20));
      if (!this.watchSign(signed)) return this.finish();
      return this.handle(signed, lead);
    }
  }

  private end(t: number, status: string, kind: string, by: Person, payload: Record<string, unknown>) {
    this.act(t, { status, closedAt: t, clockState: 'stopped', dueAt: null, overdue: 0 }, [[kind, ref(by), payload]]);
  }

  private dispatch(t: number, lead: OrgUnit, co: OrgUnit | null) {
    const c = this.c;
    const signLimit = this.env.limit('sign', c.priority);
    const signDeadline = this.env.fast.addWorkingDays(t, signLimit);
    for (const u of this.units) u.active = 0;
    const targets = [lead, ...(co ? [co] : [])];
    // Ids made in one millisecond still sort in the order they were made (as the app's uuidv7 does): lead first.
    const ids = targets.map(() => uuidv7At(t, this.env.ids)).sort();
    for (const [i, u] of targets.entries()) {
      this.units.push({ id: ids[i]!, caseId: c.id, unitId: u.id, role: i === 0 ? 'lead' : 'co', status: 'assigned', active: 1, signDeadline, deadline: null, signedAt: null, answeredAt: null, createdAt: t });
    }
    this.act(t, {
      status: 'assigned', leadUnitId: lead.id, assigneeId: null, dispatcherId: this.spec.dispatcher.id, dispatchedAt: t,
      clockState: 'sign', signLimitDays: signLimit, signDeadline, dueAt: signDeadline, pausedAt: null, light: 'green', overdue: 0,
    }, [['dispatched', ref(this.spec.dispatcher), { unit: unitRef(lead), coUnits: co ? [unitRef(co)] : [], assigneeId: null, note: null, signDeadline: iso(signDeadline) }]]);
    this.notice(t, [...lead.members, ...(co?.members ?? [])].map((m) => m.id), 'case.dispatched', '派单', `请于签收期限前签收`);
  }

  private returnCase(t: number, lead: OrgUnit) {
    const reasonCode = this.env.rng.pick(REASON_CODES);
    for (const u of this.units) if (u.active) Object.assign(u, { active: 0, status: u.role === 'lead' ? 'returned' : u.status });
    this.act(t, { status: 'accepted', leadUnitId: null, assigneeId: null, signDeadline: null, dueAt: null, overdue: 0, clockState: 'idle', pausedAt: null },
      [['returned', this.handlerOf(lead), { unit: unitRef(lead), reasonCode, reason: '非本单位职责范围' }, true]]);
    this.notice(t, [this.spec.dispatcher.id], 'case.returned', '退回', `${lead.name}：非本单位职责范围`);
  }

  /**
   * The sweep's view of the running clock until `until` (or `now`): once the running deadline has passed, the
   * case rises one supervision level (once per deadline) and the red light comes on. Returns whether `until` is
   * still in the past, i.e. whether the next step happens.
   */
  private watchClock(until: number, reason: string): boolean {
    const c = this.c;
    const { now } = this.env;
    if (c.dueAt !== null && Math.min(until, now) > c.dueAt + 60_000 && c.escalatedFor !== c.dueAt) {
      const at = c.dueAt + 60_000;
      const to = Math.min(c.supervisionLevel + 1, 3);
      const payload = { from: c.supervisionLevel, to, reason, deadline: iso(c.dueAt), automatic: true };
      if (to > c.supervisionLevel) {
        this.notice(at, [this.spec.dispatcher.id, ...this.unitMembers(), ...(to === 3 ? this.spec.leaders.map((l) => l.id) : [])], 'case.overdue', '超期', `期限 ${iso(c.dueAt)} 已过`);
        this.act(at, { supervisionLevel: to, escalatedFor: c.dueAt, light: 'red', overdue: 1 }, [['escalated', SYSTEM, payload]]);
      } else {
        Object.assign(c, { escalatedFor: c.dueAt, light: 'red', overdue: 1 });
      }
    }
    return until <= now;
  }

  private watchSign(until: number) {
    return this.watchClock(until, 'not signed in time');
  }

  private unitMembers() {
    const lead = this.spec.leads.find((u) => u.id === this.c.leadUnitId);
    return lead ? lead.members.map((m) => m.id) : [];
  }

  private handle(tSign: number, lead: OrgUnit) {
    const { rng, fast } = this.env;
    const c = this.c;
    const limit = this.env.limit(c.type, c.priority);
    let deadline = fast.addWorkingDays(tSign, limit);
    const leadActor = this.handlerOf(lead);
    for (const u of this.units) if (u.active && u.role === 'lead') Object.assign(u, { status: 'signed', signedAt: tSign, deadline });
    this.act(tSign, { status: 'in_progress', signedAt: tSign, deadline, signDeadline: null, clockState: 'running', dueAt: deadline, limitDays: limit, light: 'green', overdue: 0 },
      [['signed', leadActor, { deadline: iso(deadline), limitDays: limit, resumed: false }]]);
    const co = this.units.find((u) => u.active && u.role === 'co');
    const coUnit = co ? this.spec.co! : null;
    const f = rng.weighted([[rng.between(0.2, 0.9), 75], [rng.between(0.9, 1), 12], [rng.between(1, 1.8), 13]] as const);
    let tAnswer = Math.round(tSign + f * (deadline - tSign));
    const tExt = Math.round(tSign + 0.5 * (deadline - tSign));
    if (rng.chance(0.07) && tExt < tAnswer) {
      if (!this.watchClock(tExt, 'overdue')) return this.finish();
      const days = rng.range(3, 10);
      this.act(tExt, { extDays: days, extReason: '需协调多个部门，申请延期', extRequestedAt: tExt }, [['extension-requested', leadActor, { days, reason: '需协调多个部门，申请延期' }, true]]);
      this.notice(tExt, [this.spec.dispatcher.id], 'case.extension-requested', '延期申请', `申请延期 ${days} 个工作日`);
      const tDecide = tExt + hrs(rng, 2, 30);
      if (!this.watchClock(tDecide, 'overdue')) return this.finish();
      const clear = { extDays: null, extReason: null, extRequestedAt: null };
      if (rng.chance(0.7)) {
        const previous = deadline;
        deadline = fast.addWorkingDays(deadline, days);
        this.act(tDecide, { ...clear, deadline, dueAt: deadline, limitDays: (c.limitDays ?? 0) + days }, [['extension-approved', ref(this.spec.dispatcher), { days, deadline: iso(deadline), previousDeadline: iso(previous), reason: null }, true]]);
        tAnswer = Math.round(tSign + f * (deadline - tSign));
      } else {
        this.act(tDecide, clear, [['extension-refused', ref(this.spec.dispatcher), { days, reason: '请按期办结' }, true]]);
      }
      tAnswer = Math.max(tAnswer, tDecide + H);
    }
    if (co && coUnit) this.coWork(co, coUnit, tSign, tAnswer, deadline);
    this.comments(tSign, tAnswer, leadActor);
    const listedBy = this.spec.listedBy;
    if (listedBy) {
      const at = Math.round(tSign + rng.float() * (tAnswer - tSign));
      if (at <= this.env.now && c.supervisionLevel < 3) {
        this.notice(at, [this.spec.dispatcher.id, ...lead.members.map((m) => m.id)], 'case.escalated', '区领导挂牌督办', '区领导挂牌督办');
        this.act(at, { supervisionLevel: 3 }, [['escalated', ref(listedBy), { from: c.supervisionLevel, to: 3, reason: '区领导挂牌督办', automatic: false }]]);
      }
    }
    return this.answerAndClose(tAnswer, lead, leadActor, limit);
  }

  private coWork(co: UnitRow, unit: OrgUnit, tSign: number, tAnswer: number, deadline: number) {
    const { rng, now } = this.env;
    const actor = this.handlerOf(unit);
    const signed = tSign + hrs(rng, 0.5, 12);
    if (signed > now || signed > tAnswer) return;
    Object.assign(co, { status: 'signed', signedAt: signed, deadline });
    this.act(signed, {}, [['co-signed', actor, { unit: unitRef(unit), deadline: iso(deadline) }]]);
    const answered = Math.round(signed + rng.float() * (tAnswer - signed));
    if (answered > now) return;
    Object.assign(co, { status: 'answered', answeredAt: answered });
    this.act(answered, {}, [['co-answered', actor, { unit: unitRef(unit), reply: rng.pick(REPLIES), internalNote: null, attachmentIds: [] }, true]]);
  }

  private comments(from: number, to: number, handler: Actor) {
    const { rng, now } = this.env;
    const n = rng.poisson(2.6);
    const times = Array.from({ length: n }, () => Math.round(from + rng.float() * (to - from))).sort((a, b) => a - b);
    for (const at of times) {
      if (at > now) return;
      const internal = rng.chance(0.3);
      const who = rng.chance(0.5) ? handler : ref(this.spec.dispatcher);
      this.act(at, {}, [['commented', who, { text: rng.pick(COMMENTS), attachmentIds: [] }, internal]]);
    }
  }

  private answerAndClose(tAnswer: number, lead: OrgUnit, leadActor: Actor, limit: number): CaseTable {
    const { rng, now, fast } = this.env;
    const c = this.c;
    for (let round = 0; ; round++) {
      if (c.limitDays !== null && c.limitDays > 1 && c.dueAt !== null && Math.min(tAnswer, now) >= fast.oneWorkingDayBefore(c.dueAt)) c.remindedFor = c.dueAt;
      if (!this.watchClock(tAnswer, 'overdue')) return this.finish();
      const onTime = c.deadline === null || tAnswer <= c.deadline;
      const reply = rng.pick(REPLIES);
      const light = lightAt(this.env.cal, c, new Date(tAnswer)).light;
      for (const u of this.units) if (u.active && u.role === 'lead') Object.assign(u, { status: 'answered', answeredAt: tAnswer });
      this.act(tAnswer, { status: 'answered', publicReply: reply, answeredAt: tAnswer, light, clockState: 'stopped', dueAt: null, overdue: 0, extDays: null, extReason: null, extRequestedAt: null },
        [['answered', leadActor, { publicReply: reply, attachmentIds: [], onTime }], ...(rng.chance(0.3) ? [['internal-note', leadActor, { text: '已存档相关整改材料' }, true] as [string, Actor, Record<string, unknown>, boolean]] : [])]);
      this.notice(tAnswer, [this.spec.dispatcher.id], 'case.answered', '待核实', reply);
      const tVerify = tAnswer + hrs(rng, 2, 48);
      if (tVerify > now) return this.finish();
      if (round === 0 && rng.chance(0.06)) {
        for (const u of this.units) if (u.active && u.role === 'lead') Object.assign(u, { status: 'signed', answeredAt: null });
        this.act(tVerify, { status: 'in_progress', clockState: 'running', dueAt: c.deadline, overdue: 0 }, [['sent-back', ref(this.spec.dispatcher), { reason: '整改不到位，请继续处理' }]]);
        this.notice(tVerify, lead.members.map((m) => m.id), 'case.sent-back', '核实未通过', '整改不到位，请继续处理');
        tAnswer = tVerify + hrs(rng, 24, 96);
        continue;
      }
      this.act(tVerify, { status: 'closed', closedAt: tVerify, clockState: 'stopped', dueAt: null, overdue: 0 }, [['closed', ref(this.spec.dispatcher), { reason: null }]]);
      this.notice(tVerify, [this.spec.reporter?.id], 'case.closed', '已办结，请评价', reply);
      return this.rate(tVerify, lead, leadActor, limit);
    }
  }

  private rate(tClosed: number, lead: OrgUnit, leadActor: Actor, limit: number): CaseTable {
    const { rng, now, fast } = this.env;
    const c = this.c;
    const reporter = this.spec.reporter;
    if (!reporter || c.reopenCount > 0 || !rng.chance(0.75)) return this.finish();
    const tRate = tClosed + hrs(rng, 2, 120);
    if (tRate > now) return this.finish();
    const rating = rng.weighted([['satisfied', 80], ['basically_satisfied', 15], ['unsatisfied', 5]] as const);
    this.act(tRate, { rating, ratingComment: null }, [['rated', ref(reporter), { rating, comment: null }]]);
    if (rating !== 'unsatisfied' || !rng.chance(0.4)) return this.finish();
    const tReopen = tRate + hrs(rng, 2, 48);
    if (tReopen > now) return this.finish();
    const deadline = fast.addWorkingDays(tReopen, limit);
    for (const u of this.units) if (u.active && u.role === 'lead') Object.assign(u, { status: 'signed', answeredAt: null, deadline });
    this.act(tReopen, {
      status: 'in_progress', reopenCount: c.reopenCount + 1, rating: null, ratingComment: null, closedAt: null, answeredAt: null,
      clockState: 'running', limitDays: limit, deadline, dueAt: deadline, light: 'green', overdue: 0, escalatedFor: null, remindedFor: null,
    }, [['reopened', ref(this.spec.dispatcher), { reason: '群众不满意，重新办理', previousRating: rating, deadline: iso(deadline) }]]);
    this.notice(tReopen, lead.members.map((m) => m.id), 'case.reopened', '重办', '群众不满意，重新办理');
    return this.answerAndClose(Math.round(tReopen + rng.between(0.2, 0.9) * (deadline - tReopen)), lead, leadActor, limit);
  }

  /** The light of a running clock as the sweep last saw it (the sweep runs every minute: so, as of now). */
  private finish(): CaseTable {
    const c = this.c;
    if (c.clockState === 'sign' || c.clockState === 'running') {
      this.watchClock(this.env.now, c.clockState === 'sign' ? 'not signed in time' : 'overdue');
      const { light, overdue } = lightAt(this.env.cal, c, new Date(this.env.now));
      c.light = light;
      c.overdue = overdue;
      if (c.clockState === 'running' && c.limitDays !== null && c.limitDays > 1 && !overdue && this.env.now >= this.env.fast.oneWorkingDayBefore(c.dueAt!)) c.remindedFor = c.dueAt;
    }
    return c;
  }
}
