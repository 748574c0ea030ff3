import type { Status } from '@rytask/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { useToast } from '../../../components/toast';
import { fieldOf, messageOf } from '../../../lib/errors';
import type { useProjectSettings } from '../api/project-settings';
import { categoryLabel } from '../categories';

type DeleteStatusDialogProps = {
  /** The status to delete; the dialog is closed while there is none. */
  status: Status | undefined;
  statuses: Status[];
  mutations: ReturnType<typeof useProjectSettings>;
  onClose: () => void;
};

/** Deleting a status moves its items elsewhere first, so the person must say where. */
export function DeleteStatusDialog({ status, statuses, mutations, onClose }: DeleteStatusDialogProps) {
  return (
    <Dialog open={Boolean(status)} onClose={onClose} title={status ? `Delete “${status.name}”` : 'Delete status'} testId="delete-status-dialog">
      {status && <DeleteStatusForm key={status.id} status={status} statuses={statuses} mutations={mutations} onClose={onClose} />}
    </Dialog>
  );
}

function DeleteStatusForm({ status, statuses, mutations, onClose }: Omit<DeleteStatusDialogProps, 'status'> & { status: Status }) {
  const [moveTo, setMoveTo] = useState('');
  const [problems, setProblems] = useState<{ moveTo?: string; form?: string }>({});
  const toast = useToast();
  const others = statuses.filter((other) => other.id !== status.id);
  const target = others.find((other) => other.id === moveTo);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!target) return setProblems({ moveTo: 'Choose where its items go' });
    setProblems({});
    try {
      await mutations.deleteStatus.mutateAsync({ id: status.id, moveTo: target.id });
      toast.show(`Deleted “${status.name}”; its items are now in “${target.name}”.`, 'success');
      onClose();
    } catch (error) {
      const field = fieldOf(error, ['moveTo'] as const);
      setProblems(field ? { moveTo: messageOf(error) } : { form: messageOf(error) });
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="delete-status-form">
      {problems.form && <Alert>{problems.form}</Alert>}
      <div className={['field', problems.moveTo && 'field--invalid'].filter(Boolean).join(' ')}>
        <label className="field__label" htmlFor="delete-status-move-to">
          Move its items to
        </label>
        <select
          id="delete-status-move-to"
          className="select field__select"
          value={moveTo}
          required
          autoFocus
          onChange={(event) => setMoveTo(event.target.value)}
          aria-invalid={problems.moveTo ? true : undefined}
          aria-describedby={problems.moveTo ? 'delete-status-move-to-error' : undefined}
        >
          <option value="" disabled>
            Choose a status…
          </option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.name} ({categoryLabel(other.category)})
            </option>
          ))}
        </select>
        {problems.moveTo && (
          <p className="field__error" id="delete-status-move-to-error">
            {problems.moveTo}
          </p>
        )}
      </div>
      <p className="delete-status__consequence" data-testid="delete-status-consequence">
        {target ? (
          <>
            Every item in “{status.name}”, including items in the trash, will move to “{target.name}”, and the “
            {status.name}” column will be removed from the board. Each move is recorded in the item’s history. This cannot
            be undone.
          </>
        ) : (
          <>Its items, including any in the trash, must go somewhere first. Nothing is deleted but the status itself.</>
        )}
      </p>
      <div className="form__actions">
        <Button type="submit" variant="danger" pending={mutations.deleteStatus.isPending}>
          {target ? `Delete “${status.name}” and move its items` : 'Delete status'}
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
