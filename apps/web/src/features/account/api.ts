import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createdTokenSchema, sessionListItem, tokenSchema } from '@liaison/contracts';
import { api } from '../../shared/api/client';

export type SessionItem = z.infer<typeof sessionListItem>;
export type ApiToken = z.infer<typeof tokenSchema>;
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export function useMySessions() {
  return useQuery({ queryKey: ['my-sessions'], queryFn: ({ signal }) => api<SessionItem[]>('/sessions', { signal }) });
}

export function useRevokeSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['my-sessions'] }),
  });
}

export function useTokens() {
  return useQuery({ queryKey: ['tokens'], queryFn: ({ signal }) => api<ApiToken[]>('/tokens', { signal }) });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays?: number }) =>
      api<CreatedToken>('/tokens', { method: 'POST', body, idempotent: true }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['tokens'] }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['tokens'] }),
  });
}
