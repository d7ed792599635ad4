import { useRef } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Permission, Session } from '@liaison/contracts';
import { api, isApiError } from '../../shared/api/client';
import { setSignedOutReason } from './authEvents';
import { offlineSession, rememberSession } from './sessionCache';

export const sessionKey = ['session'] as const;
export const totpSetupKey = ['totp-setup'] as const;

export interface Meta {
  demo: boolean;
  /** Map tile URL template; absent: maps draw the district outline only. */
  mapTileUrl?: string;
  version: string;
  demoPassword?: string;
  demoAccounts?: { username: string; role: string; label: string }[];
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

async function fetchSession(): Promise<Session | null> {
  try {
    const s = await api<Session>('/session', { skipSessionLost: true });
    rememberSession(s);
    return s;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      rememberSession(null);
      return null;
    }
    // No connection: open with the last session seen (the site-log form works offline).
    if (isApiError(e) && e.status === 0) {
      const cached = offlineSession();
      if (cached) return cached;
    }
    throw e;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
}

/**
 * The signed-in session; only call below the session guard. While signing out, the last session is
 * kept for the one render before the guard sends the user to /login.
 */
export function useCurrentSession(): Session {
  const { data } = useSession();
  const last = useRef<Session | null>(null);
  if (data) last.current = data;
  if (!last.current) throw new Error('useCurrentSession used outside the session guard');
  return last.current;
}

export function useCan(permission: Permission): boolean {
  const { data } = useSession();
  return !!data && data.step === 'ok' && data.permissions.includes(permission);
}

/** Stores a new session; data cached for another user (or none) is dropped. */
export function storeSession(qc: QueryClient, next: Session | null): void {
  const prev = qc.getQueryData<Session | null>(sessionKey);
  if (!next || !prev || prev.user.id !== next.user.id) {
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] && q.queryKey[0] !== 'meta' });
  }
  qc.setQueryData(sessionKey, next);
  rememberSession(next);
  if (next) setSignedOutReason(null);
}

export function useMeta() {
  return useQuery({
    queryKey: ['meta'],
    queryFn: () => api<Meta>('/meta', { skipSessionLost: true }),
    staleTime: Infinity,
    retry: false,
  });
}

function useSessionMutation<TBody>(path: string, method: 'POST' | 'DELETE' = 'POST') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<Session>(path, { method, body, skipSessionLost: path === '/session' }),
    onSuccess: (s) => {
      if (s && typeof s === 'object' && 'user' in s) storeSession(qc, s);
      else void qc.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export const useSignIn = () => useSessionMutation<{ username: string; password: string }>('/session');
export const useVerifyTotp = () => useSessionMutation<{ code: string }>('/session/totp');
export const useEnableTotp = () => useSessionMutation<{ code: string }>('/session/totp/enable');
export const useDisableTotp = () => useSessionMutation<{ password: string }>('/session/totp', 'DELETE');
export const useChangePassword = () =>
  useSessionMutation<{ currentPassword: string; newPassword: string }>('/session/password');

export function useTotpSetup(enabled: boolean) {
  return useQuery({
    queryKey: totpSetupKey,
    queryFn: () => api<TotpSetup>('/session/totp/setup'),
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api<void>('/session', { method: 'DELETE', skipSessionLost: true });
      } catch (e) {
        // Already gone on the server: signing out locally is all that is left.
        if (!(isApiError(e) && e.status === 401)) throw e;
      }
    },
    onSuccess: () => {
      setSignedOutReason(null);
      rememberSession(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'meta' });
      qc.setQueryData(sessionKey, null);
    },
  });
}
