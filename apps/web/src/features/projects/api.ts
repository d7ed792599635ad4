import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Project, Unit } from '@liaison/contracts';
import { api, downloadFile, type Page } from '../../shared/api/client';

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
