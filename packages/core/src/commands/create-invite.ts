import { insertInvite, type Database, type InviteSummary } from '@rytask/db';
import type { CreateInviteRequest } from '@rytask/contracts';
import { assertMayChangeRole } from '../policies/members';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';
import { newToken } from '../tokens';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An invite link's token (returned here only; stored as its sha256) for a new member with `role`.
 * ADMIN and OWNER invite; only an OWNER invites an OWNER.
 */
export async function createInvite(
  db: Database,
  caller: Caller,
  input: CreateInviteRequest,
): Promise<{ invite: InviteSummary; token: string }> {
  assertRole(caller, 'ADMIN');
  assertMayChangeRole(caller, input.role, input.role);
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + (input.expiresInDays ?? 7) * DAY_MS);
  const email = input.email ?? null;
  const id = await insertInvite(db, {
    organizationId: caller.organization.id,
    role: input.role,
    tokenHash,
    email,
    createdBy: caller.user.id,
    expiresAt,
  });
  return {
    invite: { id, role: input.role, email, createdAt: new Date(), expiresAt, createdBy: { id: caller.user.id, name: caller.user.name } },
    token,
  };
}
