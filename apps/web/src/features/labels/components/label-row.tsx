import type { Label } from '@rytask/contracts';
import { RenameField } from '../../../components/rename-field';
import { useToast } from '../../../components/toast';
import { messageOf } from '../../../lib/errors';
import { LabelChip } from '../../items/components/item-bits';
import { colorName, type LabelColor, type useLabelMutations } from '../api/labels';
import { ColorSwatches } from './color-swatches';

type LabelRowProps = { label: Label; mutations: ReturnType<typeof useLabelMutations>; onDelete: () => void };

/** One label: its name (saved on leaving the field or Enter), its colour (saved on choosing), delete. */
export function LabelRow({ label, mutations, onDelete }: LabelRowProps) {
  const toast = useToast();

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
      <RenameField
        className="label-row__name"
        saved={label.name}
        label={`Name of ${label.name}`}
        emptyMessage="Name the label"
        maxLength={50}
        rename={(name) => mutations.update.mutateAsync({ id: label.id, name })}
      />
      <ColorSwatches legend={`Colour of ${label.name}`} name={`color-${label.id}`} value={label.color} onChange={(color) => void saveColor(color)} />
      <button type="button" className="icon-button icon-button--danger" aria-label={`Delete ${label.name}`} title="Delete" onClick={onDelete}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M5 7h14M10 7V5h4v2M7 7l1 13h8l1-13" />
        </svg>
      </button>
    </li>
  );
}
