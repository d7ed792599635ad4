import type { CreateAppealBody, PublicAppeal, rateAppealBody } from '@liaison/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import { toIso } from '../../kernel/db/tx.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';
import { reporterMay, rateAsPublicReporter } from '../cases/use-cases/public-feedback.js';
import { claimablePhotos, storePublicPhoto } from './appeal-photos.js';
import { maskedContact, presentAnswer, presentPublicProject, publicStatusOf, publicTimeline, ratingOf } from './appeal-view.js';
import { verifyChallenge } from './challenge.js';
import { fileAppeal } from './file-appeal.js';
import { listPublicProjectRows } from './public-refs.js';
import { redactText } from './public-text.js';
import { normalizeTrackingCode, trackingHash } from './tracking-code.js';

const DEFAULT_CENTER: [number, number] = [30.28, 120.17];

/** The latest verified answers to appeals, for the board: category, dates and the reply, nothing about who asked. */
export async function listRecentAnswers(db: Tx, projectId?: string, limit = 5) {
  let q = db.selectFrom('appeals').innerJoin('cases', 'cases.id', 'appeals.caseId').leftJoin('projects', 'projects.id', 'appeals.projectId')
    .select(['appeals.projectId', 'projects.name as projectName', 'appeals.category', 'appeals.createdAt', 'cases.closedAt', 'cases.publicReply'])
    .where('cases.status', '=', 'closed').where('cases.publicReply', 'is not', null);
  if (projectId) q = q.where('appeals.projectId', '=', projectId);
  const rows = await q.orderBy('cases.closedAt', 'desc').limit(limit).execute();
  return rows.map(presentAnswer);
}

export async function getBoard(ctx: Ctx) {
  const rows = await listPublicProjectRows(ctx.db);
  const located = rows.filter((r) => r.lat !== null && r.lng !== null);
  const center: [number, number] = located.length
    ? [located.reduce((s, r) => s + r.lat!, 0) / located.length, located.reduce((s, r) => s + r.lng!, 0) / located.length]
    : DEFAULT_CENTER;
  return {
    items: rows.map(presentPublicProject),
    recentAnswers: await listRecentAnswers(ctx.db),
    map: { tileUrl: ctx.config.mapTileUrl ?? null, center },
  };
}

export async function getPublicProject(ctx: Ctx, id: string) {
  const [row] = await listPublicProjectRows(ctx.db, id);
  if (!row) throw notFound('project');
  return { ...presentPublicProject(row), description: row.description, recentAnswers: await listRecentAnswers(ctx.db, id, 10) };
}

/** A resident's photo, sent before the appeal with the (solved) challenge it will be filed with. */
export async function uploadPublicPhoto(ctx: Ctx, challenge: { token: string; nonce: string }, data: Buffer) {
  const { id } = verifyChallenge(ctx, challenge);
  return storePublicPhoto(ctx, id, data);
}

export async function submitAppeal(ctx: Ctx, body: CreateAppealBody) {
  const { id: challengeId } = verifyChallenge(ctx, body.challenge);
  const photoIds = await claimablePhotos(ctx.db, challengeId, body.photoIds ?? []);
  const { trackingCode, appeal, caseId } = await fileAppeal(ctx, {
    channel: 'portal', source: 'public_portal', category: body.category, description: body.description, projectId: body.projectId ?? null,
    address: body.address ?? null, lat: body.location?.lat ?? null, lng: body.location?.lng ?? null, attributes: null, mediaUrl: null,
    name: body.anonymous ? null : (body.name ?? null), phone: body.anonymous ? null : (body.phone ?? null), challengeId, open311KeyId: null,
    photoIds, reporter: { name: 'resident', role: 'resident' },
  });
  return { trackingCode, link: `/portal/t/${trackingCode}`, status: publicStatusOf(appeal, caseId ? { status: 'submitted' } : null) };
}

/**
 * The appeal behind a tracking code. A code that cannot exist is looked up all the same (as its hash), so a
 * malformed, an unknown and a wrong code all cost one index probe and end in the same 404.
 */
async function findByCode(ctx: Ctx, raw: string) {
  const code = normalizeTrackingCode(raw);
  const appeal = await ctx.db.selectFrom('appeals').selectAll().where('trackingHash', '=', trackingHash(code ?? raw)).executeTakeFirst();
  if (!appeal || !code) throw notFound('appeal');
  return { code, appeal };
}

export async function getPublicAppeal(ctx: Ctx, raw: string): Promise<PublicAppeal> {
  const { code, appeal } = await findByCode(ctx, raw);
  const c = appeal.caseId ? await ctx.db.selectFrom('cases').selectAll().where('id', '=', appeal.caseId).executeTakeFirst() ?? null : null;
  const events = c ? await ctx.db.selectFrom('caseEvents').selectAll().where('caseId', '=', c.id).where('internal', '=', 0).orderBy('seq').execute() : [];
  const photos = await ctx.db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([
      eb.and([eb('attachedType', '=', 'appeal'), eb('attachedId', '=', appeal.id)]),
      ...(c ? [eb.and([eb('attachedType', '=', 'case'), eb('attachedId', '=', c.id), eb('ownerId', 'is', null)])] : []),
    ])).executeTakeFirstOrThrow();
  const project = appeal.projectId ? await ctx.db.selectFrom('projects').select(['id', 'name']).where('id', '=', appeal.projectId).executeTakeFirst() : undefined;
  const status = publicStatusOf(appeal, c);
  const replied = status === 'answered';
  return {
    trackingCode: code, status, category: appeal.category as PublicAppeal['category'], project: project ?? null,
    description: redactText(appeal.description), address: appeal.address, location: appeal.lat !== null && appeal.lng !== null ? { lat: appeal.lat, lng: appeal.lng } : null,
    contact: maskedContact(appeal), photos: Number(photos.n), submittedAt: toIso(appeal.createdAt)!,
    expectedAt: c && c.status !== 'closed' ? toIso(c.deadline) : null,
    timeline: publicTimeline(appeal, c, events),
    reply: replied ? c!.publicReply : appeal.state === 'dismissed' ? appeal.publicReply : null,
    repliedAt: replied ? toIso(c!.closedAt) : appeal.state === 'dismissed' ? toIso(appeal.updatedAt) : null,
    rating: ratingOf(c), canRate: !!c && reporterMay(c, 'rate'), canReopen: !!c && reporterMay(c, 'reopen'),
  };
}

export async function rateAppeal(ctx: Ctx, raw: string, body: z.infer<typeof rateAppealBody>): Promise<PublicAppeal> {
  const { appeal } = await findByCode(ctx, raw);
  if (!appeal.caseId) throw new AppError('CASE_ACTION_NOT_ALLOWED', 'the appeal has no answer to rate yet', undefined, { action: 'rate' });
  await rateAsPublicReporter(ctx, appeal.caseId, body, { name: 'resident', role: 'resident' });
  return getPublicAppeal(ctx, raw);
}
