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
/**
 * The priority's icon (drawn by CSS, items.css: one element, as a board shows hundreds), with its
 * name beside it (`withLabel`) or as the icon's accessible name.
 */
export function PriorityIcon({ priority, withLabel = false }: { priority: Priority; withLabel?: boolean }) {
  return withLabel ? (
    <span className={`priority priority--${priority}`}>{PRIORITY_LABEL[priority]}</span>
  ) : (
    <span className={`priority priority--${priority}`} role="img" aria-label={`${PRIORITY_LABEL[priority]} priority`} title={PRIORITY_LABEL[priority]} />
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
    <span className={`label-chip label-chip--${label.color}`}>{label.name}</span>
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
