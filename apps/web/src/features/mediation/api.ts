import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createDisputeBody, createDisputeCallbackBody, createMediationSessionBody, disputeSchema, disputeSummarySchema, mediationAgreementBody,
  mediationSessionSchema, signMediationAgreementBody, updateDisputeBody,
} from '@liaison/contracts';
import { api, downloadFile, type Page } from '../../shared/api/client';

export type Dispute = z.infer<typeof disputeSchema>;
export type DisputeSummary = z.infer<typeof disputeSummarySchema>;
export type DisputeParty = Dispute['parties'][number];
export type MediationSession = z.infer<typeof mediationSessionSchema>;
export type CreateDispute = z.input<typeof createDisputeBody>;
export type UpdateDispute = z.input<typeof updateDisputeBody>;

const enc = encodeURIComponent;
export const disputeKey = (caseId: string) => ['disputes', 'detail', caseId] as const;

export type DisputeQuery = Record<string, string | number | undefined>;

export function useDisputes(query: DisputeQuery) {
  return useQuery({
    queryKey: ['disputes', 'list', query],
    queryFn: ({ signal }) => api<Page<DisputeSummary>>('/disputes', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDispute(caseId: string | undefined) {
  return useQuery({
    queryKey: disputeKey(caseId ?? ''),
    queryFn: ({ signal }) => api<Dispute>(`/disputes/${enc(caseId ?? '')}`, { signal }),
    enabled: !!caseId,
  });
}

function useDisputeMutation<V>(caseId: string, fn: (v: V) => Promise<Dispute>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (d) => {
      qc.setQueryData(disputeKey(caseId), d);
      void qc.invalidateQueries({ queryKey: ['disputes', 'list'] });
      void qc.invalidateQueries({ queryKey: ['cases', 'events', caseId] });
    },
  });
}

export function useCreateDispute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDispute) => api<Dispute>('/disputes', { method: 'POST', body, idempotent: true }),
    onSuccess: (d) => {
      qc.setQueryData(disputeKey(d.caseId), d);
      void qc.invalidateQueries({ queryKey: ['disputes', 'list'] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

export function useUpdateDispute(caseId: string) {
  return useDisputeMutation(caseId, (body: UpdateDispute) => api<Dispute>(`/disputes/${enc(caseId)}`, { method: 'PATCH', body }));
}

export function useSaveAgreement(caseId: string) {
  return useDisputeMutation(caseId, (body: z.input<typeof mediationAgreementBody>) =>
    api<Dispute>(`/disputes/${enc(caseId)}/agreement`, { method: 'PUT', body }));
}

export function useSignAgreement(caseId: string) {
  const qc = useQueryClient();
  return useDisputeMutation(caseId, (body: z.input<typeof signMediationAgreementBody>) =>
    api<Dispute>(`/disputes/${enc(caseId)}/agreement/sign`, { method: 'POST', body, idempotent: true })
      .finally(() => void qc.invalidateQueries({ queryKey: ['cases', 'detail', caseId] })));
}

export function useRecordCallback(caseId: string) {
  return useDisputeMutation(caseId, (body: z.input<typeof createDisputeCallbackBody>) =>
    api<Dispute>(`/disputes/${enc(caseId)}/callbacks`, { method: 'POST', body, idempotent: true }));
}

export function downloadAgreement(caseId: string, format: 'pdf' | 'docx'): Promise<void> {
  return downloadFile(`/disputes/${enc(caseId)}/agreement/document`, { format }, `mediation-agreement.${format}`);
}

export function useMediationSessions(caseId: string) {
  return useQuery({
    queryKey: ['disputes', 'sessions', caseId],
    queryFn: ({ signal }) => api<{ items: MediationSession[] }>(`/cases/${enc(caseId)}/mediations`, { signal }),
    select: (r) => r.items,
  });
}

export function useRecordSession(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createMediationSessionBody>) =>
      api<MediationSession>(`/cases/${enc(caseId)}/mediations`, { method: 'POST', body, idempotent: true }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['disputes', 'sessions', caseId] });
      void qc.invalidateQueries({ queryKey: disputeKey(caseId) });
      void qc.invalidateQueries({ queryKey: ['cases', 'events', caseId] });
    },
  });
}
