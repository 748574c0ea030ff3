import { memo } from 'react';
import type { TimerItem } from '../api/timer';

type Props = {
  item: TimerItem;
  running: boolean;
  onToggle: (item: TimerItem) => void;
  /** `icon` on cards and rows; `labelled` (icon and words) on the item page. */
  look?: 'icon' | 'labelled';
  className?: string;
};

/**
 * Starts a timer on an item, or stops the one running there. A plain button with no hooks of its
 * own: the board and the list pass one `onToggle` and whether this item's timer runs.
 */
export const TimerButton = memo(function TimerButton({ item, running, onToggle, look = 'icon', className }: Props) {
  const label = running ? `Stop the timer on ${item.key}` : `Start a timer on ${item.key}`;
  return (
    <button
      type="button"
      className={['timer-button', `timer-button--${look}`, running && 'timer-button--running', className].filter(Boolean).join(' ')}
      onClick={(event) => {
        event.stopPropagation();
        onToggle(item);
      }}
      aria-label={look === 'icon' ? label : undefined}
      title={label}
      data-testid={`timer-${item.key}`}
      data-running={running || undefined}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        {running ? <rect x="4" y="4" width="8" height="8" rx="1.5" /> : <path d="M5.2 3.6v8.8a.6.6 0 0 0 .9.5l7-4.4a.6.6 0 0 0 0-1L6.1 3.1a.6.6 0 0 0-.9.5z" />}
      </svg>
      {look === 'labelled' && <span>{running ? 'Stop timer' : 'Start timer'}</span>}
    </button>
  );
});
