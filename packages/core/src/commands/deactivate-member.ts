import {
  countActiveOwners,
  deleteMemberAccessTokens,
  deleteMemberSessions,
  findMember,
  lockOrganizationMembers,
  setMemberActive,
  type Database,
  type MemberRow,
} from '@rytask/db';
import { AppError } from '../errors';
import { stopTimerOfFormerMember } from '../time/timers';
import { assertKeepsAnOwner, assertMayChangeActivation } from '../policies/members';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';

/**
 * The member can no longer sign in to or call this organization: their sessions and access tokens
 * here are deleted (their history stays), and a timer of theirs running here is stopped and logged
 * right after. Deactivating a deactivated member changes nothing.
 */
export async function deactivateMember(db: Database, caller: Caller, userId: string): Promise<MemberRow> {
  const organizationId = caller.organization.id;
  const member = await db.transaction(async (tx) => {
    await lockOrganizationMembers(tx, organizationId);
    const target = await findMember(tx, organizationId, userId);
    if (!target) throw new AppError('not_found', 'No such member in this organization.');
    // After the lookup: another organization's id is 404 for every role, never 403.
    assertRole(caller, 'ADMIN');
    assertMayChangeActivation(caller, target);
    if (target.deactivatedAt) return target;
    assertKeepsAnOwner(target, await countActiveOwners(tx, organizationId));
    await setMemberActive(tx, organizationId, userId, false);
    await deleteMemberSessions(tx, userId, organizationId);
    await deleteMemberAccessTokens(tx, userId, organizationId);
    const updated = await findMember(tx, organizationId, userId);
    return updated!;
  });
  // Its own transaction, after the members lock is released: timers lock the person before the organization.
  await stopTimerOfFormerMember(db, organizationId, userId);
  return member;
}
