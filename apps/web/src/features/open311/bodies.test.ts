import { describe, expect, it } from 'vitest';
import { createOpen311KeyBody } from '@liaison/contracts';
import { createKeyBody, endpointOf } from './bodies';

describe('Open311 key bodies', () => {
  it('trims the name and names the case source', () => {
    const body = createKeyBody({ name: '  12345 热线  ', source: 'hotline_12345' });
    expect(body).toEqual({ name: '12345 热线', source: 'hotline_12345' });
    expect(createOpen311KeyBody.safeParse(body).success).toBe(true);
  });

  it('defaults the source to other', () => {
    expect(createKeyBody({ name: 'City app' }).source).toBe('other');
  });

  it('gives clients the GeoReport v2 endpoint of this server', () => {
    expect(endpointOf('https://liaison.example.org/')).toBe('https://liaison.example.org/open311/v2/');
  });
});
