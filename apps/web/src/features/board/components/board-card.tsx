import type { ItemSummary } from '@rytask/contracts';
import type { Active } from '@dnd-kit/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, type RefObject } from 'react';
import { Avatar, DueChip, LabelChip, PriorityIcon } from '../../items/components/item-bits';
import type { TimerItem } from '../../time/api/timer';
import { TimeMeter } from '../../time/components/time-meter';
import { TimerButton } from '../../time/components/timer-button';

type Props = {
  item: ItemSummary;
  /** With its details (priority, assignee, labels, due date, time meter), or key and title only (far below the fold, until the board fills it in). */
  full: boolean;
  today: string;
  canEdit: boolean;
  /** Whether the caller's timer runs on this item (the board reads the timer once for all cards). */
  timerRunning: boolean;
  /** Starts or stops the timer (one function for the board, like `onOpen`). */
  onTimer: (item: TimerItem) => void;
  /** The card being dragged, if any (kept by the board: reading dnd-kit's context here would re-render every card on each change). */
  activeRef: RefObject<Active | null>;
  /** Opens an item's page (one function for the board: a location hook per card costs a subscription each). */
  onOpen: (key: string) => void;
};

/** A card: key, title, priority, assignee, labels, due date, the time meter and a timer button. Click or Enter opens the item. */
export const BoardCard = memo(function BoardCard({ item, full, today, canEdit, timerRunning, onTimer, activeRef, onOpen }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    disabled: !canEdit,
    attributes: { roleDescription: canEdit ? 'movable card' : 'card' },
  });
  const done = item.statusCategory === 'completed' || item.statusCategory === 'cancelled';

  function open() {
    if (!activeRef.current) onOpen(item.key);
  }

  // The list item is the frame that moves while cards are dragged; the card inside it is the control
  // (role="button"). The timer button sits next to the card, not inside (a button inside a button
  // is unreachable for screen readers).
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`board-card-frame${canEdit ? ' board-card-frame--timer' : ''}${timerRunning ? ' board-card-frame--running' : ''}`}
    >
      <div
        ref={setActivatorNodeRef}
        className={`board-card${isDragging ? ' board-card--dragging' : ''}${done ? ' board-card--done' : ''}`}
        {...attributes}
        {...listeners}
        onClick={open}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !activeRef.current) {
            event.preventDefault();
            open();
            return;
          }
          listeners?.onKeyDown?.(event);
        }}
        aria-label={`${item.key}: ${item.title}`}
        data-nav-item
        data-testid={`card-${item.key}`}
      >
        <CardContent item={item} full={full} today={today} done={done} />
      </div>
      {canEdit && <TimerButton item={item} running={timerRunning} onToggle={onTimer} className="board-card__timer" />}
    </li>
  );
});

/** What a card shows; unchanged while cards are dragged around it, so it is not rendered again. */
const CardContent = memo(function CardContent({ item, full, today, done }: { item: ItemSummary; full: boolean; today: string; done: boolean }) {
  const logged = item.loggedSeconds ?? 0;
  if (!full) {
    return (
      <>
        <div className="board-card__top">
          <span className="board-card__key">{item.key}</span>
        </div>
        <p className="board-card__title">{item.title}</p>
      </>
    );
  }
  return (
    <>
      <div className="board-card__top">
        <span className="board-card__key">{item.key}</span>
        <PriorityIcon priority={item.priority} />
        {item.assignee && <Avatar person={item.assignee} />}
      </div>
      <p className="board-card__title">{item.title}</p>
      {(item.labels.length > 0 || item.dueDate || item.estimateMinutes || logged > 0) && (
        <div className="board-card__meta">
          {item.labels.map((label) => (
            <LabelChip key={label.id} label={label} />
          ))}
          {item.dueDate && <DueChip dueDate={item.dueDate} today={today} done={done} />}
          <TimeMeter loggedSeconds={logged} estimateMinutes={item.estimateMinutes} />
        </div>
      )}
    </>
  );
});
