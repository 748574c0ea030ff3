import type { TimeClass, TimeEntry } from '@rytask/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { useToast } from '../../../components/toast';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { messageOf } from '../../../lib/errors';
import { formatSeconds } from '../../../lib/format';
import { timeChanged, timeKeys } from './cache';

/** What a timer button needs to know about its item. */
export type TimerItem = { id: string; key: string; title: string };

/** The caller's running timer (null when none): one query for the header, every card and row. */
export function useRunningTimer(enabled = true) {
  return useQuery({
    queryKey: timeKeys.timer,
    enabled,
    queryFn: () => apiRequest<{ timer: TimeEntry | null }>('GET', '/timer').then((answer) => answer.timer),
    staleTime: 30_000,
  });
}

const CLASS_WORD: Record<TimeClass, string> = { planned: 'planned', interruption: 'interruption' };

function logged(entry: TimeEntry): string {
  return `${formatSeconds(entry.seconds)} on ${entry.item.key}${entry.classification ? ` (${CLASS_WORD[entry.classification]})` : ''}`;
}

/**
 * Start and stop, shared by the header, the board, the list and the item page. `toggle` keeps
 * its identity across renders, so memoised cards do not render again when the timer changes.
 */
export function useTimerActions() {
  const client = useQueryClient();
  const toast = useToast();

  // Both change the timer on screen at once (the button flips, the header shows it) and put it
  // back if the server refuses.
  const start = useMutation({
    mutationFn: (item: TimerItem) =>
      apiRequest<{ timer: TimeEntry; stopped: TimeEntry | null }>('POST', `/items/${item.id}/timer`, {}),
    onMutate: async (item) => {
      await client.cancelQueries({ queryKey: timeKeys.timer });
      const previous = client.getQueryData<TimeEntry | null>(timeKeys.timer);
      client.setQueryData(timeKeys.timer, provisional(item, previous));
      return { previous };
    },
    onSuccess: ({ timer, stopped }) => {
      client.setQueryData(timeKeys.timer, timer);
      // The item's entries now include the running one.
      void client.invalidateQueries({ queryKey: timeKeys.entries(timer.item.id) });
      if (stopped) {
        timeChanged(client, stopped, stopped.seconds);
        toast.show(`Logged ${logged(stopped)}. The timer now runs on ${timer.item.key}.`, 'success');
      }
    },
    onError: (error, item, context) => {
      client.setQueryData(timeKeys.timer, context?.previous ?? null);
      toast.show(`Could not start a timer on ${item.key}. ${messageOf(error)}`, 'error');
    },
  });

  const stop = useMutation({
    mutationFn: (input: { classification?: TimeClass; note?: string } = {}) =>
      apiRequest<{ entry: TimeEntry; capped: boolean }>('POST', '/timer/stop', input),
    onMutate: async () => {
      await client.cancelQueries({ queryKey: timeKeys.timer });
      const previous = client.getQueryData<TimeEntry | null>(timeKeys.timer);
      client.setQueryData(timeKeys.timer, null);
      return { previous };
    },
    onSuccess: ({ entry, capped }) => {
      client.setQueryData(timeKeys.timer, null);
      timeChanged(client, entry, entry.seconds);
      toast.show(
        capped
          ? `The timer on ${entry.item.key} ran for more than 24 hours, so 24h was logged. Edit the entry on the item if that is too much.`
          : `Logged ${logged(entry)}.`,
        capped ? 'info' : 'success',
      );
    },
    onError: (error, _input, context) => {
      if (error instanceof ApiError && error.code === 'no_running_timer') {
        // Stopped elsewhere (another tab, the API): what the screen shows now is true.
        toast.show('That timer was already stopped, perhaps in another tab.', 'info');
        return;
      }
      client.setQueryData(timeKeys.timer, context?.previous ?? null);
      toast.show(`Could not stop the timer. ${messageOf(error)}`, 'error');
    },
    onSettled: () => void client.invalidateQueries({ queryKey: timeKeys.timer }),
  });

  const latest = useRef({ start: start.mutate, stop: stop.mutate });
  latest.current.start = start.mutate;
  latest.current.stop = stop.mutate;

  /** Stops the timer if it runs on `item`, otherwise starts one there (stopping any other). */
  const toggle = useCallback((item: TimerItem) => {
    const running = client.getQueryData<TimeEntry | null>(timeKeys.timer);
    if (running?.item.id === item.id) latest.current.stop({});
    else latest.current.start(item);
  }, [client]);

  return { start, stop, toggle, pending: start.isPending || stop.isPending };
}

/** The timer as it will be, until the server's answer replaces it. */
function provisional(item: TimerItem, previous: TimeEntry | null | undefined): TimeEntry {
  const now = new Date().toISOString();
  return {
    id: 'starting',
    item: { id: item.id, key: item.key, title: item.title, projectId: previous?.item.projectId ?? '' },
    person: previous?.person ?? { id: '', name: '', handle: null },
    startedAt: now,
    endedAt: null,
    seconds: 0,
    classification: null,
    note: '',
    kind: 'timer',
    createdAt: now,
    updatedAt: now,
  };
}

/** The id of the item the caller's timer runs on, or null. */
export function useRunningItemId(enabled = true): string | null {
  return useRunningTimer(enabled).data?.item.id ?? null;
}
