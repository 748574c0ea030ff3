import type { StatusCategory } from '@rytask/contracts';

/** The categories in the order work moves through them, with what each means for its items. */
export const CATEGORIES: { value: StatusCategory; label: string; hint: string }[] = [
  { value: 'backlog', label: 'Backlog', hint: 'someday, not planned yet' },
  { value: 'unstarted', label: 'Not started', hint: 'planned, not begun' },
  { value: 'started', label: 'Started', hint: 'being worked on' },
  { value: 'completed', label: 'Completed', hint: 'done; no longer open' },
  { value: 'cancelled', label: 'Cancelled', hint: 'dropped; no longer open' },
];

export function categoryLabel(category: StatusCategory): string {
  return CATEGORIES.find((entry) => entry.value === category)?.label ?? category;
}

/** `ids` with the one at `from` moved to `to`. */
export function moved<T>(ids: readonly T[], from: number, to: number): T[] {
  const next = [...ids];
  const [taken] = next.splice(from, 1);
  next.splice(to, 0, taken as T);
  return next;
}
