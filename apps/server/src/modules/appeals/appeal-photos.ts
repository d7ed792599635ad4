import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { Ctx } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import type { FileTable } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { sniffMediaType } from '../../kernel/files/sniff.js';
import { newId } from '../../kernel/ids.js';

/** Photos waiting for their appeal are tied to the challenge they were sent with, until the appeal claims them. */
export const UPLOAD_TYPE = 'appeal-upload';
export const MAX_PHOTOS = 3;
/** Phones resize before sending (about 300 KB); the cap only stops abuse. */
export const PUBLIC_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Stores a resident's photo. Unlike a staff upload (kernel/files) it has no owner, must be an image, and keeps nothing
 * of its metadata at all: the re-encoded JPEG has no EXIF, and neither capture time nor GPS is kept as a field.
 */
export async function storePublicPhoto(ctx: Ctx, challengeId: string, data: Buffer) {
  const sniffed = sniffMediaType(data.subarray(0, 32), 'photo');
  if (!sniffed?.isImage) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send a JPEG, PNG, WebP or GIF photo');
  const used = await ctx.db.selectFrom('appeals').select('id').where('challengeId', '=', challengeId).executeTakeFirst();
  if (used) throw new AppError('VALIDATION_FAILED', 'this challenge has filed its appeal already', [{ path: 'body.challenge', message: 'this challenge has filed its appeal already' }]);
  const count = await ctx.db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('attachedType', '=', UPLOAD_TYPE).where('attachedId', '=', challengeId).executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_PHOTOS) throw new AppError('RULE_VIOLATED', `at most ${MAX_PHOTOS} photos per appeal`);
  let jpeg: Buffer;
  let thumb: Buffer;
  let width: number | null;
  let height: number | null;
  try {
    // rotate() applies the EXIF orientation; sharp writes no metadata unless asked to.
    jpeg = await sharp(data, { failOn: 'error' }).rotate().resize(2048, 2048, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer();
    const md = await sharp(jpeg).metadata();
    width = md.width ?? null;
    height = md.height ?? null;
    thumb = await sharp(jpeg).resize(320, 320, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer();
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'the image could not be read');
  }
  const id = newId();
  const storageKey = `${id.slice(-2)}/${id}`;
  const thumbKey = `${storageKey}.thumb.jpg`;
  write(ctx, storageKey, jpeg);
  write(ctx, thumbKey, thumb);
  const row: FileTable = {
    id, ownerId: null, name: `居民照片-${id.slice(-6)}.jpg`, mediaType: 'image/jpeg', size: jpeg.length,
    sha256: createHash('sha256').update(jpeg).digest('hex'), storageKey, thumbKey, width, height, capturedAt: null,
    gpsLat: null, gpsLng: null, attachedType: UPLOAD_TYPE, attachedId: challengeId, createdAt: ctx.now().getTime(),
  };
  await ctx.db.insertInto('files').values(row).execute();
  return { id, width, height, size: jpeg.length };
}

function write(ctx: Ctx, key: string, data: Buffer) {
  const path = join(ctx.config.dataDir, 'files', key);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data, { flag: 'wx' });
}

/** The photos sent with this challenge, checked against the ids the appeal names (any other id is a 400). */
export async function claimablePhotos(db: Tx, challengeId: string, ids: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return [];
  const rows = await db.selectFrom('files').select('id').where('id', 'in', wanted)
    .where('attachedType', '=', UPLOAD_TYPE).where('attachedId', '=', challengeId).execute();
  const ok = new Set(rows.map((r) => r.id));
  const bad = wanted.filter((id) => !ok.has(id));
  if (bad.length) throw new AppError('VALIDATION_FAILED', 'unknown photo', bad.map(() => ({ path: 'body.photoIds', message: 'not a photo sent with this challenge' })));
  return wanted;
}
