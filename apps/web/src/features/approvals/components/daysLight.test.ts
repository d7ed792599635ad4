import { describe, expect, it } from 'vitest';
import { averageLight } from './daysLight';

describe('averageLight', () => {
  it('is grey without an average', () => expect(averageLight(null, 20)).toBe('none'));
  it('is green under 80% of the limit', () => expect(averageLight(15.9, 20)).toBe('green'));
  it('turns amber at 80%', () => {
    expect(averageLight(16, 20)).toBe('yellow');
    expect(averageLight(20, 20)).toBe('yellow');
  });
  it('is red past the limit', () => expect(averageLight(20.1, 20)).toBe('red'));
});
