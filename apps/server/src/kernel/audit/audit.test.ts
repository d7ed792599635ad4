import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditLogTable } from '../db/schema.js';
import { GENESIS_HASH, diff, hashOf } from './audit.js';

const row: Omit<AuditLogTable, 'hash'> = {
  seq: 7,
  id: '01935f2e-0000-7000-8000-000000000007',
  at: Date.parse('2026-11-26T02:00:00.000Z'),
  actorId: 'u-1',
  actorName: 'admin',
  actorRole: 'system_admin',
  action: 'user.updated',
  entityType: 'user',
  entityId: 'u-2',
  changes: JSON.stringify({ displayName: ['旧名', '新名'] }),
  ip: '127.0.0.1',
  userAgent: 'vitest',
  requestId: 'req-1',
  prevHash: GENESIS_HASH,
};

describe('SM3 (GB/T 32905), which the audit chain uses', () => {
  it('gives the standard digest of "abc"', () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('gives the standard digest of "abcd" × 16', () => {
    expect(createHash('sm3').update('abcd'.repeat(16)).digest('hex')).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
});

describe('hashOf', () => {
  it('is the SM3 of the row’s fields in a fixed order, as 64 hex digits', () => {
    const fields = [row.seq, row.id, row.at, row.actorId, row.actorName, row.actorRole, row.action, row.entityType, row.entityId,
      row.changes, row.ip, row.userAgent, row.requestId, row.prevHash];
    const expected = createHash('sm3').update(JSON.stringify(fields), 'utf8').digest('hex');
    expect(hashOf(row)).toBe(expected);
    expect(hashOf(row)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is deterministic: the same row, even built in another key order, hashes the same', () => {
    const shuffled = Object.fromEntries(Object.entries(row).reverse()) as typeof row;
    expect(hashOf(shuffled)).toBe(hashOf(row));
    expect(hashOf({ ...row })).toBe(hashOf(row));
  });

  it('changes when any field changes, the link to the previous row included', () => {
    const base = hashOf(row);
    const variants: Partial<typeof row>[] = [
      { seq: 8 }, { id: 'other' }, { at: row.at + 1 }, { actorId: null }, { actorName: 'auditor' }, { actorRole: 'auditor' },
      { action: 'user.created' }, { entityType: 'unit' }, { entityId: 'u-3' }, { changes: null }, { ip: '10.0.0.1' },
      { userAgent: null }, { requestId: 'req-2' }, { prevHash: 'f'.repeat(64) },
    ];
    const hashes = variants.map((v) => hashOf({ ...row, ...v }));
    for (const h of hashes) expect(h).not.toBe(base);
    expect(new Set(hashes).size).toBe(variants.length);
  });

  it('tells null from the string "null" and numbers from strings', () => {
    expect(hashOf({ ...row, entityId: null })).not.toBe(hashOf({ ...row, entityId: 'null' }));
    expect(hashOf({ ...row, seq: 7 })).not.toBe(hashOf({ ...row, seq: '7' as unknown as number }));
  });
});

describe('diff', () => {
  it('keeps only the fields that changed, as [before, after]', () => {
    const before: Record<string, unknown> = { a: 1, b: 'x', c: [1, 2], d: null };
    expect(diff(before, { a: 1, b: 'y', c: [1, 2], d: 'set' })).toEqual({ b: ['x', 'y'], d: [null, 'set'] });
  });

  it('ignores fields left undefined and compares arrays and objects by value', () => {
    expect(diff({ a: 1, roles: ['a', 'b'] }, { a: undefined, roles: ['a', 'b'] })).toEqual({});
    expect(diff({ roles: ['a'] }, { roles: ['a', 'b'] })).toEqual({ roles: [['a'], ['a', 'b']] });
  });
});
