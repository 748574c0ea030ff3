// Labels as the API answers with them.
import { labelSchema, type Label } from '@rytask/contracts';
import type { LabelRef } from '@rytask/db';

const COLORS = new Set<string>(labelSchema.shape.color.options);

export function presentLabel(label: LabelRef): Label {
  // Colors are checked on the way in; an unknown one (a hand-edited row) shows as gray.
  return { id: label.id, name: label.name, color: COLORS.has(label.color) ? (label.color as Label['color']) : 'gray' };
}
