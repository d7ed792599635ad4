import { describe, expect, it } from 'vitest';
import { gramText, searchTerms } from './search.js';

describe('gramText', () => {
  it('cuts Chinese runs into adjacent pairs plus the last character, and keeps ASCII words whole', () => {
    expect(gramText(['塔吊夜间'])).toBe('塔吊 吊夜 夜间 间');
    expect(gramText(['XC-2026-000123', '3号楼渗水'])).toBe('xc 2026 000123 3 号楼 楼渗 渗水 水');
    expect(gramText(['噪'])).toBe('噪');
  });

  it('folds full-width characters and case, and drops punctuation', () => {
    expect(gramText(['ＡＢ１２，基坑！'])).toBe('ab12 基坑 坑');
    expect(gramText([null, '', '  。'])).toBe('');
  });
});

describe('searchTerms', () => {
  it('splits on white space and keeps at most eight terms', () => {
    expect(searchTerms(' 塔吊  噪声 ')).toEqual(['塔吊', '噪声']);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });
});
