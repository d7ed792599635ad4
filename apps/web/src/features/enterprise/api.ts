import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createEnterpriseNeedBody, enterpriseNeedDetailViewSchema, enterpriseNeedReportSchema, enterpriseNeedSchema, updateEnterpriseNeedBody,
} from '@liaison/contracts';
import { api, type Page } from '../../shared/api/client';

export type EnterpriseNeed = z.infer<typeof enterpriseNeedSchema>;
export type EnterpriseNeedDetail = z.infer<typeof enterpriseNeedDetailViewSchema>;
export type NeedReport = z.infer<typeof enterpriseNeedReportSchema>;
export type CreateNeed = z.input<typeof createEnterpriseNeedBody>;
export type UpdateNeed = z.input<typeof updateEnterpriseNeedBody>;
export type NeedQuery = Record<string, string | number | undefined>;

const enc = encodeURIComponent;
export const needKey = (caseId: string) => ['enterprise-needs', 'detail', caseId] as const;

export function useNeeds(query: NeedQuery) {
  return useQuery({
    queryKey: ['enterprise-needs', 'list', query],
    queryFn: ({ signal }) => api<Page<EnterpriseNeed>>('/enterprise-needs', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useNeed(caseId: string | undefined) {
  return useQuery({
    queryKey: needKey(caseId ?? ''),
    queryFn: ({ signal }) => api<EnterpriseNeedDetail>(`/enterprise-needs/${enc(caseId ?? '')}`, { signal }),
    enabled: !!caseId,
  });
}

export function useCreateNeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateNeed) => api<EnterpriseNeedDetail>('/enterprise-needs', { method: 'POST', body, idempotent: true }),
    onSuccess: (n) => {
      qc.setQueryData(needKey(n.id), n);
      void qc.invalidateQueries({ queryKey: ['enterprise-needs'] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

export function useUpdateNeed(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNeed) => api<EnterpriseNeedDetail>(`/enterprise-needs/${enc(caseId)}`, { method: 'PATCH', body }),
    onSuccess: (n) => {
      qc.setQueryData(needKey(caseId), n);
      void qc.invalidateQueries({ queryKey: ['enterprise-needs', 'list'] });
      void qc.invalidateQueries({ queryKey: ['enterprise-needs', 'report'] });
      void qc.invalidateQueries({ queryKey: ['cases', 'events', caseId] });
    },
  });
}

export function useNeedsReport(query: NeedQuery) {
  return useQuery({
    queryKey: ['enterprise-needs', 'report', query],
    queryFn: ({ signal }) => api<NeedReport>('/enterprise-needs/report', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}
