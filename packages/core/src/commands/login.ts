import { findPrimaryMembership, findUserByEmail, insertSession, type Database } from '@rytask/db';
import type { LoginRequest } from '@rytask/contracts';
import { AppError } from '../errors';
import { decoyPasswordHash, verifyPassword } from '../passwords';
import { newToken } from '../tokens';
import { SESSION_TTL_MS } from '../session';

const INVALID = 'That email and password do not match an account.';

export async function login(
  db: Database,
  input: LoginRequest & { ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const user = await findUserByEmail(db, input.email);
  if (!user) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    throw new AppError('invalid_credentials', INVALID);
  }
  if (!(await verifyPassword(user.passwordHash, input.password)) || user.deactivatedAt) {
    throw new AppError('invalid_credentials', INVALID);
  }
  const membership = await findPrimaryMembership(db, user.id);
  if (!membership) {
    throw new AppError('forbidden', 'This account does not belong to any organization. Ask an owner to invite you.');
  }
  const { token, tokenHash } = newToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await insertSession(db, {
    tokenHash,
    userId: user.id,
    organizationId: membership.organizationId,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 500),
  });
  return { token, expiresAt };
}
