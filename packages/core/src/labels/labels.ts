// Labels of the organization: names unique case-insensitively. Members and above manage them.
import {
  deleteLabelRow,
  enqueueNotificationDelivery,
  findLabelRow,
  findLabelRowsByIds,
  findOrCreateLabelsByName,
  insertLabel,
  listLabelRows,
  updateLabelRow,
  type Database,
  type Executor,
  type LabelRow,
} from '@rytask/db';
import { AppError } from '../errors';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';

type LabelColor = 'gray' | 'red' | 'orange' | 'yellow' | 'green' | 'teal' | 'blue' | 'purple' | 'pink';

const nameTaken = (name: string) => new AppError('conflict', `There is already a label called “${name}”.`, { field: 'name' });

async function findLabel(db: Executor, caller: Caller, labelId: string): Promise<LabelRow> {
  const label = await findLabelRow(db, caller.organization.id, labelId);
  if (!label) throw new AppError('not_found', 'No such label.');
  return label;
}

export async function listLabels(db: Database, caller: Caller): Promise<LabelRow[]> {
  return listLabelRows(db, caller.organization.id);
}

export async function createLabel(db: Database, caller: Caller, input: { name: string; color?: LabelColor }): Promise<LabelRow> {
  assertRole(caller, 'MEMBER');
  const label = await insertLabel(db, { organizationId: caller.organization.id, name: input.name, color: input.color });
  if (!label) throw nameTaken(input.name);
  return label;
}

export async function updateLabel(db: Database, caller: Caller, labelId: string, input: { name?: string; color?: LabelColor }): Promise<LabelRow> {
  const label = await findLabel(db, caller, labelId);
  assertRole(caller, 'MEMBER');
  if (input.name === undefined && input.color === undefined) return label;
  const updated = await updateLabelRow(db, labelId, input);
  if (updated === 'taken') throw nameTaken(input.name ?? label.name);
  return updated;
}

/** Removes the label from every item (recorded in their activity) and deletes it. */
export async function deleteLabel(db: Database, caller: Caller, labelId: string): Promise<void> {
  const label = await findLabel(db, caller, labelId);
  assertRole(caller, 'MEMBER');
  await db.transaction(async (tx) => {
    await deleteLabelRow(tx, label, caller.user.id);
    await enqueueNotificationDelivery(tx);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Labels given as ids or names (an item's `labels` field): ids must be this organization's labels;
 * names are found case-insensitively or created. Returns each label once.
 */
export async function resolveLabels(db: Executor, caller: Caller, given: string[]): Promise<LabelRow[]> {
  const ids = [...new Set(given.filter((g) => UUID.test(g)).map((g) => g.toLowerCase()))];
  // The first spelling of a name wins when it has to be created.
  const names: string[] = [];
  for (const name of given.filter((g) => !UUID.test(g)).map((g) => g.trim())) {
    if (name && !names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  const byId = await findLabelRowsByIds(db, caller.organization.id, ids);
  if (byId.length !== ids.length) {
    throw new AppError('validation_failed', 'One of the labels does not exist (any more). Reload and choose again.', { field: 'labels' });
  }
  const byName = await findOrCreateLabelsByName(db, caller.organization.id, names);
  return [...new Map([...byId, ...byName].map((l) => [l.id, l])).values()];
}
