import { countActiveOwners, findMember, lockOrganizationMembers, updateMemberRole, type Database, type MemberRow } from '@rytask/db';
import type { UpdateMemberRequest } from '@rytask/contracts';
import { AppError } from '../errors';
import { stopTimerOfFormerMember } from '../time/timers';
import { assertKeepsAnOwner, assertMayChangeRole } from '../policies/members';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';

/** A member made a viewer (who cannot track time) has a timer of theirs running here stopped and logged. */
export async function changeMemberRole(db: Database, caller: Caller, userId: string, input: UpdateMemberRequest): Promise<MemberRow> {
  const organizationId = caller.organization.id;
  const member = await db.transaction(async (tx) => {
    // Two owners demoting each other at once must not both succeed: one waits for the other.
    await lockOrganizationMembers(tx, organizationId);
    const target = await findMember(tx, organizationId, userId);
    if (!target) throw new AppError('not_found', 'No such member in this organization.');
    // After the lookup: another organization's id is 404 for every role, never 403.
    assertRole(caller, 'ADMIN');
    assertMayChangeRole(caller, target.role, input.role);
    if (target.role === input.role) return target;
    if (target.role === 'OWNER') assertKeepsAnOwner(target, await countActiveOwners(tx, organizationId));
    await updateMemberRole(tx, organizationId, userId, input.role);
    return { ...target, role: input.role };
  });
  // Its own transaction, after the members lock is released: timers lock the person before the organization.
  if (member.role === 'VIEWER') await stopTimerOfFormerMember(db, organizationId, userId);
  return member;
}
