import { describe, expect, it } from 'vitest';
import { partiesBody } from './parties';

describe('partiesBody', () => {
  it('sends a new party\'s blank phone as none, and trims', () => {
    expect(partiesBody([{ kind: 'resident', name: ' 李秀英 ', phone: ' ', address: '' }], false)).toEqual([
      { kind: 'resident', name: '李秀英', phone: null, address: null, representative: null },
    ]);
  });

  it('keeps a stored number the caller only saw masked when left blank', () => {
    const [p] = partiesBody([{ id: 'p1', kind: 'resident', name: '李秀英', phone: '', maskedPhone: '138****5678' }], true);
    expect(p).not.toHaveProperty('phone');
    expect(p).toMatchObject({ id: 'p1' });
  });

  it('replaces or clears a visible number', () => {
    expect(partiesBody([{ id: 'p1', kind: 'resident', name: 'a', phone: '13900000000', maskedPhone: '138****5678' }], true)[0]!.phone).toBe('13900000000');
    expect(partiesBody([{ id: 'p1', kind: 'resident', name: 'a', phone: '' }], true)[0]!.phone).toBeNull();
  });

  it('keeps a representative for enterprises only', () => {
    const [a, b] = partiesBody([
      { kind: 'enterprise', name: '中大建设', representative: ' 张总 ' },
      { kind: 'resident', name: '王', representative: '不应保留' },
    ], false);
    expect(a!.representative).toBe('张总');
    expect(b!.representative).toBeNull();
  });
});
