import { useEffect, useRef, type RefObject } from 'react';

/**
 * Closes an open disclosure (a panel behind a button) when the pointer is pressed outside `root`
 * and, when a `trigger` is given, on Escape, which also puts focus back on the trigger. `close` may
 * be a new function on every render: the listeners always call the latest one.
 */
export function useDismiss(
  open: boolean,
  close: () => void,
  root: RefObject<HTMLElement | null>,
  trigger?: RefObject<HTMLElement | null>,
): void {
  const latest = useRef(close);
  latest.current = close;

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!root.current?.contains(event.target as Node)) latest.current();
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || !trigger) return;
      latest.current();
      trigger.current?.focus();
    }
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, root, trigger]);
}
