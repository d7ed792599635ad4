import { isApiError } from '../../../shared/api/client';

export type SendOutcome = 'sent' | 'retry-later' | 'needs-attention' | 'signed-out';

/**
 * What to do with a draft after a failed send: no connection, a server hiccup or a request still running
 * under the same key → keep it and try again later; 401 → wait for the user to sign in again;
 * any other refusal (bad input, no longer allowed) → the user must look at it.
 */
export function outcomeOf(err: unknown): Exclude<SendOutcome, 'sent'> {
  if (!isApiError(err)) return 'retry-later';
  if (err.status === 0 || err.status >= 500 || err.status === 429 || err.code === 'IDEMPOTENCY_IN_PROGRESS') {
    return 'retry-later';
  }
  if (err.status === 401 || err.code === 'CSRF_FAILED') return 'signed-out';
  return 'needs-attention';
}

/** Idempotency keys derived from the draft's own key: the same on every retry. */
export const photoKey = (draftKey: string, index: number) => `${draftKey}-photo-${index}`;
export const logKey = (draftKey: string) => `${draftKey}-log`;
