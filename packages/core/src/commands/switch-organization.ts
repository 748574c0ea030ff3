// A person in several organizations works in one at a time: the session belongs to one organization.
// Switching starts a session in the other one (a new cookie) and ends the current one; the next
// sign-in opens the organization switched to last.
import { deleteSession, findMembership, listUserOrganizations, type Database } from '@rytask/db';
import type { MyOrganization } from '@rytask/contracts';
import { AppError } from '../errors';
import { assertSignedInSession } from '../policies/credentials';
import type { Caller } from '../session';
import { startSession } from './login';

/** The organizations the caller is an active member of, the current one marked. */
export async function listMyOrganizations(db: Database, caller: Caller): Promise<MyOrganization[]> {
  const rows = await listUserOrganizations(db, caller.user.id);
  return rows.map((row) => ({ ...row, current: row.id === caller.organization.id }));
}

/**
 * Moves the caller's session to another organization they are an active member of. Another
 * organization, one they were deactivated in, or one that does not exist all answer 404 alike.
 */
export async function switchOrganization(
  db: Database,
  caller: Caller,
  input: { organizationId: string },
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  assertSignedInSession(caller, 'switch organization (a token belongs to one organization)');
  const membership = await findMembership(db, caller.user.id, input.organizationId);
  if (!membership || membership.deactivatedAt) {
    throw new AppError('not_found', 'You are not a member of that organization. Ask one of its owners or admins for an invite.');
  }
  return db.transaction(async (tx) => {
    const session = await startSession(tx, { userId: caller.user.id, organizationId: input.organizationId, ...meta });
    await deleteSession(tx, caller.sessionId);
    return session;
  });
}
