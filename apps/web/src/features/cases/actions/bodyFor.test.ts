import { describe, expect, it } from 'vitest';
import { caseActionBodies } from '@liaison/contracts';
import { bodyFor } from './ActionModal';

describe('bodyFor', () => {
  it('leaves blank optional texts out and sends the version', () => {
    const body = bodyFor('dispatch', { unitId: 'u1', coUnitIds: [], note: '  ' }, 3);
    expect(body).toEqual({ unitId: 'u1', version: 3 });
    expect(caseActionBodies.dispatch.safeParse(body).success).toBe(true);
  });
  it('turns uploaded files into attachment ids', () => {
    const body = bodyFor('answer', { publicReply: ' 已处理 ', internalNote: '', attachments: [{ id: 'f1' } as never] }, 1);
    expect(body).toEqual({ publicReply: '已处理', attachmentIds: ['f1'], version: 1 });
    expect(caseActionBodies.answer.safeParse(body).success).toBe(true);
  });
  it('keeps a false decision (refusals need it) and the comment flag', () => {
    expect(bodyFor('verify', { accept: false, reason: '围挡未退回' }, 2)).toEqual({ accept: false, reason: '围挡未退回', version: 2 });
    expect(bodyFor('comment', { text: '补充照片', attachments: [] }, 2)).toEqual({ text: '补充照片', internal: false, version: 2 });
  });
  it('makes bodies the contract accepts for the return reasons', () => {
    const body = bodyFor('return', { reasonCode: 'territory', reason: '不属本单位辖区' }, 4);
    expect(caseActionBodies.return.safeParse(body).success).toBe(true);
  });
});
