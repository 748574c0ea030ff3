import type { CreateTimeEntry, TimeEntry, UpdateTimeEntry } from '@rytask/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { setLoggedSeconds, timeChanged, timeKeys } from './cache';

type ItemTime = { entries: TimeEntry[]; loggedSeconds: number };

/** An item's time entries, with the logged total the meter shows. */
export function useItemTime(itemId: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: timeKeys.entries(itemId),
    queryFn: async () => {
      const answer = await apiRequest<ItemTime>('GET', `/items/${itemId}/time-entries`);
      // The freshest total there is: boards and lists showing this item take it too.
      setLoggedSeconds(client, itemId, () => answer.loggedSeconds);
      return answer;
    },
  });
}

/** Add, change and delete entries; each one moves the item's meter by the difference. */
export function useTimeEntryMutations(itemId: string) {
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: (input: CreateTimeEntry) => apiRequest<TimeEntry>('POST', `/items/${itemId}/time-entries`, input),
    onSuccess: (entry) => timeChanged(client, entry, entry.endedAt ? entry.seconds : 0),
  });
  const edit = useMutation({
    mutationFn: ({ entry, patch }: { entry: TimeEntry; patch: UpdateTimeEntry }) =>
      apiRequest<TimeEntry>('PATCH', `/time-entries/${entry.id}`, patch),
    onSuccess: (updated, { entry }) => timeChanged(client, updated, updated.seconds - entry.seconds),
  });
  const remove = useMutation({
    mutationFn: (entry: TimeEntry) => apiRequest<void>('DELETE', `/time-entries/${entry.id}`),
    onSuccess: (_answer, entry) => timeChanged(client, entry, -entry.seconds),
  });
  return { add, edit, remove };
}
