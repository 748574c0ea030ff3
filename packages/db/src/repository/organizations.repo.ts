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
