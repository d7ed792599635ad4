/**
 * The case generator's thread: runs every case's lifecycle and hands the rows over in chunks (one batch of cases and
 * everything they brought), while the main thread writes the previous chunk. Same seed, same rows, same order.
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { appealCategoryNames } from '@liaison/contracts';
import { hashOf } from '../../kernel/audit/audit.js';
import { buildCalendar, shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { AuditLogTable, CaseTable } from '../../kernel/db/schema.js';
import { gramText } from '../../kernel/db/search.js';
import { BoardCounts } from './board-counts.js';
import { RowSink, type FlatRows } from './bulk-loader.js';
import { CaseLife, type LifecycleEnv } from './case-lifecycle.js';
import { CaseSpecs } from './case-spec.js';
import { FastCalendar } from './fast-calendar.js';
import { resolutionDueDate } from './generate-extras.js';
import type { Org, OrgProject } from './org-model.js';
import { Rng, uuidv7At } from './prng.js';
import type { ScalePlan } from './scale-plan.js';
import { SiteLogDays } from './site-log-days.js';

const DAY = 86_400_000;

export type WorkerInput = {
  plan: ScalePlan; seed: number; now: number; audit: boolean; fts: boolean; ftsCreatedAt: boolean; board: boolean; appeals: boolean; chunk: number; org: Org;
  calendar: { date: string; kind: string }[]; limits: { type: string; priority: string; days: number }[];
  counters: [string, number][]; chain: { seq: number; hash: string };
};
/** Cases raised by branch meetings in the recent window: the extras link them to a meeting's resolution. */
export type ResolutionCase = { projectIdx: number; caseId: string; resolutionId: string; at: number; title: string; ownerUnitId: string | null };
export type WorkerMessage =
  | { kind: 'chunk'; tables: FlatRows[]; done: number; rows: number }
  | { kind: 'end'; tables: FlatRows[]; counters: [string, number][]; resolutionCases: ResolutionCase[]; rows: number };

/** The order chunks are written in: parents before the rows that point at them. */
export const TABLE_ORDER = ['siteLogs', 'cases', 'caseUnits', 'caseEvents', 'casesFts', 'appeals', 'notifications', 'auditLog', 'siteLogProblems',
  'boardCaseMarks', 'scaleStagedBoardFlows', 'scaleStagedBoardCategories', 'boardGauges', 'boardVersions'] as const;

async function run(input: WorkerInput, post: (m: WorkerMessage) => Promise<void>) {
  const { plan, now, org } = input;
  const rng = new Rng(input.seed, 10);
  const ids = new Rng(input.seed, 11);
  const start = now - plan.years * 365 * DAY;
  const cal = buildCalendar(input.calendar);
  const fast = new FastCalendar(cal, start - 30 * DAY, now + 30 * DAY);
  const limits = new Map(input.limits.map((r) => [`${r.type}:${r.priority}`, r.days]));
  const env: LifecycleEnv = {
    now, cal, fast, rng, ids, unitName: (id) => org.units.get(id)?.name ?? '',
    limit: (type, priority) => limits.get(`${type}:${priority}`) ?? limits.get(`${type}:normal`) ?? 10,
  };
  const sinks = Object.fromEntries(TABLE_ORDER.map((t) => [t, new RowSink(t)])) as Record<(typeof TABLE_ORDER)[number], RowSink>;
  const take = () => TABLE_ORDER.map((t) => sinks[t].take()).filter((x): x is FlatRows => x !== null);
  const counters = new Map(input.counters);
  const chain = { ...input.chain };
  const resolutionCases: ResolutionCase[] = [];
  const resolutionDue = new Map<string, string>();
  const board = input.board ? new BoardCounts({ marks: sinks.boardCaseMarks, flows: sinks.scaleStagedBoardFlows, categories: sinks.scaleStagedBoardCategories,
    gauges: sinks.boardGauges, versions: sinks.boardVersions }, fast, (id) => resolutionDue.get(id), now) : null;
  const pickProject = weightedPicker(org.projects, new Rng(input.seed, 12));
  const specs = new CaseSpecs(org, rng);
  const siteLogs = new SiteLogDays(org, cal, now - plan.recentDays * DAY, now, new Rng(input.seed, 13), sinks.siteLogs);
  const notifyFrom = now - plan.notifyDays * DAY;
  let day = '';
  let rows = 0;

  for (let i = 0; i < plan.cases; i++) {
    const t0 = Math.floor(start + ((i + rng.float()) / plan.cases) * (now - start - 3_600_000));
    siteLogs.advanceTo(t0);
    const today = shanghaiDate(t0);
    if (today !== day) board?.newDay((day = today));
    const project = pickProject();
    const district = org.districts[project.districtIdx]!;
    const year = Number(today.slice(0, 4));
    const key = `${district.id}:${year}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const id = uuidv7At(t0, ids);
    const spec = specs.build(id, `${district.code}-${year}-${String(n).padStart(6, '0')}`, t0, project, district);
    const c = spec.row;
    if (c.source === 'site_log') {
      const logId = siteLogs.logFor(project, t0);
      if (logId) {
        Object.assign(c, { sourceRefType: 'site_log', sourceRefId: logId });
        sinks.siteLogProblems.add({ id: uuidv7At(t0, ids), siteLogId: logId, title: c.title, description: c.description, caseId: id, createdBy: project.commissioner?.id ?? null, createdAt: t0 });
      }
    } else if (c.source === 'branch_meeting' && project.commissioner && t0 >= now - plan.recentDays * DAY) {
      const resolutionId = uuidv7At(t0 - 3_600_000, ids);
      Object.assign(c, { sourceRefType: 'resolution', sourceRefId: resolutionId });
      resolutionDue.set(resolutionId, resolutionDueDate(t0));
      resolutionCases.push({ projectIdx: project.idx, caseId: id, resolutionId, at: t0, title: c.title, ownerUnitId: spec.leads[0]!.id });
    }
    const life = new CaseLife(env, spec);
    life.run();
    sinks.cases.add(c);
    board?.add(c, life.units);
    for (const u of life.units) sinks.caseUnits.add(u);
    for (const e of life.events) sinks.caseEvents.add(e);
    if (input.fts) sinks.casesFts.add({ docId: id, body: gramText([c.number, c.title, c.description]), ...(input.ftsCreatedAt ? { createdAt: c.createdAt } : {}) });
    if (input.appeals && c.type === 'appeal' && (c.source === 'public_portal' || c.source === 'hotline_12345')) appeal(sinks.appeals, c, ids);
    rows += 2 + life.units.length + life.events.length;
    if (t0 >= notifyFrom) rows += notices(sinks.notifications, life, c.id, now, ids, rng);
    if (input.audit) {
      audit(sinks.auditLog, chain, ids, { at: t0, actorId: spec.reporter?.id ?? null, actorName: spec.reporter?.username ?? null, entityId: id,
        changes: JSON.stringify({ number: c.number, projectId: c.projectId, type: c.type, title: c.title, priority: c.priority }) });
      rows++;
    }
    if ((i + 1) % input.chunk === 0) await post({ kind: 'chunk', tables: take(), done: i + 1, rows });
  }
  siteLogs.advanceTo(now);
  board?.finish();
  await post({ kind: 'end', tables: take(), counters: [...counters], resolutionCases, rows: rows + siteLogs.written });
}

const APPEAL_CATEGORY: Record<string, string> = Object.fromEntries(Object.entries(appealCategoryNames).map(([code, name]) => [name, code]));

/** The resident's appeal behind a public case: from the portal, or from the 12345 hotline through Open311. */
function appeal(w: RowSink, c: CaseTable, ids: Rng) {
  const portal = c.source === 'public_portal';
  const anonymous = !portal || ids.chance(0.5);
  w.add({
    id: uuidv7At(c.createdAt - 1, ids), districtId: c.districtId, projectId: c.projectId, caseId: c.id, trackingHash: createHash('sha256').update(`${c.id}:${ids.next()}`).digest('hex'),
    state: 'case', channel: portal ? 'portal' : 'open311', source: c.source, category: APPEAL_CATEGORY[c.category ?? ''] ?? 'other', description: c.description,
    address: null, lat: null, lng: null, attributes: null, mediaUrl: null, anonymous: anonymous ? 1 : 0, contactName: anonymous ? null : '居民',
    phoneSealed: null, phoneMasked: anonymous ? null : `139****${String(ids.int(10_000)).padStart(4, '0')}`, publicReply: c.publicReply, challengeId: null, open311KeyId: null,
    version: 1, createdAt: c.createdAt, updatedAt: c.updatedAt,
  });
}

function notices(w: RowSink, life: CaseLife, caseId: string, now: number, ids: Rng, rng: Rng): number {
  let n = 0;
  for (const notice of life.notices) {
    for (const userId of new Set(notice.userIds)) {
      const read = notice.at < now - 3 * DAY ? rng.chance(0.95) : rng.chance(0.4);
      w.add({
        id: uuidv7At(notice.at, ids), userId, kind: notice.kind, title: notice.title.slice(0, 300), body: notice.body.slice(0, 500), link: `/cases/${caseId}`,
        entityType: 'case', entityId: caseId, createdAt: notice.at, readAt: read ? Math.min(now, Math.round(notice.at + rng.between(0.1, 48) * 3_600_000)) : null, emailState: null,
      });
      n++;
    }
  }
  return n;
}

function audit(w: RowSink, chain: { seq: number; hash: string }, ids: Rng, e: { at: number; actorId: string | null; actorName: string | null; entityId: string; changes: string }) {
  const row: Omit<AuditLogTable, 'hash'> = {
    seq: chain.seq + 1, id: uuidv7At(e.at, ids), at: e.at, actorId: e.actorId, actorName: e.actorName ?? 'public', actorRole: null,
    action: 'case.created', entityType: 'case', entityId: e.entityId, changes: e.changes, ip: null, userAgent: null, requestId: null, prevHash: chain.hash,
  };
  const hash = hashOf(row);
  w.add({ ...row, hash });
  chain.seq = row.seq;
  chain.hash = hash;
}

/** Some projects raise many more cases than others: a few busy sites, a long tail of quiet ones. */
function weightedPicker(projects: OrgProject[], rng: Rng): () => OrgProject {
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < projects.length; i++) cumulative.push((total += Math.exp(rng.between(-1, 1.5))));
  return () => {
    const x = rng.float() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return projects[lo]!;
  };
}

// Up to three chunks in flight: the main thread acknowledges each once written.
if (parentPort) {
  const port = parentPort;
  let inFlight = 0;
  let release: (() => void) | null = null;
  port.on('message', () => {
    inFlight--;
    release?.();
    release = null;
  });
  const post = async (m: WorkerMessage) => {
    inFlight++;
    port.postMessage(m);
    while (inFlight >= 3) await new Promise<void>((r) => (release = r));
  };
  run(workerData as WorkerInput, post).catch((err) => {
    throw err;
  });
}
