// Logging time by hand: the caller's own entry on an item (MEMBER and above), from a duration on a
// day or a start and an end. Its class is the one chosen, else the item's priority decides
// (urgent → interruption, else planned). The rollup gets it in the same transaction.
import type { TimeClass } from '@rytask/contracts';
import { addEntryToDayTotals, findTimeEntry, holdOrganizationTimeZone, insertTimeEntry, type Database, type TimeEntryRow } from '@rytask/db';
import { findItem } from '../items/item-view';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';
import { newEntryTimes, type EntryTimesInput } from './entry-times';
import { itemInTrashForTime } from './timers';

export type CreateTimeEntryInput = EntryTimesInput & { classification?: TimeClass; note?: string };

/** The class time on an item gets unless someone chooses: urgent work is an interruption. */
export const defaultTimeClass = (item: { priority: string }): TimeClass => (item.priority === 'urgent' ? 'interruption' : 'planned');

export async function createTimeEntry(db: Database, caller: Caller, itemId: string, input: CreateTimeEntryInput): Promise<TimeEntryRow> {
  const item = await findItem(db, caller, itemId);
  assertRole(caller, 'MEMBER');
  if (item.deletedAt) throw itemInTrashForTime();
  const times = await newEntryTimes(db, caller, input);
  const organizationId = caller.organization.id;
  return db.transaction(async (tx) => {
    await holdOrganizationTimeZone(tx, organizationId);
    const id = await insertTimeEntry(tx, {
      organizationId,
      itemId: item.id,
      userId: caller.user.id,
      ...times,
      classification: input.classification ?? defaultTimeClass(item),
      note: input.note ?? '',
    });
    await addEntryToDayTotals(tx, id, 1);
    return (await findTimeEntry(tx, organizationId, id))!;
  });
}
