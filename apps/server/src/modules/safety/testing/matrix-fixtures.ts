/**
 * Records the access matrix's safety rows point at (test/access-matrix.ts): inspections on project 1 by its
 * commissioner zy01, whose contractor is sg01's unit. Made through the API, once per test app where they are shared.
 */
import type { MatrixCtx } from '../../../../test/access-matrix.js';
import { signaturePng, sitePhoto, upload } from './evidence.js';

type M = Pick<MatrixCtx, 't' | 'as' | 'ids'>;
type View = { id: string; version: number; items: { id: string }[] };

const ok = <T>(res: { statusCode: number; body: string; json(): unknown }, status: number, what: string): T => {
  if (res.statusCode !== status) throw new Error(`matrix set-up: ${what} answered ${res.statusCode} ${res.body}`);
  return res.json() as T;
};

export const defaultTemplateId = async (m: M) =>
  (await m.t.db.selectFrom('inspectionTemplates').select('id').where('name', '=', '房屋建筑工程施工现场安全检查表').executeTakeFirstOrThrow()).id;

/** zy01's draft on project 1; `complete`: every item checked (the first one failed, with photo and note) and signed. */
export async function draftInspection(m: M, complete = false): Promise<View> {
  const zy = m.as('zy01');
  const i = ok<View>(await zy.post('/api/v1/inspections', { projectId: m.ids.project1, templateId: await defaultTemplateId(m) }), 201, 'inspection');
  if (!complete) return i;
  const photo = await upload(zy, await sitePhoto('#b7ab95'), '隐患.jpg');
  return ok<View>(await zy.patch(`/api/v1/inspections/${i.id}`, {
    version: i.version,
    items: i.items.map((x, n) => (n === 3 ? { itemId: x.id, result: 'fail', note: '通道口防护棚缺失', photoId: photo } : { itemId: x.id, result: 'pass' })),
    inspectorSignatureId: await upload(zy, await signaturePng(), 'inspector.png'),
    contractorSignatureId: await upload(zy, await signaturePng(12), 'contractor.png'), contractorSignerName: '矩阵施工员',
  }), 200, 'record');
}

const submitted = new WeakMap<object, Promise<string>>();
/** One submitted inspection of project 1 with a general hazard (so it has a notice), shared by the read rows. */
export function submittedInspection(m: M): Promise<string> {
  let p = submitted.get(m.t);
  if (!p) {
    p = draftInspection(m, true).then(async (i) => ok<View>(await m.as('zy01').post(`/api/v1/inspections/${i.id}/submit`, { version: i.version }), 200, 'submit').id);
    submitted.set(m.t, p);
  }
  return p;
}

/** A small checklist the matrix adds (and edits) as the system admin. */
export const matrixTemplate = (tag: string) => ({
  name: `矩阵检查表 ${tag}`, items: [{ category: '临边防护', text: '楼梯口设防护栏杆', severity: 'general' }],
});
