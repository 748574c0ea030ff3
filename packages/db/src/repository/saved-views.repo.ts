// Saved list/board filters. A personal view exists only for its owner; a shared one for everyone in
// the organization. Queries return only what the given user may see.
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { projects, savedViews, users } from '../schema';

export type SavedViewRow = {
  id: string;
  name: string;
  shared: boolean;
  projectId: string | null;
  owner: { id: string; name: string; handle: string | null };
  /** As stored; the caller validates it against the current query schema. */
  query: unknown;
};

function selectViews(db: Executor) {
  return db
    .select({
      id: savedViews.id,
      name: savedViews.name,
      shared: savedViews.shared,
      projectId: savedViews.projectId,
      ownerId: users.id,
      ownerName: users.name,
      ownerHandle: users.handle,
      query: savedViews.query,
    })
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId));
}

function toRow({ ownerId, ownerName, ownerHandle, ...rest }: Awaited<ReturnType<ReturnType<typeof selectViews>['execute']>>[number]): SavedViewRow {
  return { ...rest, owner: { id: ownerId, name: ownerName, handle: ownerHandle } };
}

const visibleTo = (organizationId: string, userId: string) =>
  and(eq(savedViews.organizationId, organizationId), or(eq(savedViews.ownerId, userId), eq(savedViews.shared, true)));

/** The user's own views and the organization's shared ones, by name. */
export async function listVisibleSavedViews(db: Executor, organizationId: string, userId: string): Promise<SavedViewRow[]> {
  const rows = await selectViews(db)
    .where(visibleTo(organizationId, userId))
    .orderBy(sql`lower(${savedViews.name})`, asc(savedViews.id));
  return rows.map(toRow);
}

/** A view the user may see; undefined for another person's personal view or another organization's. */
export async function findVisibleSavedView(db: Executor, organizationId: string, userId: string, id: string): Promise<SavedViewRow | undefined> {
  const [row] = await selectViews(db).where(and(visibleTo(organizationId, userId), eq(savedViews.id, id)));
  return row && toRow(row);
}

export async function insertSavedView(
  db: Executor,
  values: { organizationId: string; ownerId: string; name: string; shared: boolean; projectId: string | null; query: unknown },
): Promise<string> {
  const [row] = await db.insert(savedViews).values(values).returning({ id: savedViews.id });
  return row!.id;
}

export async function updateSavedView(
  db: Executor,
  organizationId: string,
  id: string,
  changes: Partial<{ name: string; shared: boolean; projectId: string | null; query: unknown }>,
): Promise<void> {
  await db
    .update(savedViews)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(savedViews.organizationId, organizationId), eq(savedViews.id, id)));
}

export async function deleteSavedView(db: Executor, organizationId: string, id: string): Promise<void> {
  await db.delete(savedViews).where(and(eq(savedViews.organizationId, organizationId), eq(savedViews.id, id)));
}

/** Whether the organization has this project (a view may be scoped to one). */
export async function projectExistsInOrganization(db: Executor, organizationId: string, projectId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.organizationId, organizationId), eq(projects.id, projectId)));
  return row !== undefined;
}
