// A project's statuses: add, rename/recategorize, reorder, delete (moving its items elsewhere).
// Managing statuses is for owners and admins.
import {
  deleteStatusRow,
  enqueueNotificationDelivery,
  findStatusRow,
  insertStatuses,
  listStatusRows,
  lockProject,
  moveAllItemsToStatus,
  setStatusOrder,
  updateStatusRow,
  type Database,
  type StatusRow,
} from '@rytask/db';
import type { StatusCategory } from '@rytask/contracts';
import { AppError } from '../errors';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';
import { getProject, requireProject, type ProjectView } from './projects';

const nameTaken = (name: string) =>
  new AppError('conflict', `This project already has a status called “${name}”.`, { field: 'name' });

async function findStatus(db: Database, caller: Caller, statusId: string): Promise<StatusRow> {
  const status = await findStatusRow(db, caller.organization.id, statusId);
  if (!status) throw new AppError('not_found', 'No such status.');
  return status;
}

export async function createStatus(
  db: Database,
  caller: Caller,
  projectId: string,
  input: { name: string; category: StatusCategory },
): Promise<StatusRow> {
  await requireProject(db, caller, projectId);
  assertRole(caller, 'ADMIN');
  const created = await insertStatuses(db, projectId, [input]);
  if (!created) throw nameTaken(input.name);
  return created[0]!;
}

export async function updateStatus(
  db: Database,
  caller: Caller,
  statusId: string,
  input: { name?: string; category?: StatusCategory },
): Promise<StatusRow> {
  const status = await findStatus(db, caller, statusId);
  assertRole(caller, 'ADMIN');
  if (input.name === undefined && input.category === undefined) return status;
  const updated = await updateStatusRow(db, statusId, input);
  if (updated === 'taken') throw nameTaken(input.name ?? status.name);
  return updated;
}

/** `statusIds` must name every status of the project exactly once. */
export async function reorderStatuses(db: Database, caller: Caller, projectId: string, statusIds: string[]): Promise<ProjectView> {
  await requireProject(db, caller, projectId);
  assertRole(caller, 'ADMIN');
  await db.transaction(async (tx) => {
    await lockProject(tx, projectId);
    const current = new Set((await listStatusRows(tx, [projectId])).map((s) => s.id));
    const given = new Set(statusIds);
    if (given.size !== statusIds.length || given.size !== current.size || statusIds.some((id) => !current.has(id))) {
      throw new AppError('validation_failed', 'List every status of the project exactly once, in the new order.', { field: 'statusIds' });
    }
    await setStatusOrder(tx, projectId, statusIds);
  });
  return getProject(db, caller, projectId);
}

/**
 * Deletes a status after moving all its items (the trash included) to `moveTo`, another status of
 * the same project; each move is recorded in the item's activity. A project keeps at least one status.
 */
export async function deleteStatus(db: Database, caller: Caller, statusId: string, moveTo: string): Promise<void> {
  const status = await findStatus(db, caller, statusId);
  assertRole(caller, 'ADMIN');
  await db.transaction(async (tx) => {
    // Serializes status deletions in the project: two at once cannot delete the last two.
    await lockProject(tx, status.projectId);
    const siblings = await listStatusRows(tx, [status.projectId]);
    if (!siblings.some((s) => s.id === statusId)) throw new AppError('not_found', 'No such status.');
    if (siblings.length === 1) {
      throw new AppError('conflict', 'A project needs at least one status: add another before deleting this one.');
    }
    const target = siblings.find((s) => s.id === moveTo && s.id !== statusId);
    if (!target) {
      throw new AppError('validation_failed', 'Choose another status of this project to move its items to.', { field: 'moveTo' });
    }
    await moveAllItemsToStatus(tx, {
      organizationId: caller.organization.id,
      actorId: caller.user.id,
      from: { id: status.id, name: status.name },
      to: { id: target.id, name: target.name },
    });
    await deleteStatusRow(tx, statusId);
    // The moves are status changes: watchers hear about them.
    await enqueueNotificationDelivery(tx);
  });
}
