import type { Label } from '@rytask/contracts';
import { useId, useState } from 'react';
import { useToast } from '../../../components/toast';
import { messageOf } from '../../../lib/errors';
import { LabelChip } from '../../items/components/item-bits';
import { colorName, type LabelColor, type useLabelMutations } from '../api/labels';
import { ColorSwatches } from './color-swatches';

type LabelRowProps = { label: Label; mutations: ReturnType<typeof useLabelMutations>; onDelete: () => void };

/** One label: its name (saved on leaving the field or Enter), its colour (saved on choosing), delete. */
export function LabelRow({ label, mutations, onDelete }: LabelRowProps) {
  const [name, setName] = useState(label.name);
  const [seen, setSeen] = useState(label.name);
  const [problem, setProblem] = useState<string>();
  const toast = useToast();
  const id = useId();
  if (seen !== label.name) {
    setSeen(label.name);
    setName(label.name);
  }

  async function saveName() {
    const trimmed = name.trim();
    if (trimmed === label.name) return setProblem(undefined);
    if (!trimmed) return setProblem('Name the label');
    try {
      await mutations.update.mutateAsync({ id: label.id, name: trimmed });
      setProblem(undefined);
      toast.show(`Renamed “${label.name}” to “${trimmed}”.`, 'success');
    } catch (error) {
      setProblem(messageOf(error));
    }
  }

  async function saveColor(color: LabelColor) {
    try {
      await mutations.update.mutateAsync({ id: label.id, color });
      toast.show(`“${label.name}” is now ${colorName(color).toLowerCase()}.`, 'success');
    } catch (error) {
      toast.show(messageOf(error), 'error');
    }
  }

  return (
    <li className="label-row" data-testid={`label-${label.name}`}>
      <span className="label-row__preview">
        <LabelChip label={label} />
      </span>
      <div className={['label-row__name', problem && 'field--invalid'].filter(Boolean).join(' ')}>
        <input
          className="field__input"
          aria-label={`Name of ${label.name}`}
          value={name}
          maxLength={50}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => void saveName()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void saveName();
            } else if (event.key === 'Escape') {
              setName(label.name);
              setProblem(undefined);
            }
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
        />
        {problem && (
          <p className="field__error" id={`${id}-error`}>
            {problem}
          </p>
        )}
      </div>
      <ColorSwatches legend={`Colour of ${label.name}`} name={`color-${label.id}`} value={label.color} onChange={(color) => void saveColor(color)} />
      <button type="button" className="icon-button icon-button--danger" aria-label={`Delete ${label.name}`} title="Delete" onClick={onDelete}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M5 7h14M10 7V5h4v2M7 7l1 13h8l1-13" />
        </svg>
      </button>
    </li>
  );
}
