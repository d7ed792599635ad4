import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import type { Client, TestApp } from '../../../../test/harness.js';
import { multipartFile } from '../../../../test/factories.js';
import { solveChallenge } from '../challenge.js';

/** Test helpers for the public side: a solved challenge, a photo, an appeal filed and driven through its case. */
export type Solved = { token: string; nonce: string };

export async function solvedChallenge(c: Client): Promise<Solved> {
  const res = await c.get('/api/public/challenge');
  if (res.statusCode !== 200) throw new Error(`challenge: ${res.statusCode} ${res.body}`);
  const ch = res.json();
  return { token: ch.token, nonce: solveChallenge(ch) };
}

/** A small JPEG with an EXIF block carrying GPS (so tests can check it is gone). */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam', Model: 'Leaky 1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 18/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1' } })
    .toBuffer();
}

export function uploadPhoto(c: Client, ch: Solved, data: Buffer, name = 'p.jpg'): Promise<LightMyRequestResponse> {
  const mp = multipartFile(data, name, 'image/jpeg', 'photo');
  return c.request({ method: 'POST', url: '/api/public/appeals/photos', payload: mp.payload, headers: { ...mp.headers, 'x-challenge-token': ch.token, 'x-challenge-nonce': ch.nonce } });
}

export const noiseAppeal = (projectId: string | undefined, extra: Record<string, unknown> = {}) => ({
  ...(projectId ? { projectId } : {}), category: 'noise', description: '夜里十一点还在打桩，吵得睡不着', address: '东新路822号北门', name: '李小红', phone: '13812341234', ...extra,
});

/** Files an appeal through the public API (201 asserted) and returns the answer with the tracking code. */
export async function fileAppeal(c: Client, body: Record<string, unknown>): Promise<{ trackingCode: string; link: string; status: string }> {
  const challenge = await solvedChallenge(c);
  const res = await c.post('/api/public/appeals', { ...body, challenge });
  if (res.statusCode !== 201) throw new Error(`file appeal: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function appealRow(t: TestApp, caseId: string) {
  return t.db.selectFrom('appeals').selectAll().where('caseId', '=', caseId).executeTakeFirstOrThrow();
}

/** The case an appeal became, found through its source reference. */
export async function caseOfCode(t: TestApp, anon: Client, code: string): Promise<string> {
  const res = await anon.get(`/api/public/appeals/${code}`);
  if (res.statusCode !== 200) throw new Error(`status: ${res.statusCode} ${res.body}`);
  const rows = await t.db.selectFrom('appeals').select(['caseId', 'trackingHash']).execute();
  const { trackingHash } = await import('../tracking-code.js');
  const row = rows.find((r) => r.trackingHash === trackingHash(code));
  if (!row?.caseId) throw new Error('appeal has no case');
  return row.caseId;
}

type Act = (who: Client, action: string, body: object) => Promise<unknown>;
/** Drives an appeal's case: zy01 accepts and dispatches to `unitId`, the unit's handler signs and answers, zy01 verifies. */
export async function answerAndClose(caseId: string, zy01: Client, handler: Client, unitId: string, reply = '已责令施工单位停止夜间打桩，并加装隔音屏障。', note = '内部：施工方项目经理王某某已约谈') {
  const act: Act = async (who, action, body) => {
    const res = await who.post(`/api/v1/cases/${caseId}/actions/${action}`, body);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  await act(zy01, 'accept', {});
  await act(zy01, 'dispatch', { unitId });
  await act(handler, 'sign', {});
  await act(handler, 'comment', { text: '内部讨论：联系了项目经理张三 13900001111', internal: true });
  await act(handler, 'answer', { publicReply: reply, internalNote: note });
  await act(zy01, 'verify', { accept: true });
}
