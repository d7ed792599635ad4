import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditRecordSchema, auditVerifySchema } from '@liaison/contracts';
import { api, type Page } from '../../shared/api/client';

export type AuditRecord = z.infer<typeof auditRecordSchema>;
export type AuditVerify = z.infer<typeof auditVerifySchema>;

export interface AuditListParams {
  page: number;
  pageSize: number;
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  sort?: string;
}

export function useAudit(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit', 'list', params],
    queryFn: ({ signal }) => api<Page<AuditRecord>>('/audit', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Verifying walks the whole chain: on demand only. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api<AuditVerify>('/audit/verify') });
}
