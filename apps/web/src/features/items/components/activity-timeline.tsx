import type { Activity, Item, Project } from '@rytask/contracts';
import { formatExact, formatMinutes, formatWhen } from '../../../lib/format';
import { useActivity } from '../api/items';
import { PRIORITY_LABEL } from './item-bits';

/** The item's history, newest last: who changed what, when. */
export function ActivityTimeline({ item, project }: { item: Item; project: Project }) {
  const activity = useActivity(item.id);
  // Who a description newly mentions is for the inbox; the history already says the description changed.
  const entries = activity.data?.filter((entry) => entry.field !== 'description_mentions') ?? [];
  if (entries.length === 0) return null;
  return (
    <section className="item-section" aria-labelledby="activity-heading" data-testid="activity">
      <h2 className="item-section__title" id="activity-heading">
        Activity
      </h2>
      <ol className="timeline">
        {entries.map((entry) => (
          <li key={entry.id} className="timeline__entry">
            <span className="timeline__dot" aria-hidden="true" />
            <span>
              <strong>{entry.actor?.name ?? 'Someone'}</strong> {describe(entry, project)}{' '}
              <span className="muted" title={formatExact(entry.createdAt)}>
                · {formatWhen(entry.createdAt)}
              </span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Activity values are plain JSON: names or {id, name} for people and statuses, names for labels. */
function show(value: unknown, field: string, project: Project): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (Array.isArray(value)) return value.length ? value.map((entry) => show(entry, field, project)).join(', ') : 'none';
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.name === 'string') return record.name;
    if (typeof record.key === 'string') return record.key;
    return 'something';
  }
  if (field === 'priority' && typeof value === 'string' && value in PRIORITY_LABEL) {
    return PRIORITY_LABEL[value as keyof typeof PRIORITY_LABEL];
  }
  if (field === 'estimate' && typeof value === 'number') return formatMinutes(value);
  if (field === 'status' && typeof value === 'string') {
    return project.statuses.find((status) => status.id === value)?.name ?? value;
  }
  return String(value);
}

const FIELD_NAMES: Record<string, string> = {
  title: 'title',
  status: 'status',
  priority: 'priority',
  assignee: 'assignee',
  labels: 'labels',
  estimate: 'estimate',
  dueDate: 'due date',
  parent: 'parent',
};

function describe(entry: Activity, project: Project): string {
  const { field, oldValue, newValue } = entry;
  switch (field) {
    case 'created':
      return 'created the item';
    case 'deleted':
      return 'moved it to the trash';
    case 'restored':
      return 'restored it from the trash';
    case 'comment':
      return 'commented';
    case 'comment_edited':
      return 'edited a comment';
    case 'description':
      return 'changed the description';
    case 'title':
      return `renamed it to “${show(newValue, field, project)}”`;
    default: {
      const name = FIELD_NAMES[field] ?? field;
      if (oldValue === null || oldValue === undefined || (Array.isArray(oldValue) && oldValue.length === 0)) {
        return `set ${name} to ${show(newValue, field, project)}`;
      }
      if (newValue === null || newValue === undefined || (Array.isArray(newValue) && newValue.length === 0)) {
        return `removed ${name} ${show(oldValue, field, project)}`;
      }
      return `changed ${name} from ${show(oldValue, field, project)} to ${show(newValue, field, project)}`;
    }
  }
}
