import type { quickAddResponseSchema } from '@rytask/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { Infer } from '../../../lib/contract-types';
import { itemChanged } from '../../items/api/items';
import { labelsKey } from '../../items/api/reference-data';

export type QuickAddResponse = Infer<typeof quickAddResponseSchema>;

/** Creates an item from one line; the server parses it again with the same grammar. */
export function useQuickAdd() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { projectId: string; text: string }) =>
      apiRequest<QuickAddResponse>('POST', '/items/quick-add', { ...input, dryRun: false }),
    onSuccess: (answer) => {
      if (answer.item) itemChanged(client, answer.item);
      // `#new-label` creates labels.
      void client.invalidateQueries({ queryKey: labelsKey });
    },
  });
}
