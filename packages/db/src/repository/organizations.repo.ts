import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { organizations } from '../schema';

const settingsColumns = {
  id: organizations.id,
  name: organizations.name,
  slug: organizations.slug,
  timeZone: organizations.timeZone,
  weekStart: organizations.weekStart,
  workingMinutesPerDay: organizations.workingMinutesPerDay,
};
export type OrganizationSettingsRow = { id: string; name: string; slug: string; timeZone: string; weekStart: number; workingMinutesPerDay: number };

/** `lock`: held for an update until the transaction ends (a time zone change compares old and new under it). */
export async function findOrganizationSettings(db: Executor, id: string, options: { lock?: boolean } = {}): Promise<OrganizationSettingsRow | undefined> {
  const query = db.select(settingsColumns).from(organizations).where(eq(organizations.id, id));
  const [row] = await (options.lock ? query.for('no key update') : query);
  return row;
}

export async function updateOrganizationSettings(
  db: Executor,
  id: string,
  changes: Partial<Pick<OrganizationSettingsRow, 'name' | 'timeZone' | 'weekStart' | 'workingMinutesPerDay'>>,
): Promise<OrganizationSettingsRow | undefined> {
  const [row] = await db
    .update(organizations)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(organizations.id, id))
    .returning(settingsColumns);
  return row;
}

/** Whether PostgreSQL knows the zone (reports convert with AT TIME ZONE, so it must). */
export async function isTimeZoneKnownToDatabase(db: Executor, timeZone: string): Promise<boolean> {
  const result = await db.execute<{ known: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = ${timeZone}) AS known`);
  return result.rows[0]?.known === true;
}

/**
 * A new organization (default settings). Its slug is `slug`, or `slug-2`, `slug-3`… when taken:
 * slugs only name organizations to people, so a clash is not the operator's problem.
 */
export async function insertOrganization(db: Executor, values: { name: string; slug: string }): Promise<{ id: string; name: string; slug: string }> {
  const taken = new Set(
    (await db.execute<{ slug: string }>(sql`SELECT slug FROM organizations WHERE slug = ${values.slug} OR slug LIKE ${`${values.slug}-%`}`)).rows.map((r) => r.slug),
  );
  let slug = values.slug;
  for (let n = 2; taken.has(slug); n++) slug = `${values.slug}-${n}`;
  const [row] = await db.insert(organizations).values({ name: values.name, slug }).returning({ id: organizations.id, name: organizations.name, slug: organizations.slug });
  return row!;
}

/** Every organization with its count of active members, by name, then oldest first (for operators). */
export async function listOrganizationsWithMembers(db: Executor): Promise<{ id: string; name: string; slug: string; members: number; owners: string[] }[]> {
  const result = await db.execute<{ id: string; name: string; slug: string; members: number; owners: string[] }>(sql`
    SELECT o.id, o.name, o.slug,
           count(m.id) FILTER (WHERE m.deactivated_at IS NULL)::int AS members,
           coalesce(array_agg(u.email ORDER BY u.email) FILTER (WHERE m.role = 'OWNER' AND m.deactivated_at IS NULL), '{}') AS owners
      FROM organizations o
      LEFT JOIN memberships m ON m.organization_id = o.id
      LEFT JOIN users u ON u.id = m.user_id
     GROUP BY o.id
     ORDER BY lower(o.name), o.created_at, o.id`);
  return result.rows;
}
