// Comments on work items, the people they mention, and the watchers and activity a comment adds.
// Every query names the organization: another organization's ids find nothing.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { comments, items, itemActivity, itemWatchers, memberships, users } from '../schema';

export type CommentRow = {
  id: string;
  itemId: string;
  author: { id: string; name: string; handle: string | null } | null;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
};

const commentColumns = {
  id: comments.id,
  itemId: comments.itemId,
  authorId: comments.authorId,
  authorName: users.name,
  authorHandle: users.handle,
  body: comments.body,
  createdAt: comments.createdAt,
  editedAt: comments.editedAt,
};

function toCommentRow(row: {
  id: string;
  itemId: string;
  authorId: string | null;
  authorName: string | null;
  authorHandle: string | null;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
}): CommentRow {
  const { authorId, authorName, authorHandle, ...rest } = row;
  return { ...rest, author: authorId && authorName !== null ? { id: authorId, name: authorName, handle: authorHandle } : null };
}

/** The item's id and whether it is in the trash; undefined when the organization has no such item. */
export async function findItemForComments(
  db: Executor,
  organizationId: string,
  itemId: string,
  options: { lock?: boolean } = {},
): Promise<{ id: string; deletedAt: Date | null } | undefined> {
  const query = db
    .select({ id: items.id, deletedAt: items.deletedAt })
    .from(items)
    .where(and(eq(items.organizationId, organizationId), eq(items.id, itemId)));
  // FOR SHARE: a comment and a concurrent move to the trash cannot both succeed unseen.
  const [row] = options.lock ? await query.for('share') : await query;
  return row;
}

/** The item's comments, oldest first. */
export async function listItemComments(db: Executor, organizationId: string, itemId: string): Promise<CommentRow[]> {
  const rows = await db
    .select(commentColumns)
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.organizationId, organizationId), eq(comments.itemId, itemId)))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return rows.map(toCommentRow);
}

export async function findComment(db: Executor, organizationId: string, commentId: string): Promise<CommentRow | undefined> {
  const [row] = await db
    .select(commentColumns)
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.organizationId, organizationId), eq(comments.id, commentId)));
  return row && toCommentRow(row);
}

export async function insertComment(
  db: Executor,
  values: { organizationId: string; itemId: string; authorId: string; body: string },
): Promise<string> {
  const [row] = await db.insert(comments).values(values).returning({ id: comments.id });
  return row!.id;
}

/** New body, marked edited now. */
export async function updateCommentBody(db: Executor, organizationId: string, commentId: string, body: string): Promise<void> {
  await db
    .update(comments)
    .set({ body, editedAt: sql`now()` })
    .where(and(eq(comments.organizationId, organizationId), eq(comments.id, commentId)));
}

export async function deleteComment(db: Executor, organizationId: string, commentId: string): Promise<void> {
  await db.delete(comments).where(and(eq(comments.organizationId, organizationId), eq(comments.id, commentId)));
}

/** Idempotent: watching twice is watching. */
export async function ensureItemWatcher(db: Executor, itemId: string, userId: string): Promise<void> {
  await db.insert(itemWatchers).values({ itemId, userId }).onConflictDoNothing();
}

/** A comment's row in the item's history (the worker turns it into notifications; see enqueueNotificationDelivery). */
export async function recordCommentActivity(
  db: Executor,
  values: {
    organizationId: string;
    itemId: string;
    actorId: string;
    field: 'comment' | 'comment_edited';
    commentId: string;
    newValue: { mentions: string[] };
  },
): Promise<number> {
  const [row] = await db.insert(itemActivity).values(values).returning({ id: itemActivity.id });
  return row!.id;
}

export type MentionablePerson = { id: string; name: string; handle: string };

/**
 * Members of the organization with one of the (lower-cased) handles. `activeOnly` leaves out
 * deactivated members and accounts: the people a mention may notify. Without it, everyone a
 * mention may link to (history stays readable after someone leaves).
 */
export async function findMembersByHandles(
  db: Executor,
  organizationId: string,
  handles: string[],
  options: { activeOnly?: boolean } = {},
): Promise<MentionablePerson[]> {
  if (handles.length === 0) return [];
  const rows = await db
    .select({ id: users.id, name: users.name, handle: users.handle })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        inArray(sql`lower(${users.handle})`, handles),
        ...(options.activeOnly ? [isNull(memberships.deactivatedAt), isNull(users.deactivatedAt)] : []),
      ),
    );
  return rows.filter((row): row is MentionablePerson => row.handle !== null);
}

/** The comment's notifications keep pointing at the item, not at a comment that is gone. */
export async function detachNotificationsFromComment(db: Executor, commentId: string): Promise<void> {
  await db.execute(sql`UPDATE notifications SET comment_id = NULL WHERE comment_id = ${commentId}`);
}
