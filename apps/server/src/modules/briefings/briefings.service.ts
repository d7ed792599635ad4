import { isoWeekRange, type Briefing } from '@liaison/contracts';
import { sql } from 'kysely';
import { assertCan } from '../../kernel/access/assert.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import { shanghaiDate } from '../../kernel/calendar/working-calendar.js';
import type { Actor, Ctx } from '../../kernel/context.js';
import { inTransaction, toIso } from '../../kernel/db/tx.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { notify } from '../../kernel/notify/notify.js';
import { districtBoardScope, resolveBoardScope } from '../board/board.policy.js';
import { buildBriefing } from './briefing-content.js';
import { briefingReaders } from './briefing-lists.js';
import { briefingDocx, briefingPdf, briefingXlsx } from './briefings.documents.js';

export const BRIEFING_MEDIA = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type BriefingFormat = keyof typeof BRIEFING_MEDIA;

/** The district whose briefings the caller reads: their own, or the one named (for someone above the districts). */
async function readableDistrict(ctx: Ctx, actor: Actor, districtId?: string): Promise<{ id: string; name: string }> {
  const scope = await resolveBoardScope(ctx, actor);
  const names = await ctx.db.selectFrom('units').select(['id', 'name']).where('id', 'in', scope.districtIds.length ? scope.districtIds : ['-']).execute();
  if (districtId) {
    const d = names.find((n) => n.id === districtId);
    if (!d) throw notFound('district');
    return d;
  }
  if (names.length !== 1) throw new AppError('VALIDATION_FAILED', 'name the district', [{ path: 'districtId', message: 'required: you see several districts' }]);
  return names[0]!;
}

const renderers = { pdf: briefingPdf, docx: briefingDocx, xlsx: briefingXlsx } as const;

/** Renders a week's briefing of a district: the content once, then the files asked for. */
async function render<F extends BriefingFormat>(ctx: Ctx, districtId: string, week: string, formats: readonly F[]) {
  const scope = await districtBoardScope(ctx, districtId);
  const content = await buildBriefing(ctx, scope, { ...isoWeekRange(week)!, week });
  const files = await Promise.all(formats.map((f) => renderers[f](content)));
  return { content, files: Object.fromEntries(formats.map((f, i) => [f, files[i]!])) as Record<F, Buffer> };
}

/**
 * The archived briefing of a finished week, made now if nobody made it yet. Two instances making it at once both
 * render, one row is kept (the unique district+week), and both answer with that row.
 */
export async function archiveBriefing(ctx: Ctx, districtId: string, week: string) {
  const find = () => ctx.db.selectFrom('briefings').selectAll().where('districtId', '=', districtId).where('week', '=', week).executeTakeFirst();
  const existing = await find();
  if (existing) return existing;
  const { content, files } = await render(ctx, districtId, week, ['pdf', 'docx', 'xlsx'] as const);
  const range = isoWeekRange(week)!;
  const id = newId();
  await inTransaction(ctx, async (trx) => {
    const res = await trx.insertInto('briefings').values({
      id, districtId, week, fromDate: range.from, toDate: range.to, figures: JSON.stringify(content.figures), ...files,
      generatedBy: ctx.actor && ctx.actor.via !== 'system' ? ctx.actor.userId : null, generatedAt: ctx.now().getTime(), notifiedAt: null,
    }).onConflict((oc) => oc.columns(['districtId', 'week']).doNothing()).executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 1) {
      await writeAudit(ctx, trx, { action: 'briefing.generated', entityType: 'briefing', entityId: id, changes: { districtId, week } });
    }
  });
  return (await find())!;
}

/** GET /briefings/weekly: the archived file of a finished week, or a fresh draft of the week under way. */
export async function getWeeklyBriefing(ctx: Ctx, q: { week: string; format: BriefingFormat; districtId?: string }) {
  const actor = assertCan(ctx, 'briefing.read');
  const district = await readableDistrict(ctx, actor, q.districtId);
  const range = isoWeekRange(q.week)!;
  const today = shanghaiDate(ctx.now());
  if (range.from > today) throw new AppError('RULE_VIOLATED', 'the week has not begun', [{ path: 'week', message: 'in the future' }]);
  const finished = range.to < today;
  const data = finished ? (await archiveBriefing(ctx, district.id, q.week))[q.format] : (await render(ctx, district.id, q.week, [q.format])).files[q.format];
  return { data: Buffer.from(data), mediaType: BRIEFING_MEDIA[q.format], name: `${district.name}工作简报-${q.week}${finished ? '' : '-草稿'}.${q.format}`, ascii: `briefing-${q.week}.${q.format}`, archived: finished };
}

/** GET /briefings: the archive of the caller's district, newest week first. */
export async function listBriefings(ctx: Ctx, q: { page: number; pageSize: number; districtId?: string }) {
  const actor = assertCan(ctx, 'briefing.read');
  const district = await readableDistrict(ctx, actor, q.districtId);
  const base = ctx.db.selectFrom('briefings').where('briefings.districtId', '=', district.id);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.leftJoin('users', 'users.id', 'briefings.generatedBy')
    .select(['briefings.id', 'briefings.week', 'briefings.fromDate', 'briefings.toDate', 'briefings.generatedAt', 'users.displayName'])
    .select([sql<number>`length(briefings.pdf)`.as('pdfSize'), sql<number>`length(briefings.docx)`.as('docxSize'), sql<number>`length(briefings.xlsx)`.as('xlsxSize')])
    .orderBy('briefings.week', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  const items: Briefing[] = rows.map((r) => ({
    id: r.id, week: r.week, from: r.fromDate, to: r.toDate, district, generatedAt: toIso(r.generatedAt)!, generatedBy: r.displayName ?? 'system',
    files: (['pdf', 'docx', 'xlsx'] as const).map((format) => ({
      format, size: Number(r[`${format}Size`]), href: `/api/v1/briefings/weekly?week=${r.week}&format=${format}${q.districtId ? `&districtId=${district.id}` : ''}`,
    })),
  }));
  return { items, total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

/**
 * The Monday job's work for one district: archive last week's briefing (unless someone asked for it already) and
 * tell the district's leaders and organisation department, once — the notice goes out in the transaction that
 * stamps `notified_at`, so however many instances tick, one does it.
 */
export async function publishBriefing(ctx: Ctx, districtId: string, week: string): Promise<boolean> {
  const row = await archiveBriefing(ctx, districtId, week);
  if (row.notifiedAt !== null) return false;
  return inTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('briefings').set({ notifiedAt: ctx.now().getTime() }).where('id', '=', row.id).where('notifiedAt', 'is', null).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    const district = await trx.selectFrom('units').select('name').where('id', '=', districtId).executeTakeFirstOrThrow();
    await notify(ctx, trx, {
      userIds: await briefingReaders(trx, districtId), kind: 'briefing.ready', title: `${district.name}工作简报（${week.replace('-W', '年第')}周）已生成`,
      body: `${row.fromDate} 至 ${row.toDate} 的工作简报可下载（PDF、Word、Excel）。`, link: `/briefings?week=${week}`, entityType: 'briefing', entityId: row.id,
    });
    return true;
  });
}
