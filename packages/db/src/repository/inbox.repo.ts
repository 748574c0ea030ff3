// A person's inbox: their notifications in one organization, newest activity first.
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client';
import { items, notifications, projects, users } from '../schema';

export type NotificationRow = {
  id: string;
  kind: (typeof notifications.$inferSelect)['kind'];
  item: { id: string; key: string; title: string };
  actor: { id: string; name: string; handle: string | null } | null;
  commentId: string | null;
  count: number;
  createdAt: Date;
  updatedAt: Date;
  readAt: Date | null;
};

const actors = alias(users, 'actor');

function selectNotifications(db: Executor) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      itemId: items.id,
      projectKey: projects.key,
      itemNumber: items.number,
      itemTitle: items.title,
      actorId: actors.id,
      actorName: actors.name,
      actorHandle: actors.handle,
      commentId: notifications.commentId,
      count: notifications.eventCount,
      createdAt: notifications.createdAt,
      updatedAt: notifications.updatedAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .innerJoin(items, eq(items.id, notifications.itemId))
    .innerJoin(projects, eq(projects.id, items.projectId))
    .leftJoin(actors, eq(actors.id, notifications.actorId));
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectNotifications>['execute']>>[number];

function toRow(row: SelectedRow): NotificationRow {
  return {
    id: row.id,
    kind: row.kind,
    item: { id: row.itemId, key: `${row.projectKey}-${row.itemNumber}`, title: row.itemTitle },
    actor: row.actorId && row.actorName !== null ? { id: row.actorId, name: row.actorName, handle: row.actorHandle } : null,
    commentId: row.commentId,
    count: row.count,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    readAt: row.readAt,
  };
}

const mine = (organizationId: string, userId: string) =>
  and(eq(notifications.organizationId, organizationId), eq(notifications.userId, userId));

export async function listNotifications(
  db: Executor,
  organizationId: string,
  userId: string,
  options: { unreadOnly: boolean; limit: number },
): Promise<NotificationRow[]> {
  const rows = await selectNotifications(db)
    .where(and(mine(organizationId, userId), options.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.updatedAt), desc(notifications.id))
    .limit(options.limit);
  return rows.map(toRow);
}

export async function countUnreadNotifications(db: Executor, organizationId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(organizationId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function findNotification(db: Executor, organizationId: string, userId: string, id: string): Promise<NotificationRow | undefined> {
  const [row] = await selectNotifications(db).where(and(mine(organizationId, userId), eq(notifications.id, id)));
  return row && toRow(row);
}

/** Marks one notification read (keeping the first time it was read) or unread; false when it is not theirs. */
export async function setNotificationRead(db: Executor, organizationId: string, userId: string, id: string, read: boolean): Promise<boolean> {
  const updated = await db
    .update(notifications)
    .set({ readAt: read ? sql`coalesce(${notifications.readAt}, now())` : null })
    .where(and(mine(organizationId, userId), eq(notifications.id, id)))
    .returning({ id: notifications.id });
  return updated.length > 0;
}

/** Marks every unread notification read; returns how many. */
export async function markAllNotificationsRead(db: Executor, organizationId: string, userId: string): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(mine(organizationId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return updated.length;
}
