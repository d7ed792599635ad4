import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { StaffAppeal, revealedPhoneSchema } from '@liaison/contracts';
import { api, downloadFile, type Page } from '../../shared/api/client';
import type { DismissBody, TriageBody } from './bodies';

export type { StaffAppeal };
export type RevealedPhone = z.infer<typeof revealedPhoneSchema>;
export type AppealState = StaffAppeal['state'];
export interface AppealQuery {
  state?: AppealState;
  page: number;
  pageSize: number;
}
const enc = encodeURIComponent;

/** The organisation department's queue (and the appeals of any state). */
export function useAppeals(query: AppealQuery) {
  return useQuery({
    queryKey: ['appeals', 'list', query],
    queryFn: ({ signal }) => api<Page<StaffAppeal>>('/appeals', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The appeal behind an `appeal` case (its sourceRef). */
export function useAppeal(id: string | undefined) {
  return useQuery({
    queryKey: ['appeals', 'detail', id],
    queryFn: ({ signal }) => api<StaffAppeal>(`/appeals/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

function useAppealMutation<B>(path: (id: string) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) => api<StaffAppeal>(path(id), { method: 'POST', body, idempotent: true }),
    onSuccess: (a) => qc.setQueryData(['appeals', 'detail', a.id], a),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['appeals', 'list'] });
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}

export const useTriageAppeal = () => useAppealMutation<TriageBody>((id) => `/appeals/${enc(id)}/triage`);
export const useDismissAppeal = () => useAppealMutation<DismissBody>((id) => `/appeals/${enc(id)}/dismiss`);

/** The full number, for the handler who calls back. Audited on the server; never kept in the query cache. */
export function useRevealPhone() {
  return useMutation({
    mutationFn: (id: string) => api<RevealedPhone>(`/appeals/${enc(id)}/reveal-phone`, { method: 'POST' }),
  });
}

/** The A4 QR poster for the project's site hoarding. */
export function downloadPoster(projectId: string, name: string): Promise<void> {
  return downloadFile(`/projects/${enc(projectId)}/poster.pdf`, {}, `${name}.pdf`);
}

/** The project's page on the residents' portal (served by the same server under /portal/). */
export const publicProjectUrl = (projectId: string) => `/portal/p/${enc(projectId)}`;
