import type { Project, Status } from '@rytask/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { messageOf } from '../../../lib/errors';
import { useCreateItem } from '../../items/api/items';

/** A one-line form at the bottom of a column: type a title, Enter adds it to this status. */
export function AddCard({ project, status, onDone }: { project: Project; status: Status; onDone: () => void }) {
  const [title, setTitle] = useState('');
  const create = useCreateItem();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return onDone();
    try {
      await create.mutateAsync({ projectId: project.id, title: title.trim(), statusId: status.id });
      setTitle('');
    } catch {
      // Shown below from the mutation's state.
    }
  }

  return (
    <form className="add-card" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={`add-${status.id}`}>
        Title of the new item in {status.name}
      </label>
      <textarea
        id={`add-${status.id}`}
        className="textarea add-card__input"
        autoFocus
        rows={2}
        value={title}
        placeholder="What needs doing?"
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
          if (event.key === 'Escape') onDone();
        }}
      />
      {create.isError && <Alert>{messageOf(create.error)}</Alert>}
      <div className="add-card__actions">
        <Button type="submit" variant="primary" size="small" pending={create.isPending}>
          Add
        </Button>
        <Button size="small" variant="quiet" onClick={onDone}>
          Done
        </Button>
      </div>
    </form>
  );
}
