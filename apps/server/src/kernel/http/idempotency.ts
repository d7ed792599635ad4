import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connect.js';
import { AppError } from '../errors/app-error.js';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { ownerKey: string; key: string };
  }
  interface FastifyContextConfig {
    /** false where the answer holds a secret shown once (API tokens): it must not be stored for replay. */
    idempotency?: boolean;
  }
}

/** How long a stored answer can be replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/** Forgets answers older than a day (a scheduled job calls it). */
export async function purgeIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const res = await db.deleteFrom('idempotencyKeys').where('createdAt', '<', now.getTime() - IDEMPOTENCY_TTL_MS).executeTakeFirst();
  return Number(res.numDeletedRows);
}

const KEY_RE = /^[A-Za-z0-9._:-]{8,200}$/;

/**
 * `Idempotency-Key` on POST: the first request runs and its answer is stored; a retry with the same key gets
 * the stored answer instead of running again; a different body under the same key is refused.
 */
export function installIdempotency(app: FastifyInstance, db: Db, clock: { now(): Date }): void {
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    const config = req.routeOptions.config;
    if (req.method !== 'POST' || typeof key !== 'string' || config?.auth === 'session' || config?.idempotency === false) return;
    if (!KEY_RE.test(key)) throw new AppError('BAD_REQUEST', 'Idempotency-Key must be 8–200 characters of A-Z a-z 0-9 . _ : -');
    const ownerKey = req.auth.actor ? `user:${req.auth.actor.userId}` : `ip:${req.ip}`;
    const path = req.url.split('?')[0] ?? req.url;
    const requestHash = createHash('sha256').update(`${path}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
    const existing = await db
      .selectFrom('idempotencyKeys')
      .selectAll()
      .where('ownerKey', '=', ownerKey)
      .where('key', '=', key)
      .where('createdAt', '>=', clock.now().getTime() - IDEMPOTENCY_TTL_MS)
      .executeTakeFirst();
    if (existing) {
      if (existing.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different request');
      if (existing.statusCode === null) throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'the first request with this key is still running');
      reply.header('idempotent-replayed', 'true');
      if (existing.contentType) reply.header('content-type', existing.contentType);
      return reply.code(existing.statusCode).send(existing.responseBody ?? '');
    }
    try {
      await db
        .insertInto('idempotencyKeys')
        .values({ ownerKey, key, method: req.method, path, requestHash, statusCode: null, contentType: null, responseBody: null, createdAt: clock.now().getTime() })
        .execute();
    } catch {
      throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'the first request with this key is still running');
    }
    req.idempotency = { ownerKey, key };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem) return payload;
    req.idempotency = undefined;
    const where = (q: any) => q.where('ownerKey', '=', idem.ownerKey).where('key', '=', idem.key);
    if (reply.statusCode >= 500 || reply.statusCode === 409 || reply.statusCode === 429) {
      // Not acknowledged: let the client retry with the same key.
      await where(db.deleteFrom('idempotencyKeys')).execute();
    } else {
      await where(
        db.updateTable('idempotencyKeys').set({
          statusCode: reply.statusCode,
          contentType: String(reply.getHeader('content-type') ?? ''),
          responseBody: typeof payload === 'string' ? payload : payload == null ? '' : String(payload),
        }),
      ).execute();
    }
    return payload;
  });
}
