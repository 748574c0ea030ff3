// Watching an item (its comments and status changes reach the watcher's inbox), and its history.
import { addWatchers, listActivityRows, removeWatcher, type ActivityRow, type Database } from '@rytask/db';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';
import { findItem } from './item-view';

export async function setWatching(db: Database, caller: Caller, itemId: string, watching: boolean): Promise<void> {
  await findItem(db, caller, itemId);
  // Viewers are read-only, watching included (it changes what the item records).
  assertRole(caller, 'MEMBER');
  if (watching) await addWatchers(db, itemId, [caller.user.id]);
  else await removeWatcher(db, itemId, caller.user.id);
}

/** Oldest first. */
export async function listItemActivity(db: Database, caller: Caller, itemId: string): Promise<ActivityRow[]> {
  await findItem(db, caller, itemId);
  return listActivityRows(db, caller.organization.id, itemId);
}
