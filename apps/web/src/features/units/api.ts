import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Unit } from '@liaison/contracts';
import { api, type Page } from '../../shared/api/client';

export interface UnitListParams {
  page: number;
  pageSize: number;
  kind?: string;
  parentId?: string;
  q?: string;
  isActive?: string;
  sort?: string;
}

export interface CreateUnitInput {
  code: string;
  name: string;
  kind: Unit['kind'];
  parentId?: string | null;
  phone?: string | null;
}

export interface UpdateUnitInput {
  version: number;
  name?: string;
  parentId?: string | null;
  phone?: string | null;
  isActive?: boolean;
}

export function useUnits(params: UnitListParams) {
  return useQuery({
    queryKey: ['units', 'list', params],
    queryFn: ({ signal }) => api<Page<Unit>>('/units', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUnit(id: string | undefined) {
  return useQuery({
    queryKey: ['units', 'detail', id],
    queryFn: ({ signal }) => api<Unit>(`/units/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: !!id,
    staleTime: 0,
  });
}

/** Search units by name for pickers. */
export function useUnitOptions(q: string, kind?: string) {
  return useQuery({
    queryKey: ['units', 'options', q, kind],
    queryFn: ({ signal }) =>
      api<Page<Unit>>('/units', { query: { q: q || undefined, kind, pageSize: 30, isActive: 'true', sort: 'name' }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    select: (p) => p.items,
  });
}

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUnitInput) => api<Unit>('/units', { method: 'POST', body, idempotent: true }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['units'] }),
  });
}

export function useUpdateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUnitInput & { id: string }) =>
      api<Unit>(`/units/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['units'] }),
  });
}
