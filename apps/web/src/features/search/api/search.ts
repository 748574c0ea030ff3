import type { SearchResult } from '@rytask/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function useSearch(q: string) {
  return useQuery({
    queryKey: ['search', q],
    enabled: q.trim().length > 0,
    queryFn: () => apiRequest<SearchResult>('GET', `/search?q=${encodeURIComponent(q.trim())}&limit=50`),
    placeholderData: keepPreviousData,
  });
}
