import { findMember, lockOrganizationMembers, setMemberActive, type Database, type MemberRow } from '@rytask/db';
import { AppError } from '../errors';
import { assertMayChangeActivation } from '../policies/members';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';

/** The member may sign in again, with the role they had. They create new tokens themselves. */
export async function reactivateMember(db: Database, caller: Caller, userId: string): Promise<MemberRow> {
  const organizationId = caller.organization.id;
  return db.transaction(async (tx) => {
    await lockOrganizationMembers(tx, organizationId);
    const target = await findMember(tx, organizationId, userId);
    if (!target) throw new AppError('not_found', 'No such member in this organization.');
    // After the lookup: another organization's id is 404 for every role, never 403.
    assertRole(caller, 'ADMIN');
    assertMayChangeActivation(caller, target);
    if (!target.deactivatedAt) return target;
    await setMemberActive(tx, organizationId, userId, true);
    return { ...target, deactivatedAt: null };
  });
}
