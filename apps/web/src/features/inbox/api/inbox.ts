import type { inboxSchema } from '@rytask/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Infer } from '../../../lib/contract-types';
import { apiRequest } from '../../../lib/api-client';

export type Inbox = Infer<typeof inboxSchema>;
export const inboxKey = ['inbox'] as const;

/** The inbox, refreshed every half minute: the worker fills it in the background. */
export function useInbox() {
  return useQuery({
    queryKey: inboxKey,
    queryFn: () => apiRequest<Inbox>('GET', '/inbox'),
    refetchInterval: 30_000,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>('POST', `/inbox/${id}/read`),
    onMutate: (id) => {
      client.setQueryData<Inbox>(inboxKey, (inbox) => {
        if (!inbox) return inbox;
        const target = inbox.notifications.find((notification) => notification.id === id);
        if (!target || target.readAt) return inbox;
        return {
          unread: Math.max(0, inbox.unread - 1),
          notifications: inbox.notifications.map((notification) =>
            notification.id === id ? { ...notification, readAt: new Date().toISOString() } : notification,
          ),
        };
      });
    },
    onSettled: () => client.invalidateQueries({ queryKey: inboxKey }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('POST', '/inbox/read-all'),
    onSettled: () => client.invalidateQueries({ queryKey: inboxKey }),
  });
}
