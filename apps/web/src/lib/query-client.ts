import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/**
 * One cache for the app. A 4xx answer will not change by asking again, so only network failures
 * and server errors are retried (once); data counts as fresh for a short while so moving between
 * pages does not refetch everything.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failures, error) =>
          failures < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
