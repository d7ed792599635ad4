/**
 * Records the access matrix's mediation rows point at (test/access-matrix.ts): disputes on project 1 filed by its
 * commissioner zy01 (their mediator) and dispatched at once to 区住建局 (zjj's unit, which then handles them).
 */
import type { MatrixCtx } from '../../../../test/access-matrix.js';
import { disputeBody } from './dispute-fixtures.js';

type M = Pick<MatrixCtx, 't' | 'as' | 'ids'>;
type Dispute = { caseId: string; version: number; agreement: { version: number } | null };

const ok = (res: { statusCode: number; body: string; json(): unknown }, status: number, what: string): Dispute => {
  if (res.statusCode !== status) throw new Error(`matrix set-up: ${what} answered ${res.statusCode} ${res.body}`);
  return res.json() as Dispute;
};

export const agreementDraft = (extra: Record<string, unknown> = {}) => ({
  facts: '夜间打桩噪声影响居民休息。', issues: '补偿金额。', responsibilities: '施工方承担主要责任。',
  terms: ['施工方22时后停止高噪声作业。', '施工方补偿居民人民币贰仟元。'], performanceMethod: '银行转账。', performBy: '2026-12-31', ...extra,
});

/** A new dispute taken as far as `stage`: filed and dispatched, its agreement drafted, or signed. */
export async function freshDispute(m: M, stage: 'filed' | 'drafted' | 'signed' = 'filed'): Promise<Dispute> {
  const zy = m.as('zy01');
  let d = ok(await zy.post('/api/v1/disputes', disputeBody(m.ids.project1, { dispatchUnitId: m.ids.zjjUnit })), 201, 'dispute');
  if (stage === 'filed') return d;
  d = ok(await zy.request({ method: 'PUT', url: `/api/v1/disputes/${d.caseId}/agreement`, payload: agreementDraft() }), 200, 'agreement');
  if (stage === 'drafted') return d;
  return ok(await zy.post(`/api/v1/disputes/${d.caseId}/agreement/sign`, { version: d.agreement!.version, signedOn: '2026-11-26' }), 200, 'sign');
}

const shared = new WeakMap<object, Promise<Dispute>>();
/** One dispute with a draft agreement, shared by the read and edit rows. */
export function sharedDispute(m: M): Promise<Dispute> {
  let p = shared.get(m.t);
  if (!p) {
    p = freshDispute(m, 'drafted');
    shared.set(m.t, p);
  }
  return p;
}

export const disputeVersion = async (m: M, caseId: string) =>
  (await m.t.db.selectFrom('disputes').select('version').where('caseId', '=', caseId).executeTakeFirstOrThrow()).version;
export const agreementVersion = async (m: M, caseId: string) =>
  (await m.t.db.selectFrom('mediationAgreements').select('version').where('caseId', '=', caseId).executeTakeFirstOrThrow()).version;
