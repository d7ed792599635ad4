import { describe, expect, it } from 'vitest';
import { stampedCache } from './stamped.js';

describe('stampedCache', () => {
  it('serves an answer while its stamp holds, per database and key, dropping the least recently used', async () => {
    const cache = stampedCache<string>(2);
    let builds = 0;
    const build = (v: string) => async () => { builds++; return v; };
    const dbA = {};
    const dbB = {};
    expect(await cache(dbA, 'k1', 's1', build('a1'))).toBe('a1');
    expect(await cache(dbA, 'k1', 's1', build('never'))).toBe('a1');
    expect(await cache(dbA, 'k1', 's2', build('a2'))).toBe('a2');
    expect(await cache(dbB, 'k1', 's2', build('b1'))).toBe('b1');
    expect(builds).toBe(3);
    await cache(dbA, 'k2', 's', build('x'));
    await cache(dbA, 'k1', 's2', build('never'));
    await cache(dbA, 'k3', 's', build('y'));
    // k2 was the least recently used of dbA's keys: gone, built again.
    expect(await cache(dbA, 'k2', 's', build('x again'))).toBe('x again');
    expect(builds).toBe(6);
  });
});
