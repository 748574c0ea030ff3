import { and, eq, gt, lt, ne, sql, type Placeholder } from 'drizzle-orm';
import type { Executor } from '../client';
import { memberships, organizations, sessions, users } from '../schema';
import { preparedOn } from './prepared';

export async function insertSession(
  db: Executor,
  values: { tokenHash: string; userId: string; organizationId: string; expiresAt: Date; ip?: string; userAgent?: string },
): Promise<void> {
  await db.insert(sessions).values(values);
}

/** Who a request comes from: the columns a session or an access token resolves to. */
export const callerColumns = {
  user: {
    id: users.id,
    email: users.email,
    name: users.name,
    handle: users.handle,
    mustChangePassword: users.mustChangePassword,
  },
  organization: { id: organizations.id, name: organizations.name, slug: organizations.slug },
  role: memberships.role,
};

/** Both the account and its membership in the organization must be active. */
export const callerIsActive = sql`${users.deactivatedAt} IS NULL AND ${memberships.deactivatedAt} IS NULL`;

/** A live session with everything a request needs to know about its caller, in one query. */
export async function findActiveSession(db: Executor, tokenHash: string) {
  // Every request runs it: prepared once per database handle (prepared.ts).
  const statement = preparedOn(db, 'rytask_find_active_session', (root) => activeSessionQuery(root, sql.placeholder('tokenHash')).prepare('rytask_find_active_session'));
  const [row] = statement ? await statement.execute({ tokenHash }) : await activeSessionQuery(db, tokenHash);
  return row;
}

function activeSessionQuery(db: Executor, tokenHash: string | Placeholder) {
  return db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      ...callerColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, sessions.organizationId))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, sessions.userId), eq(memberships.organizationId, sessions.organizationId)),
    )
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`), callerIsActive));
}

export async function touchSession(db: Executor, sessionId: string, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: sql`now()`, expiresAt }).where(eq(sessions.id, sessionId));
}

export async function deleteSessionByTokenHash(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Sign out everywhere. */
export async function deleteUserSessions(db: Executor, userId: string): Promise<number> {
  const deleted = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return deleted.length;
}

/** Sign out everywhere else, e.g. after a password change. */
export async function deleteOtherSessions(db: Executor, userId: string, keepSessionId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)));
}

/** Sign a member out of one organization everywhere (deactivation). */
export async function deleteMemberSessions(db: Executor, userId: string, organizationId: string): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.organizationId, organizationId)))
    .returning({ id: sessions.id });
  return deleted.length;
}

export async function deleteExpiredSessions(db: Executor): Promise<number> {
  const deleted = await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`)).returning({ id: sessions.id });
  return deleted.length;
}
