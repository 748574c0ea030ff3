import type { Item } from '@rytask/contracts';
import { useState } from 'react';
import { Button } from '../../../components/button';
import { ServerHtml } from '../../../components/server-html';
import type { useItemSave } from '../use-item-save';

type Props = { item: Item; editable: boolean; save: ReturnType<typeof useItemSave>['save'] };

/** Markdown in a textarea when editing; otherwise the server's sanitised rendering. */
export function ItemDescription({ item, editable, save }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.description);
  const [saving, setSaving] = useState(false);

  async function commit() {
    setSaving(true);
    const saved = draft === item.description || (await save({ description: draft }));
    setSaving(false);
    if (saved) setEditing(false);
  }

  return (
    <section className="item-section" aria-labelledby="description-heading">
      <div className="item-section__header">
        <h2 className="item-section__title" id="description-heading">
          Description
        </h2>
        {editable && !editing && (
          <Button
            variant="quiet"
            size="small"
            onClick={() => {
              setDraft(item.description);
              setEditing(true);
            }}
          >
            {item.description ? 'Edit' : 'Add a description'}
          </Button>
        )}
      </div>
      {editing ? (
        <div className="description-editor">
          <label className="visually-hidden" htmlFor="description-input">
            Description (Markdown)
          </label>
          <textarea
            id="description-input"
            className="textarea description-editor__input"
            value={draft}
            autoFocus
            rows={10}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void commit();
              if (event.key === 'Escape') {
                event.stopPropagation();
                setEditing(false);
              }
            }}
            placeholder="Context, steps, links. Markdown works: **bold**, - lists, `code`, [links](https://…)"
          />
          <div className="form__actions">
            <Button variant="primary" size="small" onClick={() => void commit()} pending={saving}>
              Save
            </Button>
            <Button size="small" onClick={() => setEditing(false)}>
              Cancel
            </Button>
            <span className="muted description-editor__hint">Markdown · Ctrl+Enter saves</span>
          </div>
        </div>
      ) : item.description ? (
        <ServerHtml html={item.descriptionHtml} testId="item-description" />
      ) : (
        <p className="muted">No description.</p>
      )}
    </section>
  );
}
