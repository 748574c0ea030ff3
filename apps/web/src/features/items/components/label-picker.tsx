import type { Item } from '@rytask/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useDismiss } from '../../../lib/use-dismiss';
import { labelsKey, useLabels } from '../api/reference-data';
import type { useItemSave } from '../use-item-save';
import { LabelChip } from './item-bits';

type Props = { item: Item; save: ReturnType<typeof useItemSave>['save'] };

/**
 * The item's labels, and a disclosure to change them: tick existing labels, or type a new name
 * (the API creates labels it does not know yet).
 */
export function LabelPicker({ item, save }: Props) {
  const labels = useLabels();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const chosen = new Set(item.labels.map((label) => label.id));

  useDismiss(open, () => setOpen(false), rootRef);

  async function setLabels(next: string[]) {
    if (await save({ labels: next })) void client.invalidateQueries({ queryKey: labelsKey });
  }

  function toggle(id: string) {
    const next = chosen.has(id) ? [...chosen].filter((other) => other !== id) : [...chosen, id];
    void setLabels(next);
  }

  async function addNew() {
    const trimmed = name.trim().replace(/^#/, '');
    if (!trimmed) return;
    const existing = labels.data?.find((label) => label.name.toLowerCase() === trimmed.toLowerCase());
    if (existing && chosen.has(existing.id)) return setName('');
    await setLabels([...chosen, existing?.id ?? trimmed]);
    setName('');
  }

  return (
    <div
      className="label-picker"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <span className="chip-row" data-testid="item-labels">
        {item.labels.map((label) => (
          <LabelChip key={label.id} label={label} />
        ))}
        {item.labels.length === 0 && <span className="muted">None</span>}
      </span>
      <button
        type="button"
        className="button button--quiet button--small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        Change labels
      </button>
      <div className="label-picker__panel card" id={panelId} hidden={!open}>
        <fieldset className="label-picker__list">
          <legend className="visually-hidden">Labels</legend>
          {labels.data?.map((label) => (
            <label key={label.id} className="label-picker__option">
              <input type="checkbox" checked={chosen.has(label.id)} onChange={() => toggle(label.id)} />
              <LabelChip label={label} />
            </label>
          ))}
          {labels.data?.length === 0 && <p className="muted">No labels yet: type one below.</p>}
        </fieldset>
        <form
          className="label-picker__new"
          onSubmit={(event) => {
            event.preventDefault();
            void addNew();
          }}
        >
          <label className="visually-hidden" htmlFor={`${panelId}-new`}>
            New label
          </label>
          <input
            id={`${panelId}-new`}
            className="select"
            placeholder="New label…"
            value={name}
            maxLength={50}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button button--secondary button--small">
            Add
          </button>
        </form>
      </div>
    </div>
  );
}
