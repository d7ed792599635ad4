import { describe, expect, it } from 'vitest';
import { createSecrets } from '../../kernel/auth/secrets.js';
import { fixedClock } from '../../kernel/clock.js';
import type { Ctx } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { CHALLENGE_TTL_MS, issueChallenge, leadingZeroBits, POW_BITS, powHash, solveChallenge, verifyChallenge } from './challenge.js';

const clock = fixedClock('2026-11-26T02:00:00Z');
const ctx = { secrets: createSecrets('unit-test-key-unit-test-key-0123456'), now: () => clock.now() } as unknown as Ctx;
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? `${err.code}:${err.errors?.[0]?.path}` : 'other';
  }
  return 'ok';
};

describe('the proof-of-work challenge', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Buffer.from([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(Buffer.from([0, 0x01]))).toBe(15);
    expect(leadingZeroBits(Buffer.from([0xff]))).toBe(0);
  });

  it('is solved by a nonce with enough zero bits, and only by one', () => {
    const c = issueChallenge(ctx);
    expect(c.bits).toBe(POW_BITS);
    const nonce = solveChallenge(c);
    expect(leadingZeroBits(powHash(c.salt, nonce))).toBeGreaterThanOrEqual(POW_BITS);
    expect(verifyChallenge(ctx, { token: c.token, nonce }).id).toMatch(/^[\w-]{16}$/);
    const wrong = [...Array(50).keys()].map(String).find((n) => leadingZeroBits(powHash(c.salt, n)) < POW_BITS)!;
    expect(code(() => verifyChallenge(ctx, { token: c.token, nonce: wrong }))).toBe('VALIDATION_FAILED:body.challenge');
  });

  it('refuses a token it did not seal, a tampered one, and an expired one', () => {
    const c = issueChallenge(ctx);
    const nonce = solveChallenge(c);
    expect(code(() => verifyChallenge(ctx, { token: 'v1.x.y.z', nonce }))).toBe('VALIDATION_FAILED:body.challenge');
    expect(code(() => verifyChallenge(ctx, { token: `${c.token.slice(0, -2)}AA`, nonce }))).toBe('VALIDATION_FAILED:body.challenge');
    const other = { ...ctx, secrets: createSecrets('another-installation-key-0123456789') } as Ctx;
    expect(code(() => verifyChallenge(other, { token: c.token, nonce }))).toBe('VALIDATION_FAILED:body.challenge');
    clock.advance(CHALLENGE_TTL_MS + 1);
    expect(code(() => verifyChallenge(ctx, { token: c.token, nonce }))).toBe('VALIDATION_FAILED:body.challenge');
  });
});
