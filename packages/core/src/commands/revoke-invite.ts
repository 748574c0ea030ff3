import { findInvite, revokeInvite as revoke, type Database } from '@rytask/db';
import { AppError } from '../errors';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';

/** The link stops working. Revoking twice (or an expired invite) is fine; an accepted one is not. */
export async function revokeInvite(db: Database, caller: Caller, id: string): Promise<void> {
  const invite = await findInvite(db, caller.organization.id, id);
  if (!invite) throw new AppError('not_found', 'No such invite.');
  // After the lookup: another organization's id is 404 for every role, never 403.
  assertRole(caller, 'ADMIN');
  if (invite.acceptedAt) {
    throw new AppError('conflict', 'This invite was already accepted. To remove that person, deactivate them in Members.');
  }
  await revoke(db, caller.organization.id, id);
}
