import type { Item, ItemSummary } from '@rytask/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { messageOf } from '../../../lib/errors';
import { useToast } from '../../../components/toast';
import { itemKeys } from '../../items/api/items';

export type Move = { item: ItemSummary; statusId: string; afterId: string | null; beforeId: string | null };

/** A position between two neighbours, for the optimistic picture (the server picks the real one). */
function positionBetween(after: ItemSummary | undefined, before: ItemSummary | undefined): number {
  if (after && before) return (after.boardPosition + before.boardPosition) / 2;
  if (after) return after.boardPosition + 1;
  if (before) return before.boardPosition - 1;
  return 0;
}

/**
 * Moves a card at once on screen, then tells the server. If the server refuses (someone else
 * changed the item: 409; or anything else), the board goes back to what it was and says why.
 */
export function useMoveItem(projectKey: string) {
  const client = useQueryClient();
  const toast = useToast();
  const key = itemKeys.board(projectKey);

  return useMutation({
    mutationFn: ({ item, statusId, afterId, beforeId }: Move) =>
      apiRequest<Item | ItemSummary>('POST', `/items/${item.id}/move`, { version: item.version, statusId, afterId, beforeId }),
    onMutate: async ({ item, statusId, afterId, beforeId }) => {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<ItemSummary[]>(key);
      client.setQueryData<ItemSummary[]>(key, (items) => {
        if (!items) return items;
        const after = items.find((candidate) => candidate.id === afterId);
        const before = items.find((candidate) => candidate.id === beforeId);
        return items.map((candidate) =>
          candidate.id === item.id
            ? { ...candidate, statusId, boardPosition: positionBetween(after, before) }
            : candidate,
        );
      });
      return { previous };
    },
    onError: (error, { item }, context) => {
      if (context?.previous) client.setQueryData(key, context.previous);
      const conflict = error instanceof ApiError && error.status === 409;
      toast.show(
        conflict
          ? `${item.key} was changed by someone else meanwhile, so it went back to where it was. The board now shows the latest.`
          : `Could not move ${item.key}: ${messageOf(error)} It went back to where it was.`,
        'error',
      );
    },
    onSuccess: (moved) => {
      client.setQueryData<ItemSummary[]>(key, (items) =>
        items?.map((candidate) => (candidate.id === moved.id ? { ...candidate, ...summaryOf(moved) } : candidate)),
      );
      // The answer may be the full item or its summary; only a full one can stand in for the item page.
      if ('descriptionHtml' in moved) client.setQueryData(itemKeys.detail(moved.key), moved);
      else void client.invalidateQueries({ queryKey: itemKeys.detail(moved.key) });
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: itemKeys.lists });
    },
  });
}

function summaryOf(item: Item | ItemSummary): Partial<ItemSummary> {
  const { statusId, statusCategory, boardPosition, version, updatedAt } = item;
  return { statusId, statusCategory, boardPosition, version, updatedAt };
}
