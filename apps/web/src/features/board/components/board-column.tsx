import type { ItemSummary, Project, Status } from '@rytask/contracts';
import { useDroppable, type Active } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { memo, useState, type RefObject } from 'react';
import { Icon } from '../../../components/icon';
import type { TimerItem } from '../../time/api/timer';
import { AddCard } from './add-card';
import { BoardCard } from './board-card';

type Props = {
  project: Project;
  status: Status;
  /** The cards shown (all of the column's, or the ones matching the filters). */
  itemIds: string[];
  /** With filters on: how many cards the column has in all. */
  total?: number;
  items: Map<string, ItemSummary>;
  today: string;
  canEdit: boolean;
  /** How many cards from the top show their details; the ones below show key and title until the board fills them in. */
  reach: number;
  dragging: boolean;
  activeRef: RefObject<Active | null>;
  onOpen: (key: string) => void;
  /** The item the caller's timer runs on, if any. */
  runningItemId: string | null;
  onTimer: (item: TimerItem) => void;
};

export const BoardColumn = memo(function BoardColumn(props: Props) {
  const { project, status, itemIds, total, items, today, canEdit, reach, dragging, activeRef, onOpen, runningItemId, onTimer } = props;
  // The column itself is a drop target too, so a card can land in an empty column.
  const { setNodeRef, isOver } = useDroppable({ id: status.id });
  const [adding, setAdding] = useState(false);
  const headingId = `column-${status.id}`;

  return (
    <section
      className={`board-column board-column--${status.category}${isOver ? ' board-column--over' : ''}`}
      aria-labelledby={headingId}
      data-testid={`column-${status.name}`}
    >
      <header className="board-column__header">
        <span className={`status-dot status-dot--${status.category}`} aria-hidden="true" />
        <h2 className="board-column__title" id={headingId}>
          {status.name}
        </h2>
        {total === undefined || total === 0 ? (
          <span className="board-column__count" aria-label={`${itemIds.length} items`}>
            {itemIds.length}
          </span>
        ) : (
          <span className="board-column__count" aria-label={`${itemIds.length} of ${total} items match the filters`}>
            {itemIds.length} of {total}
          </span>
        )}
        {canEdit && (
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label={`Add an item to ${status.name}`}
            onClick={() => setAdding(true)}
          >
            <Icon name="plus" />
          </button>
        )}
      </header>
      <SortableContext id={status.id} items={itemIds} strategy={verticalListSortingStrategy}>
        <ol className="board-column__cards" ref={setNodeRef} aria-labelledby={headingId}>
          {itemIds.map((id, index) => {
            const item = items.get(id);
            return item ? (
              <BoardCard
                key={id}
                item={item}
                full={index < reach}
                today={today}
                canEdit={canEdit}
                timerRunning={id === runningItemId}
                onTimer={onTimer}
                activeRef={activeRef}
                onOpen={onOpen}
              />
            ) : null;
          })}
          {itemIds.length === 0 && !adding && (
            <li className={`board-column__empty${dragging ? ' board-column__empty--target' : ''}`}>
              {dragging ? 'Drop here' : total ? 'None match the filters' : 'No items'}
            </li>
          )}
        </ol>
      </SortableContext>
      {adding && <AddCard project={project} status={status} onDone={() => setAdding(false)} />}
    </section>
  );
});
