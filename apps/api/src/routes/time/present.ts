// Time entries as the API answers with them (timeEntrySchema).
import type { TimeEntry } from '@rytask/contracts';
import type { TimeEntryRow } from '@rytask/db';

export function presentTimeEntry(entry: TimeEntryRow): TimeEntry {
  return {
    id: entry.id,
    item: { id: entry.item.id, key: entry.item.key, title: entry.item.title, projectId: entry.item.projectId },
    person: entry.person,
    startedAt: entry.startedAt.toISOString(),
    endedAt: entry.endedAt?.toISOString() ?? null,
    seconds: entry.seconds,
    classification: entry.classification,
    note: entry.note,
    kind: entry.kind,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  };
}
