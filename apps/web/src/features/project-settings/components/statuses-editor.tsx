import type { Project, StatusCategory } from '@rytask/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Icon } from '../../../components/icon';
import { TextField } from '../../../components/text-field';
import { useToast } from '../../../components/toast';
import { fieldOf, messageOf } from '../../../lib/errors';
import type { useProjectSettings } from '../api/project-settings';
import { CATEGORIES, moved } from '../categories';
import { DeleteStatusDialog } from './delete-status-dialog';
import { StatusRow } from './status-row';

type Mutations = ReturnType<typeof useProjectSettings>;

/** The project's statuses (its board columns, in order): add, rename, recategorize, reorder, delete. */
export function StatusesEditor({ project, mutations }: { project: Project; mutations: Mutations }) {
  const statuses = [...project.statuses].sort((a, b) => a.position - b.position);
  const [deleting, setDeleting] = useState<string | null>(null);
  // After a move the row's button keeps the focus, so pressing it again keeps moving the status.
  const [refocus, setRefocus] = useState<{ id: string; direction: 'up' | 'down' } | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const toast = useToast();

  useEffect(() => {
    if (!refocus) return;
    const wanted = document.getElementById(`move-${refocus.direction}-${refocus.id}`) as HTMLButtonElement | null;
    const other = document.getElementById(`move-${refocus.direction === 'up' ? 'down' : 'up'}-${refocus.id}`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [refocus, project]);

  function move(from: number, to: number, how: 'up' | 'down' | 'drag') {
    if (to < 0 || to >= statuses.length || from === to) return;
    const status = statuses[from]!;
    const ids = moved(
      statuses.map((one) => one.id),
      from,
      to,
    );
    if (how !== 'drag') setRefocus({ id: status.id, direction: how });
    setAnnouncement(`${status.name} moved to position ${to + 1} of ${statuses.length}.`);
    mutations.reorder.mutate(ids, {
      onError: (error) => toast.show(`The order was not saved: ${messageOf(error)}`, 'error'),
    });
  }

  const toDelete = statuses.find((status) => status.id === deleting);

  return (
    <section className="settings-section card" aria-labelledby="statuses-heading" data-testid="statuses-editor">
      <div className="settings-section__header">
        <div>
          <h2 className="settings-section__title" id="statuses-heading">
            Statuses
          </h2>
          <p className="settings-section__lead">
            The board’s columns, in this order; new items start in the first. The category says what a status means:
            items in completed or cancelled statuses no longer count as open.
          </p>
        </div>
      </div>
      <ol className="status-list" aria-label="Statuses, in board order">
        {statuses.map((status, index) => (
          <StatusRow
            key={status.id}
            status={status}
            index={index}
            count={statuses.length}
            mutations={mutations}
            dragging={dragging}
            onDragStart={() => setDragging(status.id)}
            onDragEnd={() => setDragging(null)}
            onDrop={() => {
              const from = statuses.findIndex((one) => one.id === dragging);
              if (from >= 0) move(from, index, 'drag');
              setDragging(null);
            }}
            onMove={(direction) => move(index, direction === 'up' ? index - 1 : index + 1, direction)}
            onDelete={() => setDeleting(status.id)}
          />
        ))}
      </ol>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <AddStatusForm mutations={mutations} />
      <DeleteStatusDialog
        status={toDelete}
        statuses={statuses}
        mutations={mutations}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}

function AddStatusForm({ mutations }: { mutations: Mutations }) {
  const [name, setName] = useState('');
  const [category, setCategory] = useState<StatusCategory>('unstarted');
  const [problems, setProblems] = useState<{ name?: string; form?: string }>({});
  const toast = useToast();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setProblems({ name: 'Name the status' });
    setProblems({});
    try {
      const status = await mutations.addStatus.mutateAsync({ name: name.trim(), category });
      toast.show(`Added the status “${status.name}” at the end.`, 'success');
      setName('');
    } catch (error) {
      const field = fieldOf(error, ['name'] as const);
      setProblems(field ? { name: messageOf(error) } : { form: messageOf(error) });
    }
  }

  return (
    <form className="status-add" onSubmit={submit} noValidate aria-labelledby="add-status-heading" data-testid="add-status-form">
      <h3 className="status-add__title" id="add-status-heading">
        Add a status
      </h3>
      {problems.form && <Alert>{problems.form}</Alert>}
      <div className="inline-form">
        <TextField
          label="Name"
          name="status-name"
          autoComplete="off"
          value={name}
          maxLength={40}
          onChange={(event) => setName(event.target.value)}
          error={problems.name}
          placeholder="Waiting on customer"
        />
        <div className="field">
          <label className="field__label" htmlFor="new-status-category">
            Category
          </label>
          <select
            id="new-status-category"
            className="select field__select"
            value={category}
            onChange={(event) => setCategory(event.target.value as StatusCategory)}
          >
            {CATEGORIES.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.label} — {entry.hint}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" pending={mutations.addStatus.isPending}>
          <Icon name="plus" />
          Add status
        </Button>
      </div>
    </form>
  );
}
