// Reading work items: one item with everything its page shows, sub-tasks, labels of many items,
// watchers and the activity history. Scoped by organization like every work query.
import { and, asc, eq, isNull, sql, type AnyColumn, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import { itemActivity, itemLabels, items, itemWatchers, labels, projects, statuses, timeEntries, users } from '../schema';
import type { LabelRow } from './labels.repo';
import { preparedOn } from './prepared';
import type { WorkPerson } from './work-shared';

/** The assignee's user row, joined under its own name (lists join it too). */
export const assignee = alias(users, 'assignee');
const creator = alias(users, 'creator');
const parent = alias(items, 'parent');

/**
 * Seconds of the item's finished time entries, everyone's (the plan-vs-actual meter): one correlated
 * sum over time_entries_item_idx, in the item's own row, so lists and boards need no second query.
 */
export function loggedSecondsOf(itemId: AnyColumn): SQL<number> {
  return sql<number>`(
    SELECT coalesce(sum(extract(epoch FROM te.ended_at - te.started_at)), 0)::int
      FROM ${timeEntries} te
     WHERE te.item_id = ${itemId} AND te.ended_at IS NOT NULL)`.mapWith(Number);
}

/** The columns of an item as lists and boards show it (labels come separately, see `labelsOfItems`). */
export const itemSummaryColumns = {
  id: items.id,
  organizationId: items.organizationId,
  projectId: items.projectId,
  projectKey: projects.key,
  number: items.number,
  title: items.title,
  statusId: items.statusId,
  statusName: statuses.name,
  statusCategory: statuses.category,
  priority: items.priority,
  assigneeId: items.assigneeId,
  assigneeName: assignee.name,
  assigneeHandle: assignee.handle,
  estimateMinutes: items.estimateMinutes,
  loggedSeconds: loggedSecondsOf(items.id),
  dueDate: items.dueDate,
  parentId: items.parentId,
  boardPosition: items.boardPosition,
  version: items.version,
  createdAt: items.createdAt,
  updatedAt: items.updatedAt,
  deletedAt: items.deletedAt,
};

const itemDetailColumns = {
  ...itemSummaryColumns,
  description: items.description,
  source: items.source,
  createdById: items.createdBy,
  createdByName: creator.name,
  createdByHandle: creator.handle,
  parentNumber: parent.number,
  parentTitle: parent.title,
};

export type ItemSummaryRow = Awaited<ReturnType<typeof listSubtaskRows>>[number];
export type ItemDetailRow = Awaited<ReturnType<typeof findItemRows>>[number];

function findItemRows(db: Executor, organizationId: string, where: ReturnType<typeof and>) {
  return db
    .select(itemDetailColumns)
    .from(items)
    .innerJoin(projects, eq(projects.id, items.projectId))
    .innerJoin(statuses, eq(statuses.id, items.statusId))
    .leftJoin(assignee, eq(assignee.id, items.assigneeId))
    .leftJoin(creator, eq(creator.id, items.createdBy))
    .leftJoin(parent, eq(parent.id, items.parentId))
    .where(and(eq(items.organizationId, organizationId), where));
}

/** One item (trashed or not), with its project key, status, assignee, creator and parent. */
export async function findItemDetailRow(db: Executor, organizationId: string, itemId: string): Promise<ItemDetailRow | undefined> {
  // Every item page and every write's answer reads it: prepared once per database handle (prepared.ts).
  const statement = preparedOn(db, 'rytask_item_detail', (root) =>
    findItemRows(root, sql.placeholder('organizationId') as unknown as string, eq(items.id, sql.placeholder('itemId'))).prepare('rytask_item_detail'),
  );
  const [row] = statement ? await statement.execute({ organizationId, itemId }) : await findItemRows(db, organizationId, eq(items.id, itemId));
  return row;
}

/** `OPS-12`: the project key (exact, upper case) and the number. */
export async function findItemDetailRowByKey(db: Executor, organizationId: string, projectKey: string, number: number) {
  const [row] = await findItemRows(db, organizationId, and(eq(projects.key, projectKey), eq(items.number, number)));
  return row;
}

/** The sub-tasks of an item that are not in the trash, by number. */
export async function listSubtaskRows(db: Executor, organizationId: string, parentId: string) {
  const statement = preparedOn(db, 'rytask_subtasks', (root) =>
    subtaskRowsQuery(root, sql.placeholder('organizationId') as unknown as string, sql.placeholder('parentId') as unknown as string).prepare('rytask_subtasks'),
  );
  return statement ? statement.execute({ organizationId, parentId }) : subtaskRowsQuery(db, organizationId, parentId);
}

function subtaskRowsQuery(db: Executor, organizationId: string, parentId: string) {
  return db
    .select(itemSummaryColumns)
    .from(items)
    .innerJoin(projects, eq(projects.id, items.projectId))
    .innerJoin(statuses, eq(statuses.id, items.statusId))
    .leftJoin(assignee, eq(assignee.id, items.assigneeId))
    .where(and(eq(items.organizationId, organizationId), eq(items.parentId, parentId), isNull(items.deletedAt)))
    .orderBy(asc(items.number));
}

/** A label as items carry it. */
export type LabelRef = Pick<LabelRow, 'id' | 'name' | 'color'>;

/** An item's labels as a JSON array in the item's own row, by name: lists need no second query. */
export function labelsJsonOf(itemId: AnyColumn): SQL<LabelRef[]> {
  return sql<LabelRef[]>`(
    SELECT coalesce(json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color) ORDER BY lower(l.name) COLLATE "C"), '[]')
      FROM ${itemLabels} il JOIN ${labels} l ON l.id = il.label_id
     WHERE il.item_id = ${itemId})`;
}

/** The labels of each item, by name (one query for a whole page). */
export async function labelsOfItems(db: Executor, itemIds: string[]): Promise<Map<string, LabelRow[]>> {
  const byItem = new Map<string, LabelRow[]>(itemIds.map((id) => [id, []]));
  if (itemIds.length === 0) return byItem;
  // One array parameter, so one prepared statement serves any number of items (prepared.ts).
  const statement = preparedOn(db, 'rytask_labels_of_items', (root) =>
    labelsOfItemsQuery(root, sql.placeholder('itemIds')).prepare('rytask_labels_of_items'),
  );
  const rows = statement ? await statement.execute({ itemIds }) : await labelsOfItemsQuery(db, itemIds);
  for (const row of rows) byItem.get(row.itemId)?.push(row.label);
  return byItem;
}

function labelsOfItemsQuery(db: Executor, itemIds: string[] | Placeholder) {
  return db
    .select({ itemId: itemLabels.itemId, label: labels })
    .from(itemLabels)
    .innerJoin(labels, eq(labels.id, itemLabels.labelId))
    // One parameter holding the array (a plain array in `sql` would become a list of parameters).
    .where(sql`${itemLabels.itemId} = ANY(${Array.isArray(itemIds) ? sql.param(itemIds) : itemIds}::uuid[])`)
    .orderBy(asc(sql`lower(${labels.name}) COLLATE "C"`));
}

export async function isWatching(db: Executor, itemId: string, userId: string): Promise<boolean> {
  const query = (on: Executor, item: string, user: string) =>
    on.select({ one: sql`1` }).from(itemWatchers).where(and(eq(itemWatchers.itemId, item), eq(itemWatchers.userId, user)));
  const statement = preparedOn(db, 'rytask_is_watching', (root) =>
    query(root, sql.placeholder('itemId') as unknown as string, sql.placeholder('userId') as unknown as string).prepare('rytask_is_watching'),
  );
  const rows = statement ? await statement.execute({ itemId, userId }) : await query(db, itemId, userId);
  return rows.length > 0;
}

/** The item's ancestors, nearest first (at most `limit`; a longer chain is cut there). */
export async function ancestorIds(db: Executor, itemId: string, limit: number): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM ${items} WHERE id = ${itemId}
      UNION ALL
      SELECT i.id, i.parent_id, up.depth + 1 FROM ${items} i JOIN up ON i.id = up.parent_id WHERE up.depth < ${limit}
    )
    SELECT id FROM up WHERE depth > 0 ORDER BY depth`);
  return result.rows.map((r) => r.id);
}

/** How many levels of sub-tasks hang below the item (0 without sub-tasks), counted up to `limit`. */
export async function subtreeHeight(db: Executor, itemId: string, limit: number): Promise<number> {
  const result = await db.execute<{ height: number }>(sql`
    WITH RECURSIVE down(id, depth) AS (
      SELECT id, 0 FROM ${items} WHERE id = ${itemId}
      UNION ALL
      SELECT i.id, down.depth + 1 FROM ${items} i JOIN down ON i.parent_id = down.id WHERE down.depth < ${limit}
    )
    SELECT max(depth)::int AS height FROM down`);
  return Number(result.rows[0]?.height ?? 0);
}

export interface ActivityRow {
  id: number;
  actor: WorkPerson | null;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  createdAt: Date;
}

/** The item's history, oldest first. */
export async function listActivityRows(db: Executor, organizationId: string, itemId: string): Promise<ActivityRow[]> {
  const rows = await db
    .select({
      id: itemActivity.id,
      actorId: itemActivity.actorId,
      actorName: users.name,
      actorHandle: users.handle,
      field: itemActivity.field,
      oldValue: itemActivity.oldValue,
      newValue: itemActivity.newValue,
      createdAt: itemActivity.createdAt,
    })
    .from(itemActivity)
    .leftJoin(users, eq(users.id, itemActivity.actorId))
    .where(and(eq(itemActivity.organizationId, organizationId), eq(itemActivity.itemId, itemId)))
    .orderBy(asc(itemActivity.id));
  return rows.map(({ actorId, actorName, actorHandle, ...row }) => ({
    ...row,
    actor: actorId && actorName !== null ? { id: actorId, name: actorName, handle: actorHandle } : null,
  }));
}
