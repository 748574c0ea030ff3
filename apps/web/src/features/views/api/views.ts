import type { SavedView, savedViewQuerySchema } from '@rytask/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { Infer } from '../../../lib/contract-types';

export type SavedViewQuery = Infer<typeof savedViewQuerySchema>;
export type SaveViewInput = { name: string; shared: boolean; projectId: string | null; query: SavedViewQuery };

export const viewsKey = ['views'] as const;

/** The caller's personal views and every shared one. */
export function useSavedViews() {
  return useQuery({
    queryKey: viewsKey,
    queryFn: () => apiRequest<{ views: SavedView[] }>('GET', '/views').then((answer) => answer.views),
  });
}

export function useCreateView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveViewInput) => apiRequest<SavedView>('POST', '/views', input),
    onSuccess: () => client.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useRenameView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => apiRequest<SavedView>('PATCH', `/views/${id}`, { name }),
    onSuccess: () => client.invalidateQueries({ queryKey: viewsKey }),
  });
}

export function useDeleteView() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>('DELETE', `/views/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: viewsKey }),
  });
}
