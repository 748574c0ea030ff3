import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../client';
import { memberships, organizations } from '../schema';

/** The user's first membership (oldest): where a login lands until organization switching exists. */
export async function findPrimaryMembership(db: Executor, userId: string) {
  const [row] = await db
    .select({ organizationId: memberships.organizationId, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  return row;
}

export async function findMembership(db: Executor, userId: string, organizationId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)));
  return row;
}
