import { findActiveAccessToken, findActiveSession, touchAccessToken, touchSession, type Database } from '@rytask/db';
import { AppError } from '../errors';
import { hashToken, looksLikeAccessToken } from '../tokens';
import { ACCESS_TOKEN_TOUCH_INTERVAL_MS, SESSION_TOUCH_INTERVAL_MS, SESSION_TTL_MS, type Caller } from '../session';

/**
 * Where authentication may keep what it looked up between requests (the api's read cache): the
 * value under `key`, else `load()`'s. Rows come back as loaded, so expiry is checked again on each use.
 */
export type LookupCache = <T>(key: string, load: () => Promise<T | undefined>) => Promise<T | undefined>;

const uncached: LookupCache = (_key, load) => load();

/**
 * Who is calling. A bearer token, when one is sent, is the only credential considered (never a
 * fallback to the cookie: bearer requests skip the CSRF check). Deactivated accounts and members
 * are refused either way.
 */
export async function authenticate(
  db: Database,
  credentials: { sessionToken?: string; bearerToken?: string },
  cache: LookupCache = uncached,
): Promise<Caller> {
  if (credentials.bearerToken !== undefined) return authenticateAccessToken(db, credentials.bearerToken, cache);
  const token = credentials.sessionToken;
  const tokenHash = token ? hashToken(token) : undefined;
  const row = tokenHash ? await cache(`session:${tokenHash}`, () => findActiveSession(db, tokenHash)) : undefined;
  const now = Date.now();
  if (!row || row.expiresAt.getTime() <= now) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (now - row.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    const expiresAt = new Date(now + SESSION_TTL_MS);
    await touchSession(db, row.sessionId, expiresAt);
    Object.assign(row, { lastSeenAt: new Date(now), expiresAt });
  }
  return { via: 'session', sessionId: row.sessionId, scope: 'read_write', user: row.user, organization: row.organization, role: row.role };
}

async function authenticateAccessToken(db: Database, token: string, cache: LookupCache): Promise<Caller> {
  const tokenHash = looksLikeAccessToken(token) ? hashToken(token) : undefined;
  const row = tokenHash ? await cache(`token:${tokenHash}`, () => findActiveAccessToken(db, tokenHash)) : undefined;
  const now = Date.now();
  if (!row || (row.expiresAt && row.expiresAt.getTime() <= now)) {
    throw new AppError('unauthenticated', 'This access token is not valid: it is unknown, revoked or expired, or its owner was deactivated.');
  }
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > ACCESS_TOKEN_TOUCH_INTERVAL_MS) {
    await touchAccessToken(db, row.tokenId, ACCESS_TOKEN_TOUCH_INTERVAL_MS);
    row.lastUsedAt = new Date(now);
  }
  return { via: 'token', tokenId: row.tokenId, scope: row.scope, user: row.user, organization: row.organization, role: row.role };
}
