// What makes an item's status, assignee and parent valid. Each failure names the field at fault.
import { ancestorIds, findActiveMember, findItemDetailRow, listProjectStatusRows, subtreeHeight, type Executor, type ItemDetailRow, type StatusRow, type WorkPerson } from '@rytask/db';
import { AppError } from '../errors';
import type { Caller } from '../session';

/** A sub-task's chain of parents is at most this long (product.md: depth ≤ 10). */
export const MAX_PARENT_CHAIN = 10;

export async function requireProjectStatus(db: Executor, projectId: string, statusId: string | undefined): Promise<StatusRow> {
  const statuses = await listProjectStatusRows(db, projectId);
  const status = statusId === undefined ? statuses[0] : statuses.find((s) => s.id === statusId);
  if (!status) {
    throw new AppError('validation_failed', 'Choose one of this project’s statuses.', { field: 'statusId' });
  }
  return status;
}

/** Work can be assigned only to active members of the organization. */
export async function requireAssignable(db: Executor, caller: Caller, userId: string): Promise<WorkPerson> {
  const person = await findActiveMember(db, caller.organization.id, userId);
  if (!person) {
    throw new AppError('validation_failed', 'Assign the item to an active member of this organization.', { field: 'assigneeId' });
  }
  return person;
}

/**
 * A parent must be an item of the same project, not in the trash, not the item itself or one of
 * its sub-tasks (no cycles), and the deepest sub-task below the item may have at most
 * MAX_PARENT_CHAIN parents. Returns the parent as activity records it.
 */
export async function requireValidParent(
  db: Executor,
  caller: Caller,
  child: { id?: string; projectId: string },
  parentId: string,
): Promise<{ id: string; key: string }> {
  const parent = await validParentRow(db, caller, child, parentId);
  return { id: parent.id, key: `${parent.projectKey}-${parent.number}` };
}

/** requireValidParent's checks, returning the parent's whole row (a create answers with its number and title). */
export async function validParentRow(
  db: Executor,
  caller: Caller,
  child: { id?: string; projectId: string },
  parentId: string,
): Promise<ItemDetailRow> {
  const invalid = (message: string) => new AppError('validation_failed', message, { field: 'parentId' });
  const parent = await findItemDetailRow(db, caller.organization.id, parentId);
  if (!parent || parent.projectId !== child.projectId) throw invalid('A sub-task’s parent must be an item of the same project.');
  if (parent.deletedAt) throw invalid('That parent item is in the trash.');
  if (child.id !== undefined && parent.id === child.id) throw invalid('An item cannot be its own parent.');
  const ancestors = await ancestorIds(db, parent.id, MAX_PARENT_CHAIN + 1);
  if (child.id !== undefined && ancestors.includes(child.id)) {
    throw invalid('That item is a sub-task of this one: the parent would become its own ancestor.');
  }
  const below = child.id === undefined ? 0 : await subtreeHeight(db, child.id, MAX_PARENT_CHAIN + 1);
  if (ancestors.length + 1 + below > MAX_PARENT_CHAIN) {
    throw invalid(`Sub-tasks can nest at most ${MAX_PARENT_CHAIN} levels deep.`);
  }
  return parent;
}

/** 'web' for the web app's session, 'api' for access tokens, unless the client names its source. */
export function sourceOf(caller: Caller): 'web' | 'api' {
  // `via` arrives with access tokens; a caller without it signed in with the session cookie.
  return (caller as { via?: string }).via === 'token' ? 'api' : 'web';
}
