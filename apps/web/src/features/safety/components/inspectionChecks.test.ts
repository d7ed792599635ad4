import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/client';
import { missingOf, problemsFromServer, type ItemState } from './inspectionChecks';

const item = (id: string) => ({ id }) as never;
const t = (k: string) => k;

describe('missingOf', () => {
  const draft = { items: [item('a'), item('b'), item('c')], inspectorSignatureId: null, contractorSignerName: null, contractorSignatureId: null };

  it('lists unchecked items, failures without photo or note, and the signatures', () => {
    const state: Record<string, ItemState> = {
      a: { result: 'pass', note: null, photoId: null },
      b: { result: 'fail', note: '  ', photoId: null },
      c: { result: null, note: null, photoId: null },
    };
    const m = missingOf(draft, (id) => state[id]!, t);
    expect(m.has('a')).toBe(false);
    expect(m.get('b')).toEqual(['safety.missing.photo', 'safety.missing.note']);
    expect(m.get('c')).toEqual(['safety.missing.result']);
    expect([...m.keys()]).toEqual(['b', 'c', 'inspector', 'signer', 'contractor']);
  });

  it('is empty for a complete draft', () => {
    const done = { ...draft, inspectorSignatureId: 'f1', contractorSignerName: '陈立新', contractorSignatureId: 'f2' };
    const state: ItemState = { result: 'fail', note: '栏杆缺失', photoId: 'p1' };
    expect(missingOf(done, () => state, t).size).toBe(0);
  });
});

describe('problemsFromServer', () => {
  it('maps the submit refusal\'s field errors to items and signatures', () => {
    const err = new ApiError(422, 'RULE_VIOLATED', {
      type: 'about:blank', title: 'x', status: 422, code: 'RULE_VIOLATED',
      errors: [
        { path: 'items.abc.photoId', message: 'a photo is required' },
        { path: '/body/items/abc/note', message: 'describe' },
        { path: 'inspectorSignatureId', message: 'unsigned' },
        { path: 'contractorSignerName', message: 'name' },
        { path: 'contractorSignatureId', message: 'unsigned' },
        { path: 'somethingElse', message: 'ignored' },
      ],
    });
    const p = problemsFromServer(err);
    expect(p.get('abc')).toEqual(['a photo is required', 'describe']);
    expect(p.get('inspector')).toEqual(['unsigned']);
    expect(p.get('signer')).toEqual(['name']);
    expect(p.get('contractor')).toEqual(['unsigned']);
    expect(p.size).toBe(4);
  });

  it('ignores anything that is not an API error', () => expect(problemsFromServer(new Error('x')).size).toBe(0));
});
