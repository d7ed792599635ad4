import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role, User } from '@liaison/contracts';
import { api, type Page } from '../../shared/api/client';

export interface UserListParams {
  page: number;
  pageSize: number;
  q?: string;
  unitId?: string;
  role?: string;
  isActive?: string;
  sort?: string;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  unitId?: string | null;
  phone?: string | null;
  email?: string | null;
  roles: Role[];
  password: string;
}

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  unitId?: string | null;
  phone?: string | null;
  email?: string | null;
  roles?: Role[];
  isActive?: boolean;
}

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => api<Page<User>>('/users', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: ['users', 'detail', id],
    queryFn: ({ signal }) => api<User>(`/users/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: !!id,
    staleTime: 0,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserInput) => api<User>('/users', { method: 'POST', body, idempotent: true }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserInput & { id: string }) =>
      api<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api<void>(`/users/${encodeURIComponent(id)}/password`, { method: 'POST', body: { password } }),
  });
}

export function useUnlockUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/users/${encodeURIComponent(id)}/unlock`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['users'] }),
  });
}
