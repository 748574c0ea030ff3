import {
  USER_EMAIL_KEY,
  USER_HANDLE_KEY,
  claimInvite,
  findMembership,
  findUsableInvite,
  findUserByEmail,
  insertMembership,
  insertUser,
  setInviteAcceptedBy,
  uniqueViolation,
  type Database,
  type User,
} from '@rytask/db';
import type { AcceptInviteRequest } from '@rytask/contracts';
import { AppError } from '../errors';
import { hashPassword, verifyPassword } from '../passwords';
import { guardPasswordCheck } from '../sign-in-guard';
import { hashToken } from '../tokens';
import { startSession } from './login';
import { INVITE_NOT_USABLE } from './preview-invite';

/**
 * Joins the invite's organization and signs in there. A new email gets a new account (name and
 * handle required); an email that has an account needs that account's password — checked under
 * sign-in protection — and only gains the membership.
 *
 * Single use: the invite is claimed with a conditional UPDATE inside the transaction that creates
 * the account, so of two concurrent accepts exactly one commits; a failed accept (handle taken…)
 * rolls the claim back and the link still works.
 */
export async function acceptInvite(
  db: Database,
  inviteToken: string,
  input: AcceptInviteRequest,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const tokenHash = hashToken(inviteToken);
  // Checked first so a dead link costs no password hashing.
  if (!(await findUsableInvite(db, tokenHash))) throw new AppError('not_found', INVITE_NOT_USABLE);

  const existing = await findUserByEmail(db, input.email);
  let passwordHash: string | undefined;
  if (existing) {
    await assertOwnsAccount(db, existing, input, meta.ip);
  } else {
    if (!input.name) throw new AppError('validation_failed', 'Enter your name.', { field: 'name' });
    if (!input.handle) throw new AppError('validation_failed', 'Pick a handle (what @mentions use).', { field: 'handle' });
    passwordHash = await hashPassword(input.password);
  }

  try {
    return await db.transaction(async (tx) => {
      const invite = await claimInvite(tx, tokenHash);
      if (!invite) throw new AppError('not_found', INVITE_NOT_USABLE);
      let userId: string;
      if (existing) {
        const membership = await findMembership(tx, existing.id, invite.organizationId);
        if (membership) {
          throw new AppError(
            'conflict',
            membership.deactivatedAt
              ? 'This account is a deactivated member of this organization. Ask an owner or admin to reactivate it.'
              : 'This account is already a member of this organization. Sign in instead.',
          );
        }
        userId = existing.id;
      } else {
        userId = await insertUser(tx, { email: input.email, name: input.name!, handle: input.handle!, passwordHash: passwordHash! });
      }
      await insertMembership(tx, { organizationId: invite.organizationId, userId, role: invite.role });
      await setInviteAcceptedBy(tx, invite.id, userId);
      return startSession(tx, { userId, organizationId: invite.organizationId, ip: meta.ip, userAgent: meta.userAgent });
    });
  } catch (error) {
    throw asConflict(error);
  }
}

async function assertOwnsAccount(db: Database, user: User, input: AcceptInviteRequest, ip: string | undefined): Promise<void> {
  const owns = await guardPasswordCheck(
    db,
    { email: input.email, ip },
    async () => (await verifyPassword(user.passwordHash, input.password)) && !user.deactivatedAt,
  );
  if (!owns) {
    throw new AppError(
      'invalid_credentials',
      "This email already has an account and that is not its password. Enter the account's password to join, or use another email.",
      { field: 'password' },
    );
  }
}

/** A race lost on a unique email, handle or membership reads as the conflict it is. */
function asConflict(error: unknown): unknown {
  const constraint = uniqueViolation(error);
  if (constraint === undefined) return error;
  if (constraint === USER_HANDLE_KEY) return new AppError('conflict', 'That handle is taken. Pick another one.', { field: 'handle' });
  if (constraint === USER_EMAIL_KEY) return new AppError('conflict', 'That email already has an account. Accept again with its password.', { field: 'email' });
  return new AppError('conflict', 'This account is already a member of this organization. Sign in instead.');
}
