import type { Status, StatusCategory } from '@rytask/contracts';
import { useState } from 'react';
import { RenameField } from '../../../components/rename-field';
import { useToast } from '../../../components/toast';
import { messageOf } from '../../../lib/errors';
import type { useProjectSettings } from '../api/project-settings';
import { CATEGORIES } from '../categories';

type StatusRowProps = {
  status: Status;
  index: number;
  count: number;
  mutations: ReturnType<typeof useProjectSettings>;
  /** The id of the status being dragged, if any. */
  dragging: string | null;
  onDragStart: () => void;
  onDragEnd: () => void;
  onDrop: () => void;
  onMove: (direction: 'up' | 'down') => void;
  onDelete: () => void;
};

/**
 * One status: its name (saved when the field is left or Enter is pressed), its category (saved
 * on change), up/down buttons and delete. The grip drags the row for those who use a mouse.
 */
export function StatusRow({ status, index, count, mutations, dragging, onDragStart, onDragEnd, onDrop, onMove, onDelete }: StatusRowProps) {
  const [over, setOver] = useState(false);
  const toast = useToast();

  async function saveCategory(category: StatusCategory) {
    try {
      await mutations.updateStatus.mutateAsync({ id: status.id, category });
    } catch (error) {
      toast.show(messageOf(error), 'error');
    }
  }

  const classes = ['status-row', dragging === status.id && 'status-row--dragging', over && dragging !== status.id && 'status-row--over'];
  return (
    <li
      className={classes.filter(Boolean).join(' ')}
      data-testid={`status-${status.name}`}
      onDragOver={(event) => {
        if (!dragging) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        onDrop();
      }}
    >
      <span
        className="status-row__grip"
        draggable
        title="Drag to reorder"
        aria-hidden="true"
        onDragStart={(event) => {
          event.dataTransfer.effectAllowed = 'move';
          event.dataTransfer.setData('text/plain', status.name);
          const row = event.currentTarget.closest('li');
          if (row) event.dataTransfer.setDragImage(row, 16, 16);
          onDragStart();
        }}
        onDragEnd={onDragEnd}
      >
        <svg viewBox="0 0 24 24" focusable="false">
          <path d="M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01" />
        </svg>
      </span>
      <RenameField
        className="status-row__name"
        saved={status.name}
        label={`Name of ${status.name}`}
        emptyMessage="Name the status"
        maxLength={40}
        rename={(name) => mutations.updateStatus.mutateAsync({ id: status.id, name })}
      />
      <select
        className="select status-row__category"
        aria-label={`Category of ${status.name}`}
        value={status.category}
        onChange={(event) => void saveCategory(event.target.value as StatusCategory)}
      >
        {CATEGORIES.map((entry) => (
          <option key={entry.value} value={entry.value}>
            {entry.label}
          </option>
        ))}
      </select>
      <div className="status-row__actions">
        <button
          type="button"
          className="icon-button"
          id={`move-up-${status.id}`}
          aria-label={`Move ${status.name} up`}
          title="Move up"
          disabled={index === 0}
          onClick={() => onMove('up')}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 19V5M6 11l6-6 6 6" />
          </svg>
        </button>
        <button
          type="button"
          className="icon-button"
          id={`move-down-${status.id}`}
          aria-label={`Move ${status.name} down`}
          title="Move down"
          disabled={index === count - 1}
          onClick={() => onMove('down')}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 5v14M6 13l6 6 6-6" />
          </svg>
        </button>
        <button
          type="button"
          className="icon-button icon-button--danger"
          aria-label={`Delete ${status.name}`}
          title={count === 1 ? 'A project keeps at least one status' : 'Delete'}
          disabled={count === 1}
          onClick={onDelete}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M5 7h14M10 7V5h4v2M7 7l1 13h8l1-13" />
          </svg>
        </button>
      </div>
    </li>
  );
}
