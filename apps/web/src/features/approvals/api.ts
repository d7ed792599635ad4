import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  addApprovalBody, approvalChainSchema, approvalItemSchema, approvalReportSchema, approvalTemplateSchema, blockApprovalBody,
  createApprovalItemBody, createChainBody, escalateApprovalBody, projectApprovalSchema, updateApprovalBody, updateApprovalItemBody,
} from '@liaison/contracts';
import { api, isApiError } from '../../shared/api/client';

export type ApprovalItem = z.infer<typeof approvalItemSchema>;
export type ApprovalTemplate = z.infer<typeof approvalTemplateSchema>;
export type ApprovalChain = z.infer<typeof approvalChainSchema>;
export type ProjectApproval = z.infer<typeof projectApprovalSchema>;
export type ApprovalReport = z.infer<typeof approvalReportSchema>;
export type CreateApprovalItem = z.input<typeof createApprovalItemBody>;
export type UpdateApprovalItem = z.input<typeof updateApprovalItemBody>;
export type UpdateApproval = z.input<typeof updateApprovalBody>;

const enc = encodeURIComponent;
const chainKey = (projectId: string) => ['approvals', 'chain', projectId] as const;

// --- the catalogue and templates ---
export function useApprovalItems(includeInactive = false) {
  return useQuery({
    queryKey: ['approvals', 'items', includeInactive],
    queryFn: ({ signal }) => api<ApprovalItem[]>('/approval-items', { query: { includeInactive: String(includeInactive) }, signal }),
    staleTime: 60_000,
  });
}

export function useCreateApprovalItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApprovalItem) => api<ApprovalItem>('/approval-items', { method: 'POST', body, idempotent: true }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['approvals', 'items'] }),
  });
}

export function useUpdateApprovalItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateApprovalItem & { id: string }) => api<ApprovalItem>(`/approval-items/${enc(id)}`, { method: 'PATCH', body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['approvals', 'items'] }),
  });
}

export function useDeleteApprovalItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/approval-items/${enc(id)}`, { method: 'DELETE' }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['approvals', 'items'] }),
  });
}

export function useApprovalTemplates() {
  return useQuery({
    queryKey: ['approvals', 'templates'],
    queryFn: ({ signal }) => api<ApprovalTemplate[]>('/approval-templates', { signal }),
    staleTime: 60_000,
  });
}

export function usePutApprovalTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ category, itemIds }: { category: string; itemIds: string[] }) =>
      api<ApprovalTemplate>(`/approval-templates/${enc(category)}`, { method: 'PUT', body: { itemIds } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['approvals', 'templates'] }),
  });
}

// --- a project's chain ---
export function useApprovalChain(projectId: string | undefined) {
  return useQuery({
    queryKey: chainKey(projectId ?? ''),
    queryFn: ({ signal }) => api<ApprovalChain>(`/projects/${enc(projectId ?? '')}/approvals`, { signal }),
    enabled: !!projectId,
  });
}

function useChainMutation<V, R>(projectId: string, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      // Chain-wide answers replace the cache at once; item answers change the summary too, so refetch.
      if (r && typeof r === 'object' && 'summary' in r) qc.setQueryData(chainKey(projectId), r);
      // An item's answer goes into the chain at once, so the next change carries its new version.
      if (r && typeof r === 'object' && 'statutoryDays' in r && 'position' in r) {
        const item = r as unknown as ProjectApproval;
        qc.setQueryData<ApprovalChain>(chainKey(projectId), (c) => c && { ...c, items: c.items.map((i) => (i.id === item.id ? item : i)) });
      }
      void qc.invalidateQueries({ queryKey: chainKey(projectId) });
      void qc.invalidateQueries({ queryKey: ['approvals', 'report'] });
    },
    // Someone else moved the chain meanwhile: show theirs (the message says so).
    onError: (e) => {
      if (isApiError(e) && e.code === 'STALE_VERSION') void qc.invalidateQueries({ queryKey: chainKey(projectId) });
    },
  });
}

export function useCreateChain(projectId: string) {
  return useChainMutation(projectId, (body: z.input<typeof createChainBody>) =>
    api<ApprovalChain>(`/projects/${enc(projectId)}/approvals/from-template`, { method: 'POST', body, idempotent: true }));
}

export function useAddApproval(projectId: string) {
  return useChainMutation(projectId, (body: z.input<typeof addApprovalBody>) =>
    api<ProjectApproval>(`/projects/${enc(projectId)}/approvals`, { method: 'POST', body, idempotent: true }));
}

export function useReorderApprovals(projectId: string) {
  return useChainMutation(projectId, (ids: string[]) =>
    api<ApprovalChain>(`/projects/${enc(projectId)}/approvals/reorder`, { method: 'POST', body: { ids } }));
}

export function useUpdateApproval(projectId: string) {
  return useChainMutation(projectId, ({ id, ...body }: UpdateApproval & { id: string }) =>
    api<ProjectApproval>(`/projects/${enc(projectId)}/approvals/${enc(id)}`, { method: 'PATCH', body }));
}

export function useRemoveApproval(projectId: string) {
  return useChainMutation(projectId, (id: string) =>
    api<void>(`/projects/${enc(projectId)}/approvals/${enc(id)}`, { method: 'DELETE' }));
}

export function useBlockApproval(projectId: string) {
  const qc = useQueryClient();
  return useChainMutation(projectId, ({ id, ...body }: z.input<typeof blockApprovalBody> & { id: string }) =>
    api<ProjectApproval>(`/projects/${enc(projectId)}/approvals/${enc(id)}/block`, { method: 'POST', body, idempotent: true })
      .finally(() => void qc.invalidateQueries({ queryKey: ['cases'] })));
}

export function useEscalateApproval(projectId: string) {
  const qc = useQueryClient();
  return useChainMutation(projectId, ({ id, ...body }: z.input<typeof escalateApprovalBody> & { id: string }) =>
    api<ProjectApproval>(`/projects/${enc(projectId)}/approvals/${enc(id)}/escalate`, { method: 'POST', body, idempotent: true })
      .finally(() => void qc.invalidateQueries({ queryKey: ['cases'] })));
}

// --- the district report ---
export function useApprovalReport(projectId?: string) {
  return useQuery({
    queryKey: ['approvals', 'report', projectId ?? null],
    queryFn: ({ signal }) => api<ApprovalReport>('/approvals/report', { query: { projectId }, signal }),
    placeholderData: keepPreviousData,
  });
}
