// Creating an item: numbered KEY-n from the project's counter (taken just before, in a short
// transaction of its own), placed at the end of its status's column, with a 'created' activity
// row; creator and assignee watch it.
import { allocateItemNumber, enqueueNotificationDelivery, insertNewItem, lockProject, type Database } from '@rytask/db';
import type { CreateItem } from '@rytask/contracts';
import { mentionedMembers } from '../comments/mentions';
import { resolveLabels } from '../labels/labels';
import { assertRole } from '../policies/roles';
import { requireProject } from '../projects/projects';
import type { Caller } from '../session';
import { personValue } from './activity-values';
import { getItem, type ItemDetailView } from './item-view';
import { requireAssignable, requireProjectStatus, requireValidParent, sourceOf } from './rules';

export async function createItem(db: Database, caller: Caller, projectId: string, input: CreateItem): Promise<ItemDetailView> {
  const project = await requireProject(db, caller, projectId);
  assertRole(caller, 'MEMBER');
  // Without a status the item goes to the project's first one.
  const status = await requireProjectStatus(db, project.id, input.statusId);
  const assigneeId = input.assigneeId ?? null;
  const assignee = assigneeId ? await requireAssignable(db, caller, assigneeId) : null;

  // A wrong parent is the likeliest refusal: checked before a number is taken (and again below).
  if (input.parentId) await requireValidParent(db, caller, { projectId: project.id }, input.parentId);
  // Taken and committed on its own, so concurrent creates do not queue on the project row for their
  // whole transaction. If the create fails below, this number is skipped, never reused.
  const number = await allocateItemNumber(db, project.id);
  const itemId = await db.transaction(async (tx) => {
    const labels = await resolveLabels(tx, caller, input.labels ?? []);
    // A parent is checked under the project lock, as re-parenting is (update-item.ts), so no
    // concurrent re-parenting can slip a cycle or extra depth in.
    if (input.parentId) await lockProject(tx, project.id);
    const parent = input.parentId ? await requireValidParent(tx, caller, { projectId: project.id }, input.parentId) : null;
    // Who the description mentions: the inbox tells them (policies/notifications.ts).
    const mentions = input.description ? await mentionedMembers(tx, caller.organization.id, input.description) : [];
    const id = await insertNewItem(
      tx,
      {
        organizationId: caller.organization.id,
        projectId: project.id,
        number,
        title: input.title,
        description: input.description ?? '',
        statusId: status.id,
        priority: input.priority ?? 'none',
        assigneeId,
        estimateMinutes: input.estimateMinutes ?? null,
        dueDate: input.dueDate ?? null,
        parentId: parent?.id ?? null,
        source: input.source ?? sourceOf(caller),
        createdBy: caller.user.id,
      },
      {
        labelIds: labels.map((l) => l.id),
        watcherIds: [caller.user.id, ...(assigneeId ? [assigneeId] : [])],
        // The assignee here is what tells the inbox to notify them (see policies/notifications.ts).
        created: {
          actorId: caller.user.id,
          newValue: { key: `${project.key}-${number}`, title: input.title, assignee: personValue(assignee), ...(mentions.length > 0 ? { mentions } : {}) },
        },
      },
    );
    // Last, as it asks: the queue's row is shared by every writer.
    await enqueueNotificationDelivery(tx);
    return id;
  });
  return getItem(db, caller, itemId);
}
