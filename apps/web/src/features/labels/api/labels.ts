import type { Label } from '@rytask/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { labelsKey } from '../../items/api/reference-data';

export type LabelColor = Label['color'];

/** The palette, in the order the picker shows it (the same names as the API's). */
export const LABEL_COLORS: LabelColor[] = ['gray', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink'];

export function colorName(color: LabelColor): string {
  return color.charAt(0).toUpperCase() + color.slice(1);
}

/** Creating, renaming, recolouring and deleting labels; items show labels, so they refresh too. */
export function useLabelMutations() {
  const client = useQueryClient();
  const refresh = async () => {
    void client.invalidateQueries({ queryKey: ['items'] });
    await client.invalidateQueries({ queryKey: labelsKey });
  };
  return {
    create: useMutation({
      mutationFn: (input: { name: string; color: LabelColor }) => apiRequest<Label>('POST', '/labels', input),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...patch }: { id: string; name?: string; color?: LabelColor }) =>
        apiRequest<Label>('PATCH', `/labels/${id}`, patch),
      // A colour shows as chosen at once; a refused change is put back by the refresh.
      onMutate: ({ id, color }) => {
        if (color) client.setQueryData<Label[]>(labelsKey, (all) => all?.map((one) => (one.id === id ? { ...one, color } : one)));
      },
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => apiRequest<void>('DELETE', `/labels/${id}`),
      onSuccess: refresh,
    }),
  };
}
