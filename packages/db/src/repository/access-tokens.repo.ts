import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { accessTokens, memberships, organizations, users } from '../schema';
import { callerColumns, callerIsActive } from './sessions.repo';

export type AccessTokenRow = typeof accessTokens.$inferSelect;
/** What may leave the repository for presentation: never the hash. */
export type AccessTokenSummary = Omit<AccessTokenRow, 'tokenHash' | 'userId' | 'organizationId' | 'revokedAt'>;

const summaryColumns = {
  id: accessTokens.id,
  name: accessTokens.name,
  prefix: accessTokens.prefix,
  scope: accessTokens.scope,
  createdAt: accessTokens.createdAt,
  lastUsedAt: accessTokens.lastUsedAt,
  expiresAt: accessTokens.expiresAt,
};

export async function insertAccessToken(
  db: Executor,
  values: { userId: string; organizationId: string; name: string; tokenHash: string; prefix: string; scope: AccessTokenRow['scope']; expiresAt: Date | null },
): Promise<AccessTokenSummary> {
  const [row] = await db.insert(accessTokens).values(values).returning(summaryColumns);
  return row!;
}

/** A usable token (not revoked, not expired, its owner and membership active) and its caller. */
export async function findActiveAccessToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ tokenId: accessTokens.id, scope: accessTokens.scope, expiresAt: accessTokens.expiresAt, lastUsedAt: accessTokens.lastUsedAt, ...callerColumns })
    .from(accessTokens)
    .innerJoin(users, eq(users.id, accessTokens.userId))
    .innerJoin(organizations, eq(organizations.id, accessTokens.organizationId))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, accessTokens.userId), eq(memberships.organizationId, accessTokens.organizationId)),
    )
    .where(
      and(
        eq(accessTokens.tokenHash, tokenHash),
        isNull(accessTokens.revokedAt),
        sql`(${accessTokens.expiresAt} IS NULL OR ${accessTokens.expiresAt} > now())`,
        callerIsActive,
      ),
    );
  return row;
}

/** Records use, at most once per `intervalMs` even when requests race. */
export async function touchAccessToken(db: Executor, id: string, intervalMs: number): Promise<void> {
  await db
    .update(accessTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(accessTokens.id, id),
        sql`(${accessTokens.lastUsedAt} IS NULL OR ${accessTokens.lastUsedAt} < now() - ${intervalMs}::float8 * interval '1 millisecond')`,
      ),
    );
}

/** A person's tokens in one organization, newest first; revoked ones are gone from the list. */
export function listAccessTokens(db: Executor, userId: string, organizationId: string): Promise<AccessTokenSummary[]> {
  return db
    .select(summaryColumns)
    .from(accessTokens)
    .where(and(eq(accessTokens.userId, userId), eq(accessTokens.organizationId, organizationId), isNull(accessTokens.revokedAt)))
    .orderBy(desc(accessTokens.createdAt), desc(accessTokens.id));
}

/** Revokes one of the person's own tokens; false when there is no such token of theirs. Idempotent. */
export async function revokeAccessToken(db: Executor, id: string, userId: string, organizationId: string): Promise<boolean> {
  const rows = await db
    .update(accessTokens)
    .set({ revokedAt: sql`coalesce(${accessTokens.revokedAt}, now())` })
    .where(and(eq(accessTokens.id, id), eq(accessTokens.userId, userId), eq(accessTokens.organizationId, organizationId)))
    .returning({ id: accessTokens.id });
  return rows.length > 0;
}

/** Deactivation: the member's tokens for this organization stop existing. */
export async function deleteMemberAccessTokens(db: Executor, userId: string, organizationId: string): Promise<number> {
  const rows = await db
    .delete(accessTokens)
    .where(and(eq(accessTokens.userId, userId), eq(accessTokens.organizationId, organizationId)))
    .returning({ id: accessTokens.id });
  return rows.length;
}
