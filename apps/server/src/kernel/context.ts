import type { FastifyBaseLogger } from 'fastify';
import type { Permission, Role } from '@liaison/contracts';
import type { Config } from '../config.js';
import type { Clock } from './clock.js';
import type { Db, Dialect } from './db/connect.js';
import type { Secrets } from './auth/secrets.js';

/** Who is acting. The same shape for a signed-in person, an API token, a job and the CLI. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  unitId: string | null;
  roles: Role[];
  permissions: Permission[];
  via: 'session' | 'token' | 'system';
  sessionId?: string;
  tokenId?: string;
};

export type RequestMeta = { ip: string | null; userAgent: string | null; requestId: string | null };

/** Everything a service needs, built once per request (or per job / CLI call). */
export type Deps = {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  config: Config;
  secrets: Secrets;
  log: FastifyBaseLogger;
};

export type Ctx = Deps & {
  actor: Actor | null;
  meta: RequestMeta;
  now(): Date;
};

export function buildCtx(deps: Deps, actor: Actor | null, meta: Partial<RequestMeta> = {}): Ctx {
  return {
    ...deps,
    actor,
    meta: { ip: meta.ip ?? null, userAgent: meta.userAgent ?? null, requestId: meta.requestId ?? null },
    now: () => deps.clock.now(),
  };
}

/** The actor for jobs and the command line: audited as "system". */
export const systemActor: Actor = {
  userId: 'system',
  username: 'system',
  displayName: 'system',
  unitId: null,
  roles: [],
  permissions: [],
  via: 'system',
};
