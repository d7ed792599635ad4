import sharp from 'sharp';
import type { Client, TestApp } from '../../../../test/harness.js';
import { buildCtx } from '../../../kernel/context.js';
import { issueChallenge, solveChallenge } from '../challenge.js';
import { fileAppeal } from '../file-appeal.js';

/**
 * Records the access matrix's appeal rows need, made through the services (not HTTP) so the set-up does not use up
 * the public routes' per-address rate limits that the rows themselves are measured against.
 */
const publicCtx = (t: TestApp) => buildCtx(t.app.deps, null);

export function solvedChallengeFor(t: TestApp) {
  const c = issueChallenge(publicCtx(t));
  return { token: c.token, nonce: solveChallenge(c) };
}

export const matrixPhoto = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).jpeg().toBuffer();

export async function matrixAppeal(t: TestApp, projectId: string | null) {
  const filed = await fileAppeal(publicCtx(t), {
    channel: 'portal', source: 'public_portal', category: 'noise', description: '矩阵：夜间施工噪声', projectId, address: '东新路822号', lat: null, lng: null,
    attributes: null, mediaUrl: null, name: '矩阵居民', phone: '13812341234', challengeId: null, open311KeyId: null, photoIds: [],
    reporter: { name: 'resident', role: 'resident' },
  });
  return { code: filed.trackingCode, appealId: filed.appeal.id, caseId: filed.caseId };
}

/** An appeal on project 1 dispatched by zy01 to 区住建局 (zjj handles it), or also answered, verified and closed. */
export async function matrixAppealAt(m: { t: TestApp; as(who: 'zy01' | 'zjj'): Client; ids: { project1: string; zjjUnit: string } }, state: 'dispatched' | 'closed') {
  const a = await matrixAppeal(m.t, m.ids.project1);
  const act = async (who: 'zy01' | 'zjj', action: string, body: object) => {
    const res = await m.as(who).post(`/api/v1/cases/${a.caseId}/actions/${action}`, body);
    if (res.statusCode !== 200) throw new Error(`matrix set-up: appeal case ${action} answered ${res.statusCode} ${res.body}`);
  };
  await act('zy01', 'accept', {});
  await act('zy01', 'dispatch', { unitId: m.ids.zjjUnit });
  if (state === 'closed') {
    await act('zjj', 'sign', {});
    await act('zjj', 'answer', { publicReply: '矩阵答复' });
    await act('zy01', 'verify', { accept: true });
  }
  return a;
}
