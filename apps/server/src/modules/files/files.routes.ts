import multipart from '@fastify/multipart';
import { idSchema } from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '../../kernel/access/assert.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { readFileFor, storeUpload } from '../../kernel/files/files.js';

const tags = ['files'];
export const fileInfoSchema = z.object({
  id: idSchema, name: z.string(), size: z.number().int(), mediaType: z.string(), sha256: z.string(), hasThumbnail: z.boolean(),
  capturedAt: z.string().nullable(), location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
});

export async function fileRoutes(app: FastifyInstance) {
  await app.register(multipart, { limits: { fileSize: app.deps.config.fileMaxBytes, files: 1, fields: 5 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/files', {
    schema: { tags, summary: 'Upload one file (multipart/form-data, field "file"); the type is checked by its bytes', consumes: ['multipart/form-data'], response: { 201: fileInfoSchema } },
  }, async (req, reply) => {
    assertCan(req.ctx, 'file.upload');
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data');
    const part = await req.file();
    if (!part) throw new AppError('VALIDATION_FAILED', 'no file in the request', [{ path: 'body.file', message: 'required' }]);
    const data = await part.toBuffer();
    if (data.length === 0) throw new AppError('VALIDATION_FAILED', 'the file is empty', [{ path: 'body.file', message: 'empty' }]);
    return reply.code(201).send(await storeUpload(req.ctx, { filename: part.filename, data }));
  });

  r.get('/api/v1/files/:id', {
    schema: { tags, summary: 'Download a file (only for those who may see the record it is attached to)', params: z.object({ id: idSchema }), querystring: z.strictObject({ variant: z.enum(['original', 'thumb']).default('original') }) },
  }, async (req, reply) => {
    const file = await readFileFor(req.ctx, req.params.id, req.query.variant);
    const disposition = file.mediaType.startsWith('image/') || file.mediaType === 'application/pdf' ? 'inline' : 'attachment';
    return reply
      .header('content-type', file.mediaType)
      .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.row.name)}`)
      .header('cache-control', 'private, max-age=3600')
      .send(file.data);
  });
}
