// Writing work items: insert, versioned update, board positions, labels, activity, watchers.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { itemActivity, itemLabels, items, itemWatchers, labels } from '../schema';
import { notificationDeliveryJob } from './notification-delivery.repo';

export type ItemRow = typeof items.$inferSelect;

/**
 * A board column: a status of a project. Queries name the project too, although a status's items
 * are all in its project: items_board_idx leads with the project, and the status alone has no index.
 */
export interface Column {
  projectId: string;
  statusId: string;
}

/** The position after the last item of a column (trashed items keep their place): a backward index-only scan. */
export async function endOfColumn(db: Executor, column: Column): Promise<number> {
  const [row] = await db
    .select({ top: sql<number>`coalesce(max(${items.boardPosition}), 0) + 1`.mapWith(Number) })
    .from(items)
    .where(and(eq(items.projectId, column.projectId), eq(items.statusId, column.statusId)));
  return row!.top;
}

/** What insertNewItem wrote that its caller did not choose: the rest of a new item is its input. */
export interface NewItemRow {
  id: string;
  boardPosition: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The given label ids in the order an item's labels are read (labelsOfItems: by name). */
  labelIds: string[];
}

/**
 * A new item with its labels, its 'created' activity row and its watchers, in one statement, at the
 * end of its status's column, in one round trip. Two items created at the same moment in the same
 * column may get the same position: the board orders them by id, and a drop between them
 * renumbers the column (move-item.ts). The same statement queues the notification delivery for
 * the activity row (enqueueNotificationDelivery's call), so it is the transaction's last statement:
 * the queue's shared row is held from there to the commit only.
 */
export async function insertNewItem(
  db: Executor,
  values: Pick<ItemRow, 'organizationId' | 'projectId' | 'number' | 'title' | 'description' | 'statusId' | 'priority' | 'assigneeId' | 'estimateMinutes' | 'dueDate' | 'parentId' | 'source' | 'createdBy'>,
  extras: { labelIds: string[]; watcherIds: string[]; created: { actorId: string; newValue: unknown } },
): Promise<NewItemRow> {
  const v = values;
  const result = await db.execute<{ id: string; board_position: number | string; version: number; created_at: string; updated_at: string; label_ids: string[] | null }>(sql`
    WITH item AS (
      INSERT INTO ${items} (organization_id, project_id, number, title, description, status_id, priority, assignee_id,
                            estimate_minutes, due_date, parent_id, source, created_by, board_position)
      VALUES (${v.organizationId}, ${v.projectId}, ${v.number}, ${v.title}, ${v.description}, ${v.statusId}, ${v.priority},
              ${v.assigneeId}, ${v.estimateMinutes}, ${v.dueDate}, ${v.parentId}, ${v.source}, ${v.createdBy},
              -- A status's items are all in its project: naming the project lets items_board_idx
              -- find the column's end (a status alone would scan every item of every project).
              (SELECT coalesce(max(board_position), 0) + 1 FROM ${items} WHERE project_id = ${v.projectId} AND status_id = ${v.statusId}))
      RETURNING id, board_position, version, created_at, updated_at
    ), labelled AS (
      INSERT INTO ${itemLabels} (item_id, label_id)
      SELECT item.id, label_id FROM item, unnest(${sql.param(extras.labelIds)}::uuid[]) AS label_id
    ), recorded AS (
      INSERT INTO ${itemActivity} (organization_id, item_id, actor_id, field, new_value)
      SELECT ${v.organizationId}, item.id, ${extras.created.actorId}, 'created', ${JSON.stringify(extras.created.newValue)}::jsonb FROM item
    ), watching AS (
      INSERT INTO ${itemWatchers} (item_id, user_id)
      SELECT item.id, user_id FROM item, unnest(${sql.param([...new Set(extras.watcherIds)])}::uuid[]) AS user_id
      ON CONFLICT DO NOTHING
    ), queued AS (
      SELECT FROM ${notificationDeliveryJob()}
    )
    SELECT item.*,
           (SELECT array_agg(l.id ORDER BY lower(l.name) COLLATE "C") FROM ${labels} l
             WHERE l.id = ANY(${sql.param(extras.labelIds)}::uuid[])) AS label_ids
      FROM item, queued`);
  const row = result.rows[0]!;
  return {
    id: row.id,
    // Mapped as the schema's columns map them, so the values equal what reading the item gives.
    boardPosition: items.boardPosition.mapFromDriverValue(row.board_position) as number,
    version: Number(row.version),
    createdAt: items.createdAt.mapFromDriverValue(row.created_at) as Date,
    updatedAt: items.updatedAt.mapFromDriverValue(row.updated_at) as Date,
    labelIds: row.label_ids ?? [],
  };
}

export type ItemPatch = Partial<
  Pick<ItemRow, 'title' | 'description' | 'statusId' | 'priority' | 'assigneeId' | 'estimateMinutes' | 'dueDate' | 'parentId' | 'boardPosition'>
>;

/**
 * Applies the patch only if the item still has `version`, bumping it and `updated_at`. The
 * condition is checked under the row lock, so of two writers holding the same version exactly one
 * wins; the other gets false (→ 409).
 */
export async function updateItemIfVersion(db: Executor, itemId: string, version: number, patch: ItemPatch): Promise<ItemRow | undefined> {
  const [row] = await db
    .update(items)
    .set({ ...patch, version: sql`${items.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(items.id, itemId), eq(items.version, version)))
    .returning();
  return row;
}

/** Moves to the trash or back; bumps the version. Only from the other state (false otherwise). */
export async function setItemTrashed(db: Executor, itemId: string, trashedBy: string | null): Promise<boolean> {
  const rows = await db
    .update(items)
    .set({
      deletedAt: trashedBy ? sql`now()` : null,
      deletedBy: trashedBy,
      version: sql`${items.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(items.id, itemId), trashedBy ? sql`${items.deletedAt} IS NULL` : isNotNull(items.deletedAt)))
    .returning({ id: items.id });
  return rows.length > 0;
}

export async function replaceItemLabels(db: Executor, itemId: string, labelIds: string[]): Promise<void> {
  await db.delete(itemLabels).where(eq(itemLabels.itemId, itemId));
  if (labelIds.length > 0) {
    await db.insert(itemLabels).values(labelIds.map((labelId) => ({ itemId, labelId }))).onConflictDoNothing();
  }
}

export interface ActivityInsert {
  organizationId: string;
  itemId: string;
  actorId: string;
  field: string;
  oldValue?: unknown;
  newValue?: unknown;
}

export async function insertActivityRows(db: Executor, rows: ActivityInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(itemActivity).values(rows.map((r) => ({ ...r, oldValue: r.oldValue ?? null, newValue: r.newValue ?? null })));
}

export async function addWatchers(db: Executor, itemId: string, userIds: string[]): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  await db.insert(itemWatchers).values(unique.map((userId) => ({ itemId, userId }))).onConflictDoNothing();
}

export async function removeWatcher(db: Executor, itemId: string, userId: string): Promise<void> {
  await db.delete(itemWatchers).where(and(eq(itemWatchers.itemId, itemId), eq(itemWatchers.userId, userId)));
}

/** Board positions of the given items, if they are in the status's column and not trashed. */
export async function columnPositions(db: Executor, statusId: string, itemIds: string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .select({ id: items.id, position: items.boardPosition })
    .from(items)
    .where(and(eq(items.statusId, statusId), inArray(items.id, itemIds), sql`${items.deletedAt} IS NULL`));
  return new Map(rows.map((r) => [r.id, r.position]));
}

/**
 * Renumbers a column 1, 2, 3… in its current order (trash included), when repeated drops between
 * the same neighbours have made the gaps too small for a midpoint. Other items' versions stay:
 * their order, not their content, is unchanged.
 */
export async function renumberColumn(db: Executor, column: Column): Promise<void> {
  await db.execute(sql`
    UPDATE ${items} i SET board_position = r.rn
      FROM (SELECT id, row_number() OVER (ORDER BY board_position, id) AS rn FROM ${items}
             WHERE project_id = ${column.projectId} AND status_id = ${column.statusId}) r
     WHERE i.id = r.id`);
}
