import { listPendingInvites, type Database, type InviteSummary } from '@rytask/db';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';

/** Invites whose links still work (not accepted, revoked or expired). ADMIN and OWNER only. */
export function listInvites(db: Database, caller: Caller): Promise<InviteSummary[]> {
  assertRole(caller, 'ADMIN');
  return listPendingInvites(db, caller.organization.id);
}
