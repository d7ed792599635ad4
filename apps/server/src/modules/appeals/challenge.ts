import { createHash, randomBytes } from 'node:crypto';
import type { Challenge } from '@liaison/contracts';
import type { Ctx } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';

/**
 * The anti-abuse challenge: a light proof of work, no third-party service. The server hands out a salt and a
 * difficulty sealed with the installation's key (so it keeps no state until the answer comes back); the browser looks
 * for a nonce whose SHA-256 with the salt starts with `bits` zero bits (about 65,000 tries, a second or two on a
 * slow phone while the resident types). One solved challenge files one appeal: its id is unique on `appeals`.
 */
export const POW_BITS = 16;
export const CHALLENGE_TTL_MS = 30 * 60_000;

type Sealed = { i: string; s: string; b: number; e: number };

export function issueChallenge(ctx: Ctx): Challenge {
  const sealed: Sealed = { i: randomBytes(12).toString('base64url'), s: randomBytes(12).toString('base64url'), b: POW_BITS, e: ctx.now().getTime() + CHALLENGE_TTL_MS };
  return { token: ctx.secrets.seal(JSON.stringify(sealed)), algorithm: 'sha256', salt: sealed.s, bits: sealed.b, expiresAt: new Date(sealed.e).toISOString() };
}

export function leadingZeroBits(buf: Buffer): number {
  let n = 0;
  for (const byte of buf) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(byte) - 24;
  }
  return n;
}

export const powHash = (salt: string, nonce: string) => createHash('sha256').update(`${salt}:${nonce}`).digest();

const refused = (message: string) => new AppError('VALIDATION_FAILED', message, [{ path: 'body.challenge', message }]);

/** The challenge's id when the token is ours, unexpired and the nonce does the work; a 400 on `challenge` otherwise. */
export function verifyChallenge(ctx: Ctx, answer: { token: string; nonce: string }, opts: { requireWork?: boolean } = {}): { id: string } {
  let sealed: Sealed;
  try {
    sealed = JSON.parse(ctx.secrets.open(answer.token)) as Sealed;
  } catch {
    throw refused('not a challenge this server issued');
  }
  if (typeof sealed.i !== 'string' || typeof sealed.e !== 'number') throw refused('not a challenge this server issued');
  if (ctx.now().getTime() > sealed.e) throw refused('the challenge has expired; fetch a new one');
  if (opts.requireWork !== false && leadingZeroBits(powHash(sealed.s, answer.nonce)) < sealed.b) throw refused('the challenge is not solved');
  return { id: sealed.i };
}

/** Solves a challenge (tests and the CLI; the browser has its own). */
export function solveChallenge(c: Pick<Challenge, 'salt' | 'bits'>): string {
  for (let n = 0; ; n++) {
    const nonce = n.toString(36);
    if (leadingZeroBits(powHash(c.salt, nonce)) >= c.bits) return nonce;
  }
}
