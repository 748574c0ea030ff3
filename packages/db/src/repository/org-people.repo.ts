// What the work use cases need to know about an organization: its people (for assignees,
// mentions and quick-add) and its calendar settings (time zone, week start, working day).
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../client';
import { memberships, organizations, users } from '../schema';
import type { WorkPerson } from './work-shared';

export type { WorkPerson } from './work-shared';

export interface OrganizationPerson extends WorkPerson {
  email: string;
  /** Neither the membership nor the account is deactivated. */
  active: boolean;
}

/** Every member of the organization, deactivated ones included (their old mentions still link). */
export async function listOrganizationPeople(db: Executor, organizationId: string): Promise<OrganizationPerson[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      handle: users.handle,
      email: users.email,
      membershipDeactivatedAt: memberships.deactivatedAt,
      userDeactivatedAt: users.deactivatedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId));
  return rows.map(({ membershipDeactivatedAt, userDeactivatedAt, ...person }) => ({
    ...person,
    active: membershipDeactivatedAt === null && userDeactivatedAt === null,
  }));
}

/** The person if they are an active member of the organization (who may be assigned work). */
export async function findActiveMember(db: Executor, organizationId: string, userId: string): Promise<WorkPerson | undefined> {
  const [row] = await db
    .select({ id: users.id, name: users.name, handle: users.handle })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.userId, userId),
        isNull(memberships.deactivatedAt),
        isNull(users.deactivatedAt),
      ),
    );
  return row;
}

export async function findOrganizationCalendar(db: Executor, organizationId: string) {
  const [row] = await db
    .select({
      timeZone: organizations.timeZone,
      weekStart: organizations.weekStart,
      workingMinutesPerDay: organizations.workingMinutesPerDay,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row;
}
