import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { groupTrackingCode, newTrackingCode, normalizeTrackingCode, TRACKING_ALPHABET, TRACKING_BITS, TRACKING_LENGTH, trackingHash } from './tracking-code.js';
import { maskPhone, redactText } from './public-text.js';

describe('tracking codes', () => {
  it('are 26 base32 characters carrying at least 128 random bits', () => {
    expect(TRACKING_BITS).toBeGreaterThanOrEqual(128);
    for (let i = 0; i < 200; i++) expect(newTrackingCode()).toMatch(/^[A-Z2-7]{26}$/);
    expect(TRACKING_LENGTH * Math.log2(TRACKING_ALPHABET.length)).toBe(130);
  });

  it('encode every random bit: different bytes, different codes; all bits 0 or 1 map to the alphabet ends', () => {
    expect(newTrackingCode(() => Buffer.alloc(17, 0))).toBe('A'.repeat(26));
    expect(newTrackingCode(() => Buffer.alloc(17, 0xff))).toBe('7'.repeat(26));
    // Flipping any one of the first 130 bits changes the code.
    const base = randomBytes(17);
    const code = newTrackingCode(() => base);
    for (let bit = 0; bit < 130; bit++) {
      const b = Buffer.from(base);
      b[bit >> 3]! ^= 0x80 >> (bit & 7);
      expect(newTrackingCode(() => b)).not.toBe(code);
    }
  });

  it('look uniformly random: no repeats, and every character about equally often', () => {
    const codes = Array.from({ length: 4000 }, () => newTrackingCode());
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const c of codes) for (const ch of c) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const expected = (codes.length * TRACKING_LENGTH) / 32;
    // Chi-square with 31 degrees of freedom: 0.1% critical value ≈ 61.1.
    const chi2 = [...TRACKING_ALPHABET].reduce((s, ch) => s + ((counts.get(ch) ?? 0) - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(61.1);
  });

  it('accept what a resident types (any case, dashes, spaces) and refuse what cannot be a code', () => {
    const code = newTrackingCode();
    expect(normalizeTrackingCode(groupTrackingCode(code).toLowerCase())).toBe(code);
    expect(normalizeTrackingCode(` ${code} `)).toBe(code);
    expect(normalizeTrackingCode(code.slice(1))).toBeNull();
    expect(normalizeTrackingCode(`${code.slice(1)}0`)).toBeNull();
    expect(trackingHash(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(trackingHash(code)).not.toContain(code.toLowerCase());
  });
});

describe('public text', () => {
  it('masks phones as 138****1234 and redacts contact details in free text', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(redactText('请联系张三 13912345678 或 0571-85201001，邮箱 a.b@example.cn，身份证 330102199001011234')).toBe(
      '请联系张三 139****5678 或 057****01，邮箱 ***@***，身份证 330***********1234',
    );
  });
});
