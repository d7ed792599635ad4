import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  addMemberBody, attendanceBody, branchFiguresSchema, branchMemberSchema, branchSchema, calendarTokenSchema, createBranchBody,
  createMeetingBody, createResolutionBody, meetingSchema, minutesBody, resolutionSchema, updateMeetingBody,
} from '@liaison/contracts';
import { api, downloadFile, type Page } from '../../shared/api/client';

export type Branch = z.infer<typeof branchSchema>;
export type BranchMember = z.infer<typeof branchMemberSchema>;
export type BranchFigures = z.infer<typeof branchFiguresSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type Resolution = z.infer<typeof resolutionSchema>;
export type AgendaItem = Meeting['agenda'][number];
export type Invitee = Meeting['invitees'][number];
export type CalendarToken = z.infer<typeof calendarTokenSchema>;
export type CreateBranchInput = z.input<typeof createBranchBody>;
export type AddMemberInput = z.input<typeof addMemberBody>;
export type CreateMeetingInput = z.input<typeof createMeetingBody>;
export type UpdateMeetingInput = z.input<typeof updateMeetingBody>;
export type AttendanceInput = z.input<typeof attendanceBody>;
export type MinutesInput = z.input<typeof minutesBody>;
export type ResolutionInput = z.input<typeof createResolutionBody> & { version: number };

const enc = encodeURIComponent;
const branchKey = (id: string) => ['branches', 'detail', id] as const;
const meetingKey = (id: string) => ['meetings', 'detail', id] as const;

// --- branches ---
export function useBranches(params: { page: number; pageSize: number; projectId?: string; status?: string }) {
  return useQuery({
    queryKey: ['branches', 'list', params],
    queryFn: ({ signal }) => api<Page<Branch>>('/branches', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useBranch(id: string | undefined) {
  return useQuery({
    queryKey: branchKey(id ?? ''),
    queryFn: ({ signal }) => api<Branch>(`/branches/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function useBranchFigures(id?: string) {
  return useQuery({
    queryKey: ['branches', 'figures', id ?? 'district'],
    queryFn: ({ signal }) => api<BranchFigures>(id ? `/branches/${enc(id)}/figures` : '/branches/figures', { signal }),
  });
}

export function useBranchMembers(id: string, includeFormer: boolean) {
  return useQuery({
    queryKey: ['branches', 'members', id, includeFormer],
    queryFn: ({ signal }) => api<BranchMember[]>(`/branches/${enc(id)}/members`, { query: { includeFormer: String(includeFormer) }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateBranch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBranchInput) => api<Branch>('/branches', { method: 'POST', body, idempotent: true }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['branches'] }),
  });
}

export function useCloseBranch(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; closedOn: string }) => api<Branch>(`/branches/${enc(id)}/close`, { method: 'POST', body }),
    onSuccess: (b) => {
      qc.setQueryData(branchKey(id), b);
      void qc.invalidateQueries({ queryKey: ['branches'] });
    },
  });
}

export function useAddMember(branchId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberInput) => api<BranchMember>(`/branches/${enc(branchId)}/members`, { method: 'POST', body, idempotent: true }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['branches'] }),
  });
}

export function useMemberLeaves(branchId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, leftOn }: { memberId: string; leftOn: string }) =>
      api<void>(`/branches/${enc(branchId)}/members/${enc(memberId)}/leave`, { method: 'POST', body: { leftOn } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['branches'] }),
  });
}

// --- meetings ---
export function useMeetings(params: { page: number; pageSize: number; branchId?: string; projectId?: string; type?: string; from?: string; to?: string }) {
  return useQuery({
    queryKey: ['meetings', 'list', params],
    queryFn: ({ signal }) => api<Page<Meeting>>('/meetings', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: meetingKey(id ?? ''),
    queryFn: ({ signal }) => api<Meeting>(`/meetings/${enc(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

export function useCreateMeeting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMeetingInput) => api<Meeting>('/meetings', { method: 'POST', body, idempotent: true }),
    onSuccess: (m) => {
      qc.setQueryData(meetingKey(m.id), m);
      void qc.invalidateQueries({ queryKey: ['meetings', 'list'] });
    },
  });
}

type MeetingCall =
  | { kind: 'update'; body: UpdateMeetingInput }
  | { kind: 'attendance'; body: AttendanceInput }
  | { kind: 'minutes'; body: MinutesInput }
  | { kind: 'resolve'; body: ResolutionInput }
  | { kind: 'circulate' | 'finalize'; body: { version: number } }
  | { kind: 'confirm'; body: { decision: 'confirmed' | 'commented'; comment?: string } };

function meetingRequest(id: string, call: MeetingCall): Promise<Meeting> {
  const path = `/meetings/${enc(id)}`;
  switch (call.kind) {
    case 'update':
      return api<Meeting>(path, { method: 'PATCH', body: call.body });
    case 'attendance':
      return api<Meeting>(`${path}/attendance`, { method: 'POST', body: call.body });
    case 'minutes':
      return api<Meeting>(`${path}/minutes`, { method: 'POST', body: call.body });
    case 'resolve':
      return api<Meeting>(`${path}/resolutions`, { method: 'POST', body: call.body, idempotent: true });
    case 'confirm':
      return api<Meeting>(`${path}/confirm`, { method: 'POST', body: call.body });
    default:
      return api<Meeting>(`${path}/${call.kind}`, { method: 'POST', body: call.body });
  }
}

/** Every change to a meeting answers with the whole meeting: the page shows it at once. */
export function useMeetingChange(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (call: MeetingCall) => meetingRequest(id, call),
    onSuccess: (m, call) => {
      qc.setQueryData(meetingKey(id), m);
      void qc.invalidateQueries({ queryKey: ['meetings', 'list'] });
      void qc.invalidateQueries({ queryKey: ['branches'] });
      if (call.kind === 'resolve') void qc.invalidateQueries({ queryKey: ['cases'] });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export function exportMinutes(id: string, format: 'docx' | 'pdf'): Promise<void> {
  return downloadFile(`/meetings/${enc(id)}/minutes/export`, { format }, `minutes.${format}`);
}

export function useIssueCalendarToken() {
  return useMutation({
    mutationFn: () => api<CalendarToken>('/meetings/calendar-token', { method: 'POST' }),
  });
}

// --- people the organisation department can pick (it has no user directory: the project's appointments and the roster) ---
export interface PersonOption {
  id: string;
  name: string;
  /** the appointment on this project (commissioner, assistant, street_liaison), if any */
  role?: string;
  projectName?: string;
}

interface AssignmentLite {
  user: { id: string; displayName: string };
  role: string;
  project: { id: string; name: string };
  active: boolean;
}
interface RosterLite {
  user: { id: string; displayName: string };
  project: { id: string; name: string } | null;
}

export function usePeopleOptions(projectId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['branches', 'people', projectId],
    enabled: enabled && !!projectId,
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      const [assignments, roster] = await Promise.all([
        api<Page<AssignmentLite>>('/assignments', { query: { projectId, active: 'true', pageSize: 200 }, signal }).catch(() => null),
        api<RosterLite[]>('/commissioners', { signal }).catch(() => null),
      ]);
      const out = new Map<string, PersonOption>();
      for (const a of assignments?.items ?? []) out.set(a.user.id, { id: a.user.id, name: a.user.displayName, role: a.role });
      for (const r of roster ?? []) if (!out.has(r.user.id)) out.set(r.user.id, { id: r.user.id, name: r.user.displayName, projectName: r.project?.name });
      return [...out.values()];
    },
  });
}
