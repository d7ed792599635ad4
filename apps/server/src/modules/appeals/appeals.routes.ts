import multipart from '@fastify/multipart';
import {
  appealCreatedSchema, appealListQuery, challengeAnswerSchema, challengeSchema, createAppealBody, dismissAppealBody, idSchema, pageOf,
  publicAppealSchema, publicBoardSchema, publicPhotoSchema, publicProjectDetailSchema, rateAppealBody, revealedPhoneSchema,
  staffAppealSchema, trackingCodeParams, triageAppealBody,
} from '@liaison/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { registerFileAccess } from '../../kernel/files/files.js';
import { PUBLIC_PHOTO_MAX_BYTES } from './appeal-photos.js';
import * as staff from './appeals-staff.service.js';
import * as service from './appeals.service.js';
import { issueChallenge } from './challenge.js';
import { projectPoster } from './poster.js';

const tags = ['public'];
const params = z.object({ id: idSchema });

/** The public side acts for nobody: a staff session cookie sent along changes nothing (audit, notices, scope). */
export const publicCtx = (req: FastifyRequest): Ctx => ({ ...req.ctx, actor: null });

/** Where the public reaches this server: PUBLIC_URL when set, else the address the request came to. */
export const baseUrlOf = (req: FastifyRequest) => req.ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;

/** The residents' portal API (no account; every route limited per client address) and the staff side of appeals. */
export async function appealRoutes(app: FastifyInstance) {
  await app.register(multipart, { limits: { fileSize: Math.min(app.deps.config.fileMaxBytes, PUBLIC_PHOTO_MAX_BYTES), files: 1, fields: 2 } });
  registerFileAccess('appeal', (ctx, appealId) => staff.canSeeAppeal(ctx, appealId));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const pub = { auth: 'public' as const, rateLimit: { max: app.deps.config.rateLimitPublicPerMinute, timeWindow: '1 minute' } };

  r.get('/api/public/projects', {
    schema: { tags, summary: 'The public board: key projects with their commissioner, branch, hours, impact notice; recent answers', querystring: z.strictObject({}), response: { 200: publicBoardSchema } },
    config: pub,
  }, async (req) => service.getBoard(publicCtx(req)));

  r.get('/api/public/projects/:id', {
    schema: { tags, summary: 'One project as the public sees it, with its recent answered appeals (anonymised)', params, response: { 200: publicProjectDetailSchema } },
    config: pub,
  }, async (req) => service.getPublicProject(publicCtx(req), req.params.id));

  // A GET: issuing keeps no state (the challenge is sealed into its token), and the answer is never cached.
  r.get('/api/public/challenge', {
    schema: { tags, summary: 'A proof-of-work challenge: find a nonce so that sha256(salt:nonce) starts with `bits` zero bits', querystring: z.strictObject({}), response: { 200: challengeSchema } },
    config: pub,
  }, async (req, reply) => reply.header('cache-control', 'no-store').send(issueChallenge(publicCtx(req))));

  r.post('/api/public/appeals/photos', {
    schema: {
      tags, consumes: ['multipart/form-data'], response: { 201: publicPhotoSchema },
      summary: 'One photo for an appeal (multipart field "photo", at most 3 per challenge); headers X-Challenge-Token and X-Challenge-Nonce carry the solved challenge. Re-encoded without any metadata.',
    },
    config: pub,
  }, async (req, reply) => {
    const challenge = challengeAnswerSchema.safeParse({ token: req.headers['x-challenge-token'], nonce: req.headers['x-challenge-nonce'] });
    if (!challenge.success) throw new AppError('VALIDATION_FAILED', 'send the solved challenge in X-Challenge-Token and X-Challenge-Nonce', [{ path: 'headers.x-challenge-token', message: 'required' }]);
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the photo as multipart/form-data');
    const part = await req.file();
    if (!part) throw new AppError('VALIDATION_FAILED', 'no photo in the request', [{ path: 'body.photo', message: 'required' }]);
    const data = await part.toBuffer();
    if (data.length === 0) throw new AppError('VALIDATION_FAILED', 'the photo is empty', [{ path: 'body.photo', message: 'empty' }]);
    return reply.code(201).send(await service.uploadPublicPhoto(publicCtx(req), challenge.data, data));
  });

  r.post('/api/public/appeals', {
    schema: { tags, summary: 'File an appeal (JSON; photos uploaded before with the same challenge). Answers the tracking code once.', body: createAppealBody, response: { 201: appealCreatedSchema } },
    config: pub,
  }, async (req, reply) => reply.code(201).send(await service.submitAppeal(publicCtx(req), req.body)));

  r.get('/api/public/appeals/:trackingCode', {
    schema: { tags, summary: 'The status page: public timeline and reply, never names of handlers or internal notes', params: trackingCodeParams, response: { 200: publicAppealSchema } },
    config: pub,
  }, async (req, reply) => reply.header('cache-control', 'no-store').send(await service.getPublicAppeal(publicCtx(req), req.params.trackingCode)));

  r.post('/api/public/appeals/:trackingCode/rating', {
    schema: { tags, summary: 'Rate the answer once the case is closed; an unsatisfied rating may ask for it to be handled again (once)', params: trackingCodeParams, body: rateAppealBody, response: { 200: publicAppealSchema } },
    config: pub,
  }, async (req) => service.rateAppeal(publicCtx(req), req.params.trackingCode, req.body));

  // --- staff ---
  const staffTags = ['appeals'];
  r.get('/api/v1/appeals', {
    schema: { tags: staffTags, summary: 'Appeals for the organisation department (state=triage: the ones without a project)', querystring: appealListQuery, response: { 200: pageOf(staffAppealSchema) } },
  }, async (req) => staff.listAppeals(req.ctx, req.query));

  r.get('/api/v1/appeals/:id', {
    schema: { tags: staffTags, summary: "An appeal as staff see it (the case's sourceRef points here); the phone masked", params, response: { 200: staffAppealSchema } },
  }, async (req) => staff.getStaffAppeal(req.ctx, req.params.id));

  r.post('/api/v1/appeals/:id/reveal-phone', {
    schema: { tags: staffTags, summary: "The resident's phone number, for the lead handling unit who calls back; audited", params, response: { 200: revealedPhoneSchema } },
  }, async (req, reply) => reply.header('cache-control', 'no-store').send(await staff.revealPhone(req.ctx, req.params.id)));

  r.post('/api/v1/appeals/:id/triage', {
    schema: { tags: staffTags, summary: '分派: name the project of an appeal filed without one; it becomes that project\'s case', params, body: triageAppealBody, response: { 200: staffAppealSchema } },
  }, async (req) => staff.triageAppeal(req.ctx, req.params.id, req.body));

  r.post('/api/v1/appeals/:id/dismiss', {
    schema: { tags: staffTags, summary: 'Close an appeal that concerns no key project, with a public reply', params, body: dismissAppealBody, response: { 200: staffAppealSchema } },
  }, async (req) => staff.dismissAppeal(req.ctx, req.params.id, req.body));

  r.get('/api/v1/projects/:id/poster.pdf', {
    schema: { tags: ['projects'], summary: 'The A4 QR poster for the site hoarding: project, commissioner, phone, QR code to its appeal page', params },
  }, async (req, reply) => {
    const doc = await projectPoster(req.ctx, req.params.id, baseUrlOf(req));
    return reply.header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${doc.name}"`).send(doc.data);
  });
}
