// Editing an item. The write names the version it was based on; the UPDATE only applies while the
// row still has that version, so of two concurrent writers exactly one wins and the other gets 409.
// Each changed field gets one activity row with its old and new value; unchanged fields get none.
import {
  addWatchers,
  endOfColumn,
  labelsOfItems,
  lockProject,
  replaceItemLabels,
  updateItemIfVersion,
  type Database,
  type ItemPatch,
} from '@rytask/db';
import type { UpdateItem } from '@rytask/contracts';
import { mentionedMembers } from '../comments/mentions';
import { resolveLabels } from '../labels/labels';
import { assertRole } from '../policies/roles';
import type { Caller } from '../session';
import { labelNames, personValue, recordActivity, sameIds, statusValue, type FieldChange } from './activity-values';
import { findItem, getItem, inTrash, staleVersion, type ItemDetailView } from './item-view';
import { requireAssignable, requireProjectStatus, requireValidParent } from './rules';

export async function updateItem(db: Database, caller: Caller, itemId: string, input: UpdateItem): Promise<ItemDetailView> {
  const current = await findItem(db, caller, itemId);
  assertRole(caller, 'MEMBER');
  if (current.deletedAt) throw inTrash();
  if (current.version !== input.version) throw staleVersion();

  const patch: ItemPatch = {};
  const changes: FieldChange[] = [];
  const simple = [
    ['title', 'title', current.title, input.title],
    ['description', 'description', current.description, input.description],
    ['priority', 'priority', current.priority, input.priority],
    ['estimateMinutes', 'estimate', current.estimateMinutes, input.estimateMinutes],
    ['dueDate', 'dueDate', current.dueDate, input.dueDate],
  ] as const;
  for (const [column, field, oldValue, newValue] of simple) {
    if (newValue === undefined || newValue === oldValue) continue;
    Object.assign(patch, { [column]: newValue });
    changes.push({ field, oldValue, newValue });
  }
  if (patch.description !== undefined) {
    // The people a new description mentions who were not mentioned before: the inbox tells them.
    const before = new Set(await mentionedMembers(db, caller.organization.id, current.description));
    const mentions = (await mentionedMembers(db, caller.organization.id, patch.description)).filter((id) => !before.has(id));
    if (mentions.length > 0) changes.push({ field: 'description_mentions', oldValue: null, newValue: { mentions } });
  }
  if (input.statusId !== undefined && input.statusId !== current.statusId) {
    const status = await requireProjectStatus(db, current.projectId, input.statusId);
    patch.statusId = status.id;
    changes.push({ field: 'status', oldValue: statusValue({ id: current.statusId, name: current.statusName }), newValue: statusValue(status) });
  }
  const assigneeChanged = input.assigneeId !== undefined && input.assigneeId !== current.assigneeId;
  if (assigneeChanged) {
    const assignee = input.assigneeId ? await requireAssignable(db, caller, input.assigneeId) : null;
    patch.assigneeId = assignee?.id ?? null;
    const before = current.assigneeId ? { id: current.assigneeId, name: current.assigneeName ?? '' } : null;
    changes.push({ field: 'assignee', oldValue: personValue(before), newValue: personValue(assignee) });
  }

  await db.transaction(async (tx) => {
    if (input.parentId !== undefined && input.parentId !== current.parentId) {
      // Serializes re-parenting within the project, so two moves cannot build a cycle together.
      await lockProject(tx, current.projectId);
      const parent = input.parentId ? await requireValidParent(tx, caller, current, input.parentId) : null;
      patch.parentId = parent?.id ?? null;
      const before = current.parentId ? { id: current.parentId, key: `${current.projectKey}-${current.parentNumber}` } : null;
      changes.push({ field: 'parent', oldValue: before, newValue: parent });
    }
    let labelIds: string[] | undefined;
    if (input.labels !== undefined) {
      const before = (await labelsOfItems(tx, [itemId])).get(itemId) ?? [];
      const after = await resolveLabels(tx, caller, input.labels);
      if (!sameIds(before, after)) {
        labelIds = after.map((l) => l.id);
        changes.push({ field: 'labels', oldValue: labelNames(before), newValue: labelNames(after) });
      }
    }
    // Nothing differs: no new version, no activity.
    if (changes.length === 0) return;
    // A new status puts the item at the end of that column.
    if (patch.statusId) patch.boardPosition = await endOfColumn(tx, { projectId: current.projectId, statusId: patch.statusId });
    const updated = await updateItemIfVersion(tx, itemId, input.version, patch);
    if (!updated) throw staleVersion();
    if (labelIds) await replaceItemLabels(tx, itemId, labelIds);
    if (assigneeChanged && patch.assigneeId) await addWatchers(tx, itemId, [patch.assigneeId]);
    await recordActivity(
      tx,
      changes.map((c) => ({ organizationId: caller.organization.id, itemId, actorId: caller.user.id, ...c })),
    );
  });
  return getItem(db, caller, itemId);
}
