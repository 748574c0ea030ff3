import type { Item, UpdateItem } from '@rytask/contracts';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api-client';
import { messageOf } from '../../lib/errors';
import { itemKeys, useUpdateItem } from './api/items';

export type SaveProblem = { kind: 'conflict' } | { kind: 'error'; message: string };

/**
 * Saves one change to an item, based on the version on screen. When someone else saved first the
 * API answers 409: nothing is overwritten, and the page offers to reload their version.
 */
export function useItemSave(item: Item) {
  const update = useUpdateItem();
  const client = useQueryClient();
  const [problem, setProblem] = useState<SaveProblem>();

  async function save(patch: Omit<UpdateItem, 'version'>): Promise<boolean> {
    setProblem(undefined);
    try {
      await update.mutateAsync({ id: item.id, version: item.version, ...patch });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setProblem({ kind: 'conflict' });
      else setProblem({ kind: 'error', message: messageOf(error) });
      return false;
    }
  }

  async function reload() {
    setProblem(undefined);
    await client.invalidateQueries({ queryKey: itemKeys.detail(item.key) });
    await client.invalidateQueries({ queryKey: itemKeys.activity(item.id) });
  }

  return { save, saving: update.isPending, problem, reload, dismiss: () => setProblem(undefined) };
}
