// How item activity records values, so that history reads well after renames and deletions:
// people and statuses by id and name, labels as sorted names, parents by id and key.
import { enqueueNotificationDelivery, insertActivityRows, type ActivityInsert, type Executor, type LabelRow, type WorkPerson } from '@rytask/db';

export interface FieldChange {
  /** `description_mentions`: not a field but who a changed description newly mentions (`{ mentions: [userId] }`), for the inbox. */
  field: 'title' | 'description' | 'description_mentions' | 'status' | 'priority' | 'assignee' | 'labels' | 'estimate' | 'dueDate' | 'parent';
  oldValue: unknown;
  newValue: unknown;
}

export const personValue = (person: Pick<WorkPerson, 'id' | 'name'> | null) => (person ? { id: person.id, name: person.name } : null);

export const statusValue = (status: { id: string; name: string }) => ({ id: status.id, name: status.name });

/** Sorted the way label lists are (case-insensitive, code point order). */
export const labelNames = (labels: Pick<LabelRow, 'name'>[]) =>
  labels.map((l) => l.name).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));

export const sameIds = (a: { id: string }[], b: { id: string }[]) =>
  a.length === b.length && a.every((x) => b.some((y) => y.id === x.id));

/**
 * Writes activity rows in the caller's transaction and queues their delivery to inboxes in it
 * (the worker reads the rows; a rolled-back write queues nothing).
 */
export async function recordActivity(tx: Executor, rows: ActivityInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await insertActivityRows(tx, rows);
  await enqueueNotificationDelivery(tx);
}
