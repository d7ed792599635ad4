import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { assignmentSchema, evaluationSchema, handoverSchema, learningLogSchema, rosterItemSchema } from '@liaison/contracts';
import { api, type Page } from '../../shared/api/client';

export type Assignment = z.infer<typeof assignmentSchema>;
export type Handover = z.infer<typeof handoverSchema>;
export type RosterItem = z.infer<typeof rosterItemSchema>;
export type LearningLog = z.infer<typeof learningLogSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;
const enc = encodeURIComponent;

export function useProjectAssignments(projectId: string) {
  return useQuery({
    queryKey: ['assignments', projectId],
    queryFn: ({ signal }) => api<Page<Assignment>>('/assignments', { query: { projectId, pageSize: 200 }, signal }),
  });
}

export function useHandovers(projectId: string) {
  return useQuery({
    queryKey: ['handovers', projectId],
    queryFn: ({ signal }) => api<Handover[]>(`/projects/${enc(projectId)}/handovers`, { signal }),
  });
}

export function useHandover(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { toUserId: string; date: string; note?: string }) =>
      api<Handover>(`/projects/${enc(projectId)}/handover`, { method: 'POST', body, idempotent: true }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['assignments'] });
      void qc.invalidateQueries({ queryKey: ['handovers', projectId] });
      void qc.invalidateQueries({ queryKey: ['projects'] });
      void qc.invalidateQueries({ queryKey: ['commissioners'] });
    },
  });
}

export function useEndAssignment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, endDate }: { id: string; endDate: string }) =>
      api<void>(`/assignments/${enc(id)}/end`, { method: 'POST', body: { endDate } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['assignments'] }),
  });
}

export function useRoster(enabled = true) {
  return useQuery({
    queryKey: ['commissioners'],
    queryFn: ({ signal }) => api<RosterItem[]>('/commissioners', { signal }),
    enabled,
  });
}

export interface LearningLogParams {
  page: number;
  pageSize: number;
  assistantId?: string;
  from?: string;
  to?: string;
}

export function useLearningLogs(params: LearningLogParams) {
  return useQuery({
    queryKey: ['learning-logs', params],
    queryFn: ({ signal }) => api<Page<LearningLog>>('/learning-logs', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateLearningLog() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { date: string; projectId?: string | null; activities: string; learned: string }) =>
      api<{ id: string }>('/learning-logs', { method: 'POST', body, idempotent: true }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['learning-logs'] }),
  });
}

export function useCommentLearningLog() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; comment: string }) =>
      api<void>(`/learning-logs/${enc(id)}/comment`, { method: 'POST', body }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['learning-logs'] }),
  });
}

export function useEvaluations() {
  return useQuery({
    queryKey: ['evaluations'],
    queryFn: ({ signal }) => api<Evaluation[]>('/evaluations', { signal }),
  });
}

export function useCreateEvaluation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { assistantId: string; termEnd: string; rating: string; comment: string }) =>
      api<{ id: string }>('/evaluations', { method: 'POST', body, idempotent: true }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['evaluations'] }),
  });
}

/** The assistants the caller mentors (their active appointments). */
export function useMyAssistants(userId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['assignments', 'mentees', userId],
    queryFn: ({ signal }) => api<Page<Assignment>>('/assignments', { query: { role: 'assistant', pageSize: 200 }, signal }),
    select: (p) => p.items.filter((a) => a.mentor?.id === userId),
    enabled,
  });
}

/** A person's own active appointments (an assistant's projects for the learning log). */
export function useProjectAssignmentsOfUser(userId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['assignments', 'of', userId],
    queryFn: ({ signal }) => api<Page<Assignment>>('/assignments', { query: { userId, active: 'true', pageSize: 200 }, signal }),
    select: (p) => p.items,
    enabled,
  });
}
