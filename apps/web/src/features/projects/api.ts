import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createProjectBody, importResultSchema, milestoneSchema, progressReportSchema, Project, projectDetailSchema, Unit,
} from '@liaison/contracts';
import { api, downloadFile, isApiError, type Page } from '../../shared/api/client';

export interface ProjectFilters {
  q?: string;
  streetId?: string;
  phase?: string;
  light?: string;
  includeArchived?: string;
  sort?: string;
}

export function useProjects(params: ProjectFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['projects', 'list', params],
    queryFn: ({ signal }) => api<Page<Project>>('/projects', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: ['projects', 'detail', id],
    queryFn: ({ signal }) => api<Project>(`/projects/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

/** Streets for the filter. */
export function useStreets() {
  return useQuery({
    queryKey: ['units', 'streets'],
    queryFn: ({ signal }) =>
      api<Page<Unit>>('/units', { query: { kind: 'street', pageSize: 200, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
    select: (p) => p.items,
  });
}

export function exportProjects(format: 'xlsx' | 'csv', filters: ProjectFilters): Promise<void> {
  return downloadFile('/projects/export', { ...filters, format }, `projects.${format}`);
}

// --- the project file (issue 3) ---
export type ProjectDetail = z.infer<typeof projectDetailSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type ProgressReport = z.infer<typeof progressReportSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type ProjectWrite = z.input<typeof createProjectBody>;

const detailKey = (id: string) => ['projects', 'detail', id] as const;
const enc = encodeURIComponent;

export function useProjectDetail(id: string | undefined) {
  return useQuery({
    queryKey: ['projects', 'detail', id],
    queryFn: ({ signal }) => api<ProjectDetail>(`/projects/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function useCreateProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectWrite) => api<ProjectDetail>('/projects', { method: 'POST', body, idempotent: true }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['projects'] }),
  });
}

export function useUpdateProject(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ProjectWrite> & { version: number }) => api<ProjectDetail>(`/projects/${enc(id)}`, { method: 'PATCH', body }),
    onSuccess: (p) => {
      qc.setQueryData(detailKey(id), p);
      void qc.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}

export function useArchiveProject(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ archived, version }: { archived: boolean; version: number }) =>
      api<ProjectDetail>(`/projects/${enc(id)}/${archived ? 'archive' : 'restore'}`, { method: 'POST', body: { version } }),
    onSuccess: (p) => {
      qc.setQueryData(detailKey(id), p);
      void qc.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}

export function useMilestones(projectId: string) {
  return useQuery({
    queryKey: ['projects', 'milestones', projectId],
    queryFn: ({ signal }) => api<Milestone[]>(`/projects/${enc(projectId)}/milestones`, { signal }),
  });
}

export function useSaveMilestone(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id?: string; version?: number; name?: string; plannedDate?: string; actualDate?: string | null; note?: string | null }) =>
      id
        ? api<Milestone>(`/projects/${enc(projectId)}/milestones/${enc(id)}`, { method: 'PATCH', body })
        : api<Milestone>(`/projects/${enc(projectId)}/milestones`, { method: 'POST', body, idempotent: true }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['projects', 'milestones', projectId] });
      void qc.invalidateQueries({ queryKey: detailKey(projectId) });
    },
  });
}

export function useDeleteMilestone(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/projects/${enc(projectId)}/milestones/${enc(id)}`, { method: 'DELETE' }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['projects', 'milestones', projectId] });
      void qc.invalidateQueries({ queryKey: detailKey(projectId) });
    },
  });
}

export function useProgressReports(projectId: string) {
  return useQuery({
    queryKey: ['projects', 'progress', projectId],
    queryFn: ({ signal }) => api<ProgressReport[]>(`/projects/${enc(projectId)}/progress-reports`, { signal }),
  });
}

export function useSubmitProgressReport(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { period: string; percentDone: number; investmentPeriod: number; narrative: string; photoIds?: string[] }) =>
      api<ProgressReport>(`/projects/${enc(projectId)}/progress-reports`, { method: 'POST', body, idempotent: true }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['projects', 'progress', projectId] });
      void qc.invalidateQueries({ queryKey: detailKey(projectId) });
    },
  });
}

export function useDecideProgressReport(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ reportId, confirm, version, reason }: { reportId: string; confirm: boolean; version: number; reason?: string }) =>
      api<ProgressReport>(`/projects/${enc(projectId)}/progress-reports/${enc(reportId)}/${confirm ? 'confirm' : 'return'}`, {
        method: 'POST',
        body: confirm ? { version } : { version, reason },
      }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['projects', 'progress', projectId] });
      void qc.invalidateQueries({ queryKey: detailKey(projectId) });
      void qc.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}

export function importProjects(file: File, dryRun: boolean): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<ImportResult>('/projects/import', { method: 'POST', form, query: { dryRun: String(dryRun) } }).catch((e: unknown) => {
    // A 422 carries the same result: every error by row and column, nothing written.
    const body = isApiError(e) && e.status === 422 ? (e.body as Partial<ImportResult> | undefined) : undefined;
    if (body && Array.isArray(body.errors) && typeof body.rows === 'number') return body as ImportResult;
    throw e;
  });
}

export function downloadImportTemplate(): Promise<void> {
  return downloadFile('/projects/import/template', {}, 'projects-template.xlsx');
}

export interface ProjectFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { id: string; code: string; name: string; light: 'green' | 'yellow' | 'red'; phase: string; address: string; street: string | null };
}

export function useProjectsGeoJson() {
  return useQuery({
    queryKey: ['projects', 'geojson'],
    queryFn: ({ signal }) => api<{ type: 'FeatureCollection'; features: ProjectFeature[] }>('/projects.geojson', { signal }),
  });
}
