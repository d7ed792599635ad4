import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/client';
import { logKey, outcomeOf, photoKey } from './retry';

const err = (status: number, code: string) => new ApiError(status, code, null);

describe('outcomeOf', () => {
  it('keeps the draft for later when the network or the server failed', () => {
    expect(outcomeOf(err(0, 'NETWORK'))).toBe('retry-later');
    expect(outcomeOf(err(503, 'SERVICE_UNAVAILABLE'))).toBe('retry-later');
    expect(outcomeOf(err(500, 'INTERNAL'))).toBe('retry-later');
    expect(outcomeOf(err(429, 'RATE_LIMITED'))).toBe('retry-later');
    expect(outcomeOf(err(409, 'IDEMPOTENCY_IN_PROGRESS'))).toBe('retry-later');
    expect(outcomeOf(new TypeError('Failed to fetch'))).toBe('retry-later');
  });
  it('waits for a new sign-in on 401 or a stale CSRF token', () => {
    expect(outcomeOf(err(401, 'SESSION_EXPIRED'))).toBe('signed-out');
    expect(outcomeOf(err(403, 'CSRF_FAILED'))).toBe('signed-out');
  });
  it('asks the user when the server refuses the content', () => {
    expect(outcomeOf(err(400, 'VALIDATION_FAILED'))).toBe('needs-attention');
    expect(outcomeOf(err(403, 'FORBIDDEN'))).toBe('needs-attention');
    expect(outcomeOf(err(422, 'IDEMPOTENCY_KEY_REUSED'))).toBe('needs-attention');
  });
});

describe('idempotency keys', () => {
  it('derives the same keys from the draft on every retry, valid for the server', () => {
    const key = '6f1c2a1e-4b8d-4c1e-9a55-0c1f2e3d4b5a';
    expect(photoKey(key, 0)).toBe(photoKey(key, 0));
    expect(photoKey(key, 0)).not.toBe(photoKey(key, 1));
    expect(logKey(key)).not.toBe(photoKey(key, 0));
    for (const k of [photoKey(key, 11), logKey(key)]) expect(k).toMatch(/^[A-Za-z0-9._:-]{8,200}$/);
  });
});
