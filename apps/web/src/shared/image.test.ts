import { describe, expect, it } from 'vitest';
import { fitWithin, jpegName } from './image';

describe('fitWithin', () => {
  it('shrinks the longest side to 1600 and keeps the proportions', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
  });
  it('never enlarges a small photo', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1600, 900)).toEqual({ width: 1600, height: 900 });
  });
  it('keeps at least one pixel on a thin strip', () => {
    expect(fitWithin(10000, 2)).toEqual({ width: 1600, height: 1 });
  });
});

describe('jpegName', () => {
  it('gives the resized photo a .jpg name', () => {
    expect(jpegName('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
    expect(jpegName('photo')).toBe('photo.jpg');
    expect(jpegName('.png')).toBe('photo.jpg');
  });
});
