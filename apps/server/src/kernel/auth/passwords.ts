import { hash, verify } from '@node-rs/argon2';
import type { FieldError } from '../errors/app-error.js';
import { commonPasswords } from './common-passwords.js';

// argon2id is the library default; we do not pass `algorithm` (const enum, see STACK.md).
export const hashPassword = (plain: string) => hash(plain);
export const verifyPassword = async (hashed: string, plain: string) => {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
};

/** A hash of nothing anyone knows, verified when the user does not exist so both answers take as long. */
let dummyHash: Promise<string> | undefined;
export function timingDummy(): Promise<string> {
  dummyHash ??= hash('not-a-real-password-' + Math.random());
  return dummyHash;
}

/** The password policy: ≥10 characters, 3 of 4 classes, not the username, not a common password. */
export function checkPasswordPolicy(password: string, username: string, path = 'password'): FieldError[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('at least 10 characters');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) problems.push('at least 3 of: lowercase, uppercase, digit, symbol');
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase())) problems.push('must not contain the username');
  // Strip the decorations people add to a common word ("Password123!") before looking it up.
  const stem = lower.replace(/[^a-z0-9]+$/, '').replace(/\d+$/, '');
  if (commonPasswords.has(lower) || commonPasswords.has(stem)) problems.push('too common');
  return problems.map((message) => ({ path, message }));
}
