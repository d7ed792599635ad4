import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors/app-error.js';
import { problemOf, sendProblem } from './problem.js';

const fastifyCodes: Record<string, Parameters<typeof problemOf>[0]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/** One place maps every error to a problem+json answer; unknown errors are a 500 with the request id only. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    if (err instanceof AppError) return sendProblem(reply, problemOf(err.code, err.detail, err.errors, err.extra));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err as FastifyError).validationContext ?? 'body';
      const errors = err.validation.flatMap((v) => {
        const p = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
        const base = [where, p].filter(Boolean).join('.');
        // An unknown field is reported at its own path, one error per field.
        const keys = (v.params as { keys?: string[] } | undefined)?.keys;
        if (v.keyword === 'unrecognized_keys' && keys?.length) return keys.map((k) => ({ path: `${base}.${k}`, message: 'unknown field' }));
        return [{ path: base, message: v.message ?? 'invalid' }];
      });
      return sendProblem(reply, problemOf('VALIDATION_FAILED', 'the request is not valid', errors));
    }
    const fe = err as FastifyError;
    const mapped = fe.code ? fastifyCodes[fe.code] : undefined;
    if (mapped) return sendProblem(reply, problemOf(mapped, fe.message));
    if (fe.statusCode === 429) {
      const detail = (err as { detail?: unknown }).detail;
      return sendProblem(reply, problemOf('RATE_LIMITED', typeof detail === 'string' ? detail : 'too many requests; wait a minute'));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // JSON syntax errors and other client mistakes Fastify detects before our code runs.
      const code = fe.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : fe.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
      return sendProblem(reply, problemOf(code, fe.message));
    }
    req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, problemOf('INTERNAL', 'an unexpected error occurred; quote the request id when reporting it'));
  });
}
