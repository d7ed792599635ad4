import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../shared/api/client';

export interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
  readAt: string | null;
}

export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: ({ signal }) => api<{ unread: number }>('/notifications/unread-count', { signal }),
    select: (r) => r.unread,
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
    staleTime: 30_000,
  });
}

export function useNotifications(params: { page: number; pageSize: number; unread?: string }) {
  return useQuery({
    queryKey: ['notifications', 'list', params],
    queryFn: ({ signal }) => api<Page<Notice> & { unread: number }>('/notifications', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ marked: number }>('/notifications/read-all', { method: 'POST' }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
