import type { z } from 'zod';
import type { ApprovalLevel, EnterpriseNeedType, enterpriseNeedListQuery, enterpriseNeedReportQuery } from '@liaison/contracts';
import { sql } from 'kysely';
import { assertCan } from '../../kernel/access/assert.js';
import { endOfShanghaiDay, startOfShanghaiDay } from '../../kernel/calendar/working-calendar.js';
import type { Actor, Ctx } from '../../kernel/context.js';
import { caseScope } from '../cases/cases.policy.js';
import { OPEN_STATUSES, presentCases } from '../cases/cases.service.js';
import { findUnitNames, presentNeed } from './enterprise.service.js';

type Filters = z.infer<typeof enterpriseNeedReportQuery> & Partial<Pick<z.infer<typeof enterpriseNeedListQuery>, 'needType' | 'level' | 'status'>>;

/** Enterprise needs the actor may see — the case engine's own scope, in SQL — narrowed by the filters. */
function scopedNeeds(ctx: Ctx, actor: Actor, f: Filters) {
  let q = ctx.db.selectFrom('cases').innerJoin('enterpriseNeeds', 'enterpriseNeeds.caseId', 'cases.id').where(caseScope(actor));
  if (f.needType) q = q.where('enterpriseNeeds.needType', '=', f.needType);
  if (f.level) q = q.where('enterpriseNeeds.level', '=', f.level);
  if (f.status) q = q.where('cases.status', 'in', Array.isArray(f.status) ? f.status : [f.status]);
  if (f.projectId) q = q.where('cases.projectId', '=', f.projectId);
  if (f.createdFrom) q = q.where('cases.createdAt', '>=', startOfShanghaiDay(f.createdFrom).getTime());
  if (f.createdTo) q = q.where('cases.createdAt', '<=', endOfShanghaiDay(f.createdTo).getTime());
  return q;
}

export async function listNeeds(ctx: Ctx, q: z.infer<typeof enterpriseNeedListQuery>) {
  const actor = assertCan(ctx, 'case.read');
  const base = scopedNeeds(ctx, actor, q);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll('cases').orderBy('cases.createdAt', 'desc').orderBy('cases.id', 'desc')
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  // The details separately: both tables have version and timestamps, which one row object cannot hold twice.
  const needs = rows.length ? await ctx.db.selectFrom('enterpriseNeeds').selectAll().where('caseId', 'in', rows.map((r) => r.id)).execute() : [];
  const byCase = new Map(needs.map((n) => [n.caseId, n]));
  const cases = await presentCases(ctx.db, rows, ctx.now());
  const units = await findUnitNames(ctx.db, [...new Set(needs.flatMap((n) => JSON.parse(n.coordinatingUnitIds) as string[]))]);
  const items = cases.map((c) => ({ ...c, need: presentNeed(byCase.get(c.id)!, units) }));
  return { items, total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

type Figures = { total: number; open: number; closed: number; amountRequested: number; amountArranged: number; tenantsSigned: number; parkingApproved: number };
const zero = (): Figures => ({ total: 0, open: 0, closed: 0, amountRequested: 0, amountArranged: 0, tenantsSigned: 0, parkingApproved: 0 });
const yuan = (n: number) => Math.round(n * 100) / 100;
function add(into: Figures, f: Figures) {
  for (const k of Object.keys(into) as (keyof Figures)[]) into[k] += f[k];
  into.amountRequested = yuan(into.amountRequested);
  into.amountArranged = yuan(into.amountArranged);
}

/**
 * Needs by type and level with what was arranged: counts of all, open and closed needs and the sums of the outcome
 * figures, grouped in SQL over the needs the caller may see.
 */
export async function needsReport(ctx: Ctx, f: z.infer<typeof enterpriseNeedReportQuery>) {
  const actor = assertCan(ctx, 'case.read');
  const open = OPEN_STATUSES as string[];
  const rows = await scopedNeeds(ctx, actor, f)
    .select((eb) => [
      'enterpriseNeeds.needType', 'enterpriseNeeds.level',
      eb.fn.countAll<number>().as('total'),
      sql<number>`sum(case when ${sql.ref('cases.status')} in (${sql.join(open)}) then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when ${sql.ref('cases.status')} = 'closed' then 1 else 0 end)`.as('closed'),
      sql<number>`coalesce(sum(${sql.ref('enterpriseNeeds.amountRequested')}), 0)`.as('amountRequested'),
      sql<number>`coalesce(sum(${sql.ref('enterpriseNeeds.amountArranged')}), 0)`.as('amountArranged'),
      sql<number>`coalesce(sum(${sql.ref('enterpriseNeeds.tenantsSigned')}), 0)`.as('tenantsSigned'),
      sql<number>`coalesce(sum(${sql.ref('enterpriseNeeds.parkingApproved')}), 0)`.as('parkingApproved'),
    ])
    .groupBy(['enterpriseNeeds.needType', 'enterpriseNeeds.level'])
    .orderBy('enterpriseNeeds.needType').orderBy('enterpriseNeeds.level')
    .execute();
  const out = rows.map((r) => ({
    needType: r.needType as EnterpriseNeedType, level: r.level as ApprovalLevel,
    total: Number(r.total), open: Number(r.open), closed: Number(r.closed), amountRequested: yuan(Number(r.amountRequested)),
    amountArranged: yuan(Number(r.amountArranged)), tenantsSigned: Number(r.tenantsSigned), parkingApproved: Number(r.parkingApproved),
  }));
  const byType = new Map<EnterpriseNeedType, Figures>();
  const byLevel = new Map<ApprovalLevel, Figures>();
  const totals = zero();
  for (const { needType, level, ...fig } of out) {
    if (!byType.has(needType)) byType.set(needType, zero());
    if (!byLevel.has(level)) byLevel.set(level, zero());
    add(byType.get(needType)!, fig);
    add(byLevel.get(level)!, fig);
    add(totals, fig);
  }
  return {
    rows: out,
    byType: [...byType].map(([needType, fig]) => ({ needType, ...fig })),
    byLevel: [...byLevel].map(([level, fig]) => ({ level, ...fig })),
    totals,
  };
}
