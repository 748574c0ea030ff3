// Saved views: a name and an item-list query, personal or shared with the organization. The list
// endpoint (GET /api/v1/items) applies the query; a view only stores it.
import { savedViewQuerySchema } from '@rytask/contracts';
import type { z } from 'zod';
import {
  deleteSavedView as deleteSavedViewRow,
  findVisibleSavedView,
  insertSavedView,
  listVisibleSavedViews,
  projectExistsInOrganization,
  updateSavedView as updateSavedViewRow,
  type Database,
  type Executor,
  type SavedViewRow,
} from '@rytask/db';
import { AppError } from '../errors';
import { assertRole } from '../policies/roles';
import { assertCanDeleteSavedView, assertCanEditSavedView } from '../policies/saved-views';
import type { Caller } from '../session';

export type SavedViewQuery = z.infer<typeof savedViewQuerySchema>;
export type SavedView = Omit<SavedViewRow, 'query'> & { query: SavedViewQuery };
export type SavedViewInput = { name: string; shared: boolean; projectId: string | null; query: SavedViewQuery };

const viewNotFound = () => new AppError('not_found', 'No such view.');

/**
 * A stored query read back through today's schema. One saved under an older shape that no longer
 * parses opens as the plain list rather than failing the whole list of views.
 */
function withQuery(row: SavedViewRow): SavedView {
  const parsed = savedViewQuerySchema.safeParse(row.query);
  return { ...row, query: parsed.success ? parsed.data : savedViewQuerySchema.parse({}) };
}

async function assertProject(db: Executor, organizationId: string, projectId: string | null | undefined): Promise<void> {
  if (projectId && !(await projectExistsInOrganization(db, organizationId, projectId))) {
    throw new AppError('not_found', 'No such project.', { field: 'projectId' });
  }
}

/** Any role: the caller's own views and the organization's shared ones. */
export async function listSavedViews(db: Database, caller: Caller): Promise<SavedView[]> {
  return (await listVisibleSavedViews(db, caller.organization.id, caller.user.id)).map(withQuery);
}

/** MEMBER+. */
export async function createSavedView(db: Database, caller: Caller, input: SavedViewInput): Promise<SavedView> {
  assertRole(caller, 'MEMBER');
  const organizationId = caller.organization.id;
  return db.transaction(async (tx) => {
    await assertProject(tx, organizationId, input.projectId);
    const id = await insertSavedView(tx, { organizationId, ownerId: caller.user.id, ...input });
    return withQuery((await findVisibleSavedView(tx, organizationId, caller.user.id, id))!);
  });
}

/** The owner only. Someone else's personal view does not exist for the caller (404). */
export async function updateSavedView(db: Database, caller: Caller, id: string, input: Partial<SavedViewInput>): Promise<SavedView> {
  const organizationId = caller.organization.id;
  return db.transaction(async (tx) => {
    const view = await findVisibleSavedView(tx, organizationId, caller.user.id, id);
    if (!view) throw viewNotFound();
    assertRole(caller, 'MEMBER');
    assertCanEditSavedView(caller, view);
    await assertProject(tx, organizationId, input.projectId);
    await updateSavedViewRow(tx, organizationId, id, input);
    return withQuery((await findVisibleSavedView(tx, organizationId, caller.user.id, id))!);
  });
}

/** The owner; an OWNER or ADMIN may also delete a shared view. */
export async function deleteSavedView(db: Database, caller: Caller, id: string): Promise<void> {
  const organizationId = caller.organization.id;
  await db.transaction(async (tx) => {
    const view = await findVisibleSavedView(tx, organizationId, caller.user.id, id);
    if (!view) throw viewNotFound();
    assertRole(caller, 'MEMBER');
    assertCanDeleteSavedView(caller, view);
    await deleteSavedViewRow(tx, organizationId, id);
  });
}
