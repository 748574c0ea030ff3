import type { Item, Priority, Project } from '@rytask/contracts';
import { useId, type ReactNode } from 'react';
import { Link } from 'wouter';
import { Button } from '../../../components/button';
import { formatExact, formatMinutes, formatWhen } from '../../../lib/format';
import { useWatch } from '../api/items';
import { useActiveMembers, useToday } from '../api/reference-data';
import type { useItemSave } from '../use-item-save';
import { ItemTimer } from '../../time/components/item-timer';
import { DeleteItemButton } from './delete-item-button';
import { EstimateField } from './estimate-field';
import { Avatar, DueChip, LabelChip, PRIORITIES, PRIORITY_LABEL, PriorityIcon } from './item-bits';
import { LabelPicker } from './label-picker';
import { ParentField } from './parent-field';

type Props = { item: Item; project: Project; editable: boolean; save: ReturnType<typeof useItemSave>['save'] };

/** The item's fields, each saved as soon as it changes. Viewers see the values only. */
export function ItemProperties({ item, project, editable, save }: Props) {
  const members = useActiveMembers();
  const today = useToday();
  const watch = useWatch();
  const statuses = [...project.statuses].sort((a, b) => a.position - b.position);
  const status = statuses.find((candidate) => candidate.id === item.statusId);
  const done = item.statusCategory === 'completed' || item.statusCategory === 'cancelled';

  return (
    <aside className="item-properties card" aria-label="Details" data-testid="item-properties">
      <dl className="properties">
        <Property label="Status">
          {(id) =>
            editable ? (
              <select id={id} className="select" value={item.statusId} onChange={(event) => void save({ statusId: event.target.value })}>
                {statuses.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            ) : (
              <span className="status-cell" data-testid="value-status">
                <span className={`status-dot status-dot--${item.statusCategory}`} aria-hidden="true" />
                {status?.name}
              </span>
            )
          }
        </Property>
        <Property label="Priority">
          {(id) =>
            editable ? (
              <select
                id={id}
                className="select"
                value={item.priority}
                onChange={(event) => void save({ priority: event.target.value as Priority })}
                data-testid="field-priority"
              >
                {PRIORITIES.map((priority) => (
                  <option key={priority} value={priority}>
                    {PRIORITY_LABEL[priority]}
                  </option>
                ))}
              </select>
            ) : (
              <PriorityIcon priority={item.priority} withLabel />
            )
          }
        </Property>
        <Property label="Assignee">
          {(id) =>
            editable ? (
              <select
                id={id}
                className="select"
                value={item.assignee?.id ?? ''}
                onChange={(event) => void save({ assigneeId: event.target.value || null })}
                data-testid="field-assignee"
              >
                <option value="">Unassigned</option>
                {item.assignee && !members.some((member) => member.id === item.assignee?.id) && (
                  <option value={item.assignee.id}>{item.assignee.name}</option>
                )}
                {members.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
            ) : item.assignee ? (
              <span className="person-cell">
                <Avatar person={item.assignee} />
                {item.assignee.name}
              </span>
            ) : (
              <span className="muted">Unassigned</span>
            )
          }
        </Property>
        <Property label="Labels" labelFor={false}>
          {() =>
            editable ? (
              <LabelPicker item={item} save={save} />
            ) : item.labels.length ? (
              <span className="chip-row">
                {item.labels.map((label) => (
                  <LabelChip key={label.id} label={label} />
                ))}
              </span>
            ) : (
              <span className="muted">None</span>
            )
          }
        </Property>
        <Property label="Estimate">
          {(id) =>
            editable ? (
              <EstimateField id={id} item={item} save={save} />
            ) : item.estimateMinutes ? (
              formatMinutes(item.estimateMinutes)
            ) : (
              <span className="muted">None</span>
            )
          }
        </Property>
        <Property label="Logged" labelFor={false}>
          {() => <ItemTimer item={item} editable={editable} />}
        </Property>
        <Property label="Due date">
          {(id) =>
            editable ? (
              <span className="inline-field">
                <input
                  id={id}
                  type="date"
                  className="select"
                  value={item.dueDate ?? ''}
                  onChange={(event) => void save({ dueDate: event.target.value || null })}
                  data-testid="field-due"
                />
                {item.dueDate && <DueChip dueDate={item.dueDate} today={today} done={done} />}
              </span>
            ) : item.dueDate ? (
              <DueChip dueDate={item.dueDate} today={today} done={done} />
            ) : (
              <span className="muted">None</span>
            )
          }
        </Property>
        <Property label="Parent">
          {(id) =>
            editable ? (
              <ParentField id={id} item={item} save={save} />
            ) : item.parent ? (
              <Link href={`/items/${item.parent.key}`}>
                {item.parent.key} {item.parent.title}
              </Link>
            ) : (
              <span className="muted">None</span>
            )
          }
        </Property>
      </dl>

      {editable && (
        <div className="item-properties__actions">
          <Button
            size="small"
            onClick={() => watch.mutate({ item, watch: !item.watching })}
            pending={watch.isPending}
            data-testid="watch-toggle"
          >
            {/* The label says the state; hovering or focusing tells what a click does. */}
            <span title={item.watching ? 'Stop watching: no more notifications about this item' : 'Get notified about comments and status changes'}>
              {item.watching ? 'Watching' : 'Watch'}
            </span>
          </Button>
          <DeleteItemButton item={item} project={project} />
        </div>
      )}

      <p className="item-properties__meta">
        Created <span title={formatExact(item.createdAt)}>{formatWhen(item.createdAt)}</span>
        {item.createdBy && <> by {item.createdBy.name}</>}
        {item.source !== 'web' && <> via {item.source.toUpperCase()}</>}
        . Updated <span title={formatExact(item.updatedAt)}>{formatWhen(item.updatedAt)}</span>.
      </p>
    </aside>
  );
}

type PropertyProps = { label: string; labelFor?: boolean; children: (id: string) => ReactNode };

function Property({ label, labelFor = true, children }: PropertyProps) {
  const id = useId();
  return (
    <div className="property">
      <dt className="property__label">{labelFor ? <label htmlFor={id}>{label}</label> : label}</dt>
      <dd className="property__value" data-testid={`property-${label.toLowerCase().replace(/\s/g, '-')}`}>
        {children(id)}
      </dd>
    </div>
  );
}

