import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';

/** A short card's height with the gap below it, in pixels: a low guess, so reach is never short. */
const CARD_STEP = 80;
/** How many more cards of each column are filled in at a time while the page is idle. */
const FILL_STEP = 5;

/**
 * How many cards from the top of each column show their details at first: two window heights'
 * worth (the window and one more below it).
 */
function firstReach(): number {
  return Math.ceil((2 * window.innerHeight) / CARD_STEP);
}

const whenIdle = (run: () => void): (() => void) => {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(run, { timeout: 500 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(run, 50);
  return () => window.clearTimeout(handle);
};

/**
 * The first `reach` cards of each column show their details (priority, assignee, labels, due
 * date, time meter); the cards below start as key and title only (BoardCard's `full`) and are
 * filled in while the page is idle, a few per column at a time, or at once when scrolling, a
 * resize or the focus brings them within a window height of the window. Every card is on the
 * page, named, focusable and movable from the start: this only spreads out the cost of drawing
 * the details of hundreds of cards nobody can see yet.
 *
 * `columns` holds each column's card ids, top first, and `boardRef` the element holding the
 * columns' card lists (`.board-column__cards`). Returns `reach`.
 */
export function useCardReach(boardRef: RefObject<HTMLElement | null>, columns: Record<string, string[]>): number {
  const [reach, setReach] = useState(firstReach);
  const longest = useMemo(() => Math.max(0, ...Object.values(columns).map((ids) => ids.length)), [columns]);
  const checkReach = useRef<() => void>(() => undefined);
  checkReach.current = () => {
    const board = boardRef.current;
    if (!board || reach >= longest) return;
    const limit = 2 * window.innerHeight;
    let needed = reach;
    for (const list of board.querySelectorAll('.board-column__cards')) {
      const first = list.children[reach];
      if (!first) continue;
      const { top } = first.getBoundingClientRect();
      if (top < limit) needed = Math.max(needed, reach + 1 + Math.ceil((limit - top) / CARD_STEP));
    }
    if (needed > reach) setReach(needed);
  };
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        checkReach.current();
      });
    };
    const board = boardRef.current;
    // Capturing: scroll events do not bubble, and whichever element scrolls may bring cards near.
    document.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    board?.addEventListener('focusin', schedule);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      board?.removeEventListener('focusin', schedule);
    };
  }, [boardRef]);
  useEffect(() => {
    if (reach >= longest) return;
    const frame = requestAnimationFrame(() => checkReach.current());
    const cancelIdle = whenIdle(() => setReach((current) => current + FILL_STEP));
    return () => {
      cancelAnimationFrame(frame);
      cancelIdle();
    };
  }, [reach, longest]);
  return reach;
}
