// Deleting a time entry for good (its owner, or an OWNER/ADMIN), a running timer included; its
// seconds leave the rollup in the same transaction. Works on items in the trash too.
import { addEntryToDayTotals, deleteTimeEntry as deleteTimeEntryRow, holdOrganizationTimeZone, type Database } from '@rytask/db';
import type { Caller } from '../session';
import { findChangeableEntry } from './update-time-entry';

export async function deleteTimeEntry(db: Database, caller: Caller, entryId: string): Promise<void> {
  const organizationId = caller.organization.id;
  await db.transaction(async (tx) => {
    await holdOrganizationTimeZone(tx, organizationId);
    const entry = await findChangeableEntry(tx, caller, entryId);
    await addEntryToDayTotals(tx, entry.id, -1);
    await deleteTimeEntryRow(tx, organizationId, entry.id);
  });
}
