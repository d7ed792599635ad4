import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createInspectionBody, createInspectionTemplateBody, inspectionSchema, inspectionTemplateSchema, projectSafetySchema, safetyLedgerSchema,
  updateInspectionBody, updateInspectionTemplateBody,
} from '@liaison/contracts';
import { api, downloadFile, type Page } from '../../shared/api/client';

export type Inspection = z.infer<typeof inspectionSchema>;
export type InspectionItem = Inspection['items'][number];
export type Hazard = Inspection['hazards'][number];
export type InspectionTemplate = z.infer<typeof inspectionTemplateSchema>;
export type ProjectSafety = z.infer<typeof projectSafetySchema>;
export type SafetyLedger = z.infer<typeof safetyLedgerSchema>;
export type UpdateInspection = z.input<typeof updateInspectionBody>;

const enc = encodeURIComponent;
export const inspectionKey = (id: string) => ['inspections', 'detail', id] as const;

// --- templates ---
export function useInspectionTemplates(active?: boolean) {
  return useQuery({
    queryKey: ['inspection-templates', 'list', active ?? null],
    queryFn: ({ signal }) => api<Page<InspectionTemplate>>('/inspection-templates', { query: { pageSize: 200, active: active === undefined ? undefined : String(active) }, signal }),
    select: (p) => p.items,
    staleTime: 60_000,
  });
}

export function useInspectionTemplate(id: string | undefined) {
  return useQuery({
    queryKey: ['inspection-templates', 'detail', id],
    queryFn: ({ signal }) => api<InspectionTemplate>(`/inspection-templates/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function useCreateInspectionTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createInspectionTemplateBody>) => api<InspectionTemplate>('/inspection-templates', { method: 'POST', body, idempotent: true }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['inspection-templates'] }),
  });
}

export function useUpdateInspectionTemplate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof updateInspectionTemplateBody>) => api<InspectionTemplate>(`/inspection-templates/${enc(id)}`, { method: 'PATCH', body }),
    onSuccess: (tpl) => {
      qc.setQueryData(['inspection-templates', 'detail', id], tpl);
      void qc.invalidateQueries({ queryKey: ['inspection-templates', 'list'] });
    },
  });
}

// --- inspections ---
export interface InspectionQuery {
  page: number;
  pageSize: number;
  projectId?: string;
  status?: string;
  from?: string;
  to?: string;
  sort?: string;
}

export function useInspections(query: InspectionQuery) {
  return useQuery({
    queryKey: ['inspections', 'list', query],
    queryFn: ({ signal }) => api<Page<Inspection>>('/inspections', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: string | undefined) {
  return useQuery({
    queryKey: inspectionKey(id ?? ''),
    queryFn: ({ signal }) => api<Inspection>(`/inspections/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function useCreateInspection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createInspectionBody>) => api<Inspection>('/inspections', { method: 'POST', body, idempotent: true }),
    onSuccess: (i) => {
      qc.setQueryData(inspectionKey(i.id), i);
      void qc.invalidateQueries({ queryKey: ['inspections', 'list'] });
    },
  });
}

/** PATCH with the version in the cache at the moment it is sent (taps are saved one after another). */
export function patchInspection(id: string, body: UpdateInspection): Promise<Inspection> {
  return api<Inspection>(`/inspections/${enc(id)}`, { method: 'PATCH', body });
}

export function useSubmitInspection(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api<Inspection>(`/inspections/${enc(id)}/submit`, { method: 'POST', body: { version }, idempotent: true }),
    onSuccess: (i) => {
      qc.setQueryData(inspectionKey(id), i);
      void qc.invalidateQueries({ queryKey: ['inspections', 'list'] });
      void qc.invalidateQueries({ queryKey: ['safety'] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

export function downloadNotice(id: string, format: 'pdf' | 'docx'): Promise<void> {
  return downloadFile(`/inspections/${enc(id)}/notice`, { format }, `rectification-notice.${format}`);
}

// --- the project's state and the ledger ---
export function useProjectSafety(projectId: string, enabled = true) {
  return useQuery({
    queryKey: ['safety', 'project', projectId],
    queryFn: ({ signal }) => api<ProjectSafety>(`/projects/${enc(projectId)}/safety`, { signal }),
    enabled,
    staleTime: 30_000,
  });
}

export function useSafetyLedger(query: { projectId?: string; from?: string; to?: string }) {
  return useQuery({
    queryKey: ['safety', 'ledger', query],
    queryFn: ({ signal }) => api<SafetyLedger>('/safety/ledger', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
