import { describe, expect, it } from 'vitest';
import { dismissAppealBody, triageAppealBody } from '@liaison/contracts';
import { attributeLines, dismissBody, placeOf, safeMediaUrl, triageBody } from './bodies';

const ID = '01a217e5-52d5-7daa-9bc7-000000000001';

describe('appeal bodies', () => {
  it('triage names the project and the version seen', () => {
    const body = triageBody({ version: 3 }, ID);
    expect(body).toEqual({ projectId: ID, version: 3 });
    expect(triageAppealBody.safeParse(body).success).toBe(true);
  });

  it('dismiss sends the trimmed reply the contract accepts', () => {
    const body = dismissBody({ version: 1 }, '  请向街道城管科反映。 ');
    expect(body.reply).toBe('请向街道城管科反映。');
    expect(dismissAppealBody.safeParse(body).success).toBe(true);
    expect(dismissAppealBody.safeParse(dismissBody({ version: 1 }, ' a ')).success).toBe(false);
  });
});

describe('appeal facts', () => {
  it('shows the typed address and the map point', () => {
    expect(placeOf({ address: ' 环城北路 ', location: { lat: 30.2741, lng: 120.1551 } })).toEqual({ address: '环城北路', point: '30.274100, 120.155100' });
    expect(placeOf({ address: '  ', location: null })).toEqual({ address: null, point: null });
  });

  it('lists Open311 attributes, lists joined, blanks dropped', () => {
    expect(attributeLines({ floor: '3', when: ['night', 'weekend'], empty: '' })).toEqual([
      { code: 'floor', value: '3' },
      { code: 'when', value: 'night、weekend' },
    ]);
  });

  it('links only http(s) media URLs', () => {
    expect(safeMediaUrl('https://example.org/a.jpg')).toBe('https://example.org/a.jpg');
    expect(safeMediaUrl('javascript:alert(1)')).toBeNull();
    expect(safeMediaUrl('not a url')).toBeNull();
    expect(safeMediaUrl(null)).toBeNull();
  });
});
