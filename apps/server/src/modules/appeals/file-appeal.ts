import { appealCategoryNames, type AppealCategory, type caseSources } from '@liaison/contracts';
import { writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import type { AppealTable } from '../../kernel/db/schema.js';
import { inTransaction, withTrx } from '../../kernel/db/tx.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { notify } from '../../kernel/notify/notify.js';
import { createPublicCase, type PublicReporter } from '../cases/use-cases/create-public-case.js';
import { findDistrictId } from './public-refs.js';
import { maskPhone } from './public-text.js';
import { newTrackingCode, trackingHash } from './tracking-code.js';

export type NewAppeal = {
  channel: 'portal' | 'open311';
  source: (typeof caseSources)[number];
  category: AppealCategory;
  description: string;
  projectId: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  attributes: Record<string, string | string[]> | null;
  mediaUrl: string | null;
  name: string | null;
  phone: string | null;
  challengeId: string | null;
  open311KeyId: string | null;
  /** Photos already checked as this filer's (claimablePhotos). */
  photoIds: string[];
  reporter: PublicReporter;
};

const badProject = () => new AppError('VALIDATION_FAILED', 'unknown project', [{ path: 'body.projectId', message: 'unknown project' }]);

/** What the handler reads in the case: the resident's words, then where, then any Open311 attributes. */
function caseDescription(a: NewAppeal): string {
  const lines = [a.description];
  const where = [a.address, a.lat !== null && a.lng !== null ? `(${a.lat.toFixed(6)}, ${a.lng.toFixed(6)} WGS84)` : null].filter(Boolean).join(' ');
  if (where) lines.push(`位置：${where}`);
  for (const [k, v] of Object.entries(a.attributes ?? {})) lines.push(`${k}：${Array.isArray(v) ? v.join('、') : v}`);
  if (a.mediaUrl) lines.push(`图片：${a.mediaUrl}`);
  return lines.join('\n');
}

export const caseTitle = (category: AppealCategory, description: string) => {
  const head = [...description.replace(/\s+/g, ' ').trim()];
  return `${appealCategoryNames[category]}：${head.slice(0, 40).join('')}${head.length > 40 ? '…' : ''}`;
};

/**
 * Files an appeal: stores it (the phone sealed), makes it an `appeal` case on its project at once, or, without a
 * project, leaves it for the organisation department to triage and tells them. Returns the tracking code, which is
 * never stored and so is shown once.
 */
export async function fileAppeal(ctx: Ctx, a: NewAppeal): Promise<{ appeal: AppealTable; trackingCode: string; caseId: string | null }> {
  let districtId: string | null;
  if (a.projectId) {
    const p = await ctx.db.selectFrom('projects').select(['districtId', 'archivedAt']).where('id', '=', a.projectId).executeTakeFirst();
    if (!p || p.archivedAt !== null) throw badProject();
    districtId = p.districtId;
  } else {
    districtId = await findDistrictId(ctx.db);
  }
  if (!districtId) throw new AppError('SERVICE_UNAVAILABLE', 'no district is set up yet');
  const trackingCode = newTrackingCode();
  const t = ctx.now().getTime();
  const row: AppealTable = {
    id: newId(), districtId, projectId: a.projectId, caseId: null, trackingHash: trackingHash(trackingCode), state: a.projectId ? 'case' : 'triage',
    channel: a.channel, source: a.source, category: a.category, description: a.description, address: a.address, lat: a.lat, lng: a.lng,
    attributes: a.attributes && Object.keys(a.attributes).length ? JSON.stringify(a.attributes) : null, mediaUrl: a.mediaUrl,
    anonymous: a.name || a.phone ? 0 : 1, contactName: a.name, phoneSealed: a.phone ? ctx.secrets.seal(a.phone) : null,
    phoneMasked: a.phone ? maskPhone(a.phone) : null, publicReply: null, challengeId: a.challengeId, open311KeyId: a.open311KeyId,
    version: 1, createdAt: t, updatedAt: t,
  };
  const actorOverride = { id: null, name: a.reporter.name, role: a.reporter.role };
  try {
    const caseId = await inTransaction(ctx, async (trx) => {
      await trx.insertInto('appeals').values({ ...row, state: 'triage' }).execute();
      let caseId: string | null = null;
      if (a.projectId) {
        const c = await createPublicCase(withTrx(ctx, trx), {
          projectId: a.projectId, category: appealCategoryNames[a.category], title: caseTitle(a.category, a.description),
          description: caseDescription(a), source: a.source, appealId: row.id, fileIds: a.photoIds, reporter: a.reporter,
        });
        caseId = c.id;
        await trx.updateTable('appeals').set({ state: 'case', caseId }).where('id', '=', row.id).execute();
      } else {
        if (a.photoIds.length) await trx.updateTable('files').set({ attachedType: 'appeal', attachedId: row.id }).where('id', 'in', a.photoIds).execute();
        const orgAdmins = await trx.selectFrom('userRoles').innerJoin('users', 'users.id', 'userRoles.userId').select('users.id')
          .where('userRoles.role', '=', 'org_admin').where('users.isActive', '=', 1).execute();
        await notify(ctx, trx, {
          userIds: orgAdmins.map((u) => u.id), kind: 'appeal.triage', title: `【居民诉求待分派】${caseTitle(a.category, a.description)}`,
          body: caseDescription(a).slice(0, 500), entityType: 'appeal', entityId: row.id, link: `/appeals/${row.id}`,
        });
      }
      await writeAudit(ctx, trx, {
        action: 'appeal.submitted', entityType: 'appeal', entityId: row.id, actorOverride,
        changes: { channel: a.channel, category: a.category, projectId: a.projectId, caseId, anonymous: row.anonymous === 1, photos: a.photoIds.length },
      });
      return caseId;
    });
    return { appeal: { ...row, caseId }, trackingCode, caseId };
  } catch (err) {
    // Two submissions racing with one solved challenge: the unique index lets one through; the other is told why.
    if (a.challengeId && (await ctx.db.selectFrom('appeals').select('id').where('challengeId', '=', a.challengeId).executeTakeFirst())) {
      throw new AppError('VALIDATION_FAILED', 'this challenge has filed its appeal already', [{ path: 'body.challenge', message: 'this challenge has filed its appeal already' }]);
    }
    throw err;
  }
}
