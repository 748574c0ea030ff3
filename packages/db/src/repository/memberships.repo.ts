import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { memberships, organizations, users } from '../schema';

export type MemberRole = (typeof memberships.$inferSelect)['role'];

/**
 * Where a sign-in lands: the active membership the user last signed in to or switched to, else the
 * oldest. Deactivated memberships never take part.
 */
export async function findLatestMembership(db: Executor, userId: string) {
  const [row] = await db
    .select({ organizationId: memberships.organizationId, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.deactivatedAt)))
    .orderBy(sql`${memberships.lastUsedAt} DESC NULLS LAST`, asc(memberships.createdAt))
    .limit(1);
  return row;
}

/** Records that the user just signed in to (or switched to) the organization. */
export async function markMembershipUsed(db: Executor, userId: string, organizationId: string): Promise<void> {
  await db
    .update(memberships)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)));
}

/** The organizations the user is an active member of, by name. */
export function listUserOrganizations(db: Executor, userId: string): Promise<{ id: string; name: string; slug: string; role: MemberRole }[]> {
  return db
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.deactivatedAt)))
    .orderBy(sql`lower(${organizations.name})`, asc(organizations.id));
}

export async function findMembership(db: Executor, userId: string, organizationId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)));
  return row;
}

export async function insertMembership(db: Executor, values: { organizationId: string; userId: string; role: MemberRole }): Promise<void> {
  await db.insert(memberships).values(values);
}

const memberColumns = {
  id: users.id,
  name: users.name,
  handle: users.handle,
  email: users.email,
  role: memberships.role,
  deactivatedAt: memberships.deactivatedAt,
};
export type MemberRow = { id: string; name: string; handle: string | null; email: string; role: MemberRole; deactivatedAt: Date | null };

/** Everyone in the organization, active or not, by name. */
export function listMembers(db: Executor, organizationId: string): Promise<MemberRow[]> {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(sql`lower(${users.name})`, asc(users.id));
}

/** One member of the organization; undefined for a user who is not (or is in another organization). */
export async function findMember(db: Executor, organizationId: string, userId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return row;
}

/**
 * Serializes changes to who holds which role in an organization (the last-owner rule reads, then
 * writes): lock the organization's row for the rest of the transaction.
 */
export async function lockOrganizationMembers(tx: Executor, organizationId: string): Promise<void> {
  await tx.execute(sql`SELECT 1 FROM ${organizations} WHERE ${organizations.id} = ${organizationId} FOR UPDATE`);
}

export async function countActiveOwners(db: Executor, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'OWNER'), isNull(memberships.deactivatedAt)));
  return row?.n ?? 0;
}

export async function updateMemberRole(db: Executor, organizationId: string, userId: string, role: MemberRole): Promise<void> {
  await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
}

/** Deactivates (keeps the first deactivation time) or, with `active`, reactivates a membership. */
export async function setMemberActive(db: Executor, organizationId: string, userId: string, active: boolean): Promise<void> {
  await db
    .update(memberships)
    .set({ deactivatedAt: active ? null : sql`coalesce(${memberships.deactivatedAt}, now())` })
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
}
