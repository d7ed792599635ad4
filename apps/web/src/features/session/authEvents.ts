import { useSyncExternalStore } from 'react';

/** Why the user is on the sign-in page, when it is not their choice (e.g. the session expired mid-use). */
export type SignedOutReason = 'expired' | null;

let reason: SignedOutReason = null;
const listeners = new Set<() => void>();

export function setSignedOutReason(next: SignedOutReason): void {
  if (reason === next) return;
  reason = next;
  listeners.forEach((l) => l());
}

export function useSignedOutReason(): SignedOutReason {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => reason,
  );
}
