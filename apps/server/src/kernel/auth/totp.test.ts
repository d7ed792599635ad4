import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUrl, totpCode, totpStep } from './totp.js';

/** RFC 6238 appendix B, SHA-1: the seed "12345678901234567890" in ASCII. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (unixSeconds: number) => new Date(unixSeconds * 1000);

describe('TOTP (RFC 6238, SHA-1, 30 s; six digits = the last six of the RFC’s eight)', () => {
  it('encodes the RFC seed as the RFC’s base32 secret', () => {
    expect(base32Encode(Buffer.from('12345678901234567890', 'ascii'))).toBe(RFC_SECRET);
  });

  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('at T=%i gives the last six digits of %s', (t, eightDigits) => {
    expect(totpCode(RFC_SECRET, at(t))).toBe(eightDigits.slice(-6));
  });

  it('keeps leading zeros', () => {
    expect(totpCode(RFC_SECRET, at(1111111109))).toBe('081804');
    expect(totpCode(RFC_SECRET, at(1234567890))).toBe('005924');
  });

  it('counts 30-second steps from the epoch', () => {
    expect(totpStep(at(59))).toBe(1);
    expect(totpStep(at(60))).toBe(2);
    expect(totpStep(at(0))).toBe(0);
    expect(hotp(RFC_SECRET, 1)).toBe(totpCode(RFC_SECRET, at(59)));
  });
});

describe('matchTotp', () => {
  const now = at(1234567890);
  const step = totpStep(now);

  it('accepts the current step and one step either side, and says which', () => {
    expect(matchTotp(RFC_SECRET, hotp(RFC_SECRET, step), now)).toBe(step);
    expect(matchTotp(RFC_SECRET, hotp(RFC_SECRET, step - 1), now)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, hotp(RFC_SECRET, step + 1), now)).toBe(step + 1);
  });

  it('refuses codes two steps away and wrong codes', () => {
    expect(matchTotp(RFC_SECRET, hotp(RFC_SECRET, step - 2), now)).toBeNull();
    expect(matchTotp(RFC_SECRET, hotp(RFC_SECRET, step + 2), now)).toBeNull();
    const wrong = String((Number(hotp(RFC_SECRET, step)) + 1) % 1_000_000).padStart(6, '0');
    expect([step - 1, step, step + 1].map((s) => hotp(RFC_SECRET, s))).not.toContain(wrong);
    expect(matchTotp(RFC_SECRET, wrong, now)).toBeNull();
  });

  it('does not accept a code made with another secret', () => {
    const other = base32Encode(Buffer.from('abcdefghijabcdefghij', 'ascii'));
    expect(totpCode(other, now)).not.toBe(totpCode(RFC_SECRET, now));
    expect(matchTotp(RFC_SECRET, totpCode(other, now), now)).toBeNull();
    expect(matchTotp(other, totpCode(other, now), now)).toBe(step);
  });
});

describe('base32', () => {
  it('round-trips any bytes', () => {
    for (let n = 0; n <= 40; n++) {
      const buf = randomBytes(n);
      const text = base32Encode(buf);
      expect(text).toMatch(/^[A-Z2-7]*$/);
      expect(text.length).toBe(Math.ceil((n * 8) / 5));
      expect(base32Decode(text).equals(buf)).toBe(true);
    }
  });

  it('reads lowercase, padding and spaces the way authenticator apps show them', () => {
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq').toString('ascii')).toBe('12345678901234567890');
    expect(base32Decode('MZXW6===').toString('ascii')).toBe('foo');
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => base32Decode('ABC1')).toThrow('invalid base32');
    expect(() => base32Decode('AB8C')).toThrow('invalid base32');
  });
});

describe('secrets and provisioning URLs', () => {
  it('makes 160-bit random secrets', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a).length).toBe(20);
    expect(newTotpSecret()).not.toBe(a);
  });

  it('builds an otpauth URL with issuer, account and parameters', () => {
    expect(otpauthUrl(RFC_SECRET, 'zy01')).toBe(
      `otpauth://totp/Liaison%3Azy01?secret=${RFC_SECRET}&issuer=Liaison&algorithm=SHA1&digits=6&period=30`,
    );
  });
});
