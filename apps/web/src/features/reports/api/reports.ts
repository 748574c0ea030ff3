import type { InterruptionLedger, MyWeek, ReportCsvTable, TimeReport } from '@rytask/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { reportKeys } from '../../time/api/cache';

function toQueryString(query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export type ReportFilters = { from: string; to: string; projectId?: string; userId?: string };

// Moving between ranges keeps the last answer on screen until the next one arrives, so the page
// does not flash empty.
export function useTimeReport(filters: ReportFilters) {
  return useQuery({
    queryKey: [...reportKeys.all, 'time', filters],
    queryFn: () => apiRequest<TimeReport>('GET', `/reports/time${toQueryString(filters)}`),
    placeholderData: keepPreviousData,
  });
}

export function useInterruptionLedger(filters: ReportFilters) {
  return useQuery({
    queryKey: [...reportKeys.all, 'interruptions', filters],
    queryFn: () => apiRequest<InterruptionLedger>('GET', `/reports/interruptions${toQueryString(filters)}`),
    placeholderData: keepPreviousData,
  });
}

export function useMyWeek(query: { day?: string; userId?: string }) {
  return useQuery({
    queryKey: [...reportKeys.all, 'my-week', query],
    queryFn: () => apiRequest<MyWeek>('GET', `/reports/my-week${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** The address of a CSV download (a plain link: the browser saves it with the session cookie). */
export function csvHref(table: ReportCsvTable, filters: ReportFilters): string {
  return `/api/v1/reports/time.csv${toQueryString({ table, ...filters })}`;
}
