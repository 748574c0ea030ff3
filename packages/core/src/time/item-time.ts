// An item's time: every entry on it (newest first, a running timer included) and the seconds logged
// by finished entries — what the plan-vs-actual meter fills toward the estimate. Any role.
import { listItemTimeEntries, type Executor, type TimeEntryRow } from '@rytask/db';
import { findItem } from '../items/item-view';
import type { Caller } from '../session';

export async function getItemTime(db: Executor, caller: Caller, itemId: string): Promise<{ entries: TimeEntryRow[]; loggedSeconds: number }> {
  const item = await findItem(db, caller, itemId);
  const entries = await listItemTimeEntries(db, caller.organization.id, item.id);
  return { entries, loggedSeconds: entries.reduce((sum, e) => sum + (e.endedAt ? e.seconds : 0), 0) };
}
