import type {
  Activity,
  Comment,
  CreateItem,
  Item,
  ItemListQuery,
  ItemSummary,
  UpdateItem,
} from '@rytask/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** Filters as the list and board send them: every field optional, strings as in the query string. */
export type ItemFilters = Partial<Omit<ItemListQuery, 'cursor'>>;
type ItemPage = { items: ItemSummary[]; nextCursor: string | null };

export const itemKeys = {
  all: ['items'] as const,
  lists: ['items', 'list'] as const,
  list: (filters: ItemFilters) => ['items', 'list', filters] as const,
  board: (projectKey: string) => ['items', 'board', projectKey.toUpperCase()] as const,
  detail: (key: string) => ['items', 'detail', key.toUpperCase()] as const,
  comments: (id: string) => ['items', 'comments', id] as const,
  activity: (id: string) => ['items', 'activity', id] as const,
};

export function toQueryString(filters: ItemFilters & { cursor?: string }): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function fetchPage(filters: ItemFilters, cursor?: string): Promise<ItemPage> {
  return apiRequest<ItemPage>('GET', `/items${toQueryString({ ...filters, cursor })}`);
}

/** A list, a page at a time ("Show more" asks for the next). */
export function useItemList(filters: ItemFilters) {
  return useInfiniteQuery({
    queryKey: itemKeys.list(filters),
    queryFn: ({ pageParam }) => fetchPage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * A board asks for up to BOARD_LIMIT items per request (the API allows more than a list's 200 for
 * sort=board in one project), so a board of up to 1000 cards is one request, not a chain of pages;
 * it shows at most 2 × 1000, beyond that the list view is the better tool.
 */
const BOARD_LIMIT = 1000;
const BOARD_PAGES = 2;

async function fetchBoardItems(projectKey: string): Promise<ItemSummary[]> {
  const items: ItemSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < BOARD_PAGES; page++) {
    const answer = await fetchPage({ projectKey, sort: 'board', limit: BOARD_LIMIT }, cursor);
    items.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return items;
}

/**
 * The board's query, by project key: the page preloader (app/preload.ts) starts it from the address
 * alone, alongside the projects list rather than after it.
 */
export function boardItemsQuery(projectKey: string) {
  return { queryKey: itemKeys.board(projectKey), queryFn: () => fetchBoardItems(projectKey) };
}

/** Every open item of a project, in board order (the board needs all of them at once). */
export function useBoardItems(projectKey: string) {
  return useQuery(boardItemsQuery(projectKey));
}

export function useItem(key: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: itemKeys.detail(key),
    enabled,
    queryFn: () => apiRequest<Item>('GET', `/items/by-key/${encodeURIComponent(key.toUpperCase())}`),
  });
}

/** After any write: the item page gets the answer at once, lists and boards refetch. */
export function itemChanged(client: QueryClient, item: Item | undefined): void {
  if (item) client.setQueryData(itemKeys.detail(item.key), item);
  void client.invalidateQueries({ queryKey: itemKeys.lists });
  void client.invalidateQueries({ queryKey: ['items', 'board'] });
  if (item) {
    void client.invalidateQueries({ queryKey: itemKeys.activity(item.id) });
    if (item.parent) void client.invalidateQueries({ queryKey: itemKeys.detail(item.parent.key) });
  }
  void client.invalidateQueries({ queryKey: ['projects'] });
}

export function useUpdateItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UpdateItem & { id: string }) => apiRequest<Item>('PATCH', `/items/${id}`, patch),
    onSuccess: (item) => itemChanged(client, item),
  });
}

export function useCreateItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ projectId, ...input }: CreateItem & { projectId: string }) =>
      apiRequest<Item>('POST', `/projects/${projectId}/items`, input),
    onSuccess: (item) => itemChanged(client, item),
  });
}

export function useDeleteItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (item: Item) => apiRequest<void>('DELETE', `/items/${item.id}`),
    onSuccess: (_answer, item) => {
      void client.invalidateQueries({ queryKey: itemKeys.detail(item.key) });
      itemChanged(client, undefined);
    },
  });
}

export function useRestoreItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (item: Item) => apiRequest<Item>('POST', `/items/${item.id}/restore`),
    onSuccess: (item) => itemChanged(client, item),
  });
}

export function useWatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ item, watch }: { item: Item; watch: boolean }) =>
      apiRequest<void>(watch ? 'PUT' : 'DELETE', `/items/${item.id}/watch`),
    onSuccess: (_answer, { item, watch }) => {
      client.setQueryData<Item>(itemKeys.detail(item.key), (current) => current && { ...current, watching: watch });
    },
  });
}

export function useActivity(itemId: string) {
  return useQuery({
    queryKey: itemKeys.activity(itemId),
    queryFn: () => apiRequest<{ activity: Activity[] }>('GET', `/items/${itemId}/activity`).then((answer) => answer.activity),
  });
}

export function useComments(itemId: string) {
  return useQuery({
    queryKey: itemKeys.comments(itemId),
    queryFn: () => apiRequest<{ comments: Comment[] }>('GET', `/items/${itemId}/comments`).then((answer) => answer.comments),
  });
}

export function useCommentMutations(itemId: string) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: itemKeys.comments(itemId) });
    void client.invalidateQueries({ queryKey: itemKeys.activity(itemId) });
  };
  const add = useMutation({
    mutationFn: (body: string) => apiRequest<Comment>('POST', `/items/${itemId}/comments`, { body }),
    onSuccess: refresh,
  });
  const edit = useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) => apiRequest<Comment>('PATCH', `/comments/${id}`, { body }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiRequest<void>('DELETE', `/comments/${id}`),
    onSuccess: refresh,
  });
  return { add, edit, remove };
}
