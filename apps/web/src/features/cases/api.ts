import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Case, CaseAction, CaseDetail, CaseEvent, CaseLimit, CreateCaseBody, bulkDispatchResultSchema, similarCaseSchema,
} from '@liaison/contracts';
import { api, downloadFile, type Page } from '../../shared/api/client';

export type { Case, CaseDetail, CaseEvent, CaseAction, CaseLimit };
export type SimilarCase = z.infer<typeof similarCaseSchema>;
export type BulkDispatchResult = z.infer<typeof bulkDispatchResultSchema>;
export type CaseQuery = Record<string, string | number | undefined>;
const enc = encodeURIComponent;

export function useCases(query: CaseQuery) {
  return useQuery({
    queryKey: ['cases', 'list', query],
    queryFn: ({ signal }) => api<Page<Case>>('/cases', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: ['cases', 'detail', id],
    queryFn: ({ signal }) => api<CaseDetail>(`/cases/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function useCaseEvents(id: string) {
  return useQuery({
    queryKey: ['cases', 'events', id],
    queryFn: ({ signal }) => api<{ items: CaseEvent[] }>(`/cases/${enc(id)}/events`, { signal }),
    select: (r) => r.items,
  });
}

export function useCaseAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: CaseAction; body: Record<string, unknown> }) =>
      api<CaseDetail>(`/cases/${enc(id)}/actions/${action}`, { method: 'POST', body, idempotent: true }),
    onSuccess: (c) => {
      qc.setQueryData(['cases', 'detail', id], c);
      void qc.invalidateQueries({ queryKey: ['cases', 'events', id] });
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export function useCreateCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCaseBody) => api<CaseDetail>('/cases', { method: 'POST', body, idempotent: true }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function useSimilarCases(projectId: string | undefined, title: string) {
  return useQuery({
    queryKey: ['cases', 'similar', projectId, title],
    queryFn: ({ signal }) => api<{ items: SimilarCase[] }>('/cases/similar', { query: { projectId, title }, signal }),
    enabled: !!projectId && title.trim().length >= 2,
    select: (r) => r.items,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useBulkDispatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { caseIds: string[]; unitId: string; coUnitIds?: string[]; note?: string }) =>
      api<BulkDispatchResult>('/cases/bulk-dispatch', { method: 'POST', body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function exportCases(format: 'xlsx' | 'csv', query: CaseQuery): Promise<void> {
  return downloadFile('/cases/export', { ...query, format }, `cases.${format}`);
}

export function useCaseLimits() {
  return useQuery({
    queryKey: ['case-limits'],
    queryFn: ({ signal }) => api<{ items: CaseLimit[] }>('/case-limits', { signal }),
    select: (r) => r.items,
  });
}

export function useSaveCaseLimits() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: CaseLimit[]) => api<{ items: CaseLimit[] }>('/case-limits', { method: 'PUT', body: { items } }),
    onSuccess: (r) => qc.setQueryData(['case-limits'], r),
  });
}

/** Search cases for pickers (e.g. the case a duplicate is merged into). */
export function useCaseOptions(q: string, projectId?: string) {
  return useQuery({
    queryKey: ['cases', 'options', q, projectId],
    queryFn: ({ signal }) => api<Page<Case>>('/cases', { query: { q: q || undefined, projectId, pageSize: 20, sort: '-createdAt' }, signal }),
    select: (p) => p.items,
    placeholderData: keepPreviousData,
  });
}
