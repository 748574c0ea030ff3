import { findActiveSession, touchSession, type Database } from '@rytask/db';
import { AppError } from '../errors';
import { hashToken } from '../tokens';
import { SESSION_TOUCH_INTERVAL_MS, SESSION_TTL_MS, type Caller } from '../session';

export async function authenticate(db: Database, token: string | undefined): Promise<Caller> {
  const row = token ? await findActiveSession(db, hashToken(token)) : undefined;
  if (!row) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (Date.now() - row.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await touchSession(db, row.sessionId, new Date(Date.now() + SESSION_TTL_MS));
  }
  return { sessionId: row.sessionId, user: row.user, organization: row.organization, role: row.role };
}
