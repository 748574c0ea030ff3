import { findLatestMembership, findUserByEmail, insertSession, markMembershipUsed, type Database } from '@rytask/db';
import type { LoginRequest } from '@rytask/contracts';
import { AppError } from '../errors';
import { decoyPasswordHash, verifyPassword } from '../passwords';
import { newToken } from '../tokens';
import { SESSION_TTL_MS } from '../session';
import { guardPasswordCheck } from '../sign-in-guard';

const INVALID = 'That email and password do not match an account.';

export async function login(
  db: Database,
  input: LoginRequest & { ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const user = await findUserByEmail(db, input.email);
  const matches = await guardPasswordCheck(db, { email: input.email, ip: input.ip }, async () => {
    if (!user) {
      // An unknown email costs as long as a known one, and is throttled the same way.
      await verifyPassword(await decoyPasswordHash(), input.password);
      return false;
    }
    return (await verifyPassword(user.passwordHash, input.password)) && !user.deactivatedAt;
  });
  if (!matches || !user) throw new AppError('invalid_credentials', INVALID);
  const membership = await findLatestMembership(db, user.id);
  if (!membership) {
    throw new AppError(
      'forbidden',
      'This account has no active membership in any organization. Ask an owner or admin to invite you or to reactivate you.',
    );
  }
  return startSession(db, { userId: user.id, organizationId: membership.organizationId, ip: input.ip, userAgent: input.userAgent });
}

/**
 * A new session cookie token for the user in the organization (login, accepting an invite, switching
 * organization). The organization becomes the one the next sign-in opens.
 */
export async function startSession(
  db: Parameters<typeof insertSession>[0],
  values: { userId: string; organizationId: string; ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await insertSession(db, {
    tokenHash,
    userId: values.userId,
    organizationId: values.organizationId,
    expiresAt,
    ip: values.ip,
    userAgent: values.userAgent?.slice(0, 500),
  });
  await markMembershipUsed(db, values.userId, values.organizationId);
  return { token, expiresAt };
}
