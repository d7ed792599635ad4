import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';

const messages = (password: string, username = 'zy01') => checkPasswordPolicy(password, username).map((e) => e.message);

describe('checkPasswordPolicy', () => {
  it('passes the demo password and other strong ones', () => {
    expect(checkPasswordPolicy('Liaison#2026', 'zy01')).toEqual([]);
    expect(checkPasswordPolicy('Harbour#Light-2027', 'admin')).toEqual([]);
    expect(checkPasswordPolicy('长城Great-wall9', 'leader')).toEqual([]);
  });

  it('wants at least 10 characters', () => {
    expect(messages('Ab1!xyz')).toEqual(['at least 10 characters']);
    expect(messages('Ab1!xyzuvw')).toEqual([]);
  });

  it('wants 3 of the 4 character classes', () => {
    expect(messages('abcdefghijkl')).toEqual(['at least 3 of: lowercase, uppercase, digit, symbol']);
    expect(messages('abcdefghijk1')).toEqual(['at least 3 of: lowercase, uppercase, digit, symbol']);
    expect(messages('abcdefghij1!')).toEqual([]);
    expect(messages('ABCDEFGHIJ1!')).toEqual([]);
  });

  it('refuses a password containing the username, whatever the case', () => {
    expect(messages('My-Zhangsan-2026', 'zhangsan')).toEqual(['must not contain the username']);
    expect(messages('ZY01-Secure#Pass', 'zy01')).toEqual(['must not contain the username']);
  });

  it('refuses common passwords and common words with the usual decorations', () => {
    expect(messages('Password123!')).toEqual(['too common']);
    expect(messages('P@ssw0rd2026!')).toEqual(['too common']);
    expect(messages('Qwerty123456!')).toEqual(['too common']);
    expect(messages('Woaini1314!!')).toEqual(['too common']);
    expect(messages('1q2w3e4r5t6Y')).toEqual(['too common']);
  });

  it('lists every problem at once, at the path it is given', () => {
    expect(checkPasswordPolicy('password', 'x', 'newPassword')).toEqual([
      { path: 'newPassword', message: 'at least 10 characters' },
      { path: 'newPassword', message: 'at least 3 of: lowercase, uppercase, digit, symbol' },
      { path: 'newPassword', message: 'too common' },
    ]);
  });
});

describe('password hashing', () => {
  it('hashes with argon2id, salted, and verifies only the right password', async () => {
    const a = await hashPassword('Liaison#2026');
    const b = await hashPassword('Liaison#2026');
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'Liaison#2026')).toBe(true);
    expect(await verifyPassword(a, 'Liaison#2027')).toBe(false);
  });

  it('answers false, not an exception, for a malformed hash', async () => {
    expect(await verifyPassword('not-a-hash', 'Liaison#2026')).toBe(false);
  });
});
