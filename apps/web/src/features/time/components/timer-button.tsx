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
 * own (the board and the list pass one `onToggle` and whether this item's timer runs), its play or
 * stop mark drawn by CSS: one element per card.
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
      {look === 'labelled' && (running ? 'Stop timer' : 'Start timer')}
    </button>
  );
});
