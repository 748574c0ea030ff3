// The per-project trash: deleting moves an item there (it keeps its number, which is never
// reused); restoring brings it back. Both are recorded in the activity. Sub-tasks stay as they are.
import { setItemTrashed, type Database } from '@rytask/db';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';
import { recordActivity } from './activity-values';
import { findItem, getItem, type ItemDetailView } from './item-view';

/** Idempotent: deleting an item already in the trash changes nothing. */
export async function trashItem(db: Database, caller: Caller, itemId: string): Promise<void> {
  await findItem(db, caller, itemId);
  assertRole(caller, 'MEMBER');
  await db.transaction(async (tx) => {
    if (!(await setItemTrashed(tx, itemId, caller.user.id))) return;
    await recordActivity(tx, [{ organizationId: caller.organization.id, itemId, actorId: caller.user.id, field: 'deleted' }]);
  });
}

/** Idempotent: restoring an item that is not in the trash changes nothing. */
export async function restoreItem(db: Database, caller: Caller, itemId: string): Promise<ItemDetailView> {
  await findItem(db, caller, itemId);
  assertRole(caller, 'MEMBER');
  await db.transaction(async (tx) => {
    if (!(await setItemTrashed(tx, itemId, null))) return;
    await recordActivity(tx, [{ organizationId: caller.organization.id, itemId, actorId: caller.user.id, field: 'restored' }]);
  });
  return getItem(db, caller, itemId);
}
