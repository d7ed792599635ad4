import { hashOf, GENESIS_HASH } from '../../kernel/audit/audit.js';
import { buildCalendar, shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { AuditLogTable } from '../../kernel/db/schema.js';
import type { BulkLoader, TableWriter } from './bulk-loader.js';
import { CaseLife, type LifecycleEnv } from './case-lifecycle.js';
import { CaseSpecs } from './case-spec.js';
import { FastCalendar } from './fast-calendar.js';
import type { Org, OrgProject } from './org-model.js';
import { Rng, uuidv7At } from './prng.js';
import type { ScalePlan } from './scale-plan.js';
import { SiteLogDays } from './site-log-days.js';

const DAY = 86_400_000;

export type CaseGenOptions = { seed: number; now: number; audit: boolean; progress: (done: number, total: number, rows: number) => void };
/** Cases raised by branch meetings in the recent window: the extras link them to a meeting's resolution. */
export type ResolutionCase = { projectIdx: number; caseId: string; resolutionId: string; at: number; title: string; ownerUnitId: string | null };

type Writers = Record<'siteLogs' | 'cases' | 'caseUnits' | 'caseEvents' | 'casesFts' | 'notifications' | 'auditLog' | 'siteLogProblems', TableWriter | null>;

/**
 * Cases, oldest first over the plan's years, each run through its lifecycle to `now` — numbers gapless per district
 * and year, the counters left at the last number — with their events, unit rows, full-text rows (SQLite), recent
 * notifications, a hash-chained `case.created` audit row each, and the commissioners' site logs of the recent window.
 */
export async function generateCases(loader: BulkLoader, org: Org, plan: ScalePlan, opts: CaseGenOptions) {
  const { now } = opts;
  const db = loader.db;
  const rng = new Rng(opts.seed, 10);
  const ids = new Rng(opts.seed, 11);
  const start = now - plan.years * 365 * DAY;
  const calRows = await db.selectFrom('calendarDays').select(['date', 'kind']).execute();
  const cal = buildCalendar(calRows);
  const fast = new FastCalendar(cal, start - 30 * DAY, now + 30 * DAY);
  const limitRows = await db.selectFrom('caseLimits').select(['type', 'priority', 'days']).execute();
  const limits = new Map(limitRows.map((r) => [`${r.type}:${r.priority}`, r.days]));
  const unitNames = new Map([...org.units.values()].map((u) => [u.id, u.name]));
  const env: LifecycleEnv = {
    now, cal, fast, rng, ids, unitName: (id) => unitNames.get(id) ?? '',
    limit: (type, priority) => limits.get(`${type}:${priority}`) ?? limits.get(`${type}:normal`) ?? 10,
  };
  const w: Writers = {
    siteLogs: loader.writer('siteLogs', 14, 500, { parent: true }),
    cases: loader.writer('cases', 50, 600, { parent: true }),
    caseUnits: loader.writer('caseUnits', 11),
    caseEvents: loader.writer('caseEvents', 9, 2000),
    casesFts: loader.dialect === 'sqlite' ? loader.writer('casesFts', 4, 2000) : null,
    notifications: loader.writer('notifications', 12, 2000),
    auditLog: opts.audit ? loader.writer('auditLog', 15, 1000) : null,
    siteLogProblems: loader.writer('siteLogProblems', 7, 1000),
  };
  const counters = new Map<string, number>();
  for (const r of await db.selectFrom('caseCounters').selectAll().execute()) counters.set(`${r.districtId}:${r.year}`, r.last);
  const last = await db.selectFrom('auditLog').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const chain = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
  const pickProject = weightedPicker(org.projects, new Rng(opts.seed, 12));
  const specs = new CaseSpecs(org, rng);
  const siteLogs = new SiteLogDays(org, cal, now - plan.recentDays * DAY, now, new Rng(opts.seed, 13), w.siteLogs!);
  const resolutionCases: ResolutionCase[] = [];
  const notifyFrom = now - plan.notifyDays * DAY;
  const districtCodes = org.districts.map((d) => d.code);
  let rows = 0;

  await loader.begin();
  for (let i = 0; i < plan.cases; i++) {
    const t0 = Math.floor(start + ((i + rng.float()) / plan.cases) * (now - start - 3_600_000));
    siteLogs.advanceTo(t0);
    const project = pickProject();
    const district = org.districts[project.districtIdx]!;
    const year = Number(shanghaiDate(t0).slice(0, 4));
    const key = `${district.id}:${year}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const id = uuidv7At(t0, ids);
    const spec = specs.build(id, `${districtCodes[district.idx]}-${year}-${String(n).padStart(6, '0')}`, t0, project, district);
    const c = spec.row;
    if (c.source === 'site_log') {
      const logId = siteLogs.logFor(project, t0);
      if (logId) {
        Object.assign(c, { sourceRefType: 'site_log', sourceRefId: logId });
        w.siteLogProblems!.add({ id: uuidv7At(t0, ids), siteLogId: logId, title: c.title, description: c.description, caseId: id, createdBy: project.commissioner?.id ?? null, createdAt: t0 });
      }
    } else if (c.source === 'branch_meeting' && t0 >= now - plan.recentDays * DAY) {
      const resolutionId = uuidv7At(t0 - 3_600_000, ids);
      Object.assign(c, { sourceRefType: 'resolution', sourceRefId: resolutionId });
      resolutionCases.push({ projectIdx: project.idx, caseId: id, resolutionId, at: t0, title: c.title, ownerUnitId: spec.leads[0]!.id });
    }
    const life = new CaseLife(env, spec);
    life.run();
    w.cases!.add(c as unknown as Record<string, unknown>);
    for (const u of life.units) w.caseUnits!.add(u);
    for (const e of life.events) w.caseEvents!.add(e);
    w.casesFts?.add({ docId: id, number: c.number, title: c.title, description: c.description });
    rows += 2 + life.units.length + life.events.length;
    if (t0 >= notifyFrom) rows += writeNotices(w.notifications!, life, c.id, now, ids, rng);
    if (w.auditLog) {
      appendAudit(w.auditLog, chain, ids, { at: t0, actorId: spec.reporter?.id ?? null, actorName: spec.reporter?.username ?? null, entityId: id,
        changes: JSON.stringify({ number: c.number, projectId: c.projectId, type: c.type, title: c.title, priority: c.priority }) });
      rows++;
    }
    if (w.cases!.pending >= w.cases!.batch) {
      await loader.flushAll(false);
      if ((i + 1) % (w.cases!.batch * 40) < w.cases!.batch) {
        await loader.commit();
        await loader.begin();
      }
      opts.progress(i + 1, plan.cases, rows + siteLogs.written);
    }
  }
  siteLogs.advanceTo(now);
  await loader.flushAll(true);
  for (const [key, lastNumber] of counters) {
    const [districtId, year] = key.split(':');
    await loader.exec(loader.dialect === 'sqlite'
      ? 'insert into case_counters (district_id, year, last) values (?, ?, ?) on conflict (district_id, year) do update set last = excluded.last'
      : 'insert into case_counters (district_id, year, last) values ($1, $2, $3) on conflict (district_id, year) do update set last = excluded.last', [districtId, Number(year), lastNumber]);
  }
  await loader.commit();
  opts.progress(plan.cases, plan.cases, rows + siteLogs.written);
  return { resolutionCases, rows: rows + siteLogs.written, events: w.caseEvents!.total, notifications: w.notifications!.total, siteLogs: w.siteLogs!.total };
}

function writeNotices(w: TableWriter, life: CaseLife, caseId: string, now: number, ids: Rng, rng: Rng): number {
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

function appendAudit(w: TableWriter, chain: { seq: number; hash: string }, ids: Rng, e: { at: number; actorId: string | null; actorName: string | null; entityId: string; changes: string }) {
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
