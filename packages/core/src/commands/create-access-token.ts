import { insertAccessToken, type AccessTokenSummary, type Database } from '@rytask/db';
import type { CreateAccessTokenRequest } from '@rytask/contracts';
import { AppError } from '../errors';
import { assertSignedInSession } from '../policies/credentials';
import { hasRole } from '../policies/roles';
import type { Caller } from '../session';
import { newAccessToken } from '../tokens';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A personal access token for the caller in their organization. It acts with the caller's role
 * (read live at each request) within its scope. The token is returned here and never again.
 */
export async function createAccessToken(
  db: Database,
  caller: Caller,
  input: CreateAccessTokenRequest,
): Promise<AccessTokenSummary & { token: string }> {
  assertSignedInSession(caller, 'create access tokens');
  if (input.scope === 'read_write' && !hasRole(caller, 'MEMBER')) {
    throw new AppError('forbidden', 'Viewers can create read-only tokens only (scope "read").', { field: 'scope' });
  }
  const { token, tokenHash, prefix } = newAccessToken();
  const row = await insertAccessToken(db, {
    userId: caller.user.id,
    organizationId: caller.organization.id,
    name: input.name,
    tokenHash,
    prefix,
    scope: input.scope,
    expiresAt: input.expiresInDays === undefined ? null : new Date(Date.now() + input.expiresInDays * DAY_MS),
  });
  return { ...row, token };
}
