import type { Item } from '@rytask/contracts';
import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { messageOf } from '../../../lib/errors';
import type { useItemSave } from '../use-item-save';

type Props = { id: string; item: Item; save: ReturnType<typeof useItemSave>['save'] };

/** The parent by its key (e.g. OPS-4): sub-tasks stay in their project, so only its items fit. */
export function ParentField({ id, item, save }: Props) {
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function commit() {
    const key = draft.trim().toUpperCase();
    if (!key) return setEditing(false);
    try {
      const parent = await apiRequest<Item>('GET', `/items/by-key/${encodeURIComponent(key)}`);
      if (parent.projectId !== item.projectId) return setProblem('Choose an item of the same project');
      if (parent.id === item.id) return setProblem('An item cannot be its own parent');
      if (await save({ parentId: parent.id })) {
        setEditing(false);
        setDraft('');
        setProblem(undefined);
      }
    } catch (error) {
      setProblem(error instanceof ApiError && error.status === 404 ? `There is no item ${key}` : messageOf(error));
    }
  }

  if (!editing) {
    return (
      <span className="inline-field">
        {item.parent ? (
          <Link href={`/items/${item.parent.key}`} className="parent-link">
            {item.parent.key} {item.parent.title}
          </Link>
        ) : (
          <span className="muted">None</span>
        )}
        <button type="button" className="button button--quiet button--small" onClick={() => setEditing(true)}>
          {item.parent ? 'Change' : 'Set'}
        </button>
        {item.parent && (
          <button type="button" className="button button--quiet button--small" onClick={() => void save({ parentId: null })}>
            Remove
          </button>
        )}
      </span>
    );
  }

  return (
    <span className="inline-field inline-field--column">
      <input
        id={id}
        className="select inline-field__short"
        placeholder="Key, e.g. OPS-4"
        value={draft}
        autoFocus
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void commit();
          }
          if (event.key === 'Escape') {
            event.stopPropagation();
            setEditing(false);
            setProblem(undefined);
          }
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
      />
      {problem && (
        <span className="field__error" id={`${id}-error`}>
          {problem}
        </span>
      )}
    </span>
  );
}
