import type { Case, CaseDetail, CaseEvent, CaseFilters, CaseListQuery, CaseStatus } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { loadWorkingCalendar } from '../../kernel/calendar/calendar-store.js';
import type { Actor, Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import type { CaseTable, CaseUnitTable } from '../../kernel/db/schema.js';
import { listAttachedFiles } from '../../kernel/files/files.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { toIso } from '../../kernel/db/tx.js';
import { relationTo } from '../projects/projects.policy.js';
import { calendarFrom } from './case-clock.js';
import { loadNames } from './case-refs.js';
import { allowedActions, type CaseFacts, type CaseRelation } from './case-state-machine.js';
import { factsOf, relationsOf, seesInternal } from './cases.policy.js';
import { presentCase, presentEvent } from './cases.presenter.js';
import { caseListQueries, findVisibleCase, listCaseUnits, scopedCases } from './cases.repository.js';

export const OPEN_STATUSES: CaseStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'answered'];

/** Presents a page of rows: names, unit rows and the calendar in a few queries, whatever the page size. */
export async function presentCases(db: Tx, rows: CaseTable[], now: Date): Promise<Case[]> {
  const units = await listCaseUnits(db, rows.map((r) => r.id));
  const [refs, cal] = await Promise.all([
    loadNames(db, {
      projects: rows.map((r) => r.projectId),
      units: [...rows.flatMap((r) => [r.leadUnitId, r.reporterUnitId]), ...units.map((u) => u.unitId)],
      users: rows.flatMap((r) => [r.reporterId, r.assigneeId]),
    }),
    loadWorkingCalendar(db, calendarFrom(now, rows)),
  ]);
  return rows.map((r) => presentCase(r, units, refs, cal, now));
}

export async function listCases(ctx: Ctx, q: CaseListQuery) {
  const actor = assertCan(ctx, 'case.read');
  const now = ctx.now();
  const { count, page } = caseListQueries(ctx.db, ctx.dialect, actor, q, now);
  const total = await count.executeTakeFirstOrThrow();
  const rows = await page(q.pageSize, (q.page - 1) * q.pageSize).execute();
  return { items: await presentCases(ctx.db, rows, now), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

/**
 * Every case of a filtered list (for exports), in pages so memory stays flat; refused above EXPORT_MAX_ROWS (50,000 by
 * default): a city's five years are a million cases, more than a spreadsheet should hold or one request should read.
 */
export async function* iterateCases(ctx: Ctx, f: CaseFilters): AsyncGenerator<Case[]> {
  const actor = assertCan(ctx, 'case.export');
  const now = ctx.now();
  const { count, page } = caseListQueries(ctx.db, ctx.dialect, actor, f, now);
  const total = Number((await count.executeTakeFirstOrThrow()).n);
  const max = ctx.config.exportMaxRows;
  if (total > max) throw new AppError('EXPORT_TOO_LARGE', `${total} cases match; at most ${max} can be exported at a time: narrow the filters`, undefined, { total, max });
  for (let offset = 0; ; offset += 500) {
    const rows = await page(500, offset).execute();
    if (rows.length === 0) return;
    yield await presentCases(ctx.db, rows, now);
    if (rows.length < 500) return;
  }
}

export type LoadedCase = {
  actor: Actor;
  row: CaseTable;
  units: CaseUnitTable[];
  relations: CaseRelation[];
  facts: CaseFacts;
};

/** A case the caller may see, with how they stand to it; 404 when they may not see it (or it does not exist). */
export async function loadCaseFor(ctx: Ctx, id: string, db: Tx = ctx.db): Promise<LoadedCase> {
  const actor = assertCan(ctx, 'case.read');
  const row = await findVisibleCase(db, actor, id);
  if (!row) throw notFound('case');
  const units = await listCaseUnits(db, [id]);
  const project = await db.selectFrom('projects').select(['id', 'ownerUnitId', 'contractorUnitId', 'supervisorUnitId'])
    .where('id', '=', row.projectId).executeTakeFirstOrThrow();
  const rel = await relationTo(db, actor, project);
  const relations = relationsOf(actor, row, units, rel);
  return { actor, row, units, relations, facts: factsOf(actor, row, units) };
}

export async function getCaseDetail(ctx: Ctx, id: string): Promise<CaseDetail> {
  const loaded = await loadCaseFor(ctx, id);
  const [presented] = await presentCases(ctx.db, [loaded.row], ctx.now());
  const files = await listAttachedFiles(ctx.db, 'case', id);
  return {
    ...presented!,
    allowedActions: allowedActions(loaded.row.status as CaseStatus, loaded.relations, loaded.facts),
    attachments: files.map((f) => ({ id: f.id, name: f.name, size: f.size, mediaType: f.mediaType, hasThumbnail: f.hasThumbnail })),
  };
}

/** May the caller see this case? For files attached to it. */
export async function canSeeCase(ctx: Ctx, id: string): Promise<boolean> {
  if (!ctx.actor || !ctx.actor.permissions.includes('case.read')) return false;
  return !!(await findVisibleCase(ctx.db, ctx.actor, id));
}

export async function listCaseEvents(ctx: Ctx, id: string): Promise<CaseEvent[]> {
  const { actor, relations } = await loadCaseFor(ctx, id);
  let q = ctx.db.selectFrom('caseEvents').selectAll().where('caseId', '=', id);
  if (!seesInternal(actor, relations)) q = q.where('internal', '=', 0);
  const rows = await q.orderBy('seq').execute();
  const refs = await loadNames(ctx.db, { users: rows.map((r) => r.actorId) });
  return rows.map((r) => presentEvent(r, refs));
}

/** Character pairs of a title, for a likeness score that works on Chinese text without a tokenizer. */
const bigrams = (s: string) => {
  const chars = [...s.replace(/\s+/g, '').toLowerCase()];
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) out.add(chars[i]! + chars[i + 1]!);
  if (chars.length === 1) out.add(chars[0]!);
  return out;
};
const dice = (a: Set<string>, b: Set<string>) => {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return (2 * common) / (a.size + b.size);
};

/** Open cases on the same project whose titles look alike: shown while a new case is written (duplicate prevention). */
export async function findSimilarCases(ctx: Ctx, q: { projectId: string; title: string }) {
  const actor = assertCan(ctx, 'case.read');
  const rows = await scopedCases(ctx.db, ctx.dialect, actor, { projectId: q.projectId, status: OPEN_STATUSES }, ctx.now())
    .select(['cases.id', 'cases.number', 'cases.title', 'cases.status', 'cases.createdAt'])
    .orderBy('cases.createdAt', 'desc').limit(500).execute();
  const wanted = bigrams(q.title);
  return rows
    .map((r) => ({ id: r.id, number: r.number, title: r.title, status: r.status as CaseStatus, createdAt: toIso(r.createdAt)!, score: Math.round(dice(wanted, bigrams(r.title)) * 100) / 100 }))
    .filter((r) => r.score >= 0.3)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
}
