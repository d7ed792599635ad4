import { useQuery } from '@tanstack/react-query';
import type { Project } from '@liaison/contracts';
import { api, type Page } from '../../../shared/api/client';

/** The caller's project when they see exactly one (a commissioner on site): pages pick it without asking. */
export function useOnlyProject(): Project | undefined {
  const q = useQuery({
    queryKey: ['projects', 'only'],
    queryFn: ({ signal }) => api<Page<Project>>('/projects', { query: { pageSize: 2, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
  });
  return q.data && q.data.total === 1 ? q.data.items[0] : undefined;
}
