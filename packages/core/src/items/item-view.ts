// Reading one item as its page shows it, and the errors every item use case shares.
import {
  findItemDetailRow,
  findItemDetailRowByKey,
  isWatching,
  labelsOfItems,
  listOrganizationPeople,
  listSubtaskRows,
  type Executor,
  type ItemDetailRow,
  type ItemSummaryRow,
  type LabelRef,
  type OrganizationPerson,
} from '@rytask/db';
import { AppError } from '../errors';
import type { Caller } from '../session';

export type ItemSummaryView = ItemSummaryRow & { labels: LabelRef[] };

export interface ItemDetailView {
  item: ItemDetailRow & { labels: LabelRef[] };
  /** Not in the trash, by number. */
  subtasks: ItemSummaryView[];
  watching: boolean;
  /** The organization's people, for linking `@handle` mentions in the description (a create leaves them out when the description cannot mention anyone). */
  people: OrganizationPerson[];
}

export const itemNotFound = () => new AppError('not_found', 'No such item.');

export const staleVersion = () =>
  new AppError('conflict', 'This item was changed by someone else since you loaded it. Reload it and make your change again.');

export const inTrash = () => new AppError('conflict', 'This item is in the trash. Restore it before changing it.');

/** The item row (trashed too); 404 for unknown ids and other organizations' items. */
export async function findItem(db: Executor, caller: Caller, itemId: string): Promise<ItemDetailRow> {
  const row = await findItemDetailRow(db, caller.organization.id, itemId);
  if (!row) throw itemNotFound();
  return row;
}

async function detailOf(db: Executor, caller: Caller, row: ItemDetailRow): Promise<ItemDetailView> {
  const [subtasks, watching, people] = await Promise.all([
    listSubtaskRows(db, caller.organization.id, row.id),
    isWatching(db, row.id, caller.user.id),
    listOrganizationPeople(db, caller.organization.id),
  ]);
  const labels = await labelsOfItems(db, [row.id, ...subtasks.map((s) => s.id)]);
  return {
    item: { ...row, labels: labels.get(row.id) ?? [] },
    subtasks: subtasks.map((s) => ({ ...s, labels: labels.get(s.id) ?? [] })),
    watching,
    people,
  };
}

export async function getItem(db: Executor, caller: Caller, itemId: string): Promise<ItemDetailView> {
  return detailOf(db, caller, await findItem(db, caller, itemId));
}

const ITEM_KEY = /^([A-Za-z][A-Za-z0-9]{1,9})-(\d{1,9})$/;

/** `OPS-12`, in any case. */
export async function getItemByKey(db: Executor, caller: Caller, key: string): Promise<ItemDetailView> {
  const match = ITEM_KEY.exec(key.trim());
  if (!match) throw itemNotFound();
  const row = await findItemDetailRowByKey(db, caller.organization.id, match[1]!.toUpperCase(), Number(match[2]));
  if (!row) throw itemNotFound();
  return detailOf(db, caller, row);
}
