import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256First32, solve } from './pow';

// The browser's solver must agree with the server's check (apps/server/src/modules/appeals/challenge.ts).
describe('the portal proof-of-work solver', () => {
  it('computes the first word of SHA-256 exactly as node:crypto does, for one and two blocks', () => {
    for (const s of ['', 'abc', 'a'.repeat(55), 'b'.repeat(56), 'c'.repeat(64), 'salt-_XyZ09:1z', 'd'.repeat(200)]) {
      expect([s.length, sha256First32(s)]).toEqual([s.length, createHash('sha256').update(s).digest().readUInt32BE(0)]);
    }
  });

  it('finds a nonce the server accepts', async () => {
    const nonce = await solve('unit-test-salt', 12);
    const digest = createHash('sha256').update(`unit-test-salt:${nonce}`).digest();
    expect(digest[0]).toBe(0);
    expect(digest[1]! >> 4).toBe(0);
  });
});
