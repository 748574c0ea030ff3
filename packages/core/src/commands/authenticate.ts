import { findActiveAccessToken, findActiveSession, touchAccessToken, touchSession, type Database } from '@rytask/db';
import { AppError } from '../errors';
import { hashToken, looksLikeAccessToken } from '../tokens';
import { ACCESS_TOKEN_TOUCH_INTERVAL_MS, SESSION_TOUCH_INTERVAL_MS, SESSION_TTL_MS, type Caller } from '../session';

/**
 * Who is calling. A bearer token, when one is sent, is the only credential considered (never a
 * fallback to the cookie: bearer requests skip the CSRF check). Deactivated accounts and members
 * are refused either way.
 */
export async function authenticate(
  db: Database,
  credentials: { sessionToken?: string; bearerToken?: string },
): Promise<Caller> {
  if (credentials.bearerToken !== undefined) return authenticateAccessToken(db, credentials.bearerToken);
  const token = credentials.sessionToken;
  const row = token ? await findActiveSession(db, hashToken(token)) : undefined;
  if (!row) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (Date.now() - row.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await touchSession(db, row.sessionId, new Date(Date.now() + SESSION_TTL_MS));
  }
  return { via: 'session', sessionId: row.sessionId, scope: 'read_write', user: row.user, organization: row.organization, role: row.role };
}

async function authenticateAccessToken(db: Database, token: string): Promise<Caller> {
  const row = looksLikeAccessToken(token) ? await findActiveAccessToken(db, hashToken(token)) : undefined;
  if (!row) {
    throw new AppError('unauthenticated', 'This access token is not valid: it is unknown, revoked or expired, or its owner was deactivated.');
  }
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > ACCESS_TOKEN_TOUCH_INTERVAL_MS) {
    await touchAccessToken(db, row.tokenId, ACCESS_TOKEN_TOUCH_INTERVAL_MS);
  }
  return { via: 'token', tokenId: row.tokenId, scope: row.scope, user: row.user, organization: row.organization, role: row.role };
}
