// A board drop: the item goes to a status's column between two neighbours (null at a column's
// end). Its position is the midpoint of theirs; when repeated drops have squeezed the gap below
// MIN_GAP the column is renumbered first. A status change is recorded in the activity.
import { columnPositions, endOfColumn, renumberColumn, updateItemIfVersion, type Database, type Executor } from '@rytask/db';
import { AppError } from '../errors';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';
import { recordActivity, statusValue } from './activity-values';
import { findItem, getItem, inTrash, staleVersion, type ItemDetailView } from './item-view';
import { requireProjectStatus } from './rules';

export const MIN_GAP = 1e-9;

export interface MoveItem {
  version: number;
  statusId: string;
  afterId: string | null;
  beforeId: string | null;
}

const boardChanged = () =>
  new AppError('conflict', 'The board changed since you loaded it (a neighbour moved). Reload it and drop the card again.');

/** Where the item lands, or 'renumber' when the neighbours are too close for a midpoint. */
async function positionBetween(db: Executor, itemId: string, projectId: string, move: MoveItem): Promise<number | 'renumber'> {
  const neighbours = [move.afterId, move.beforeId].filter((id): id is string => id !== null);
  if (neighbours.includes(itemId)) {
    throw new AppError('validation_failed', 'A card cannot be dropped next to itself.', { field: move.afterId === itemId ? 'afterId' : 'beforeId' });
  }
  const positions = await columnPositions(db, move.statusId, neighbours);
  if (positions.size !== neighbours.length) throw boardChanged();
  const after = move.afterId ? positions.get(move.afterId)! : undefined;
  const before = move.beforeId ? positions.get(move.beforeId)! : undefined;
  if (after === undefined && before === undefined) return endOfColumn(db, { projectId, statusId: move.statusId });
  if (after === undefined) return before! - 1;
  if (before === undefined) return after + 1;
  if (before < after) throw boardChanged();
  if (before - after < MIN_GAP) return 'renumber';
  return after + (before - after) / 2;
}

export async function moveItem(db: Database, caller: Caller, itemId: string, move: MoveItem): Promise<ItemDetailView> {
  const current = await findItem(db, caller, itemId);
  assertRole(caller, 'MEMBER');
  if (current.deletedAt) throw inTrash();
  if (current.version !== move.version) throw staleVersion();
  const status = await requireProjectStatus(db, current.projectId, move.statusId);

  await db.transaction(async (tx) => {
    let position = await positionBetween(tx, itemId, current.projectId, move);
    if (position === 'renumber') {
      await renumberColumn(tx, { projectId: current.projectId, statusId: move.statusId });
      position = await positionBetween(tx, itemId, current.projectId, move);
      if (position === 'renumber') throw boardChanged();
    }
    const updated = await updateItemIfVersion(tx, itemId, move.version, { statusId: status.id, boardPosition: position });
    if (!updated) throw staleVersion();
    if (status.id !== current.statusId) {
      await recordActivity(tx, [
        {
          organizationId: caller.organization.id,
          itemId,
          actorId: caller.user.id,
          field: 'status',
          oldValue: statusValue({ id: current.statusId, name: current.statusName }),
          newValue: statusValue(status),
        },
      ]);
    }
  });
  return getItem(db, caller, itemId);
}
