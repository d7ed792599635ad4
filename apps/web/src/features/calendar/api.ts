import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarDay } from '@liaison/contracts';
import { api } from '../../shared/api/client';

export type { CalendarDay };

export function useCalendarDays(year: number) {
  return useQuery({
    queryKey: ['calendar', year],
    queryFn: ({ signal }) => api<{ year: number; items: CalendarDay[] }>('/calendar/days', { query: { year }, signal }),
    select: (r) => r.items,
  });
}

export function useSetCalendarDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ date, kind, name }: CalendarDay) =>
      api<CalendarDay>(`/calendar/days/${date}`, { method: 'PUT', body: { kind, name } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export function useClearCalendarDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (date: string) => api<void>(`/calendar/days/${date}`, { method: 'DELETE' }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}
