import type { Item, ItemSummary, TimeEntry } from '@rytask/contracts';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';

type Page = { items: ItemSummary[]; nextCursor: string | null };

export const timeKeys = {
  timer: ['time', 'timer'] as const,
  entries: (itemId: string) => ['time', 'entries', itemId] as const,
};
export const reportKeys = { all: ['reports'] as const };

/**
 * Sets one item's logged time in every cached board, list and item page, in place. Refetching a
 * 500-card board after every stopped timer would cost a request and a render of the board; this
 * changes one object, so one card renders again.
 */
export function setLoggedSeconds(client: QueryClient, itemId: string, next: (current: number) => number): void {
  const bump = <T extends ItemSummary>(item: T): T =>
    item.id === itemId ? { ...item, loggedSeconds: next(item.loggedSeconds ?? 0) } : item;
  client.setQueriesData<ItemSummary[]>({ queryKey: ['items', 'board'] }, (items) =>
    items?.some((item) => item.id === itemId) ? items.map(bump) : items,
  );
  client.setQueriesData<InfiniteData<Page>>({ queryKey: ['items', 'list'] }, (data) =>
    data?.pages.some((page) => page.items.some((item) => item.id === itemId))
      ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(bump) })) }
      : data,
  );
  client.setQueriesData<Item>({ queryKey: ['items', 'detail'] }, (item) => {
    if (!item) return item;
    if (item.id === itemId) return bump(item);
    return item.subtasks.some((subtask) => subtask.id === itemId) ? { ...item, subtasks: item.subtasks.map(bump) } : item;
  });
}

/** After an entry was logged, changed or removed: its item's entries and every report are stale. */
export function timeChanged(client: QueryClient, entry: Pick<TimeEntry, 'item'>, deltaSeconds?: number): void {
  if (deltaSeconds) setLoggedSeconds(client, entry.item.id, (current) => Math.max(0, current + deltaSeconds));
  void client.invalidateQueries({ queryKey: timeKeys.entries(entry.item.id) });
  void client.invalidateQueries({ queryKey: reportKeys.all });
}
