import type { Label, PersonRef, Priority, StatusCategory } from '@rytask/contracts';
import { dueState, formatDue, formatMinutes, initialsOf } from '../../../lib/format';

export const PRIORITIES: Priority[] = ['urgent', 'high', 'medium', 'low', 'none'];
export const PRIORITY_LABEL: Record<Priority, string> = {
  urgent: 'Urgent',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: 'No priority',
};

export const STATUS_CATEGORIES: StatusCategory[] = ['backlog', 'unstarted', 'started', 'completed', 'cancelled'];
export const CATEGORY_LABEL: Record<StatusCategory, string> = {
  backlog: 'Backlog',
  unstarted: 'Not started',
  started: 'In progress',
  completed: 'Done',
  cancelled: 'Cancelled',
};

/** Bars that fill with urgency; urgent is an exclamation mark. Shape, not colour alone, carries it. */
export function PriorityIcon({ priority, withLabel = false }: { priority: Priority; withLabel?: boolean }) {
  const bars = { urgent: 4, high: 3, medium: 2, low: 1, none: 0 }[priority];
  return (
    <span className={`priority priority--${priority}`} title={PRIORITY_LABEL[priority]}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="priority__icon">
        {priority === 'urgent' ? (
          <>
            <rect x="1" y="1" width="14" height="14" rx="3" className="priority__urgent" />
            <path d="M8 4v5M8 11.5v.5" className="priority__mark" />
          </>
        ) : priority === 'none' ? (
          <path d="M3 8h2M7 8h2M11 8h2" className="priority__dash" />
        ) : (
          [0, 1, 2].map((index) => (
            <rect
              key={index}
              x={2 + index * 4.5}
              y={10 - index * 3}
              width="3"
              height={4 + index * 3}
              rx="1"
              className={index < bars ? 'priority__bar priority__bar--on' : 'priority__bar'}
            />
          ))
        )}
      </svg>
      {withLabel ? <span>{PRIORITY_LABEL[priority]}</span> : <span className="visually-hidden">{PRIORITY_LABEL[priority]} priority</span>}
    </span>
  );
}

export function Avatar({ person, size = 'small' }: { person: PersonRef | null; size?: 'small' | 'medium' }) {
  if (!person) {
    return (
      <span className={`avatar avatar--${size} avatar--empty`} title="Unassigned" aria-label="Unassigned" role="img" />
    );
  }
  return (
    <span className={`avatar avatar--${size}`} title={person.name} role="img" aria-label={person.name}>
      {initialsOf(person.name, person.handle ?? '?')}
    </span>
  );
}

export function LabelChip({ label }: { label: Label }) {
  return (
    <span className={`label-chip label-chip--${label.color}`}>
      <span className="label-chip__dot" aria-hidden="true" />
      {label.name}
    </span>
  );
}

export function DueChip({ dueDate, today, done }: { dueDate: string; today: string; done?: boolean }) {
  const state = done ? 'later' : dueState(dueDate, today);
  const text = formatDue(dueDate, today);
  return (
    <span className={`due-chip due-chip--${state}`} title={`Due ${dueDate}`}>
      {state === 'overdue' ? `Overdue · ${text}` : `Due ${text === 'Today' || text === 'Tomorrow' ? text.toLowerCase() : text}`}
    </span>
  );
}

export function EstimateChip({ minutes }: { minutes: number }) {
  return (
    <span className="estimate-chip" title="Estimate">
      {formatMinutes(minutes)}
    </span>
  );
}
