import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { sessionKey, useCurrentSession } from '../../session/api';
import { isOfflineSession } from '../../session/sessionCache';
import type { Session } from '@liaison/contracts';
import { draftsSnapshot, flushDrafts, recoverInterrupted, subscribeDrafts, type SiteLogDraft } from './drafts';

/** The signed-in user's drafts waiting on this device. */
export function useDrafts(): SiteLogDraft[] {
  const session = useCurrentSession();
  const all = useSyncExternalStore(subscribeDrafts, draftsSnapshot);
  return all.filter((d) => d.userId === session.user.id);
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    (l) => {
      window.addEventListener('online', l);
      window.addEventListener('offline', l);
      return () => {
        window.removeEventListener('online', l);
        window.removeEventListener('offline', l);
      };
    },
    () => navigator.onLine,
  );
}

/** Returns a function that sends the waiting drafts now (after renewing an offline-restored session). */
export function useFlushDrafts(): () => Promise<number> {
  const qc = useQueryClient();
  const session = useCurrentSession();
  return async () => {
    if (!navigator.onLine) return 0;
    let s = qc.getQueryData<Session | null>(sessionKey);
    if (isOfflineSession(s)) {
      await qc.refetchQueries({ queryKey: sessionKey, exact: true });
      s = qc.getQueryData<Session | null>(sessionKey);
      if (!s || isOfflineSession(s)) return 0;
    }
    const sent = await flushDrafts(session.user.id);
    if (sent > 0) {
      void qc.invalidateQueries({ queryKey: ['site-logs'] });
      void qc.invalidateQueries({ queryKey: ['commissioners'] });
    }
    return sent;
  };
}

/** Sends drafts when the app starts, when the connection returns, and every minute while some wait. */
export function useOutboxSync(): void {
  const flush = useFlushDrafts();
  const drafts = useDrafts();
  const waiting = drafts.some((d) => d.status === 'waiting');
  useEffect(() => {
    void recoverInterrupted().then(() => flush());
    const onOnline = () => void flush();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (!waiting) return;
    const h = setInterval(() => void flush(), 60_000);
    return () => clearInterval(h);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [waiting]);
}
