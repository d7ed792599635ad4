import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { siteLogSchema } from '@liaison/contracts';
import { api, type Page } from '../../shared/api/client';

export type SiteLog = z.infer<typeof siteLogSchema>;

export interface SiteLogListParams {
  page: number;
  pageSize: number;
  projectId?: string;
  authorId?: string;
  from?: string;
  to?: string;
  sort?: string;
}

export function useSiteLogs(params: SiteLogListParams, enabled = true) {
  return useQuery({
    queryKey: ['site-logs', 'list', params],
    queryFn: ({ signal }) => api<Page<SiteLog>>('/site-logs', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSiteLog(id: string | undefined) {
  return useQuery({
    queryKey: ['site-logs', 'detail', id],
    queryFn: ({ signal }) => api<SiteLog>(`/site-logs/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function useRaiseProblem(siteLogId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; description: string }) =>
      api<SiteLog>(`/site-logs/${encodeURIComponent(siteLogId)}/problems`, { method: 'POST', body, idempotent: true }),
    onSuccess: (log) => {
      qc.setQueryData(['site-logs', 'detail', siteLogId], log);
      void qc.invalidateQueries({ queryKey: ['site-logs', 'list'] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}

export interface WritableProject {
  id: string;
  name: string;
}

const cacheKey = (userId: string) => `liaison.siteLogProjects.${userId}`;

function cachedProjects(userId: string): WritableProject[] | undefined {
  try {
    const raw = localStorage.getItem(cacheKey(userId));
    return raw ? (JSON.parse(raw) as WritableProject[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The caller's projects for the site-log form; remembered on the device so the form also opens offline. */
export function useSiteLogProjects(userId: string) {
  return useQuery({
    queryKey: ['site-logs', 'projects', userId],
    queryFn: async ({ signal }) => {
      const page = await api<Page<{ id: string; name: string }>>('/projects', { query: { pageSize: 200, sort: 'name' }, signal });
      const list = page.items.map((p) => ({ id: p.id, name: p.name }));
      try {
        localStorage.setItem(cacheKey(userId), JSON.stringify(list));
      } catch {
        /* the form then needs a connection to list projects */
      }
      return list;
    },
    initialData: () => cachedProjects(userId),
    initialDataUpdatedAt: 0,
    staleTime: 5 * 60_000,
    retry: false,
  });
}
