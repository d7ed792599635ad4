import { errorStatus, type ErrorCode } from '@liaison/contracts';
import type { FastifyReply } from 'fastify';
import type { FieldError } from '../errors/app-error.js';

const titles: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict',
  413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 423: 'Locked',
  429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

export type Problem = {
  type: string; title: string; status: number; code: ErrorCode; detail?: string; requestId?: string;
  errors?: FieldError[]; [k: string]: unknown;
};

export function problemOf(code: ErrorCode, detail?: string, errors?: FieldError[], extra?: Record<string, unknown>): Problem {
  const status = errorStatus[code];
  return {
    type: `https://liaison.local/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: titles[status] ?? 'Error',
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors && errors.length ? { errors } : {}),
    ...(extra ?? {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify({ ...problem, requestId: reply.request.id }));
}
