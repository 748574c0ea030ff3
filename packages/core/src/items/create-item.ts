// Creating an item: numbered KEY-n from the project's counter (taken just before, in a short
// transaction of its own), placed at the end of its status's column, with a 'created' activity
// row; creator and assignee watch it. The answer is built from what was just written, not read
// back: a new item's page is its input, the rows already read to check it, and what the insert
// returns.
import { allocateItemNumber, insertNewItem, listOrganizationPeople, lockProject, type Database } from '@rytask/db';
import type { CreateItem } from '@rytask/contracts';
import { mentionedMembers } from '../comments/mentions';
import { resolveLabels } from '../labels/labels';
import { assertRole } from '../policies/roles';
import { requireProject } from '../projects/projects';
import type { Caller } from '../session';
import { personValue } from './activity-values';
import type { ItemDetailView } from './item-view';
import { requireAssignable, requireProjectStatus, requireValidParent, sourceOf, validParentRow } from './rules';

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
  const values = {
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
    source: input.source ?? sourceOf(caller),
    createdBy: caller.user.id,
  } as const;
  const { created, labels, parent } = await db.transaction(async (tx) => {
    const labels = await resolveLabels(tx, caller, input.labels ?? []);
    // A parent is checked under the project lock, as re-parenting is (update-item.ts), so no
    // concurrent re-parenting can slip a cycle or extra depth in.
    if (input.parentId) await lockProject(tx, project.id);
    const parent = input.parentId ? await validParentRow(tx, caller, { projectId: project.id }, input.parentId) : null;
    // Who the description mentions: the inbox tells them (policies/notifications.ts).
    const mentions = values.description ? await mentionedMembers(tx, caller.organization.id, values.description) : [];
    // Also queues the notification delivery (the outbox), as its last statement.
    const created = await insertNewItem(
      tx,
      { ...values, parentId: parent?.id ?? null },
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
    return { created, labels, parent };
  });

  const labelById = new Map(labels.map((l) => [l.id, l]));
  return {
    item: {
      id: created.id,
      organizationId: values.organizationId,
      projectId: values.projectId,
      number,
      title: values.title,
      description: values.description,
      statusId: values.statusId,
      priority: values.priority,
      assigneeId,
      estimateMinutes: values.estimateMinutes,
      dueDate: values.dueDate,
      source: values.source,
      projectKey: project.key,
      statusName: status.name,
      statusCategory: status.category,
      assigneeName: assignee?.name ?? null,
      assigneeHandle: assignee?.handle ?? null,
      // No time is logged on an item that did not exist.
      loggedSeconds: 0,
      parentId: parent?.id ?? null,
      parentNumber: parent?.number ?? null,
      parentTitle: parent?.title ?? null,
      boardPosition: created.boardPosition,
      version: created.version,
      createdAt: created.createdAt,
      updatedAt: created.updatedAt,
      deletedAt: null,
      createdById: caller.user.id,
      createdByName: caller.user.name,
      createdByHandle: caller.user.handle,
      labels: created.labelIds.map((id) => labelById.get(id)!),
    },
    // Nothing could be its sub-task before it existed; its creator always watches it.
    subtasks: [],
    watching: true,
    // The people are for linking @handles in the rendered description: a description without an
    // '@' (or an '&', which could spell one as an entity) links nobody, so they are not read.
    people: /[@&]/.test(values.description) ? await listOrganizationPeople(db, caller.organization.id) : [],
  };
}
