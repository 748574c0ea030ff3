import { useHotkey } from './hotkeys';

/**
 * `j` / `k` move focus through whatever the page marks with `data-nav-item` (list rows, board
 * cards), in reading order; Enter on the focused one then opens it like a click.
 */
export function useRovingHotkeys(): void {
  useHotkey('j', (event) => step(event, 1));
  useHotkey('k', (event) => step(event, -1));
}

function step(event: KeyboardEvent, direction: 1 | -1): void {
  const targets = [...document.querySelectorAll<HTMLElement>('[data-nav-item]')];
  if (targets.length === 0) return;
  event.preventDefault();
  const current = targets.findIndex((target) => target === document.activeElement || target.contains(document.activeElement));
  const next = current === -1 ? (direction === 1 ? 0 : targets.length - 1) : current + direction;
  const target = targets[Math.max(0, Math.min(targets.length - 1, next))];
  target?.focus();
  target?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
