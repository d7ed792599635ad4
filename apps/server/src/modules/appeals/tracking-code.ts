import { randomBytes } from 'node:crypto';
import { sha256 } from '../../kernel/auth/tokens.js';

/**
 * Tracking codes: the resident's only key to their appeal, so they must not be guessable. 26 characters of RFC 4648
 * base32 carry 130 random bits (the issue asks for at least 128); the alphabet has no 0/1/8/9, so a code read aloud
 * or typed from a receipt is hard to get wrong, and case does not matter.
 */
export const TRACKING_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TRACKING_LENGTH = 26;
export const TRACKING_BITS = TRACKING_LENGTH * 5;

export function newTrackingCode(random: (n: number) => Buffer = randomBytes): string {
  // 17 bytes = 136 bits; the first 130 of them make the 26 characters.
  const bytes = random(17);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < TRACKING_LENGTH) {
      out += TRACKING_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** What a resident typed (any case, with spaces or dashes) as the canonical code, or null if it cannot be one. */
export function normalizeTrackingCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  return s.length === TRACKING_LENGTH && /^[A-Z2-7]+$/.test(s) ? s : null;
}

/** Only this hash is stored: the lookup is an index probe on it, so no prefix of a code ever leaks through timing. */
export const trackingHash = (code: string) => sha256(`appeal-tracking:${code}`);

/** `ABCD-EFGH-…` for reading out; the link and the API take the plain form. */
export const groupTrackingCode = (code: string) => code.match(/.{1,4}/g)!.join('-');
