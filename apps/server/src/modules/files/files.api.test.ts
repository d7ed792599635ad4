import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFileAccess, attachFiles } from '../../kernel/files/files.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { multipartFile } from '../../../test/multipart.js';

let t: TestApp;
let photo: Buffer;
beforeAll(async () => {
  t = await createTestApp({ env: { FILE_MAX_BYTES: '200000' } });
  // A phone photo: EXIF with capture time and GPS (30°17'N 120°10'E), rotated 90° by its orientation tag.
  photo = await sharp({ create: { width: 80, height: 40, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhone' },
      IFD2: { DateTimeOriginal: '2026:11:20 09:30:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 17/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
});
afterAll(async () => t.close());

describe('files', () => {
  it('stores a photo upright, without EXIF, keeping capture time and GPS as staff fields, with a thumbnail', async () => {
    const c = await t.signInAs('zy01');
    const up = multipartFile('site.jpg', photo, 'file', 'image/jpeg');
    const res = await c.request({ method: 'POST', url: '/api/v1/files', ...up });
    expect(res.statusCode).toBe(201);
    const f = res.json();
    expect(f.mediaType).toBe('image/jpeg');
    expect(f.hasThumbnail).toBe(true);
    expect(f.capturedAt).toBe('2026-11-20T01:30:00.000Z');
    expect(f.location.lat).toBeCloseTo(30.2833, 3);
    expect(f.location.lng).toBeCloseTo(120.1667, 3);
    const got = await c.get(`/api/v1/files/${f.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    const md = await sharp(got.rawPayload).metadata();
    expect(md.exif).toBeUndefined();
    expect([md.width, md.height]).toEqual([40, 80]);
    const thumb = await c.get(`/api/v1/files/${f.id}?variant=thumb`);
    expect(thumb.statusCode).toBe(200);
  });

  it('checks the type by its bytes, not its name', async () => {
    const c = await t.signInAs('zy01');
    const res = await c.request({ method: 'POST', url: '/api/v1/files', ...multipartFile('evil.jpg', Buffer.from('#!/bin/sh\necho hi\n')) });
    expect(res.statusCode).toBe(415);
    const pdf = await c.request({ method: 'POST', url: '/api/v1/files', ...multipartFile('plan.pdf', Buffer.from('%PDF-1.4\n%test\n')) });
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json().mediaType).toBe('application/pdf');
  });

  it('refuses a file over the size limit with 413 and a JSON body with 415', async () => {
    const c = await t.signInAs('zy01');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300_000, 0x20)]);
    expect((await c.request({ method: 'POST', url: '/api/v1/files', ...multipartFile('big.pdf', big) })).statusCode).toBe(413);
    expect((await c.post('/api/v1/files', { file: 'x' })).statusCode).toBe(415);
  });

  it('shows a file only to its uploader until it is attached, then to whoever may see the record', async () => {
    const owner = await t.signInAs('zy01');
    const other = await t.signInAs('zy02');
    const id = (await owner.request({ method: 'POST', url: '/api/v1/files', ...multipartFile('a.pdf', Buffer.from('%PDF-1.4\n')) })).json().id;
    expect((await other.get(`/api/v1/files/${id}`)).statusCode).toBe(404);
    registerFileAccess('test-record', async (ctx, entityId) => entityId === 'visible-to-zy02' && ctx.actor?.username === 'zy02');
    const ctx = { ...owner.app.deps, actor: { userId: (await owner.get('/api/v1/session')).json().user.id } } as never;
    await t.db.transaction().execute((trx) => attachFiles(ctx, trx, [id], 'test-record', 'visible-to-zy02'));
    expect((await other.get(`/api/v1/files/${id}`)).statusCode).toBe(200);
    expect((await (await t.signInAs('zy03')).get(`/api/v1/files/${id}`)).statusCode).toBe(404);
    expect((await t.anonymous().get(`/api/v1/files/${id}`)).statusCode).toBe(401);
  });

  it('does not let the auditor upload', async () => {
    const a = await t.signInAs('auditor');
    expect((await a.request({ method: 'POST', url: '/api/v1/files', ...multipartFile('a.pdf', Buffer.from('%PDF-1.4\n')) })).statusCode).toBe(403);
  });
});
