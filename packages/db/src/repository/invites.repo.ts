import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { invites, organizations, users } from '../schema';
import type { MemberRole } from './memberships.repo';

export type InviteSummary = {
  id: string;
  role: MemberRole;
  email: string | null;
  createdAt: Date;
  expiresAt: Date;
  createdBy: { id: string; name: string } | null;
};

/** Not accepted, not revoked, not expired: an invite whose link still works. */
const usable = sql`${invites.acceptedAt} IS NULL AND ${invites.revokedAt} IS NULL AND ${invites.expiresAt} > now()`;

export async function insertInvite(
  db: Executor,
  values: { organizationId: string; role: MemberRole; tokenHash: string; email: string | null; createdBy: string; expiresAt: Date },
): Promise<string> {
  const [row] = await db.insert(invites).values(values).returning({ id: invites.id });
  return row!.id;
}

/** The organization's pending invites, newest first. */
export async function listPendingInvites(db: Executor, organizationId: string): Promise<InviteSummary[]> {
  const rows = await db
    .select({
      id: invites.id,
      role: invites.role,
      email: invites.email,
      createdAt: invites.createdAt,
      expiresAt: invites.expiresAt,
      creatorId: users.id,
      creatorName: users.name,
    })
    .from(invites)
    .leftJoin(users, eq(users.id, invites.createdBy))
    .where(and(eq(invites.organizationId, organizationId), usable))
    .orderBy(desc(invites.createdAt), desc(invites.id));
  return rows.map(({ creatorId, creatorName, ...invite }) => ({
    ...invite,
    createdBy: creatorId && creatorName !== null ? { id: creatorId, name: creatorName } : null,
  }));
}

export async function findInvite(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select({ id: invites.id, acceptedAt: invites.acceptedAt })
    .from(invites)
    .where(and(eq(invites.organizationId, organizationId), eq(invites.id, id)));
  return row;
}

/** Revokes a not-yet-accepted invite (keeping the first revocation time). */
export async function revokeInvite(db: Executor, organizationId: string, id: string): Promise<void> {
  await db
    .update(invites)
    .set({ revokedAt: sql`coalesce(${invites.revokedAt}, now())` })
    .where(and(eq(invites.organizationId, organizationId), eq(invites.id, id), isNull(invites.acceptedAt)));
}

/** A usable invite by its link's token hash, with what the invite page shows. */
export async function findUsableInvite(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({
      id: invites.id,
      organizationId: invites.organizationId,
      organizationName: organizations.name,
      role: invites.role,
      expiresAt: invites.expiresAt,
    })
    .from(invites)
    .innerJoin(organizations, eq(organizations.id, invites.organizationId))
    .where(and(eq(invites.tokenHash, tokenHash), usable));
  return row;
}

/**
 * Marks a usable invite accepted and returns it, or nothing when it is not usable (any more).
 * Single use, atomically: a concurrent claim waits on the row lock, then finds it accepted.
 */
export async function claimInvite(tx: Executor, tokenHash: string) {
  const [row] = await tx
    .update(invites)
    .set({ acceptedAt: sql`now()` })
    .where(and(eq(invites.tokenHash, tokenHash), usable))
    .returning({ id: invites.id, organizationId: invites.organizationId, role: invites.role });
  return row;
}

export async function setInviteAcceptedBy(tx: Executor, id: string, userId: string): Promise<void> {
  await tx.update(invites).set({ acceptedBy: userId }).where(eq(invites.id, id));
}

