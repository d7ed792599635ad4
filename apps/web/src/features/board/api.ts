import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BoardSummary, Briefing, DashboardProject, LightRules, dashboardCommissionerSchema, dashboardUnitSchema, lightRulesSchema,
} from '@liaison/contracts';
import { api, downloadFile, type Page } from '../../shared/api/client';

export type { BoardSummary, Briefing, DashboardProject, LightRules };
export type DashboardCommissioner = z.infer<typeof dashboardCommissionerSchema>;
export type DashboardUnit = z.infer<typeof dashboardUnitSchema>;
export type LightRulesState = z.infer<typeof lightRulesSchema>;

/** ?week=2026-W48, or ?from=&to=, or nothing (the year so far). */
export interface Period {
  week?: string;
  from?: string;
  to?: string;
}

export function useBoardSummary(period: Period) {
  return useQuery({
    queryKey: ['board', 'summary', period],
    queryFn: ({ signal }) => api<BoardSummary>('/dashboard/summary', { query: { ...period }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useDashboardProjects(params: { page: number; pageSize: number; light?: string; streetId?: string; sort?: string }) {
  return useQuery({
    queryKey: ['board', 'projects', params],
    queryFn: ({ signal }) => api<Page<DashboardProject>>('/dashboard/projects', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCommissionerRanks(params: Period & { page: number; pageSize: number; sort?: string }, enabled = true) {
  return useQuery({
    queryKey: ['board', 'commissioners', params],
    queryFn: ({ signal }) => api<Page<DashboardCommissioner>>('/dashboard/commissioners', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUnitRanks(params: Period & { page: number; pageSize: number; kind?: string; sort?: string }, enabled = true) {
  return useQuery({
    queryKey: ['board', 'units', params],
    queryFn: ({ signal }) => api<Page<DashboardUnit>>('/dashboard/units', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useLightRules(enabled = true) {
  return useQuery({
    queryKey: ['board', 'light-rules'],
    queryFn: ({ signal }) => api<LightRulesState>('/dashboard/light-rules', { signal }),
    enabled,
  });
}

export function useSaveLightRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LightRules) => api<LightRulesState>('/dashboard/light-rules', { method: 'PUT', body }),
    onSuccess: (r) => {
      qc.setQueryData(['board', 'light-rules'], r);
      // Every project's light is computed again.
      void qc.invalidateQueries({ queryKey: ['board'] });
      void qc.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}

export function useBriefings(params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['briefings', 'list', params],
    queryFn: ({ signal }) => api<Page<Briefing>>('/briefings', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export type BriefingFormat = 'pdf' | 'docx' | 'xlsx';

export function downloadBriefing(week: string, format: BriefingFormat): Promise<void> {
  return downloadFile('/briefings/weekly', { week, format }, `briefing-${week}.${format}`);
}

export interface GeoProject {
  id: string;
  name: string;
  light: 'green' | 'yellow' | 'red';
  coordinates: [number, number];
}

/** Project points (for the map), and the district outline shipped with the app. */
export function useProjectPoints() {
  return useQuery({
    queryKey: ['projects', 'geojson'],
    queryFn: ({ signal }) =>
      api<{ features: { geometry: { coordinates: [number, number] }; properties: { id: string; name: string; light: GeoProject['light'] } }[] }>('/projects.geojson', { signal }),
    select: (fc): GeoProject[] => fc.features.map((f) => ({ id: f.properties.id, name: f.properties.name, light: f.properties.light, coordinates: f.geometry.coordinates })),
    staleTime: 60_000,
  });
}

export function useDistrictOutline() {
  return useQuery({
    queryKey: ['static', 'outline'],
    queryFn: () => fetch('/xiacheng-outline.geojson').then((r) => r.json() as Promise<object>),
    staleTime: Infinity,
  });
}
