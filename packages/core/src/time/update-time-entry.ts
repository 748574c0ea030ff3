// Editing a time entry: its owner (MEMBER and above) or an OWNER/ADMIN. A finished entry may change
// its times, class and note; a running timer only its note (the rest is fixed when it stops). The
// rollup loses the entry's old pieces and gains the new ones in the same transaction.
import { addEntryToDayTotals, findTimeEntry, holdOrganizationTimeZone, updateTimeEntry as updateTimeEntryRow, type Database, type Executor, type TimeEntryRow } from '@rytask/db';
import { AppError } from '../errors';
import { assertCanChangeTimeEntry } from '../policies/time-entries';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';
import type { CreateTimeEntryInput } from './create-time-entry';
import { editedEntryTimes } from './entry-times';
import { itemInTrashForTime } from './timers';

export const timeEntryNotFound = () => new AppError('not_found', 'No such time entry.');

/** Looks the entry up in the caller's organization (404 otherwise), then checks who may change it. */
export async function findChangeableEntry(db: Executor, caller: Caller, entryId: string) {
  const entry = await findTimeEntry(db, caller.organization.id, entryId, { lock: true });
  if (!entry) throw timeEntryNotFound();
  assertRole(caller, 'MEMBER');
  assertCanChangeTimeEntry(caller, entry);
  return entry;
}

export async function updateTimeEntry(db: Database, caller: Caller, entryId: string, input: CreateTimeEntryInput): Promise<TimeEntryRow> {
  const organizationId = caller.organization.id;
  return db.transaction(async (tx) => {
    await holdOrganizationTimeZone(tx, organizationId);
    const entry = await findChangeableEntry(tx, caller, entryId);
    if (entry.item.deletedAt) throw itemInTrashForTime();
    if (!entry.endedAt) {
      const fixed = (['duration', 'date', 'startedAt', 'endedAt', 'classification'] as const).find((field) => input[field] !== undefined);
      if (fixed) throw new AppError('validation_failed', 'A running timer can only change its note. Stop it first, then edit the entry.', { field: fixed });
      if (input.note !== undefined) await updateTimeEntryRow(tx, entry.id, { note: input.note });
      return (await findTimeEntry(tx, organizationId, entry.id))!;
    }
    const times = await editedEntryTimes(tx, caller, { startedAt: entry.startedAt, endedAt: entry.endedAt }, input);
    await addEntryToDayTotals(tx, entry.id, -1);
    await updateTimeEntryRow(tx, entry.id, {
      ...times,
      ...(input.classification !== undefined ? { classification: input.classification } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    });
    await addEntryToDayTotals(tx, entry.id, 1);
    return (await findTimeEntry(tx, organizationId, entry.id))!;
  });
}
