import { isApiError } from '../../../shared/api/client';
import type { Inspection } from '../api';

export type Result = 'pass' | 'fail' | 'na';
export interface ItemState {
  result: Result | null;
  note: string | null;
  photoId: string | null;
}
/** Problems by item id, or 'inspector' / 'signer' / 'contractor' for the signatures. */
export type Problems = Map<string, string[]>;

type Draft = Pick<Inspection, 'items' | 'inspectorSignatureId' | 'contractorSignerName' | 'contractorSignatureId'>;

/**
 * What still keeps a draft from being submitted, as the server will judge it: a result per item, a photo and a note
 * per failure, both signatures and the contractor's representative's name. Checked before sending, to point at it.
 */
export function missingOf(insp: Draft, state: (id: string) => ItemState, t: (k: string) => string): Problems {
  const out: Problems = new Map();
  const add = (k: string, m: string) => out.set(k, [...(out.get(k) ?? []), m]);
  for (const i of insp.items) {
    const s = state(i.id);
    if (!s.result) add(i.id, t('safety.missing.result'));
    if (s.result === 'fail' && !s.photoId) add(i.id, t('safety.missing.photo'));
    if (s.result === 'fail' && !s.note?.trim()) add(i.id, t('safety.missing.note'));
  }
  if (!insp.inspectorSignatureId) add('inspector', t('safety.missing.inspectorSignature'));
  if (!insp.contractorSignerName) add('signer', t('safety.missing.signer'));
  if (!insp.contractorSignatureId) add('contractor', t('safety.missing.contractorSignature'));
  return out;
}

/** The server's field errors (items.<id>.note, inspectorSignatureId …) in the same shape. */
export function problemsFromServer(err: unknown): Problems {
  const out: Problems = new Map();
  if (!isApiError(err)) return out;
  for (const e of err.fieldErrors) {
    const m = /^\/?(?:body[./])?items[./]([^./]+)/.exec(e.path);
    const key = m ? m[1]!
      : e.path.includes('inspectorSignature') ? 'inspector'
      : e.path.includes('contractorSignerName') ? 'signer'
      : e.path.includes('contractorSignature') ? 'contractor'
      : null;
    if (key) out.set(key, [...(out.get(key) ?? []), e.message]);
  }
  return out;
}
