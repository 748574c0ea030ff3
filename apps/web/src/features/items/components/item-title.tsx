import type { Item } from '@rytask/contracts';
import { useEffect, useRef, useState } from 'react';
import type { useItemSave } from '../use-item-save';

type Props = { item: Item; editable: boolean; save: ReturnType<typeof useItemSave>['save'] };

/** The title is the page heading; editors change it in place (Enter saves, Escape cancels). */
export function ItemTitle({ item, editable, save }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.title);
  const [problem, setProblem] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!editing) setDraft(item.title);
  }, [item.title, editing]);
  // The heading takes focus when the item opens, so screen readers start at the title.
  useEffect(() => headingRef.current?.focus({ preventScroll: true }), [item.id]);

  async function commit() {
    const title = draft.trim();
    if (!title) return setProblem('Give the item a title');
    if (title !== item.title && !(await save({ title }))) return;
    setProblem(undefined);
    setEditing(false);
  }

  if (editing) {
    return (
      <div className="item-title item-title--editing">
        <h1 className="visually-hidden" id="item-title">
          {item.title}
        </h1>
        <label className="visually-hidden" htmlFor="item-title-input">
          Title
        </label>
        <textarea
          id="item-title-input"
          className="item-title__input"
          value={draft}
          rows={1}
          autoFocus
          maxLength={500}
          onChange={(event) => setDraft(event.target.value.replace(/\n/g, ' '))}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void commit();
            }
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              setProblem(undefined);
              setEditing(false);
            }
          }}
          onBlur={() => void commit()}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'item-title-error' : undefined}
        />
        {problem && (
          <p className="field__error" id="item-title-error">
            {problem}
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="item-title">
      <h1 className="item-title__text" id="item-title" ref={headingRef} tabIndex={-1} data-testid="item-title">
        {item.title}
      </h1>
      {editable && (
        <button type="button" className="button button--quiet button--small" onClick={() => setEditing(true)}>
          Edit title
        </button>
      )}
    </div>
  );
}
