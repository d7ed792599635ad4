import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { open311KeyCreatedSchema, open311KeySchema } from '@liaison/contracts';
import { api } from '../../shared/api/client';
import type { CreateKeyBody } from './bodies';

export type Open311Key = z.infer<typeof open311KeySchema>;
export type CreatedOpen311Key = z.infer<typeof open311KeyCreatedSchema>;

export function useOpen311Keys() {
  return useQuery({
    queryKey: ['open311-keys'],
    queryFn: ({ signal }) => api<{ items: Open311Key[] }>('/open311/keys', { signal }),
    select: (r) => r.items,
  });
}

export function useCreateOpen311Key() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateKeyBody) => api<CreatedOpen311Key>('/open311/keys', { method: 'POST', body, idempotent: true }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['open311-keys'] }),
  });
}

export function useRevokeOpen311Key() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/open311/keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['open311-keys'] }),
  });
}
