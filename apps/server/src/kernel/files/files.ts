import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import type { Ctx } from '../context.js';
import type { Tx } from '../db/connect.js';
import type { FileTable } from '../db/schema.js';
import { toIso } from '../db/tx.js';
import { AppError } from '../errors/app-error.js';
import { newId } from '../ids.js';
import { sniffMediaType } from './sniff.js';

/** Who may read a file attached to a record of this type: the owning module decides (same rule as the record). */
type AccessCheck = (ctx: Ctx, entityId: string) => Promise<boolean>;
const accessChecks = new Map<string, AccessCheck>();
export function registerFileAccess(entityType: string, check: AccessCheck): void {
  accessChecks.set(entityType, check);
}

export type FileInfo = { id: string; name: string; size: number; mediaType: string; sha256: string; hasThumbnail: boolean; capturedAt: string | null; location: { lat: number; lng: number } | null };

export const presentFile = (f: FileTable): FileInfo => ({
  id: f.id, name: f.name, size: f.size, mediaType: f.mediaType, sha256: f.sha256, hasThumbnail: !!f.thumbKey,
  capturedAt: toIso(f.capturedAt), location: f.gpsLat !== null && f.gpsLng !== null ? { lat: f.gpsLat, lng: f.gpsLng } : null,
});

const root = (ctx: Ctx) => join(ctx.config.dataDir, 'files');

function gpsOf(gps: Record<string, unknown> | undefined): { lat: number; lng: number } | null {
  const lat = gps?.GPSLatitude as number[] | undefined;
  const lng = gps?.GPSLongitude as number[] | undefined;
  if (!lat || !lng || lat.length < 3 || lng.length < 3) return null;
  const deg = (v: number[]) => v[0]! + v[1]! / 60 + v[2]! / 3600;
  return { lat: deg(lat) * (gps?.GPSLatitudeRef === 'S' ? -1 : 1), lng: deg(lng) * (gps?.GPSLongitudeRef === 'W' ? -1 : 1) };
}

/**
 * Stores an upload. Images are re-encoded upright without their EXIF block (so no GPS leaves the server in a
 * photo); the capture time and GPS are kept as fields only staff can read. A 320 px thumbnail is made.
 */
export async function storeUpload(ctx: Ctx, input: { filename: string; data: Buffer }): Promise<FileInfo> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
  const sniffed = sniffMediaType(input.data.subarray(0, 32), input.filename);
  if (!sniffed) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'allowed: JPEG, PNG, GIF, WebP, HEIC photos, PDF, DOCX, XLSX');
  const id = newId();
  const name = input.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || 'file';
  let data = input.data;
  let mediaType = sniffed.mediaType;
  let meta: Pick<FileTable, 'width' | 'height' | 'capturedAt' | 'gpsLat' | 'gpsLng' | 'thumbKey'> = { width: null, height: null, capturedAt: null, gpsLat: null, gpsLng: null, thumbKey: null };
  if (sniffed.isImage) {
    try {
      const img = sharp(data, { failOn: 'error' });
      const md = await img.metadata();
      if (md.exif) {
        try {
          const exif = exifReader(md.exif) as { Photo?: { DateTimeOriginal?: Date }; GPSInfo?: Record<string, unknown> };
          const taken = exif.Photo?.DateTimeOriginal;
          const gps = gpsOf(exif.GPSInfo);
          // EXIF times carry no zone; cameras here are set to Beijing time.
          meta.capturedAt = taken instanceof Date ? taken.getTime() - 8 * 3_600_000 : null;
          meta.gpsLat = gps?.lat ?? null;
          meta.gpsLng = gps?.lng ?? null;
        } catch {
          // An unreadable EXIF block is dropped with the rest of the metadata.
        }
      }
      const upright = sharp(data).rotate();
      if (mediaType === 'image/png') data = await upright.png().toBuffer();
      else if (mediaType === 'image/webp') data = await upright.webp({ quality: 88 }).toBuffer();
      else if (mediaType === 'image/gif') data = await upright.gif().toBuffer();
      else {
        data = await upright.jpeg({ quality: 88 }).toBuffer();
        mediaType = 'image/jpeg';
      }
      const info = await sharp(data).metadata();
      meta.width = info.width ?? null;
      meta.height = info.height ?? null;
      const thumb = await sharp(data).resize(320, 320, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer();
      meta.thumbKey = `${id.slice(-2)}/${id}.thumb.jpg`;
      write(ctx, meta.thumbKey, thumb);
    } catch {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'the image could not be read');
    }
  }
  const storageKey = `${id.slice(-2)}/${id}`;
  write(ctx, storageKey, data);
  const row: FileTable = {
    id, ownerId: actor.userId, name, mediaType, size: data.length, sha256: createHash('sha256').update(data).digest('hex'),
    storageKey, ...meta, attachedType: null, attachedId: null, createdAt: ctx.now().getTime(),
  };
  await ctx.db.insertInto('files').values(row).execute();
  return presentFile(row);
}

function write(ctx: Ctx, key: string, data: Buffer) {
  const path = join(root(ctx), key);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data, { flag: 'wx' });
}

/** Attaches the caller's unattached uploads to a record, inside the record's transaction. */
export async function attachFiles(ctx: Ctx, trx: Tx, fileIds: readonly string[] | undefined, entityType: string, entityId: string): Promise<void> {
  const ids = [...new Set(fileIds ?? [])];
  if (ids.length === 0) return;
  const rows = await trx.selectFrom('files').select(['id', 'ownerId', 'attachedId']).where('id', 'in', ids).execute();
  const usable = new Set(rows.filter((r) => r.ownerId === ctx.actor?.userId && r.attachedId === null).map((r) => r.id));
  const bad = ids.filter((id) => !usable.has(id));
  if (bad.length) throw new AppError('VALIDATION_FAILED', 'unknown or already attached file', bad.map((id) => ({ path: `attachmentIds`, message: `file ${id} cannot be attached` })));
  await trx.updateTable('files').set({ attachedType: entityType, attachedId: entityId }).where('id', 'in', ids).execute();
}

export async function listAttachedFiles(db: Tx, entityType: string, entityId: string): Promise<FileInfo[]> {
  const rows = await db.selectFrom('files').selectAll().where('attachedType', '=', entityType).where('attachedId', '=', entityId).orderBy('createdAt').execute();
  return rows.map(presentFile);
}

/** The file's bytes for a caller who may see it; anyone else gets the same 404 as for a file that does not exist. */
export async function readFileFor(ctx: Ctx, id: string, variant: 'original' | 'thumb') {
  const row = await ctx.db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !ctx.actor) throw new AppError('NOT_FOUND', 'file not found');
  let allowed = row.ownerId === ctx.actor.userId;
  if (!allowed && row.attachedType && row.attachedId) {
    const check = accessChecks.get(row.attachedType);
    allowed = check ? await check(ctx, row.attachedId) : false;
  }
  if (!allowed) throw new AppError('NOT_FOUND', 'file not found');
  const key = variant === 'thumb' ? row.thumbKey : row.storageKey;
  if (!key) throw new AppError('NOT_FOUND', 'this file has no thumbnail');
  return { row, data: readFileSync(join(root(ctx), key)), mediaType: variant === 'thumb' ? 'image/jpeg' : row.mediaType };
}
