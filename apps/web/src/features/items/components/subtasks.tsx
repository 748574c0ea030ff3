import type { Item, Project } from '@rytask/contracts';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { messageOf } from '../../../lib/errors';
import { useCreateItem } from '../api/items';
import { useToday } from '../api/reference-data';
import { Avatar, DueChip, PriorityIcon } from './item-bits';

/** Sub-tasks live in the same project as their parent; adding one takes just a title. */
export function Subtasks({ item, project, editable }: { item: Item; project: Project; editable: boolean }) {
  const today = useToday();
  const [title, setTitle] = useState('');
  const create = useCreateItem();
  const statusName = (id: string) => project.statuses.find((status) => status.id === id)?.name ?? '';
  const finished = item.subtasks.filter((sub) => sub.statusCategory === 'completed' || sub.statusCategory === 'cancelled').length;

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return;
    try {
      await create.mutateAsync({ projectId: project.id, title: title.trim(), parentId: item.id });
      setTitle('');
    } catch {
      // Shown from the mutation's state below.
    }
  }

  return (
    <section className="item-section" aria-labelledby="subtasks-heading" data-testid="subtasks">
      <div className="item-section__header">
        <h2 className="item-section__title" id="subtasks-heading">
          Sub-tasks
        </h2>
        {item.subtasks.length > 0 && (
          <span className="muted">
            {finished} of {item.subtasks.length} done
          </span>
        )}
      </div>
      {item.subtasks.length > 0 ? (
        <ul className="subtask-list">
          {item.subtasks.map((sub) => {
            const done = sub.statusCategory === 'completed' || sub.statusCategory === 'cancelled';
            return (
              <li key={sub.id} className={`subtask${done ? ' subtask--done' : ''}`}>
                <span className={`status-dot status-dot--${sub.statusCategory}`} title={statusName(sub.statusId)} aria-hidden="true" />
                <span className="item-row__key">{sub.key}</span>
                <Link href={`/items/${sub.key}`} className="subtask__title" data-nav-item>
                  {sub.title}
                </Link>
                <span className="visually-hidden">{statusName(sub.statusId)}</span>
                <PriorityIcon priority={sub.priority} />
                {sub.dueDate && <DueChip dueDate={sub.dueDate} today={today} done={done} />}
                {sub.assignee && <Avatar person={sub.assignee} />}
              </li>
            );
          })}
        </ul>
      ) : (
        !editable && <p className="muted">No sub-tasks.</p>
      )}
      {editable && (
        <form className="inline-add" onSubmit={add}>
          <label className="visually-hidden" htmlFor="subtask-title">
            New sub-task title
          </label>
          <input
            id="subtask-title"
            className="select inline-add__input"
            placeholder="Add a sub-task…"
            value={title}
            maxLength={500}
            onChange={(event) => setTitle(event.target.value)}
            data-testid="subtask-input"
          />
          <Button type="submit" size="small" pending={create.isPending} disabled={!title.trim()}>
            Add sub-task
          </Button>
        </form>
      )}
      {create.isError && <Alert>{messageOf(create.error)}</Alert>}
    </section>
  );
}
