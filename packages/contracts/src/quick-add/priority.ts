// `!priority`: the exact words (any case) or 1..4. No prefixes: `!hi` is reported, not guessed.
import type { QuickAddPriority } from './types';
import { type Outcome } from './words';

const PRIORITIES: Readonly<Record<string, QuickAddPriority>> = {
  urgent: 'urgent',
  high: 'high',
  medium: 'medium',
  low: 'low',
  none: 'none',
  '1': 'urgent',
  '2': 'high',
  '3': 'medium',
  '4': 'low',
};

export function resolvePriority(text: string): Outcome<QuickAddPriority> {
  const word = text.slice(1).toLowerCase();
  const priority = Object.hasOwn(PRIORITIES, word) ? PRIORITIES[word] : undefined;
  if (priority) return { ok: true, value: priority, display: priority };
  return {
    ok: false,
    message: `${text} is not a priority (urgent, high, medium, low, none, or 1 to 4) — kept in the title.`,
  };
}
